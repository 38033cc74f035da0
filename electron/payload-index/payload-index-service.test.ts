// The payload index inside the composed main process, against a real sandbox on loopback (both
// dialects): enable → walk → search a value deep in one payload; nothing readable at rest (every
// file under userData, WAL/SHM included, grepped for payload values and the search terms);
// memory-only without a keychain; forget / profile removal leave no file; a restart resumes.
import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startSandbox, type RunningSandbox } from '../../sandbox/server';
import { createFakeSafeStorage, type FakeSafeStorage } from '../../test/support/fake-safe-storage';
import { everyFile } from '../../test/support/every-file';
import type { IpcSender } from '../ipc/sender';
import { createMainServices, SANDBOX_PROFILE_ID, type MainServices } from '../services';

const APP = 'app://console';
const top: IpcSender = { id: 7, frameUrl: `${APP}/index.html`, isTopFrame: true };

let userDataDir: string;
let sandbox: RunningSandbox | null = null;
let services: MainServices | null = null;
let counter = 0;

beforeEach(async () => {
  userDataDir = await mkdtemp(join(tmpdir(), 'ii-payload-index-'));
});
afterEach(async () => {
  await services?.close();
  services = null;
  await sandbox?.close();
  sandbox = null;
  await rm(userDataDir, { recursive: true, force: true });
});

async function start(safeStorage: FakeSafeStorage, dialect: 'contract' | 'docs' = 'contract') {
  sandbox ??= await startSandbox({ port: 0, seed: 'demo', demoEvents: 150, dialect });
  const token = await sandbox.mintToken();
  services = await createMainServices({
    userDataDir,
    safeStorage,
    platform: 'linux',
    clipboard: { readText: () => '', clear: () => undefined },
    dialog: { showOpenDialog: async () => ({ canceled: true, filePaths: [] }), showSaveDialog: async () => ({ canceled: true }) },
    shell: { openExternal: async () => undefined },
    env: { II_SANDBOX_BASE_URL: sandbox.baseUrl, II_API_TOKEN: token },
    appInfo: { version: '0.0.0-test', platform: 'linux', locale: 'en', isPackaged: false },
    appOrigin: APP,
  });
  // As main.ts does for its BrowserWindow: the dispatcher answers this webContents id only.
  services.windows.add(top.id);
  return services;
}

async function call<T = unknown>(channel: string, input: unknown): Promise<T> {
  const result = await services!.dispatcher.dispatch(channel, { requestId: `p${++counter}`, input }, top);
  if (!result.ok) throw new Error(`${channel}: ${JSON.stringify(result.error)}`);
  return result.data as T;
}

async function waitForLive(): Promise<{ indexedEvents: number }> {
  for (let i = 0; i < 600; i++) {
    const status = await call<{ state: string; indexedEvents: number; error: unknown }>('payloadIndex:status', { profileId: SANDBOX_PROFILE_ID });
    if (status.state === 'live') return status;
    if (status.state === 'error') throw new Error(`index failed: ${JSON.stringify(status.error)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('the index never finished its first walk');
}

/** An order event's payload, read straight from the sandbox: the values the test searches and greps for. */
async function anOrderPayload(): Promise<{ id: string; payload: { order_number: string; customer: { email: string; name: string; document: { number: string } } } }> {
  const list = await call<{ items: Array<{ id: string }> }>('events:list', { filters: {}, limit: 100 });
  for (const { id } of list.items) {
    const detail = await call<{ id: string; payload: Record<string, unknown> }>('events:get', { id });
    if (typeof detail.payload?.order_number === 'string') return detail as never;
  }
  throw new Error('no order event in the demo data');
}

async function expectNothingReadable(values: string[]) {
  const files = await everyFile(userDataDir);
  expect(files.some((file) => file.endsWith('.sqlite'))).toBe(true);
  for (const file of files) {
    const text = (await readFile(file)).toString('latin1').toLowerCase();
    for (const value of values) expect(text, `${file} holds "${value}"`).not.toContain(value.toLowerCase());
  }
}

describe('payload index (contract dialect)', () => {
  it('finds an event by a deep payload value and keeps nothing readable at rest', async () => {
    await start(createFakeSafeStorage());
    const enabled = await call<{ state: string; storage: string }>('payloadIndex:enable', { profileId: SANDBOX_PROFILE_ID, windowDays: 30 });
    expect(enabled).toMatchObject({ state: 'building', storage: 'encrypted-file' });
    const live = await waitForLive();
    expect(live.indexedEvents).toBeGreaterThan(50);

    const target = await anOrderPayload();
    const { order_number: orderNumber, customer } = target.payload;
    const byEmail = await call<{ hits: Array<{ id: string; paths: string[] }> }>('payloadIndex:search', { query: customer.email.toUpperCase() });
    expect(byEmail.hits.find((hit) => hit.id === target.id)?.paths).toEqual(['customer.email']);
    const byDocument = await call<{ hits: Array<{ id: string; paths: string[] }> }>('payloadIndex:search', { query: customer.document.number.replace(/\D/g, '') });
    expect(byDocument.hits.find((hit) => hit.id === target.id)?.paths).toEqual(['customer.document.number']);
    const byNumber = await call<{ hits: Array<Record<string, unknown>> }>('payloadIndex:search', { query: orderNumber });
    const hit = byNumber.hits.find((h) => h.id === target.id);
    // Only what the events list shows, plus the path: never a value.
    expect(Object.keys(hit ?? {}).sort()).toEqual(['created_at', 'id', 'name', 'paths', 'status']);

    // The WAL and SHM exist while the database is open: grep them too, then after closing.
    const values = [orderNumber, customer.email, customer.name, customer.document.number, customer.document.number.replace(/\D/g, ''), target.id];
    await expectNothingReadable(values);
    await services!.close();
    services = null;
    await expectNothingReadable(values);
  });

  it('resumes after a restart and forgets on request, leaving no file behind', async () => {
    const keychain = createFakeSafeStorage();
    await start(keychain);
    await call('payloadIndex:enable', { profileId: SANDBOX_PROFILE_ID, windowDays: 30 });
    const first = await waitForLive();
    await services!.close();
    services = null;

    await start(keychain);
    const resumed = await waitForLive();
    expect(resumed.indexedEvents).toBe(first.indexedEvents);
    const target = await anOrderPayload();
    const found = await call<{ hits: Array<{ id: string }> }>('payloadIndex:search', { query: target.payload.order_number });
    expect(found.hits.map((hit) => hit.id)).toContain(target.id);

    await call('payloadIndex:pause', { profileId: SANDBOX_PROFILE_ID });
    expect(await call('payloadIndex:status', { profileId: SANDBOX_PROFILE_ID })).toMatchObject({ state: 'paused' });
    const off = await call('payloadIndex:forget', { profileId: SANDBOX_PROFILE_ID });
    expect(off).toMatchObject({ state: 'off', indexedEvents: 0 });
    expect(await readdir(join(userDataDir, 'payload-index'))).toEqual([]);
    const refused = await services!.dispatcher.dispatch('payloadIndex:search', { requestId: 'x', input: { query: 'anything' } }, top);
    expect(refused).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('is deleted with its profile', async () => {
    await start(createFakeSafeStorage());
    await call('payloadIndex:enable', { profileId: SANDBOX_PROFILE_ID, windowDays: 7 });
    await waitForLive();
    expect((await readdir(join(userDataDir, 'payload-index'))).length).toBeGreaterThan(0);
    await call('profiles:remove', { id: SANDBOX_PROFILE_ID });
    for (let i = 0; i < 100 && (await readdir(join(userDataDir, 'payload-index'))).length > 0; i++) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await readdir(join(userDataDir, 'payload-index'))).toEqual([]);
  });

  it('lives in memory only when the keychain is basic_text, and says so', async () => {
    await start(createFakeSafeStorage({ backend: 'basic_text' }));
    const enabled = await call('payloadIndex:enable', { profileId: SANDBOX_PROFILE_ID, windowDays: 30 });
    expect(enabled).toMatchObject({ storage: 'memory', memoryReason: 'basic_text' });
    await waitForLive();
    const target = await anOrderPayload();
    const found = await call<{ hits: Array<{ id: string }> }>('payloadIndex:search', { query: target.payload.customer.email });
    expect(found.hits.map((hit) => hit.id)).toContain(target.id);
    // Only the opt-in (window, paused) is on disk: no database, no key.
    const files = await readdir(join(userDataDir, 'payload-index'));
    expect(files).toEqual([`${SANDBOX_PROFILE_ID}.json`]);
    expect(JSON.parse(await readFile(join(userDataDir, 'payload-index', files[0]!), 'utf8'))).toEqual({ version: 1, windowDays: 30, paused: false });
    expect((await stat(join(userDataDir, 'payload-index', files[0]!))).size).toBeLessThan(100);
  });
});

describe('payload index (docs dialect: bare lists, no sort, payload only in the detail)', () => {
  it('builds from the list and each event detail, and finds a deep value', async () => {
    await start(createFakeSafeStorage(), 'docs');
    await call('payloadIndex:enable', { profileId: SANDBOX_PROFILE_ID, windowDays: 30 });
    const live = await waitForLive();
    expect(live.indexedEvents).toBeGreaterThan(50);
    const target = await anOrderPayload();
    const found = await call<{ hits: Array<{ id: string; paths: string[] }> }>('payloadIndex:search', { query: target.payload.customer.document.number });
    expect(found.hits.find((hit) => hit.id === target.id)?.paths).toEqual(['customer.document.number']);
  });
});

describe('payload index and the token', () => {
  it('is deleted when the profile loses its token', async () => {
    await start(createFakeSafeStorage());
    await call('payloadIndex:enable', { profileId: SANDBOX_PROFILE_ID, windowDays: 7 });
    await waitForLive();
    await call('token:remove', { profileId: SANDBOX_PROFILE_ID });
    for (let i = 0; i < 100 && (await readdir(join(userDataDir, 'payload-index'))).length > 0; i++) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await readdir(join(userDataDir, 'payload-index'))).toEqual([]);
  });
});
