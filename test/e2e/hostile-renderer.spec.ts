// The renderer is untrusted (docs/security.md). These tests act as hostile script in the page
// would: straight calls on `window.ii` (page.evaluate), through the real dispatcher and services,
// trying to get main to send the API token anywhere but the origin it was imported for. A capture
// server on loopback plays the attacker's host; a fetch observer sees every request main makes
// (origin, path, header names, and a hash of Authorization — never the token itself). The number
// of attempts is compared with the figure written in docs/security.md, which therefore stays true.
import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import type { ConsoleApp } from './fixtures';
import { hashOf, startCaptureServer, type CaptureServer } from '../support/capture-server';
import { seedProfile, seedToken } from './support';

interface Outbound {
  origin: string;
  path: string;
  headerNames: string[];
  authorizationHash: string | null;
}

// Every request main's platform client makes in this file, recorded before it goes out.
const outbound: Outbound[] = [];
const observedFetch: typeof fetch = async (input, init) => {
  const url = new URL(input instanceof Request ? input.url : String(input));
  let headerNames: string[];
  let authorization: string | null = null;
  try {
    const headers = new Headers(init?.headers);
    headerNames = [...headers.keys()].sort();
    authorization = headers.get('authorization');
  } catch {
    headerNames = ['<invalid headers>'];
  }
  outbound.push({ origin: url.origin, path: url.pathname, headerNames, authorizationHash: authorization ? hashOf(authorization) : null });
  return fetch(input, init);
};

let capture: CaptureServer;
test.beforeAll(async () => {
  capture = await startCaptureServer();
});
test.afterAll(async () => {
  await capture?.close();
});
test.beforeEach(() => {
  outbound.length = 0;
  capture.requests.length = 0;
});
test.use({ appOptions: { fetch: observedFetch } });
test.describe.configure({ timeout: 180_000 });

type Answer = { ok: boolean; data?: unknown; error?: { code: string; details?: Record<string, unknown> } };

const counts = { attempts: 0 };

/** One call as hostile page script makes it: straight on window.ii, no UI. */
async function hostile(page: Page, channel: string, input: unknown): Promise<Answer> {
  counts.attempts += 1;
  return page.evaluate(
    ([c, i, n]) => (window as unknown as { ii: { invoke: Record<string, (input: unknown, id: string) => Promise<unknown>> } }).ii.invoke[c]!(i, `hostile-${n}`),
    [channel, input, counts.attempts] as const,
  ) as Promise<Answer>;
}

/** Requests (seen by the observer or the capture server) that carried `token` to an origin other than `home`. */
function offOrigin(token: string, home: string): number {
  const hash = hashOf(`Bearer ${token}`);
  const observed = outbound.filter((r) => r.authorizationHash === hash && r.origin !== home).length;
  const captured = capture.carrying(token).filter((r) => `http://${r.host}` !== home).length;
  return observed + captured;
}

const ALLOWED_HEADERS = ['accept', 'authorization', 'content-type', 'idempotency-key'];

async function legitProfile(app: ConsoleApp, fields: { readOnly?: boolean; environment?: 'production' | 'staging' } = {}) {
  const profile = await seedProfile(app, { name: 'Loja Centro', baseUrl: app.sandbox.baseUrl, environment: fields.environment ?? 'staging', readOnly: fields.readOnly ?? false }, { activate: true });
  const token = await seedToken(app, profile.id);
  return { profile, token };
}

test('hostile page script cannot get the token sent anywhere but its own origin', async ({ app }) => {
  const { profile, token } = await legitProfile(app);
  const home = app.sandbox.origin;
  await app.open('/settings');
  const page = app.page;
  const port = capture.port;

  // 1. Base URL swaps to other origins, then everything that sends a request.
  const swaps = [
    capture.origin('127.0.0.1'),
    capture.origin('localhost'),
    capture.origin('[::1]'), // a network error where the machine has no IPv6 loopback; refused either way
    `http://127.0.0.2:${port}`,
    `https://127.0.0.1:${port}`,
    'https://capture.invalid',
    `http://localhost:${new URL(home).port}`, // the sandbox itself, spelled as another origin
    `HTTP://LOCALHOST.:${port}`,
    `http://user:pass@127.0.0.1:${port}`,
  ];
  const keptAfterSwap: string[] = [];
  for (const target of swaps) {
    const swapped = await hostile(page, 'profiles:update', { id: profile.id, baseUrl: `${target}/v1` });
    await hostile(page, 'connection:test', { profileId: profile.id });
    await hostile(page, 'connection:detectBasePath', { profileId: profile.id });
    await hostile(page, 'drivers:list', {});
    await hostile(page, 'events:list', { limit: 5 });
    if (swapped.ok) {
      // Main left the token behind with its origin; the operator puts things back for the next round.
      if ((await app.session.call('token:describe', { profileId: profile.id })) !== null) keptAfterSwap.push(target);
      await app.session.call('profiles:update', { id: profile.id, baseUrl: app.sandbox.baseUrl });
      app.session.fakes.clipboard.writeText(token);
      await app.session.call('token:importFromClipboard', { profileId: profile.id });
    } else {
      expect(swapped.error?.code).toBe('invalid_input');
    }
  }

  // 2. A new profile pointing at the capture server, then every way to get a token into it or use it.
  const created = await hostile(page, 'profiles:create', { name: 'Capture', baseUrl: `${capture.origin()}/v1`, environment: 'sandbox' });
  expect(created.ok).toBe(true);
  const captureId = (created.data as { id: string }).id;
  for (const [channel, input] of [
    ['token:importFromClipboard', { profileId: captureId }],
    ['token:importFromEnv', { profileId: captureId }],
    ['token:importFromFile', { profileId: captureId }],
    ['token:rotate', { profileId: captureId, source: 'clipboard' }],
    ['token:rotate', { profileId: captureId, source: 'env' }],
    ['profiles:activate', { id: captureId }],
    ['connection:test', { profileId: captureId }],
    ['connection:detectBasePath', { profileId: captureId }],
    ['drivers:list', {}],
    ['webhooks:endpointsList', {}],
    ['profiles:activate', { id: profile.id }],
  ] as const) {
    await hostile(page, channel, input);
  }
  expect(await app.session.call('token:describe', { profileId: captureId })).toBeNull();

  // 3. Dot ids, encoded or not, and ids carrying line breaks (header injection): refused at the schema.
  const badIds = ['.', '..', '%2e', '%2E%2e', '%252e%252e', '../..', '..\\..', '%2f..%2f', '', 'bling\r\nAuthorization: Bearer x', 'x\nHost: evil'];
  for (const id of badIds) {
    for (const [channel, input] of [
      ['drivers:get', { id }],
      ['installations:get', { id }],
      ['events:get', { id }],
      ['webhooks:endpointGet', { id }],
      ['drivers:enable', { id, actionId: 'hostile-action-1' }],
      ['events:redeliver', { id: 'evt', endpointId: id, actionId: 'hostile-action-2' }],
    ] as const) {
      const answer = await hostile(page, channel, input);
      expect(answer.error?.code, `${channel} ${JSON.stringify(id)}`).toBe('invalid_input');
    }
  }

  // 4. Line breaks in names and filters: harmless text, never a header.
  await hostile(page, 'profiles:update', { id: profile.id, name: 'Loja\r\nAuthorization: Bearer evil' });
  await hostile(page, 'events:list', { filters: { status: 'failed\r\nX-Injected: 1' }, limit: 5 });
  await hostile(page, 'drivers:list', { filters: { search: 'a\r\nHost: evil' } });
  await hostile(page, 'installations:list', { sort: 'name\r\nX-Injected: 1' });

  // 5. Oversized inputs: refused whole, nothing sent.
  const big = 'x'.repeat(300_000);
  for (const [channel, input] of [
    ['profiles:create', { name: big, baseUrl: `${capture.origin()}/v1` }],
    ['profiles:update', { id: profile.id, baseUrl: `${capture.origin()}/${big}` }],
    ['drivers:get', { id: big }],
    ['events:list', { cursor: big }],
    ['events:list', { filters: { status: big } }],
    ['profiles:create', { name: 'Fine', baseUrl: `${capture.origin()}/v1`, extra: big }],
  ] as const) {
    expect((await hostile(page, channel, input)).error?.code, channel).toBe('invalid_input');
  }

  // The legitimate profile still works with its token, at its own origin.
  expect((await hostile(page, 'connection:test', { profileId: profile.id })).data).toMatchObject({ ok: true });

  expect(offOrigin(token, home), 'requests carrying the token off its origin').toBe(0);
  expect(capture.carrying(token)).toHaveLength(0);
  expect(keptAfterSwap, 'profiles that kept their token after moving to another origin').toEqual([]);
  expect(outbound.filter((r) => r.origin !== home)).toEqual([]);
  // Every request stayed under the base path, with only the client's own headers. Base-path
  // detection is the one caller that asks other paths, and only its own candidates on the token's
  // origin (electron/api/connection.ts: the root, /v1, /api/v1).
  const detectionProbes = ['/drivers', '/api/v1/drivers'];
  for (const request of outbound) {
    expect(request.path.startsWith('/v1/') || detectionProbes.includes(request.path), request.path).toBe(true);
    expect(request.headerNames.filter((name) => !ALLOWED_HEADERS.includes(name))).toEqual([]);
  }
  expect(outbound.length).toBeGreaterThan(0);
  test.info().annotations.push({ type: 'attempts', description: String(counts.attempts) });
});

test('a redirect from the token’s own origin to another origin is not followed with the token', async ({ app }) => {
  // The operator's profile points at the capture server as 127.0.0.1, which bounces every request
  // to itself under other names (other origins) — as a compromised or misconfigured server would.
  const profile = await seedProfile(app, { name: 'Bouncing', baseUrl: `${capture.origin('127.0.0.1')}/bounce/307/v1`, environment: 'other' }, { activate: true });
  const token = await seedToken(app, profile.id);
  const home = capture.origin('127.0.0.1');
  await app.open('/settings');
  for (const target of [capture.origin('localhost'), capture.origin('[::1]'), app.sandbox.origin]) {
    for (const status of ['301', '302', '307', '308']) {
      await app.session.call('profiles:update', { id: profile.id, baseUrl: `${home}/bounce/${status}/v1` });
      capture.bounceTo = target;
      const test = await hostile(app.page, 'connection:test', { profileId: profile.id });
      expect(test.data).toMatchObject({ ok: false, failure: { code: 'server', details: { reason: 'cross_origin_redirect' } } });
      await hostile(app.page, 'connection:detectBasePath', { profileId: profile.id });
      await hostile(app.page, 'drivers:list', {});
    }
  }
  expect(offOrigin(token, home)).toBe(0);
  expect(capture.requests.length).toBeGreaterThan(0);
  expect(capture.requests.every((r) => r.host === `127.0.0.1:${capture.port}`)).toBe(true);
  expect(outbound.every((r) => r.origin === home)).toBe(true);
});

test('the safety gates: refused in the native box, nothing changes; confirmed, they work', async ({ app }) => {
  const { profile, token } = await legitProfile(app, { readOnly: true, environment: 'production' });
  await app.open('/drivers');
  const page = app.page;
  const confirm = app.session.fakes.confirm;
  const driver = 'bling';
  const enabledBefore = (await app.session.call('drivers:get', { id: driver })).enabled;

  // The operator presses Cancel (the fake's default) — or hostile script asked without them.
  const refused = [
    await hostile(page, 'profiles:unlockWrites', { profileId: profile.id, minutes: 240 }),
    await hostile(page, 'profiles:update', { id: profile.id, readOnly: false }),
    await hostile(page, 'profiles:update', { id: profile.id, baseUrl: `${capture.origin()}/v1` }),
    await hostile(page, 'profiles:update', { id: profile.id, baseUrl: `${app.sandbox.origin}/api/v1` }),
    await hostile(page, 'profiles:update', { id: profile.id, environment: 'sandbox' }),
  ];
  expect(refused.map((r) => r.error?.code)).toEqual(Array(5).fill('not_confirmed'));
  expect(await hostile(page, 'drivers:disable', { id: driver, actionId: 'hostile-write-1' })).toMatchObject({ ok: false, error: { code: 'read_only' } });
  const unchanged = (await app.session.call('profiles:list', {})).profiles.find((p) => p.id === profile.id)!;
  expect(unchanged).toMatchObject({ readOnly: true, writable: false, environment: 'production', baseUrl: app.sandbox.baseUrl, token: { origin: app.sandbox.origin } });
  expect((await app.session.call('drivers:get', { id: driver })).enabled).toBe(enabledBefore);
  expect(confirm.asked.map((a) => a.kinds)).toEqual([['unlock_writes'], ['read_only_off'], ['production_base_url'], ['production_base_url'], ['production_environment']]);
  for (const asked of confirm.asked) {
    expect(asked.message).toContain('Loja Centro');
    expect(asked.message).toContain('production');
    expect(asked.cancelLabel).toBe('Cancel');
  }
  expect(confirm.asked[2]!.detail).toContain(app.sandbox.origin);
  expect(confirm.asked[2]!.detail).toContain(capture.origin());

  // The operator confirms: each gate opens.
  confirm.answer(true);
  expect(await hostile(page, 'profiles:unlockWrites', { profileId: profile.id, minutes: 5 })).toMatchObject({ ok: true });
  const written = await hostile(page, 'drivers:disable', { id: driver, actionId: 'hostile-write-2' });
  expect(written).toMatchObject({ ok: true });
  await app.session.call('drivers:enable', { id: driver, actionId: 'restore-write-3' });
  expect(await hostile(page, 'profiles:update', { id: profile.id, readOnly: false })).toMatchObject({ ok: true, data: { readOnly: false } });
  // A path change on production keeps the token; an origin change moves the profile and leaves the token behind.
  expect(await hostile(page, 'profiles:update', { id: profile.id, baseUrl: `${app.sandbox.origin}/v1/` })).toMatchObject({ ok: true });
  expect(await app.session.call('token:describe', { profileId: profile.id })).not.toBeNull();
  expect(await hostile(page, 'profiles:update', { id: profile.id, baseUrl: `${capture.origin()}/v1` })).toMatchObject({ ok: true });
  expect(await app.session.call('token:describe', { profileId: profile.id })).toBeNull();
  await hostile(page, 'connection:test', { profileId: profile.id });
  expect(await hostile(page, 'profiles:update', { id: profile.id, environment: 'sandbox' })).toMatchObject({ ok: true });
  expect(offOrigin(token, app.sandbox.origin)).toBe(0);
  expect(capture.carrying(token)).toHaveLength(0);
});

test('docs/security.md states the figures this suite measures', async () => {
  // Runs after the tests above in this file (one worker, in order): the attempts they made.
  const docs = await readFile(new URL('../../docs/security.md', import.meta.url), 'utf8');
  const attempts = /Exfiltration attempts \(hostile-renderer suite\) \| (\d+)/.exec(docs);
  const observed = /Tokens observed off-origin \| (\d+)/.exec(docs);
  expect(Number(attempts?.[1]), `update the attempts figure in docs/security.md to ${counts.attempts}`).toBe(counts.attempts);
  expect(Number(observed?.[1])).toBe(0);
});
