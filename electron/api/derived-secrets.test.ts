// Derived secrets stay in main. A loopback server that DOES return what a careless or hostile API
// could (an endpoint's signing secret and custom header values, `client_secret` in installation
// settings, Authorization / X-Api-Key in delivery attempts, unknown fields like `api_key`) is read
// through the REAL main services and dispatcher; none of it may reach an IPC answer, an export
// file, or the log file electron-log's real file transport writes.
import { randomUUID } from 'node:crypto';
import { readFile, mkdtemp, rm } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import log from 'electron-log/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAppSession, type AppSession } from '../../test/harness/app-session';
import { apiLogTo, configureLog } from '../log-setup';
import { MASKED } from '../../shared/api/ipc-views';

const APP_ORIGIN = 'app://console';
const SENDER = { id: 1, frameUrl: `${APP_ORIGIN}/index.html`, isTopFrame: true };

// Minted at test time, JWT-shaped (never a real credential).
const b64 = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
const TOKEN = `${b64({ alg: 'HS256', typ: 'JWT' })}.${b64({ sub: 'secrecy', exp: Math.floor(Date.now() / 1000) + 3600 })}.${randomUUID().replaceAll('-', '')}`;

const leak = (name: string) => `leak-${name}-${randomUUID().slice(0, 13)}`;
const LEAKS = {
  endpointSecret: leak('endpoint-secret'),
  endpointHeader: leak('endpoint-header'),
  endpointHint: leak('full-secret-as-hint'),
  endpointExtra: leak('endpoint-signing-key'),
  clientSecret: leak('client-secret'),
  shopPassword: leak('password-typed'),
  accessToken: leak('access-token'),
  installationExtra: leak('installation-api-key'),
  driverExtra: leak('driver-api-key'),
  eventExtra: leak('event-api-key'),
  attemptAuthorization: leak('attempt-authorization'),
  attemptApiKey: leak('attempt-x-api-key'),
  attemptHmac: 'f'.repeat(20) + randomUUID().replaceAll('-', '').slice(0, 44),
  attemptCookie: leak('response-cookie'),
  receivedAuthorization: leak('received-authorization'),
  policyExtra: leak('policy-api-key'),
};
/** Shown once, in the create answer only. */
const CREATED_SECRET = leak('created-secret-shown-once');

const driver = {
  id: 'drv-1',
  name: 'Loja',
  slug: 'loja',
  description: null,
  version: '1.0.0',
  type: 'webhook',
  enabled: true,
  enabled_at: null,
  created_at: '2026-01-01T00:00:00.000000Z',
  updated_at: '2026-01-01T00:00:00.000000Z',
  supported_events: ['order.paid'],
  available_settings: {
    client_id: { type: 'string' },
    credentials_blob: { type: 'secret' },
    shop_pin: { type: 'password' },
    region: { type: 'string' },
  },
  api_key: LEAKS.driverExtra,
};
const installation = {
  id: 'inst-1',
  driver_id: 'drv-1',
  integration_driver_slug: 'loja',
  name: 'Loja do Pedro',
  status: 'active',
  // `credentials_blob` and `shop_pin` are hidden because of their TYPE, the others by their name.
  settings: { client_id: 'cid-visible', credentials_blob: LEAKS.clientSecret, shop_pin: LEAKS.shopPassword, access_token: LEAKS.accessToken, client_secret: LEAKS.clientSecret, region: 'br', verify_signature: true, webhook: { signing_secret: LEAKS.clientSecret } },
  api_key: LEAKS.installationExtra,
};
const endpoint = {
  id: 'ep-1',
  url: 'https://receiver.example/hook',
  description: 'ERP',
  enabled: true,
  events: ['*'],
  headers: { 'X-Api-Key': LEAKS.endpointHeader, 'X-Tenant': LEAKS.endpointHeader },
  timeout_seconds: 10,
  secret: LEAKS.endpointSecret,
  secret_hint: LEAKS.endpointHint,
  signing_key: LEAKS.endpointExtra,
};
const attempt = {
  id: 'dsp-1',
  event_id: 'ev-1',
  endpoint_id: 'ep-1',
  url: 'https://receiver.example/hook',
  attempt: 1,
  trigger: 'automatic',
  status: 'failed',
  attempt_response_code: 500,
  error: null,
  duration_ms: 12,
  request_headers: {
    'content-type': 'application/json',
    'user-agent': 'II-Webhooks/1.0',
    Authorization: `Bearer ${LEAKS.attemptAuthorization}`,
    'X-Api-Key': LEAKS.attemptApiKey,
    'x-ii-signature': `t=1700000000,v1=${LEAKS.attemptHmac}`,
  },
  request_body: '{"id":"ev-1"}',
  response_headers: { 'set-cookie': [`session=${LEAKS.attemptCookie}`], 'content-type': 'text/plain' },
  response_body: 'boom',
  attempted_at: '2026-01-01T00:00:01.000000Z',
  next_retry_at: null,
  api_key: LEAKS.eventExtra,
};
const event = {
  id: 'ev-1',
  installation_id: 'inst-1',
  integration_driver_slug: 'loja',
  name: 'order.paid',
  created_at: '2026-01-01T00:00:00.000000Z',
  status: 'failed',
  superseded: false,
  superseded_by: null,
  last_dispatch: { id: 'dsp-1', status: 'failed', attempt_response_code: 500, attempted_at: '2026-01-01T00:00:01.000000Z', api_key: LEAKS.eventExtra },
  api_key: LEAKS.eventExtra,
};
const received = {
  id: 'rcv-1',
  installation_id: 'inst-1',
  integration_driver_slug: 'loja',
  received_at: '2026-01-01T00:00:00.000000Z',
  headers: { authorization: `Basic ${LEAKS.receivedAuthorization}`, 'content-type': 'application/json' },
  body: { ok: true },
  signature_valid: true,
  status: 'processed',
  status_reason: null,
  event_ids: ['ev-1'],
};
const policy = {
  max_attempts: 5,
  strategy: 'exponential',
  initial_delay_seconds: 60,
  max_delay_seconds: 3600,
  retry_on: ['5xx'],
  disable_endpoint_after_failures: null,
  api_key: LEAKS.policyExtra,
};

function route(method: string, path: string): unknown {
  if (method === 'GET' && path === '/drivers') return { data: [driver] };
  if (method === 'GET' && path === '/drivers/drv-1') return { data: driver };
  if (method === 'GET' && path === '/installations') return { data: [installation] };
  if (path === '/installations/inst-1' || path.startsWith('/installations/inst-1/') || (method === 'POST' && path === '/installations')) return { data: installation };
  if (method === 'GET' && path === '/webhooks/endpoints') return { data: [endpoint] };
  if (method === 'POST' && path === '/webhooks/endpoints') return { data: { ...endpoint, secret: CREATED_SECRET } };
  if (method === 'POST' && path === '/webhooks/endpoints/ep-1/rotate-secret') return { data: { ...endpoint, secret: CREATED_SECRET } };
  if (method === 'POST' && path === '/webhooks/endpoints/ep-1/test') return { data: attempt };
  if (path === '/webhooks/endpoints/ep-1') return { data: endpoint };
  if (path === '/webhooks/retry-policy') return { data: policy };
  if (method === 'GET' && path === '/processing/events') return { data: [event] };
  if (method === 'GET' && path === '/processing/events/ev-1') return { data: { ...event, payload: { order: 1 }, dispatches: [attempt] } };
  if (method === 'POST' && path === '/processing/events/ev-1/redeliver') return { data: attempt };
  if (method === 'GET' && path === '/processing/dispatches') return { data: [attempt] };
  if (method === 'GET' && path === '/processing/webhooks') return { data: [received] };
  return undefined;
}

let server: Server;
let session: AppSession;
let workDir: string;
let logFile: string;
const requestLog: string[] = [];

beforeAll(async () => {
  server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://x');
    requestLog.push(`${req.method} ${url.pathname}`);
    req.resume();
    req.on('end', () => {
      const body = route(req.method ?? 'GET', url.pathname);
      if (url.pathname === '/fail') {
        // A failure the client logs as a warning (what reaches the file at level info).
        res.writeHead(200, { 'content-type': 'application/json' }).end('{not json');
        return;
      }
      if (body === undefined) return void res.writeHead(404, { 'content-type': 'application/json' }).end('{"message":"no"}');
      res.writeHead(req.method === 'POST' ? 201 : 200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  workDir = await mkdtemp(join(tmpdir(), 'ii-secrets-'));
  logFile = join(workDir, 'main.log');
  // The logger main uses, on electron-log's node entry point: same hook, same file transport.
  log.transports.file.resolvePathFn = () => logFile;
  configureLog(log);
  log.transports.console.level = false;
  session = await startAppSession({ appOrigin: APP_ORIGIN, env: { II_API_TOKEN: TOKEN, II_SANDBOX_BASE_URL: base }, apiLog: apiLogTo(log) });
});

afterAll(async () => {
  await session?.close();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await rm(workDir, { recursive: true, force: true });
});

let requestCount = 0;
async function call(channel: string, input: unknown) {
  requestCount += 1;
  return session.dispatch(channel, { requestId: `s-${requestCount}`, input }, SENDER);
}
const actionId = () => `act-${randomUUID()}`;

function expectNoLeak(text: string, where: string, except: string[] = []) {
  for (const [name, value] of Object.entries(LEAKS)) {
    if (!except.includes(value)) expect(text, `${name} in ${where}`).not.toContain(value);
  }
  expect(text, `token in ${where}`).not.toContain(TOKEN);
  expect(text, `token signature in ${where}`).not.toContain(TOKEN.split('.')[2]);
}

describe('derived secrets stay in main', () => {
  it('no IPC answer carries a secret, a custom header value or an unknown field; the create answer alone carries the new secret', async () => {
    const answers: Record<string, unknown> = {
      'drivers:list': await call('drivers:list', {}),
      'drivers:get': await call('drivers:get', { id: 'drv-1' }),
      'installations:list': await call('installations:list', {}),
      'installations:get': await call('installations:get', { id: 'inst-1' }),
      'installations:update': await call('installations:update', { id: 'inst-1', actionId: actionId(), body: { name: 'Loja' } }),
      'installations:disable': await call('installations:disable', { id: 'inst-1', actionId: actionId() }),
      'installations:reauthorize': await call('installations:reauthorize', { id: 'inst-1', actionId: actionId() }),
      'webhooks:endpointsList': await call('webhooks:endpointsList', {}),
      'webhooks:endpointGet': await call('webhooks:endpointGet', { id: 'ep-1' }),
      'webhooks:endpointUpdate': await call('webhooks:endpointUpdate', { id: 'ep-1', actionId: actionId(), body: { description: 'x' } }),
      'webhooks:endpointTest': await call('webhooks:endpointTest', { id: 'ep-1', actionId: actionId() }),
      'webhooks:retryPolicyGet': await call('webhooks:retryPolicyGet', {}),
      'webhooks:received': await call('webhooks:received', {}),
      'events:list': await call('events:list', {}),
      'events:get': await call('events:get', { id: 'ev-1' }),
      'events:redeliver': await call('events:redeliver', { id: 'ev-1', actionId: actionId() }),
      'events:dispatches': await call('events:dispatches', {}),
    };
    for (const [channel, answer] of Object.entries(answers)) {
      expect(answer, channel).toMatchObject({ ok: true });
      expectNoLeak(JSON.stringify(answer), channel);
      expect(JSON.stringify(answer), channel).not.toContain(CREATED_SECRET);
      expect(JSON.stringify(answer), channel).not.toContain('api_key');
    }

    // Not vacuous: what is not secret still arrives.
    const inst = (answers['installations:get'] as { data: { settings: Record<string, unknown> } }).data;
    expect(inst.settings).toEqual({ client_id: 'cid-visible', credentials_blob: null, shop_pin: null, access_token: null, client_secret: null, region: 'br', verify_signature: true, webhook: { signing_secret: null } });
    const ep = (answers['webhooks:endpointGet'] as { data: Record<string, unknown> }).data;
    expect(ep.headers).toEqual({ 'X-Api-Key': null, 'X-Tenant': null });
    expect(ep.secret_hint).toBe(LEAKS.endpointHint.slice(-4));
    expect(ep).not.toHaveProperty('secret');
    const detail = (answers['events:get'] as { data: { dispatches: { request_headers: Record<string, unknown>; response_headers: Record<string, unknown> }[] } }).data;
    expect(detail.dispatches[0]!.request_headers).toEqual({
      'content-type': 'application/json',
      'user-agent': 'II-Webhooks/1.0',
      Authorization: MASKED,
      'X-Api-Key': MASKED,
      'x-ii-signature': `t=1700000000,v1=${MASKED}`,
    });
    expect(detail.dispatches[0]!.response_headers).toEqual({ 'set-cookie': [MASKED], 'content-type': 'text/plain' });

    // The signing secret: in the create and rotate answers, shown once, and nowhere else.
    const created = await call('webhooks:endpointCreate', { actionId: actionId(), body: { url: 'https://receiver.example/hook' } });
    const rotated = await call('webhooks:endpointRotateSecret', { id: 'ep-1', actionId: actionId() });
    for (const answer of [created, rotated]) {
      expect(answer).toMatchObject({ ok: true, data: { secret: CREATED_SECRET, headers: { 'X-Api-Key': null } } });
      expectNoLeak(JSON.stringify(answer), 'create/rotate');
    }
  });

  it('the copy-as-cURL command the renderer builds from an attempt carries masks, not credentials', async () => {
    const { curlForDelivery } = await import('../../shared/curl');
    const answer = (await call('events:dispatches', {})) as { ok: true; data: { items: Parameters<typeof curlForDelivery>[0][] } };
    const command = curlForDelivery(answer.data.items[0]!);
    expect(command).toContain(MASKED);
    expectNoLeak(command, 'curl');
  });

  it('the export files (CSV and NDJSON) carry none of it', async () => {
    for (const format of ['csv', 'ndjson'] as const) {
      const target = join(workDir, `export.${format}`);
      session.fakes.dialog.prepareOpen(target);
      const started = (await call('jobs:startExport', { filters: {}, format })) as { ok: boolean; data: { job: { id: string } } };
      expect(started.ok).toBe(true);
      await expect
        .poll(async () => {
          const list = (await call('jobs:list', {})) as { data: { jobs: { id: string; state: string }[] } };
          return list.data.jobs.find((job) => job.id === started.data.job.id)?.state;
        })
        .toBe('completed');
      const text = await readFile(target, 'utf8');
      expect(text).toContain('order.paid');
      expectNoLeak(text, `${format} export`);
      expect(text).not.toContain('api_key');
    }
  });

  it('the real log file holds neither the token nor any derived secret', async () => {
    // A request that fails is logged at warn (the file's level is info).
    const failing = await session.services.dispatcher.dispatch('connection:test', { requestId: 'log-1', input: {} }, SENDER);
    expect(failing).toBeDefined();
    // What a careless future change might log: the hook must still clean it.
    log.warn('api', { method: 'GET', path: '/installations/inst-1', headers: { Authorization: `Bearer ${TOKEN}`, 'X-Api-Key': LEAKS.attemptApiKey } });
    log.warn(`oauth exchange client_secret=${LEAKS.clientSecret}&code=1 signature=${LEAKS.attemptHmac}`);
    log.error('answer', { settings: { client_secret: LEAKS.clientSecret }, endpoint: { secret: LEAKS.endpointSecret }, list: [{ api_key: LEAKS.installationExtra }] });
    const text = await readFile(logFile, 'utf8');
    expect(text).toContain('/installations/inst-1');
    expect(text).toContain('[redacted]');
    expectNoLeak(text, 'log file');
  });
});
