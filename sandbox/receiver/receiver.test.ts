// The built-in receiver on a real sandbox: each behaviour, the delivery log, runtime switches and
// signature checks against an endpoint's secret.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signatureHeader } from '../dispatcher/signature';
import { hashToUnit } from '../seed/prng';
import { startSandbox, type RunningSandbox } from '../server';
import { request } from '../testing/client';

describe('built-in receiver', () => {
  let sandbox: RunningSandbox;
  let token: string;
  const receiver = (path: string) => `${sandbox.origin}/_sandbox/receiver${path}`;
  const admin = () => ({ 'x-sandbox-admin': sandbox.adminSecret });
  const deliver = (path: string, headers: Record<string, string> = {}, body: unknown = { hello: 'world' }) =>
    request(sandbox, 'POST', receiver(path), { body, headers });

  beforeAll(async () => {
    sandbox = await startSandbox({ port: 0, seed: 'empty', dispatch: false });
    token = await sandbox.mintToken();
  });
  afterAll(async () => {
    await sandbox?.close();
  });

  it('/ok answers 200 without a bearer token', async () => {
    const response = await deliver('/ok');
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ received: true });
  });

  it('/fail answers 500 with a Laravel-style JSON body, or an nginx page with ?format=html', async () => {
    const json = await deliver('/fail');
    expect(json.status).toBe(500);
    expect(json.body).toMatchObject({ message: expect.stringContaining('SQLSTATE'), exception: expect.any(String) });
    const html = await deliver('/fail?format=html');
    expect(html.status).toBe(500);
    expect(html.headers.get('content-type')).toMatch(/text\/html/);
    expect(html.text).toContain('<h1>500 Internal Server Error</h1>');
  });

  it('/status/:code answers that code, with Retry-After on request, and refuses nonsense codes', async () => {
    const teapot = await deliver('/status/418');
    expect(teapot.status).toBe(418);
    expect(teapot.body).toEqual({ status: 418, message: "I'm a Teapot" });
    const limited = await deliver('/status/429?retry_after=7');
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('7');
    expect((await deliver('/status/204')).status).toBe(204);
    expect((await deliver('/status/99')).status).toBe(400);
    expect((await deliver('/status/abc')).status).toBe(400);
  });

  it('/slow answers after ?ms=, and a client that gives up first sees a timeout', async () => {
    const started = performance.now();
    const slow = await deliver('/slow?ms=300');
    expect(slow.status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(295);
    const timedOut = await fetch(receiver('/slow'), { method: 'POST', body: '{}', signal: AbortSignal.timeout(200) }).then(
      () => 'answered',
      (error: Error) => error.name,
    );
    expect(timedOut).toBe('TimeoutError');
    expect((await deliver('/slow?ms=999999')).status).toBe(400);
  });

  it('/flaky fails the first two attempts of an "unlucky" event and then succeeds, deterministically', async () => {
    // Find one unlucky and one lucky event id the way the receiver decides (share 0.5 by default).
    const ids = Array.from({ length: 50 }, (_, i) => `evt-${i}`);
    const unlucky = ids.find((id) => hashToUnit(id) < 0.5)!;
    const lucky = ids.find((id) => hashToUnit(id) >= 0.5)!;
    const attempt = (eventId: string, n: number, query = '') => deliver(`/flaky${query}`, { 'x-ii-event-id': eventId, 'x-ii-attempt': String(n) });
    expect([(await attempt(unlucky, 1)).status, (await attempt(unlucky, 2)).status, (await attempt(unlucky, 3)).status]).toEqual([503, 503, 200]);
    expect((await attempt(lucky, 1)).status).toBe(200);
    expect((await attempt(lucky, 1, '?rate=1&failures=1')).status).toBe(503);
    expect((await attempt(lucky, 2, '?rate=1&failures=1')).status).toBe(200);
    // About half of all attempts fail over many events with the defaults.
    let failures = 0;
    let total = 0;
    for (let i = 0; i < 400; i++) {
      const id = `bulk-${i}`;
      for (let n = 1; n <= 3; n++) {
        const fails = hashToUnit(id) < 0.5 && n <= 2;
        if (fails) failures++;
        total++;
        if (!fails) break;
      }
    }
    expect(failures / total).toBeGreaterThan(0.4);
    expect(failures / total).toBeLessThan(0.6);
  });

  it('switches: 500 until fixed with PUT (admin only), then 200', async () => {
    expect((await deliver('/switch/crm')).status).toBe(500);
    const refused = await request(sandbox, 'PUT', receiver('/switch/crm'), { body: { status: 200 } });
    expect(refused.status).toBe(403);
    expect((await deliver('/switch/crm')).status).toBe(500);
    const fixed = await request(sandbox, 'PUT', receiver('/switch/crm'), { body: { status: 200 }, headers: admin() });
    expect(fixed.status).toBe(200);
    expect(fixed.body).toEqual({ data: { name: 'crm', status: 200 } });
    expect((await deliver('/switch/crm')).status).toBe(200);
    expect((await deliver('/switch/other')).status).toBe(500);
    const bad = await request(sandbox, 'PUT', receiver('/switch/crm'), { body: { status: 42 }, headers: admin() });
    expect(bad.status).toBe(422);
  });

  it('logs deliveries newest first, redacting custom header values, filterable by behaviour', async () => {
    await request(sandbox, 'DELETE', receiver('/log'), { headers: admin() });
    await deliver('/ok', { 'x-ii-event-id': 'e-1', 'x-ii-event-name': 'order.paid', 'x-ii-attempt': '1', authorization: 'Bearer customer-secret' }, { n: 1 });
    await deliver('/fail', { 'x-ii-event-id': 'e-2' }, { n: 2 });
    const log = await request(sandbox, 'GET', receiver('/log'));
    expect(log.status).toBe(200);
    expect(log.body.data.map((entry: { behaviour: string }) => entry.behaviour)).toEqual(['fail', 'ok']);
    const ok = log.body.data[1];
    expect(ok).toMatchObject({ path: '/_sandbox/receiver/ok', event_id: 'e-1', event_name: 'order.paid', attempt: 1, response_status: 200, body: '{"n":1}', signature: 'unchecked' });
    expect(ok.headers.authorization).toBe('[redacted]');
    expect(log.text).not.toContain('customer-secret');
    const onlyFail = await request(sandbox, 'GET', receiver('/log?behaviour=fail'));
    expect(onlyFail.body.data).toHaveLength(1);
    expect((await request(sandbox, 'DELETE', receiver('/log'))).status).toBe(403);
  });

  it('checks X-II-Signature against the secret of the endpoint with that URL; ?verify=strict refuses bad ones', async () => {
    const created = await request(sandbox, 'POST', '/webhooks/endpoints', {
      token,
      body: { url: receiver('/ok?verify=strict&who=signed'), events: ['order.paid'] },
    });
    expect(created.status).toBe(201);
    const secret: string = created.body.data.secret;
    const body = JSON.stringify({ id: 'e-9', event: 'order.paid' });
    const now = Math.floor(Date.now() / 1000);
    const send = (signature: string | undefined) =>
      fetch(receiver('/ok?verify=strict&who=signed'), {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(signature ? { 'x-ii-signature': signature } : {}) },
        body,
      });
    expect((await send(signatureHeader([secret], now, body))).status).toBe(200);
    expect((await send(signatureHeader(['whsec_not-the-secret'], now, body))).status).toBe(401);
    expect((await send(undefined)).status).toBe(401);
    const log = await request(sandbox, 'GET', receiver('/log?limit=3'));
    expect(log.body.data.map((entry: { signature: string }) => entry.signature)).toEqual(['missing', 'invalid', 'valid']);
  });
});
