// Search inside payloads (docs/payload-index.md), end to end against a real sandbox: turn the
// index on in Settings, search on the Events screen for a value that sits deep in one event's
// payload, open that event's drawer; then every file under userData (SQLite WAL/SHM included) is
// grepped for the event's payload values and the search term; "Forget index" leaves no file.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { startSandbox, type RunningSandbox } from '../../sandbox/server';
import { axeProblems } from './axe';
import { catalogue, languages } from './catalogue';
import { PalettePage } from './pages/palette-page';
import { test, expect } from './fixtures';
import { seedSandboxProfile } from './support';
import { everyFile } from '../support/every-file';

let sandbox: RunningSandbox;

test.beforeAll(async () => {
  test.setTimeout(180_000);
  sandbox = await startSandbox({ port: 0, seed: 'demo', demoEvents: 200 });
});
test.afterAll(async () => {
  await sandbox?.close();
});

interface OrderPayload {
  order_number: string;
  customer: { name: string; email: string; document: { number: string } };
}

/** An order event and its payload, read straight from the API (what the operator would be told on the phone). */
async function anOrderEvent(token: string): Promise<{ id: string; payload: OrderPayload }> {
  const get = async (path: string) => {
    const res = await fetch(`${sandbox.baseUrl}${path}`, { headers: { authorization: `Bearer ${token}`, accept: 'application/json' } });
    if (!res.ok) throw new Error(`GET ${path}: ${res.status}`);
    return ((await res.json()) as { data: unknown }).data;
  };
  const events = (await get('/processing/events?limit=100')) as Array<{ id: string }>;
  // Not the newest: a value further down the list, so the search really goes through the index.
  for (const { id } of events.slice(20)) {
    const detail = (await get(`/processing/events/${id}`)) as { id: string; payload: Partial<OrderPayload> };
    if (typeof detail.payload.order_number === 'string') return detail as { id: string; payload: OrderPayload };
  }
  throw new Error('no order event in the demo data');
}

test('enable the index, find an event by its CPF, open it; nothing readable at rest; forget leaves no file', async ({ app }) => {
  test.setTimeout(240_000);
  const { page } = app;
  const { profile, token } = await seedSandboxProfile(app, 'Payload sandbox', sandbox);
  const target = await anOrderEvent(token);
  const cpf = target.payload.customer.document.number;

  await app.open(`/settings?profile=${profile.id}`);
  const card = page.getByTestId('payload-index-card');
  await card.getByTestId('payload-index-window').getByText(/30/).click();
  await card.getByTestId('payload-index-toggle').click({ force: true });
  await expect(card.getByTestId('payload-index-progress')).toHaveAttribute('data-state', 'live', { timeout: 120_000 });
  await expect(card.getByTestId('payload-index-storage')).toBeVisible();
  expect(await axeProblems(page, ['[data-testid="payload-index-card"]'])).toEqual([]);

  await app.open('/events');
  await page.getByTestId('payload-search-input').fill(cpf);
  await page.getByTestId('payload-search-submit').click();
  const hit = page.locator(`[data-testid="payload-search-hit"][data-event-id="${target.id}"]`);
  await expect(hit).toBeVisible();
  await expect(hit.getByTestId('payload-search-path')).toHaveText('customer.document.number');
  expect(await axeProblems(page, ['[data-testid="payload-search"]'])).toEqual([]);
  await hit.getByTestId('payload-search-open').click();
  await expect(page.getByTestId('event-detail')).toHaveAttribute('data-event-id', target.id);

  // At rest: the index's database (and its WAL/SHM while open), key and opt-in, and every other
  // file the app wrote, hold none of the payload's values and not the search term.
  const files = await everyFile(app.session.userDataDir);
  expect(files.some((file) => file.endsWith('.sqlite'))).toBe(true);
  const secrets = [cpf, cpf.replace(/\D/g, ''), target.payload.customer.email, target.payload.customer.name, target.payload.order_number];
  for (const file of files) {
    const text = (await readFile(file)).toString('latin1').toLowerCase();
    for (const secret of secrets) expect(text, `${file} holds "${secret}"`).not.toContain(secret.toLowerCase());
  }

  await app.open(`/settings?profile=${profile.id}`);
  await page.getByTestId('payload-index-forget').click();
  await expect(card.getByTestId('payload-index-toggle')).not.toBeChecked();
  expect(await readdir(join(app.session.userDataDir, 'payload-index'))).toEqual([]);
});

for (const language of languages) {
  test(`the command palette offers "Search payloads for …" for text that is not an id, and opens the Events screen's search (${language})`, async ({ app }) => {
    test.setTimeout(240_000);
    const t = await catalogue(language);
    const { page } = app;
    const { profile, token } = await seedSandboxProfile(app, 'Payload sandbox', sandbox);
    await app.session.call('settings:update', { language });
    const target = await anOrderEvent(token);
    const cpf = target.payload.customer.document.number;
    await app.session.call('payloadIndex:enable', { profileId: profile.id, windowDays: 30 });
    await expect.poll(async () => (await app.session.call('payloadIndex:status', { profileId: profile.id })).state, { timeout: 120_000 }).toBe('live');

    await app.open('/overview');
    const palette = new PalettePage(page);
    await palette.openWithKeyboard();
    await palette.type(cpf);
    const offer = palette.action('palette-search-payloads');
    await expect(offer).toHaveText(t('palette.searchPayloads', { query: cpf }));
    await offer.click();
    await expect(page.getByTestId('events-screen')).toBeVisible();
    await expect(page.getByLabel(t('payloadIndex.search.label'))).toHaveValue(cpf);
    const hit = page.locator(`[data-testid="payload-search-hit"][data-event-id="${target.id}"]`);
    await expect(hit).toBeVisible();
    // The term stays out of the URL (it is never written anywhere).
    expect(decodeURIComponent(page.url())).not.toContain(cpf);

    // Already on the Events screen, the palette fills the mounted search box.
    await palette.openWithKeyboard();
    await palette.type(target.payload.customer.email);
    await palette.action('palette-search-payloads').click();
    await expect(page.getByLabel(t('payloadIndex.search.label'))).toHaveValue(target.payload.customer.email);
    await expect(hit).toBeVisible();
  });
}

test('without the payload index the palette does not offer a payload search', async ({ app }) => {
  await seedSandboxProfile(app, 'Payload sandbox', sandbox);
  await app.open('/overview');
  const palette = new PalettePage(app.page);
  await palette.openWithKeyboard();
  await palette.type('PED-12345');
  await expect(app.page.getByText('Nothing found. Paste a whole id to look it up.')).toBeVisible();
  await expect(palette.action('palette-search-payloads')).toHaveCount(0);
});
