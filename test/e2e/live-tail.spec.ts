// Live tail on the Events screen against the worker's demo sandbox: events created while the
// screen is open wait in the "N new" pill while the operator is scrolled away or has an event
// open — the rows under their eyes do not move — and merge on top when they come back. At the top
// they go straight in. In both languages (the pill's text comes from the catalogues).
import { test, expect, type ConsoleApp } from './fixtures';
import { createProviderEvent } from '../../sandbox/processing/event-store';
import { catalogue, languages } from './catalogue';
import { EventsPage } from './pages/EventsPage';
import { seedSandboxProfile } from './support';

test.describe.configure({ timeout: 120_000 });

/** Creates events in the sandbox the way a provider's webhook would, newest last. */
async function createEvents(app: ConsoleApp, count: number): Promise<string[]> {
  const installation = (await app.session.call('installations:list', { filters: { status: 'active' }, limit: 1 })).items[0];
  if (!installation) throw new Error('The demo seed has no active installation');
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    ids.push(createProviderEvent(app.sandbox.ctx, { installationId: installation.id, name: 'order.paid', payload: { order_id: `LIVE-${Date.now()}-${i}` } }).id);
  }
  return ids;
}

/** The event row at the top edge of the grid's viewport (just under its sticky header). */
function topVisibleRow(events: EventsPage): Promise<string | null> {
  return events.table.evaluate((scroller) => {
    const header = scroller.querySelector('[role="row"]');
    const box = scroller.getBoundingClientRect();
    const y = box.top + (header?.getBoundingClientRect().height ?? 0) + 5;
    const hit = document.elementFromPoint(box.left + box.width / 2, y);
    return hit?.closest('[data-testid="event-row"]')?.getAttribute('data-event-id') ?? null;
  });
}

const scrollTop = (events: EventsPage) => events.table.evaluate((scroller) => scroller.scrollTop);

async function openWithLiveTail(app: ConsoleApp, language: (typeof languages)[number]) {
  const t = await catalogue(language);
  await seedSandboxProfile(app);
  await app.session.call('settings:update', { language });
  await app.open('/events');
  const events = new EventsPage(app.page);
  await expect(events.rows.first()).toBeVisible();
  await app.page.getByRole('switch', { name: t('events.live.toggle') }).check();
  await expect(app.page.getByTestId('live-tail-toggle')).toBeChecked();
  return { t, events };
}

for (const language of languages) {
  test(`scrolled away, new events wait as "N new" without moving the rows; the pill merges them on top (${language})`, async ({ app }) => {
    const { t, events } = await openWithLiveTail(app, language);
    const loadedBefore = await events.loadedRowCount();
    await events.table.evaluate((scroller) => scroller.scrollTo({ top: 600 }));
    await expect.poll(() => scrollTop(events)).toBe(600);
    const topRow = await topVisibleRow(events);
    expect(topRow).not.toBeNull();

    const created = await createEvents(app, 2);
    const pill = app.page.getByRole('button', { name: t('events.live.newCount', { count: 2 }) });
    await expect(pill).toBeVisible();
    // Nothing moved: same scroll position, same row at the top, no row inserted.
    expect(await scrollTop(events)).toBe(600);
    expect(await topVisibleRow(events)).toBe(topRow);
    await events.expectLoadedRows(loadedBefore);
    for (const id of created) await expect(events.row(id)).toHaveCount(0);

    await pill.click();
    await expect(pill).toBeHidden();
    await expect.poll(() => scrollTop(events)).toBe(0);
    await events.expectLoadedRows(loadedBefore + 2);
    // Newest first, on top.
    await expect(events.rows.and(app.page.locator('[data-index="0"]'))).toHaveAttribute('data-event-id', created[1]!);
    await expect(events.rows.and(app.page.locator('[data-index="1"]'))).toHaveAttribute('data-event-id', created[0]!);
  });

  test(`with an event open, new events wait; closing it merges them and the drawer's event never changes (${language})`, async ({ app }) => {
    const { t, events } = await openWithLiveTail(app, language);
    const loadedBefore = await events.loadedRowCount();
    const openId = await events.openFirstRow();

    const [created] = await createEvents(app, 1);
    await expect(app.page.getByTestId('live-new-pill')).toHaveText(t('events.live.newCount', { count: 1 }));
    await expect(events.detail).toHaveAttribute('data-event-id', openId);
    await events.expectLoadedRows(loadedBefore);

    await app.page.keyboard.press('Escape');
    await expect(events.detail).toHaveCount(0);
    await expect(app.page.getByTestId('live-new-pill')).toHaveCount(0);
    await events.expectLoadedRows(loadedBefore + 1);
    await expect(events.rows.and(app.page.locator('[data-index="0"]'))).toHaveAttribute('data-event-id', created!);
  });
}

test('at the top, a new event goes straight in on top, with no pill', async ({ app }) => {
  const { events } = await openWithLiveTail(app, 'en');
  const loadedBefore = await events.loadedRowCount();
  const [created] = await createEvents(app, 1);
  await expect(events.row(created!)).toBeVisible();
  await expect(events.rows.and(app.page.locator('[data-index="0"]'))).toHaveAttribute('data-event-id', created!);
  await events.expectLoadedRows(loadedBefore + 1);
  await expect(app.page.getByTestId('live-new-pill')).toHaveCount(0);
});
