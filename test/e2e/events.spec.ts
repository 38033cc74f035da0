// The operator's path on the Events screen, against a real sandbox whose webhook receiver fails:
// filter to failed order.paid events of one installation in the last 24 h → open one → read the
// receiver's 500 body → fix the receiver → redeliver → the new manual attempt succeeds. Also: the
// deep link reopens the same view, both languages, and the list's empty/error states.
import { test, expect, type ConsoleApp } from './fixtures';
import { EventsPage } from './pages/EventsPage';
import { seedSandboxProfile } from './support';
import { startEventsScenario, type EventsScenario } from './events-scenario';

let scenario: EventsScenario;

test.beforeAll(async () => {
  // 10,000+ events created the real way, and their first deliveries, take a while on 2 cores.
  test.setTimeout(240_000);
  scenario = await startEventsScenario({ exportRows: 0, refundedRows: 0 });
});

test.afterAll(async () => {
  await scenario?.close();
});

async function useScenarioProfile(app: ConsoleApp, name = 'Orders sandbox') {
  return (await seedSandboxProfile(app, name, scenario.sandbox)).profile;
}

test('filter failed order.paid of one installation in 24 h, read the 500, fix, redeliver, see the manual attempt succeed', async ({ app }) => {
  const profile = await useScenarioProfile(app);
  await app.open('/events');
  const events = new EventsPage(app.page);
  await expect(events.table).toBeVisible();

  await events.fillFilter('filter-name', 'order.paid');
  await events.selectFilter('filter-status', 'Failed');
  await events.selectFilter('filter-installation', new RegExp(scenario.installationA.id));
  await events.selectFilter('filter-range', 'Last 24 hours');
  await events.expectLoadedRows(scenario.failedPaidA.length);
  const shown = await events.rows.evaluateAll((rows) => rows.map((r) => r.getAttribute('data-event-id')));
  expect(shown.sort()).toEqual([...scenario.failedPaidA].sort());

  // The filters are in the URL: this exact view is a deep link.
  const url = new URL(app.page.url());
  const search = new URLSearchParams(url.hash.split('?')[1]);
  expect(Object.fromEntries(search)).toMatchObject({ name: 'order.paid', status: 'failed', installation: scenario.installationA.id, range: '24h' });

  const eventId = await events.openFirstRow();
  await expect(events.attempts.first()).toHaveAttribute('data-status', 'failed');
  await expect(events.page.getByTestId('attempt-response-body').first()).toContainText(scenario.failureBodyMarker);

  await scenario.fixReceiver();
  await events.page.getByTestId('redeliver-button').click();
  await expect(events.confirmDialog).toBeVisible();
  await expect(events.page.getByTestId('confirm-profile-name')).toHaveText(profile.name);
  await events.page.getByTestId('confirm-ok').click();

  const manual = events.page.locator('[data-testid="attempt"][data-trigger="manual"]');
  await expect(manual).toHaveCount(1, { timeout: 15_000 });
  await expect(manual).toHaveAttribute('data-status', 'succeeded', { timeout: 15_000 });
  await expect(events.detail).toHaveAttribute('data-event-id', eventId);
  await scenario.breakReceiver();
});

test('a deep link reopens the same filtered view with the event open', async ({ app }) => {
  await useScenarioProfile(app);
  const target = scenario.failedPaidA[0]!;
  // No status filter: the first test redelivers one of these, which changes its status.
  await app.open(`/events?name=order.paid&installation=${encodeURIComponent(scenario.installationA.id)}&range=24h&event=${target}`);
  const events = new EventsPage(app.page);
  await expect(events.detail).toHaveAttribute('data-event-id', target);
  await expect(app.page.getByTestId('filter-name')).toHaveValue('order.paid');
  await app.page.keyboard.press('Escape');
  await expect(events.detail).toHaveCount(0);
  // The three recent order.paid of installation A; the one from 3 days ago is outside "last 24 hours".
  await events.expectLoadedRows(scenario.failedPaidA.length);
  expect(new URL(app.page.url()).hash).not.toContain('event=');
});

test('keyboard: / focuses the filter, j/k move, Enter opens, Esc closes', async ({ app }) => {
  await useScenarioProfile(app);
  await app.open(`/events?installation=${encodeURIComponent(scenario.installationA.id)}`);
  const events = new EventsPage(app.page);
  await expect(events.rows.first()).toBeVisible();
  // The filters mount just after the first page is painted (EventsScreen's chrome); `/` needs them there.
  await expect(app.page.getByTestId('filter-name')).toBeVisible();
  await app.page.locator('body').click({ position: { x: 5, y: 5 } });
  await app.page.keyboard.press('j');
  await app.page.keyboard.press('j');
  await app.page.keyboard.press('k');
  await expect(events.rows.first()).toHaveAttribute('aria-selected', 'true');
  const firstId = await events.rows.first().getAttribute('data-event-id');
  await app.page.keyboard.press('Enter');
  await expect(events.detail).toHaveAttribute('data-event-id', firstId!);
  await app.page.keyboard.press('Escape');
  await expect(events.detail).toHaveCount(0);
  await app.page.keyboard.press('/');
  await expect(app.page.getByTestId('filter-name')).toBeFocused();
});

test('the list shows times in UTC or local time as chosen, and the choice is kept in the settings', async ({ app }) => {
  await useScenarioProfile(app);
  await app.open('/events');
  const events = new EventsPage(app.page);
  const choice = app.page.getByRole('radiogroup', { name: 'Show times in' });
  const firstTime = events.rows.first().locator('time').first();
  await expect(choice.getByRole('radio', { name: 'Local' })).toBeChecked();
  await expect(firstTime).not.toContainText('UTC');
  // Chips hide their radio inputs; the operator clicks the label.
  await choice.getByText('UTC', { exact: true }).click();
  await expect(choice.getByRole('radio', { name: 'UTC' })).toBeChecked();
  await expect(firstTime).toContainText('UTC');
  await expect.poll(async () => (await app.session.call('settings:get', {})).settings.timeDisplay).toBe('utc');
  await choice.getByText('Local', { exact: true }).click();
  await expect(firstTime).not.toContainText('UTC');
});

test('an empty result says what to do', async ({ app }) => {
  await useScenarioProfile(app);
  await app.open('/events?name=no.such.event');
  const events = new EventsPage(app.page);
  await expect(events.empty).toBeVisible();
  await expect(events.empty).toContainText('No events match these filters');
});

test.describe('in Portuguese', () => {
  test.use({ appOptions: { locale: 'pt-BR' } });
  test('the events screen and its detail speak pt-BR', async ({ app }) => {
    await useScenarioProfile(app, 'Sandbox pedidos');
    await app.open(`/events?name=order.paid&status=failed&installation=${encodeURIComponent(scenario.installationA.id)}`);
    const events = new EventsPage(app.page);
    await expect(app.page.getByRole('heading', { name: 'Eventos' })).toBeVisible();
    await expect(app.page.getByRole('columnheader', { name: 'Última tentativa' })).toBeVisible();
    await expect(events.rows.first().getByTestId('event-status')).toHaveText('Falhou');
    await events.openFirstRow();
    await expect(app.page.getByTestId('redeliver-button')).toHaveText('Reenviar');
  });
});
