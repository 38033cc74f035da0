// The event detail links to the screens that own what the event refers to (issue #5, item 3):
// its installation (Installations with that installation's detail open), its driver (Drivers with
// that driver selected) and each attempt's endpoint (Webhooks with that endpoint highlighted), with
// browser Back returning to the open event. The old behaviour — filter this list to the
// installation's / driver's events — stays as a secondary action. A link to an endpoint that no
// longer exists says so on the Webhooks screen. Against a real sandbox (see events-scenario.ts).
import { test, expect, type ConsoleApp } from './fixtures';
import { axeProblems } from './axe';
import { EventsPage } from './pages/EventsPage';
import { DriversPage } from './pages/drivers-page';
import { InstallationsPage } from './pages/installations-page';
import { WebhooksPage } from './pages/webhooks-page';
import { seedSandboxProfile } from './support';
import { startEventsScenario, type EventsScenario } from './events-scenario';

let scenario: EventsScenario;

test.beforeAll(async () => {
  test.setTimeout(240_000);
  scenario = await startEventsScenario({ exportRows: 0, refundedRows: 0 });
});

test.afterAll(async () => {
  await scenario?.close();
});

async function useScenarioProfile(app: ConsoleApp) {
  return (await seedSandboxProfile(app, 'Orders sandbox', scenario.sandbox)).profile;
}

async function api<T>(method: string, path: string, body?: unknown): Promise<T> {
  const res = await fetch(`${scenario.sandbox.baseUrl}${path}`, {
    method,
    headers: { authorization: `Bearer ${scenario.token}`, accept: 'application/json', 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status}`);
  return ((await res.json()) as { data: T }).data;
}

/** The driver as the API describes it (GET /drivers/{slug}), to check what the Drivers screen selects. */
function driverBySlug(slug: string): Promise<{ id: string; name: string }> {
  return api('GET', `/drivers/${slug}`);
}

test('installation, driver and endpoint links open their screens; Back returns to the event', async ({ app }) => {
  // Newer endpoints list first: these push the event's endpoint below the fold, so the Webhooks
  // screen has to scroll it into view. They subscribe to an event nobody sends.
  for (let i = 0; i < 15; i++) {
    await api('POST', '/webhooks/endpoints', { url: `${scenario.sandbox.origin}/_sandbox/receiver/switch/e2e-links-filler-${i}`, events: ['order.cancelled'] });
  }
  await useScenarioProfile(app);
  const installationA = scenario.installationA;
  const eventId = scenario.failedPaidA[0]!;
  await app.open(`/events?installation=${encodeURIComponent(installationA.id)}&event=${eventId}`);
  const events = new EventsPage(app.page);
  await expect(events.detail).toHaveAttribute('data-event-id', eventId);

  // Installation: named once its detail arrives; a real link (href) to the Installations screen.
  await expect(events.installationLink).toHaveText('Test shopify');
  await expect(events.endpointLinks.first()).toBeVisible();
  expect(await axeProblems(app.page, ['[data-testid="event-source-links"]', '[data-testid="attempt-endpoint-link"]'])).toEqual([]);
  await expect(events.installationLink).toHaveAttribute('href', /#\/installations\?installation=/);
  await events.installationLink.click();
  const installations = new InstallationsPage(app.page);
  await expect(installations.screen).toBeVisible();
  await expect(installations.detail).toHaveAttribute('data-installation-id', installationA.id);
  await expect(app.page.locator(`[data-testid="installation-row"][data-installation-id="${installationA.id}"]`)).toHaveAttribute('aria-selected', 'true');

  await app.page.goBack();
  await expect(events.detail).toHaveAttribute('data-event-id', eventId);

  // Driver: by keyboard this time (the link is a focusable anchor).
  const shopify = await driverBySlug(installationA.slug);
  await expect(events.driverLink).toHaveText(`${shopify.name} (${installationA.slug})`);
  await events.driverLink.focus();
  await app.page.keyboard.press('Enter');
  const drivers = new DriversPage(app.page);
  await expect(drivers.detail).toHaveAttribute('data-driver-id', shopify.id);
  await expect(drivers.row(installationA.slug)).toHaveAttribute('aria-selected', 'true');

  await app.page.goBack();
  await expect(events.detail).toHaveAttribute('data-event-id', eventId);

  // Endpoint: the newest attempt is expanded; its link names the URL delivered to.
  const endpointLink = events.endpointLinks.first();
  await expect(endpointLink).toBeVisible();
  const endpointId = (await endpointLink.getAttribute('data-endpoint-id')) ?? '';
  expect(endpointId).not.toBe('');
  const linkText = (await endpointLink.innerText()).trim();
  await endpointLink.click();
  const webhooks = new WebhooksPage(app.page);
  await expect(webhooks.screen).toBeVisible();
  await expect(webhooks.highlightedRows).toHaveCount(1);
  await expect(webhooks.rowById(endpointId)).toHaveAttribute('aria-current', 'true');
  await expect(webhooks.rowById(endpointId)).toHaveAttribute('data-url', linkText);
  await expect(webhooks.rowById(endpointId)).toBeInViewport();
  expect(await axeProblems(app.page, ['[data-testid="endpoints-table"]'])).toEqual([]);
  await expect(webhooks.missingHighlight).toHaveCount(0);
});

test('"events of this installation / driver" still filter the list', async ({ app }) => {
  await useScenarioProfile(app);
  const eventId = scenario.failedPaidA[0]!;
  await app.open(`/events?event=${eventId}`);
  const events = new EventsPage(app.page);
  await expect(events.detail).toHaveAttribute('data-event-id', eventId);

  // A button inside the drawer: Enter works there too (the screen's Enter hotkey does not swallow it).
  await events.installationEventsFilter.focus();
  await app.page.keyboard.press('Enter');
  await expect(events.detail).toHaveCount(0);
  await expect.poll(() => new URLSearchParams(new URL(app.page.url()).hash.split('?')[1]).get('installation')).toBe(scenario.installationA.id);
  // Installation A's order.paid (3 recent + 1 old) and order.created.
  await events.expectLoadedRows(scenario.failedPaidA.length + 2);

  await events.openFirstRow();
  await events.driverEventsFilter.click();
  await expect(events.detail).toHaveCount(0);
  await expect.poll(() => new URLSearchParams(new URL(app.page.url()).hash.split('?')[1]).get('driver')).toBe(scenario.installationA.slug);
  expect(new URL(app.page.url()).hash).toContain('installation=');
});

test('a link to an endpoint that no longer exists says so, and the note can be dismissed', async ({ app }) => {
  await useScenarioProfile(app);
  await app.open('/webhooks?endpoint=00000000-0000-4000-8000-000000000000');
  const webhooks = new WebhooksPage(app.page);
  await expect(webhooks.missingHighlight).toBeVisible();
  await expect(webhooks.missingHighlight).toHaveAttribute('data-reason', 'not_found');
  await expect(webhooks.missingHighlight).toContainText('no longer exists');
  await expect(webhooks.highlightedRows).toHaveCount(0);
  expect(await axeProblems(app.page, ['[data-testid="endpoint-highlight-missing"]'])).toEqual([]);
  // The endpoints that do exist are still listed.
  await expect(app.page.getByTestId('endpoint-row').first()).toBeVisible();

  await app.page.getByTestId('endpoint-highlight-dismiss').click();
  await expect(webhooks.missingHighlight).toHaveCount(0);
  expect(new URL(app.page.url()).hash).not.toContain('endpoint=');
});

test.describe('in Portuguese', () => {
  test.use({ appOptions: { locale: 'pt-BR' } });
  test('the secondary actions and the missing-endpoint note speak pt-BR', async ({ app }) => {
    await useScenarioProfile(app);
    await app.open(`/events?event=${scenario.failedPaidA[0]!}`);
    const events = new EventsPage(app.page);
    await expect(events.installationEventsFilter).toHaveText('Eventos desta instalação');
    await expect(events.driverEventsFilter).toHaveText('Eventos deste driver');
    await app.open('/webhooks?endpoint=gone');
    await expect(new WebhooksPage(app.page).missingHighlight).toContainText('não existe mais');
  });
});
