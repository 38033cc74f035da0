// The composed main process against a real sandbox on loopback: every contract channel has one
// handler, the `npm start` Sandbox profile, token import/rotate through the dispatcher, read-only
// refusal, session expiry, and no token in any IPC payload.
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSandbox, type RunningSandbox } from '../sandbox/server';
import { channelNames, contract } from '../shared/ipc/contract';
import { createFakeSafeStorage } from '../test/support/fake-safe-storage';
import type { DispatchSpyEntry } from './ipc/dispatcher';
import type { IpcSender } from './ipc/sender';
import type { NativeConfirm } from './native-confirm';
import { createMainServices, mergeHandlers, SANDBOX_PROFILE_ID, type MainServices } from './services';

const APP = 'app://console';
const top: IpcSender = { id: 7, frameUrl: `${APP}/index.html`, isTopFrame: true };

let sandbox: RunningSandbox;
beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, seed: 'demo', demoEvents: 0 });
});
afterAll(async () => {
  await sandbox?.close();
});

let userDataDir: string;
let services: MainServices | null = null;
const clipboard = { text: '', readText: () => clipboard.text, clear: () => void (clipboard.text = '') };
const opened: string[] = [];
const spied: DispatchSpyEntry[] = [];
const events: Array<[string, unknown]> = [];

beforeEach(async () => {
  userDataDir = await mkdtemp(join(tmpdir(), 'ii-services-'));
  opened.length = 0;
  spied.length = 0;
  events.length = 0;
});
afterEach(async () => {
  await services?.close();
  services = null;
  await rm(userDataDir, { recursive: true, force: true });
});

async function start(env: Record<string, string | undefined> = {}, confirm?: () => Promise<boolean>, confirmChange?: NativeConfirm, isPackaged = false) {
  services = await createMainServices({
    userDataDir,
    safeStorage: createFakeSafeStorage(),
    platform: 'linux',
    clipboard,
    dialog: {
      showOpenDialog: async () => ({ canceled: true, filePaths: [] }),
      showSaveDialog: async () => ({ canceled: true }),
    },
    shell: { openExternal: async (url) => void opened.push(url) },
    env,
    appInfo: { version: '0.0.0-test', platform: 'linux', locale: 'pt-BR', isPackaged },
    appOrigin: APP,
    spy: (entry) => spied.push(entry),
    ...(confirm ? { confirm } : {}),
    ...(confirmChange ? { confirmChange } : {}),
  });
  // As main.ts does for its BrowserWindow: the dispatcher answers this webContents id only.
  services.windows.add(top.id);
  services.onEvent((name, payload) => events.push([name, payload]));
  return services;
}

let counter = 0;
async function call(channel: string, input: unknown, sender: IpcSender = top) {
  return services!.dispatcher.dispatch(channel, { requestId: `t${++counter}`, input }, sender);
}

describe('createMainServices', () => {
  it('has exactly one handler for every contract channel', async () => {
    const s = await start();
    expect([...s.dispatcher.handledChannels].sort()).toEqual([...channelNames].sort());
    expect(new Set(s.dispatcher.handledChannels).size).toBe(Object.keys(contract).length);
  });

  it('refuses to merge two handlers for one channel', () => {
    const handler = async () => ({ version: '1', platform: 'linux', locale: 'en', isPackaged: false });
    expect(() => mergeHandlers({ 'app:info': handler }, { 'app:info': handler })).toThrow(/Two handlers for IPC channel app:info/);
  });

  it('answers app:info and refuses other frames', async () => {
    await start();
    expect(await call('app:info', {})).toMatchObject({ ok: true, data: { locale: 'pt-BR' } });
    expect(await call('app:info', {}, { ...top, isTopFrame: false })).toMatchObject({ ok: false, error: { code: 'forbidden_sender' } });
  });

  it('answers only the registered window: another webContents, or the window after it closed, is refused', async () => {
    const s = await start();
    expect(await call('app:info', {}, { ...top, id: top.id + 1 })).toMatchObject({ ok: false, error: { code: 'forbidden_sender' } });
    s.windows.remove(top.id);
    expect(await call('app:info', {})).toMatchObject({ ok: false, error: { code: 'forbidden_sender' } });
  });

  it('makes a session-only, active Sandbox profile from II_API_TOKEN + II_SANDBOX_BASE_URL, never on disk', async () => {
    const token = await sandbox.mintToken();
    const env: Record<string, string | undefined> = { II_API_TOKEN: token, II_SANDBOX_BASE_URL: sandbox.baseUrl };
    await start(env);
    // Taken out of the environment it came from (main passes process.env itself).
    expect(env).not.toHaveProperty('II_API_TOKEN');
    expect(await call('token:importFromEnv', { profileId: SANDBOX_PROFILE_ID })).toMatchObject({ ok: false, error: { code: 'no_token' } });
    const listed = await call('profiles:list', {});
    expect(listed).toMatchObject({
      ok: true,
      data: { activeId: SANDBOX_PROFILE_ID, profiles: [{ id: SANDBOX_PROFILE_ID, environment: 'sandbox', ephemeral: true, token: { storage: 'session-only', sessionOnlyReason: 'environment', source: 'env' } }] },
    });
    expect(await readdir(join(userDataDir, 'tokens')).catch(() => [])).toEqual([]);
    // The API client reaches the sandbox with it.
    expect(await call('drivers:list', { limit: 1 })).toMatchObject({ ok: true });
    expect(JSON.stringify(spied)).not.toContain(token);
    expect(JSON.stringify(events)).not.toContain(token);
  });

  it('ignores the II_API_TOKEN start-up hand-over in a packaged app, and still takes it out of the environment', async () => {
    const token = await sandbox.mintToken();
    const env: Record<string, string | undefined> = { II_API_TOKEN: token, II_SANDBOX_BASE_URL: sandbox.baseUrl };
    await start(env, undefined, undefined, true);
    expect(env).not.toHaveProperty('II_API_TOKEN');
    expect(await call('profiles:list', {})).toMatchObject({ ok: true, data: { activeId: null, profiles: [] } });
    expect(JSON.stringify(spied)).not.toContain(token);
  });

  it('imports from the clipboard, rotates after the API accepts the new token, and never echoes a token', async () => {
    await start();
    const created = await call('profiles:create', { name: 'Local', baseUrl: sandbox.baseUrl, environment: 'sandbox' });
    expect(created.ok).toBe(true);
    const profileId = (created as { data: { id: string } }).data.id;
    const first = await sandbox.mintToken();
    clipboard.text = first;
    expect(await call('token:importFromClipboard', { profileId })).toMatchObject({ ok: true, data: { last4: first.slice(-4), storage: 'keychain' } });
    expect(clipboard.text).toBe('');
    expect(await call('drivers:list', { limit: 1 })).toMatchObject({ ok: true });

    // A token the API refuses does not replace the working one.
    clipboard.text = await sandbox.mintToken({ expired: true });
    expect(await call('token:rotate', { profileId, source: 'clipboard' })).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
    expect(await call('token:describe', { profileId })).toMatchObject({ ok: true, data: { last4: first.slice(-4) } });

    const second = await sandbox.mintToken({ name: 'rotated' });
    clipboard.text = second;
    expect(await call('token:rotate', { profileId, source: 'clipboard' })).toMatchObject({
      ok: true,
      data: { previousLast4: first.slice(-4), description: { last4: second.slice(-4) } },
    });
    expect(await call('drivers:list', { limit: 1 })).toMatchObject({ ok: true });

    clipboard.text = 'not a token at all';
    expect(await call('token:importFromClipboard', { profileId })).toMatchObject({ ok: false, error: { code: 'invalid_token' } });

    for (const token of [first, second]) {
      expect(JSON.stringify(spied)).not.toContain(token);
      expect(JSON.stringify(events)).not.toContain(token);
    }
    expect(events.some(([name]) => name === 'profiles:changed')).toBe(true);
  });

  it('pushes session:expired when the API answers 401', async () => {
    await start();
    const created = (await call('profiles:create', { name: 'Local', baseUrl: sandbox.baseUrl, environment: 'sandbox' })) as { data: { id: string } };
    const token = await sandbox.mintToken();
    clipboard.text = token;
    await call('token:importFromClipboard', { profileId: created.data.id });
    const jti = JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString('utf8')).jti as string;
    sandbox.revokeToken(jti);
    expect(await call('drivers:list', { limit: 1 })).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
    expect(events).toContainEqual(['session:expired', { profileId: created.data.id }]);
  });

  it('refuses writes on a read-only profile until writes are unlocked (confirmed natively)', async () => {
    let answer = false;
    await start({}, undefined, async () => answer);
    const created = (await call('profiles:create', { name: 'Local', baseUrl: sandbox.baseUrl, environment: 'sandbox', readOnly: true })) as {
      data: { id: string };
    };
    clipboard.text = await sandbox.mintToken();
    await call('token:importFromClipboard', { profileId: created.data.id });
    const writeChannel = channelNames.find((name) => contract[name].meta.write === true && name === 'drivers:disable');
    expect(writeChannel).toBe('drivers:disable');
    const drivers = (await call('drivers:list', { limit: 1 })) as { ok: true; data: { items: Array<{ id: string }> } };
    const driverId = drivers.data.items[0]!.id;
    expect(await call('drivers:disable', { id: driverId, actionId: 'action-0001' })).toMatchObject({ ok: false, error: { code: 'read_only' } });
    // The native box said no: still read-only.
    expect(await call('profiles:unlockWrites', { profileId: created.data.id, minutes: 5 })).toMatchObject({ ok: false, error: { code: 'not_confirmed' } });
    expect(await call('drivers:disable', { id: driverId, actionId: 'action-0001' })).toMatchObject({ ok: false, error: { code: 'read_only' } });
    answer = true;
    await call('profiles:unlockWrites', { profileId: created.data.id, minutes: 5 });
    const after = await call('drivers:disable', { id: driverId, actionId: 'action-0002' });
    expect(after).toMatchObject({ ok: true, data: { id: driverId } });
  });

  it('opens vendor pages directly, asks before other hosts, refuses http off-loopback', async () => {
    let asked = 0;
    await start({}, async () => {
      asked++;
      return false;
    });
    expect(await call('shell:openDashboard', { page: 'api-keys' })).toEqual({ ok: true, data: { opened: true } });
    expect(await call('shell:openExternal', { url: 'https://docs.integracoesinteligentes.xyz/platform/authentication' })).toEqual({ ok: true, data: { opened: true } });
    expect(await call('shell:openExternal', { url: 'https://example.org/' })).toEqual({ ok: true, data: { opened: false } });
    expect(asked).toBe(1);
    expect(await call('shell:openExternal', { url: 'http://example.org/' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(opened).toEqual(['https://app.integracoesinteligentes.com/', 'https://docs.integracoesinteligentes.xyz/platform/authentication']);
  });

  it('reports a corrupt settings file through settings:get', async () => {
    const { writeFile } = await import('node:fs/promises');
    await writeFile(join(userDataDir, 'settings.json'), '{ nope');
    await start();
    expect(await call('settings:get', {})).toMatchObject({ ok: true, data: { recovery: { kind: 'corrupt_settings_moved_aside' }, settings: { theme: 'system' } } });
    expect(await call('settings:update', { theme: 'dark' })).toMatchObject({ ok: true, data: { settings: { theme: 'dark' } } });
  });
});
