// The console against the sandbox's docs dialect (docs/api-contract.md §9): only what the vendor's
// pages show, at the root, as a Laravel + spatie backend serves it — bare lists, 400 for a sort or
// filter it does not allow, 404/405 for every undocumented route. Every screen either works or says
// in plain words what this API does not offer; nothing loops or repeats; no misleading error.
import type { Page } from '@playwright/test';
import { startSandbox, type RunningSandbox } from '../../sandbox/server';
import { axeProblems } from './axe';
import { test, expect, type ConsoleApp } from './fixtures';
import { EventsPage } from './pages/EventsPage';
import { seedSandboxProfile } from './support';

let docs: RunningSandbox;
/** The same dialect, but its lists ignore `page` (every request gets the first page). */
let stuck: RunningSandbox;

test.beforeAll(async () => {
  test.setTimeout(180_000);
  // No background dispatcher: the history stays still, so counts can be checked against the database.
  docs = await startSandbox({ port: 0, dialect: 'docs', seed: 'demo', demoEvents: 250, dispatch: false });
  stuck = await startSandbox({ port: 0, dialect: 'docs', seed: 'demo', demoEvents: 150, dispatch: false, ignorePage: true });
});

test.afterAll(async () => {
  await docs?.close();
  await stuck?.close();
});

const eventCount = (sandbox: RunningSandbox) => (sandbox.ctx.db.prepare('SELECT COUNT(*) AS n FROM events').get() as { n: number }).n;

/** No error on screen other than "not offered by this API" (grey) — nothing misleading. */
async function expectNoMisleadingError(page: Page) {
  await expect(page.locator('[data-error-code]:not([data-error-code="unsupported"])')).toHaveCount(0);
}

/** Scrolls the Events table to its end until `expected` rows are loaded. */
async function loadAllEvents(events: EventsPage, expected: number): Promise<void> {
  await expect
    .poll(
      async () => {
        await events.table.evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
        return events.loadedRowCount();
      },
      { timeout: 60_000 },
    )
    .toBe(expected);
}

/** What main answered the page for `events:list` (every page, as the renderer received it). */
function eventPagesAnswered(app: ConsoleApp): Array<{ ids: string[] }> {
  return app.session.records
    .filter((r) => r.direction === 'out' && r.channel === 'events:list')
    .map((r) => r.payload as { ok: boolean; data?: { items: Array<{ id: string }> } })
    .filter((p) => p.ok && p.data)
    .map((p) => ({ ids: p.data!.items.map((i) => i.id) }));
}

async function useDocsProfile(app: ConsoleApp, sandbox: RunningSandbox = docs) {
  const { profile } = await seedSandboxProfile(app, 'Docs API', sandbox);
  expect(profile.baseUrl).toBe(sandbox.origin); // the root, as the reference pages use it
}

test('every screen against the documented-only API (English)', async ({ app }) => {
  test.setTimeout(120_000);
  await useDocsProfile(app);
  const page = app.page;
  const id = (testId: string) => page.getByTestId(testId);

  // Events: the documented data, in the server's order (no sort documented), every row once.
  // (First: main's answers recorded so far are then only this list's pages.)
  await app.open('/events');
  const events = new EventsPage(page);
  await expect(events.rows.first()).toBeVisible();
  await expect(id('events-server-order')).toContainText('does not allow sorting events');
  await expect(id('live-tail-toggle')).toBeDisabled();
  expect(await axeProblems(page, ['[data-testid="events-server-order"]'])).toEqual([]);
  const total = eventCount(docs);
  await loadAllEvents(events, total);
  await expect(id('events-count')).toContainText(`${total} events (all loaded)`);
  // Every page main handed over together: each event exactly once, none repeated.
  const answered = eventPagesAnswered(app).flatMap((p) => p.ids);
  expect(answered).toHaveLength(total);
  expect(new Set(answered).size).toBe(total);
  await expectNoMisleadingError(page);

  // A documented filter works; an undocumented one is refused in the server's own words.
  await app.open('/events?status=failed');
  await expect(events.rows.first().or(events.empty)).toBeVisible();
  for (const status of await events.rows.getByTestId('event-status').evaluateAll((cells) => cells.map((c) => c.getAttribute('data-status')))) expect(status).toBe('failed');
  await expectNoMisleadingError(page);
  await app.open('/events?dispatch=failed');
  await expect(id('events-error')).toHaveAttribute('data-error-code', 'bad_request');
  await expect(id('events-error')).toContainText('Requested filter(s) `dispatch_status` are not allowed');
  await expect(id('events-error')).not.toContainText('Fix the fields');

  // Event detail works (documented); redeliver is not offered: said in grey, then hidden.
  await app.open('/events');
  await expect(events.rows.first()).toBeVisible();
  await events.openFirstRow();
  await id('redeliver-button').click();
  await id('confirm-ok').click();
  await expect(page.getByText('Not offered by this API').first()).toBeVisible();
  await expect(id('redeliver-unsupported')).toBeVisible();
  await expect(id('redeliver-button')).toHaveCount(0);
  await page.keyboard.press('Escape');

  // Overview: figures from the events' last attempts, and it says so.
  await page.getByTestId('nav-overview').click();
  await expect(id('overview-from-events')).toContainText('no delivery log');
  await expect(id('overview-stats').or(id('overview-empty'))).toBeVisible();
  await expectNoMisleadingError(page);

  // Deliveries: no delivery log on this API.
  await page.getByTestId('nav-deliveries').click();
  await expect(id('dispatches-unsupported')).toBeVisible();
  await expectNoMisleadingError(page);

  // Drivers: the vendor's two documented drivers, the whole catalogue counted; the detail comes
  // from the list (no GET /drivers/{id}); enabling/disabling is not offered.
  await page.getByTestId('nav-drivers').click();
  await expect(id('driver-row-digital_manager_guru')).toBeVisible();
  await expect(id('driver-row-bling')).toBeVisible();
  await expect(id('drivers-list-count')).toHaveAttribute('data-complete', 'true');
  await expect(id('drivers-list-count')).toContainText(/^\d+ drivers$/);
  await id('driver-open-bling').click();
  await expect(id('driver-detail')).toBeVisible();
  await expect(id('driver-usage')).toContainText('not known');
  await id('driver-toggle-bling').click({ force: true }); // the switch's thumb covers its input
  await id('confirm-ok').click();
  await expect(page.getByText('Not offered by this API').first()).toBeVisible();
  await expect(id('drivers-toggle-unsupported')).toBeVisible();
  await expect(id('driver-toggle-bling')).toBeDisabled();
  await expectNoMisleadingError(page);

  // Installations and webhook configuration: not on the vendor's pages.
  await page.getByTestId('nav-installations').click();
  await expect(id('installations-error')).toHaveAttribute('data-error-code', 'unsupported');
  await expect(id('installations-error')).toContainText('Not offered by this API');
  expect(await axeProblems(page, ['[data-testid="installations-error"]'])).toEqual([]);
  await page.getByTestId('nav-webhooks').click();
  await expect(id('endpoints-error')).toHaveAttribute('data-error-code', 'unsupported');
  await expect(id('retry-policy-error')).toHaveAttribute('data-error-code', 'unsupported');
  await expect(id('endpoint-create')).toHaveCount(0);
  await expectNoMisleadingError(page);

  await page.getByTestId('nav-activity').click();
  await expect(id('activity-screen')).toBeVisible();
  await page.getByTestId('nav-settings').click();
  await expect(id('settings-screen')).toBeVisible();
  await expectNoMisleadingError(page);
});

test('a server that ignores `page`: the Events list shows its one page once, and stops', async ({ app }) => {
  await useDocsProfile(app, stuck);
  await app.open('/events');
  const events = new EventsPage(app.page);
  await expect(events.rows.first()).toBeVisible();
  // Whatever is scrolled, the 100 rows of the one page the server gives — never repeated, and no
  // second page is asked for (main learned on the first that `page` changes nothing).
  await loadAllEvents(events, 100);
  await events.table.evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
  await expect(app.page.getByTestId('events-count')).toContainText('100 events (all loaded)');
  expect(await events.loadedRowCount()).toBe(100);
  const pages = eventPagesAnswered(app);
  expect(pages).toHaveLength(1);
  expect(new Set(pages[0]!.ids).size).toBe(100);
});

test.describe('pt-BR', () => {
  test.use({ appOptions: { locale: 'pt-BR' } });

  test('what this API does not offer is said in Portuguese', async ({ app }) => {
    await useDocsProfile(app);
    const id = (testId: string) => app.page.getByTestId(testId);
    await app.open('/overview');
    await expect(id('overview-from-events')).toContainText('não tem registro de entregas');
    await app.page.getByTestId('nav-events').click();
    await expect(id('events-server-order')).toContainText('não permite ordenar eventos');
    await app.page.getByTestId('nav-deliveries').click();
    await expect(id('dispatches-unsupported')).toBeVisible();
    await app.page.getByTestId('nav-installations').click();
    await expect(id('installations-error')).toContainText('Não oferecido por esta API');
    await app.page.getByTestId('nav-webhooks').click();
    await expect(id('endpoints-error')).toContainText('Não oferecido por esta API');
    await expectNoMisleadingError(app.page);
  });
});
