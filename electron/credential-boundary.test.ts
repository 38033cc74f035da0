// The credential boundary through the real dispatcher (docs/security.md): what a hostile renderer
// can ask for, and what main does instead. A capture server on loopback stands in for the
// attacker's host and records every request's Authorization (hashed).
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSandbox, type RunningSandbox } from '../sandbox/server';
import { startCaptureServer, type CaptureServer } from '../test/support/capture-server';
import { createFakeSafeStorage } from '../test/support/fake-safe-storage';
import { createApiService } from './api/handlers';
import type { IpcSender } from './ipc/sender';
import type { ConfirmRequest } from './native-confirm';
import { createMainServices, type MainServices } from './services';

const APP = 'app://console';
const top: IpcSender = { id: 7, frameUrl: `${APP}/index.html`, isTopFrame: true };

let sandbox: RunningSandbox;
let capture: CaptureServer;
beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, seed: 'demo', demoEvents: 0, dispatch: false });
  capture = await startCaptureServer();
});
afterAll(async () => {
  await capture?.close();
  await sandbox?.close();
});

let userDataDir: string;
let services: MainServices | null = null;
const clipboard = { text: '', readText: () => clipboard.text, clear: () => void (clipboard.text = '') };
const asked: ConfirmRequest[] = [];
let answer = false;
// One keychain per test, so a restarted main can decrypt what the first one stored.
let safeStorage = createFakeSafeStorage();

beforeEach(async () => {
  userDataDir = await mkdtemp(join(tmpdir(), 'ii-boundary-'));
  asked.length = 0;
  answer = false;
  capture.requests.length = 0;
  safeStorage = createFakeSafeStorage();
});
afterEach(async () => {
  await services?.close();
  services = null;
  await rm(userDataDir, { recursive: true, force: true });
});

async function start() {
  services = await createMainServices({
    userDataDir,
    safeStorage,
    platform: 'linux',
    clipboard,
    dialog: { showOpenDialog: async () => ({ canceled: true, filePaths: [] }), showSaveDialog: async () => ({ canceled: true }) },
    shell: { openExternal: async () => undefined },
    env: {},
    appInfo: { version: '0.0.0-test', platform: 'linux', locale: 'en', isPackaged: false },
    appOrigin: APP,
    confirmChange: async (request) => {
      asked.push(request);
      return answer;
    },
  });
  // As main.ts does for its BrowserWindow: the dispatcher answers this webContents id only.
  services.windows.add(top.id);
  return services;
}

let counter = 0;
// Loosely typed on purpose: these tests send what a hostile renderer would, and read answers by path.
type Answer = { ok: boolean; data?: any; error?: any }; // eslint-disable-line @typescript-eslint/no-explicit-any
async function call(channel: string, input: unknown): Promise<Answer> {
  return services!.dispatcher.dispatch(channel, { requestId: `b${++counter}`, input }, top) as never;
}

async function profileWithToken(fields: Record<string, unknown> = {}) {
  const created = await call('profiles:create', { name: 'Loja Centro', baseUrl: sandbox.baseUrl, environment: 'staging', ...fields });
  const token = await sandbox.mintToken();
  clipboard.text = token;
  expect((await call('token:importFromClipboard', { profileId: created.data.id })).ok).toBe(true);
  await call('profiles:activate', { id: created.data.id });
  return { id: created.data.id as string, token };
}

describe('the token stays with its origin', () => {
  it('a base URL swap to another origin removes the token; nothing reaches the other origin', async () => {
    await start();
    for (const host of ['127.0.0.1', 'localhost', ...(capture.ipv6 ? ['[::1]'] : [])]) {
      const { id, token } = await profileWithToken();
      const swapped = await call('profiles:update', { id, baseUrl: `${capture.origin(host)}/v1` });
      expect(swapped).toMatchObject({ ok: true });
      expect(await call('token:describe', { profileId: id })).toEqual({ ok: true, data: null });
      expect(await call('connection:test', { profileId: id })).toMatchObject({ ok: true, data: { ok: false, failure: { code: 'no_token' } } });
      expect(await call('connection:detectBasePath', { profileId: id })).toMatchObject({ ok: true, data: { baseUrl: null } });
      expect(await call('drivers:list', {})).toMatchObject({ ok: false, error: { code: 'no_token' } });
      expect(capture.carrying(token)).toEqual([]);
      expect(capture.requests).toEqual([]);
    }
  });

  it('a path-only change keeps the token, and it keeps working', async () => {
    await start();
    const { id } = await profileWithToken({ baseUrl: sandbox.origin });
    expect(await call('profiles:update', { id, baseUrl: `${sandbox.origin.toUpperCase().replace('HTTP://', 'http://')}/v1` })).toMatchObject({ ok: true });
    expect((await call('token:describe', { profileId: id })).data).toMatchObject({ origin: sandbox.origin });
    expect(await call('connection:test', { profileId: id })).toMatchObject({ ok: true, data: { ok: true } });
  });

  it('detect base path probes only the token’s origin, and refuses when the profile points elsewhere', async () => {
    const fetched: string[] = [];
    const api = createApiService({
      profiles: { getActive: () => null, get: (id) => ({ id, baseUrl: `${capture.origin()}/v1` }) },
      vault: {
        withToken: async () => {
          throw new Error('never reached');
        },
        boundOrigin: async () => sandbox.origin,
      },
      fetch: (async (input: URL | string) => {
        fetched.push(String(input));
        return new Response('{}');
      }) as typeof fetch,
    });
    const detect = api.handlers['connection:detectBasePath'] as (input: unknown, ctx: unknown) => Promise<unknown>;
    await expect(detect({ profileId: 'p1' }, { signal: new AbortController().signal })).rejects.toMatchObject({ code: 'token_origin_mismatch' });
    expect(fetched).toEqual([]);

    await start();
    const { id } = await profileWithToken({ baseUrl: `${sandbox.origin}/api/nothing-here` });
    const result = await call('connection:detectBasePath', { profileId: id });
    expect(result.data.tried.map((c: { baseUrl: string }) => new URL(c.baseUrl).origin)).toEqual([sandbox.origin, sandbox.origin, sandbox.origin].slice(0, result.data.tried.length));
  });

  it('a redirect from the token’s own origin to another one is not followed with the token', async () => {
    await start();
    // "Home" is the capture server reached as 127.0.0.1: the token is imported for it. It bounces
    // every request to itself reached as localhost — another origin.
    const { id, token } = await profileWithToken({ baseUrl: `${capture.origin('127.0.0.1')}/bounce/307` });
    for (const target of [capture.origin('localhost'), ...(capture.ipv6 ? [capture.origin('[::1]')] : []), `${capture.origin('127.0.0.1').replace('http:', 'https:')}`]) {
      capture.bounceTo = `${target}/stolen`;
      capture.requests.length = 0;
      const result = await call('connection:test', { profileId: id });
      expect(result).toMatchObject({ ok: true, data: { ok: false, failure: { code: 'server', details: { reason: 'cross_origin_redirect' } } } });
      expect(capture.requests.map((r) => r.host)).toEqual([`127.0.0.1:${capture.port}`]);
      expect(capture.carrying(token)).toHaveLength(1); // its own origin only
    }
  });
});

describe('the safety gates are decided in main', () => {
  it('unlocking writes needs the native confirm; a refusal changes nothing', async () => {
    await start();
    const { id } = await profileWithToken({ readOnly: true, environment: 'production' });
    expect(await call('profiles:unlockWrites', { profileId: id, minutes: 15 })).toMatchObject({ ok: false, error: { code: 'not_confirmed' } });
    expect((await call('profiles:list', {})).data.profiles[0]).toMatchObject({ writable: false });
    expect(asked).toHaveLength(1);
    expect(asked[0]).toMatchObject({ kinds: ['unlock_writes'], cancelLabel: 'Cancel' });
    expect(asked[0]!.message).toContain('Loja Centro');
    expect(asked[0]!.message).toContain('production');
    expect(asked[0]!.detail).toContain(sandbox.origin);
    answer = true;
    expect(await call('profiles:unlockWrites', { profileId: id, minutes: 15 })).toMatchObject({ ok: true });
    expect((await call('profiles:list', {})).data.profiles[0]).toMatchObject({ writable: true });
    // Locking again never asks.
    expect(await call('profiles:unlockWrites', { profileId: id, minutes: 0 })).toMatchObject({ ok: true });
    expect(asked).toHaveLength(2);
  });

  it('turning read-only off needs the native confirm', async () => {
    await start();
    const { id } = await profileWithToken({ readOnly: true });
    expect(await call('profiles:update', { id, readOnly: false, name: 'Renamed' })).toMatchObject({ ok: false, error: { code: 'not_confirmed' } });
    expect((await call('profiles:list', {})).data.profiles[0]).toMatchObject({ readOnly: true, name: 'Loja Centro' });
    expect(asked[0]).toMatchObject({ kinds: ['read_only_off'] });
    answer = true;
    expect(await call('profiles:update', { id, readOnly: false })).toMatchObject({ ok: true, data: { readOnly: false } });
    // Turning it on, or other edits, never ask.
    expect(await call('profiles:update', { id, readOnly: true, name: 'Again' })).toMatchObject({ ok: true });
    expect(asked).toHaveLength(2);
  });

  it('a production profile’s base URL or environment changes only after the native confirm, which names both origins', async () => {
    await start();
    const { id, token } = await profileWithToken({ environment: 'production' });
    const target = `${capture.origin('localhost')}/v1`;
    expect(await call('profiles:update', { id, baseUrl: target })).toMatchObject({ ok: false, error: { code: 'not_confirmed' } });
    expect(await call('profiles:update', { id, environment: 'sandbox' })).toMatchObject({ ok: false, error: { code: 'not_confirmed' } });
    expect(await call('profiles:update', { id, baseUrl: `${sandbox.origin}/api/v1` })).toMatchObject({ ok: false, error: { code: 'not_confirmed' } });
    const profile = (await call('profiles:list', {})).data.profiles[0];
    expect(profile).toMatchObject({ baseUrl: sandbox.baseUrl, environment: 'production', token: { origin: sandbox.origin } });
    expect(asked.map((a) => a.kinds)).toEqual([['production_base_url'], ['production_environment'], ['production_base_url']]);
    expect(asked[0]!.detail).toContain(sandbox.origin);
    expect(asked[0]!.detail).toContain(capture.origin('localhost'));
    expect(asked[0]!.message).toContain('Loja Centro');

    answer = true;
    expect(await call('profiles:update', { id, baseUrl: target })).toMatchObject({ ok: true, data: { baseUrl: target } });
    // Confirmed, the profile moved — but the token stayed with its origin: removed here.
    expect(await call('token:describe', { profileId: id })).toEqual({ ok: true, data: null });
    await call('connection:test', { profileId: id });
    expect(capture.carrying(token)).toEqual([]);
  });
});

describe('migration', () => {
  it('a token stored before origins existed is bound to its profile’s origin at start-up and works there only', async () => {
    await start();
    const { id, token } = await profileWithToken();
    await services!.close();
    const metaPath = join(userDataDir, 'tokens', `${id}.json`);
    const { origin: _dropped, ...legacy } = JSON.parse(await readFile(metaPath, 'utf8')) as Record<string, unknown>;
    await writeFile(metaPath, JSON.stringify(legacy));
    await start();
    expect((await call('token:describe', { profileId: id })).data).toMatchObject({ origin: sandbox.origin });
    expect(await call('connection:test', { profileId: id })).toMatchObject({ ok: true, data: { ok: true } });
    expect(await services!.vault.withToken(id, capture.origin(), async () => 'sent').catch((e: { code: string }) => e.code)).toBe('token_origin_mismatch');
    expect(capture.carrying(token)).toEqual([]);
  });
});

describe('ids', () => {
  it('dot, separator and line-break ids are refused at the IPC schema', async () => {
    await start();
    await profileWithToken();
    for (const id of ['..', '%2e%2e', '%2E%2e', '%252e', '../x', 'a\\b', '', 'x\r\nX-Evil: 1']) {
      // `fields` says the schema refused it (the path builder would too, without fields).
      expect(await call('drivers:get', { id })).toMatchObject({ ok: false, error: { code: 'invalid_input', fields: { id: expect.any(Array) } } });
      expect(await call('events:redeliver', { id: 'ok', endpointId: id, actionId: 'action-0001' })).toMatchObject({
        ok: false,
        error: { code: 'invalid_input', fields: { endpointId: expect.any(Array) } },
      });
    }
  });
});
