// /webhooks/* against a real sandbox: endpoint CRUD with write-only secrets and header values,
// validation without half-written rows, test pings, rotate-secret, retry policy, strict schemas.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { strictProcessingSchemas } from '../../shared/api/processing';
import { strictWebhookSchemas } from '../../shared/api/webhooks';
import { verifySignature } from '../dispatcher/signature';
import { startReceiver, startTestSandbox } from '../processing/test-support';
import type { RunningSandbox } from '../server';
import { request } from '../testing/client';

const strictPage = <T extends z.ZodType>(item: T) =>
  z.strictObject({
    data: z.array(item),
    links: z.strictObject({ first: z.string(), last: z.string(), prev: z.string().nullable(), next: z.string().nullable() }),
    meta: z.strictObject({
      current_page: z.number().int(),
      from: z.number().int().nullable(),
      last_page: z.number().int(),
      path: z.string(),
      per_page: z.number().int(),
      to: z.number().int().nullable(),
      total: z.number().int(),
    }),
  });

describe('webhook endpoints', () => {
  let sandbox: RunningSandbox;
  let token: string;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;

  beforeAll(async () => {
    ({ sandbox, token } = await startTestSandbox());
    receiver = await startReceiver((req) => ({ status: req.path.endsWith('/broken') ? 500 : 200, body: 'pong' }));
  });
  afterAll(async () => {
    await sandbox.close();
    await receiver.close();
  });

  const endpointCount = () => (sandbox.ctx.db.prepare('SELECT COUNT(*) AS n FROM webhook_endpoints').get() as { n: number }).n;

  it('creates an endpoint with defaults and returns the secret only then; reads never show the secret or header values', async () => {
    const created = await request(sandbox, 'POST', '/webhooks/endpoints', {
      token,
      body: { url: receiver.url, description: 'Orders', events: ['order.paid'], headers: { 'X-Api-Key': 'top-secret-value' } },
    });
    expect(created.status).toBe(201);
    const withSecret = strictWebhookSchemas.endpointWithSecret.parse(created.body.data);
    expect(withSecret).toMatchObject({ enabled: true, timeout_seconds: 10, events: ['order.paid'], headers: { 'X-Api-Key': null }, disabled_reason: null });
    expect(withSecret.secret).toMatch(/^whsec_/);
    expect(withSecret.secret_hint).toBe(withSecret.secret.slice(-4));

    const read = await request(sandbox, 'GET', `/webhooks/endpoints/${withSecret.id}`, { token });
    strictWebhookSchemas.endpoint.parse(read.body.data);
    const list = await request(sandbox, 'GET', '/webhooks/endpoints', { token });
    strictPage(strictWebhookSchemas.endpoint).parse(list.body);
    const patched = await request(sandbox, 'PATCH', `/webhooks/endpoints/${withSecret.id}`, { token, body: { description: 'Paid orders' } });
    strictWebhookSchemas.endpoint.parse(patched.body.data);
    for (const response of [read, list, patched]) {
      expect(response.text).not.toContain(withSecret.secret);
      expect(response.text).not.toContain('top-secret-value');
      expect(response.text).not.toMatch(/"secret"/);
    }
  });

  it('lists endpoints page-paginated with totals and an enabled filter', async () => {
    await request(sandbox, 'POST', '/webhooks/endpoints', { token, body: { url: `${receiver.url}/off`, enabled: false } });
    const all = await request(sandbox, 'GET', '/webhooks/endpoints?limit=1', { token });
    expect(all.body.meta.total).toBe(endpointCount());
    expect(all.body.data).toHaveLength(1);
    const seen = new Set<string>();
    for (let page = 1; page <= all.body.meta.last_page; page++) {
      const response = await request(sandbox, 'GET', `/webhooks/endpoints?limit=1&page=${page}`, { token });
      seen.add(response.body.data[0].id);
    }
    expect(seen.size).toBe(endpointCount());
    const disabled = await request(sandbox, 'GET', '/webhooks/endpoints?filter[enabled]=false', { token });
    expect(disabled.body.data.every((e: { enabled: boolean }) => !e.enabled)).toBe(true);
    expect(disabled.body.data.length).toBeGreaterThan(0);
  });

  it('refuses invalid endpoints with 422 per field and writes nothing', async () => {
    const before = endpointCount();
    const cases: [Record<string, unknown>, string][] = [
      [{ url: 'http://example.com/hook' }, 'url'],
      [{ url: 'ftp://127.0.0.1/hook' }, 'url'],
      [{ url: 'not a url' }, 'url'],
      [{ url: 'https://user:pw@example.com/' }, 'url'],
      [{}, 'url'],
      [{ url: receiver.url, timeout_seconds: 0 }, 'timeout_seconds'],
      [{ url: receiver.url, timeout_seconds: 31 }, 'timeout_seconds'],
      [{ url: receiver.url, timeout_seconds: 2.5 }, 'timeout_seconds'],
      [{ url: receiver.url, events: [] }, 'events'],
      [{ url: receiver.url, events: ['*', 'order.paid'] }, 'events'],
      [{ url: receiver.url, events: ['Order Paid'] }, 'events.0'],
      [{ url: receiver.url, headers: { 'X-II-Signature': 'forged' } }, 'headers.X-II-Signature'],
      [{ url: receiver.url, headers: { 'Bad Header': 'x' } }, 'headers.Bad Header'],
      [{ url: receiver.url, headers: { 'X-Ok': 'line\nbreak' } }, 'headers.X-Ok'],
      [{ url: receiver.url, enabled: 'yes' }, 'enabled'],
      [{ url: receiver.url, colour: 'red' }, 'body'],
    ];
    for (const [body, field] of cases) {
      const response = await request(sandbox, 'POST', '/webhooks/endpoints', { token, body });
      expect(response.status, JSON.stringify(body)).toBe(422);
      expect(typeof response.body.message).toBe('string');
      expect(Object.keys(response.body.errors), JSON.stringify(body)).toContain(field);
    }
    const malformed = await request(sandbox, 'POST', '/webhooks/endpoints', { token, rawBody: '{"url": ' });
    expect(malformed.status).toBe(400);
    const notObject = await request(sandbox, 'POST', '/webhooks/endpoints', { token, body: [1, 2] });
    expect(notObject.status).toBe(422);
    expect(endpointCount()).toBe(before);
  });

  it('PATCH keeps write-only header values sent back as null, needs a value for a new header, and validates', async () => {
    const created = await request(sandbox, 'POST', '/webhooks/endpoints', { token, body: { url: receiver.url, headers: { 'X-Keep': 'kept-value' } } });
    const id = created.body.data.id as string;
    const kept = await request(sandbox, 'PATCH', `/webhooks/endpoints/${id}`, { token, body: { headers: { 'X-Keep': null, 'X-New': 'n' } } });
    expect(kept.status).toBe(200);
    expect(kept.body.data.headers).toEqual({ 'X-Keep': null, 'X-New': null });
    const stored = sandbox.ctx.db.prepare('SELECT headers FROM webhook_endpoints WHERE id = ?').get(id) as { headers: string };
    expect(JSON.parse(stored.headers)).toEqual({ 'X-Keep': 'kept-value', 'X-New': 'n' });

    const missing = await request(sandbox, 'PATCH', `/webhooks/endpoints/${id}`, { token, body: { headers: { 'X-Other': null } } });
    expect(missing.status).toBe(422);
    const bad = await request(sandbox, 'PATCH', `/webhooks/endpoints/${id}`, { token, body: { url: 'http://10.0.0.1/x', timeout_seconds: 99 } });
    expect(bad.status).toBe(422);
    expect(Object.keys(bad.body.errors).sort()).toEqual(['timeout_seconds', 'url']);
    const after = await request(sandbox, 'GET', `/webhooks/endpoints/${id}`, { token });
    expect(after.body.data.url).toBe(receiver.url);
    expect(after.body.data.timeout_seconds).toBe(10);
  });

  it('rotate-secret returns the new secret once; test sends a signed ping and answers with the completed dispatch', async () => {
    const created = await request(sandbox, 'POST', '/webhooks/endpoints', { token, body: { url: receiver.url, events: ['order.paid'] } });
    const id = created.body.data.id as string;
    const rotated = await request(sandbox, 'POST', `/webhooks/endpoints/${id}/rotate-secret`, { token });
    expect(rotated.status).toBe(200);
    const { secret } = strictWebhookSchemas.endpointWithSecret.parse(rotated.body.data);
    expect(secret).not.toBe(created.body.data.secret);

    const before = receiver.received.length;
    const tested = await request(sandbox, 'POST', `/webhooks/endpoints/${id}/test`, { token });
    expect(tested.status).toBe(200);
    const dispatch = strictProcessingSchemas.dispatch.parse(tested.body.data);
    expect(dispatch).toMatchObject({ endpoint_id: id, trigger: 'manual', status: 'succeeded', attempt_response_code: 200, response_body: 'pong' });
    expect(dispatch.duration_ms).toBeGreaterThanOrEqual(0);
    const ping = receiver.received[before]!;
    expect(JSON.parse(ping.body)).toMatchObject({ event: 'ping', installation_id: null });
    expect(verifySignature(ping.headers['x-ii-signature'] as string, secret, ping.body)).toBe(true);
    expect(verifySignature(ping.headers['x-ii-signature'] as string, created.body.data.secret, ping.body)).toBe(true);

    const broken = await request(sandbox, 'POST', '/webhooks/endpoints', { token, body: { url: `${receiver.url}/broken` } });
    const failed = await request(sandbox, 'POST', `/webhooks/endpoints/${broken.body.data.id}/test`, { token });
    expect(failed.body.data).toMatchObject({ status: 'failed', attempt_response_code: 500, error: 'http_500', next_retry_at: null });
  });

  it('deletes an endpoint (204), then 404 for it everywhere', async () => {
    const created = await request(sandbox, 'POST', '/webhooks/endpoints', { token, body: { url: receiver.url } });
    const id = created.body.data.id as string;
    const deleted = await request(sandbox, 'DELETE', `/webhooks/endpoints/${id}`, { token });
    expect(deleted.status).toBe(204);
    for (const [method, path] of [
      ['GET', `/webhooks/endpoints/${id}`],
      ['PATCH', `/webhooks/endpoints/${id}`],
      ['DELETE', `/webhooks/endpoints/${id}`],
      ['POST', `/webhooks/endpoints/${id}/test`],
      ['POST', `/webhooks/endpoints/${id}/rotate-secret`],
    ] as const) {
      const response = await request(sandbox, method, path, { token, body: method === 'PATCH' ? {} : undefined });
      expect(response.status, `${method} ${path}`).toBe(404);
      expect(response.body).toEqual({ message: 'Not found.' });
    }
  });
});

describe('retry policy', () => {
  let sandbox: RunningSandbox;
  let token: string;

  beforeAll(async () => {
    ({ sandbox, token } = await startTestSandbox({ dispatch: false }));
  });
  afterAll(async () => {
    await sandbox.close();
  });

  it('starts at the documented defaults', async () => {
    const response = await request(sandbox, 'GET', '/webhooks/retry-policy', { token });
    expect(strictWebhookSchemas.retryPolicy.parse(response.body.data)).toEqual({
      max_attempts: 8,
      strategy: 'exponential',
      initial_delay_seconds: 30,
      max_delay_seconds: 36000,
      retry_on: ['5xx', '429', 'timeout', 'connection_error'],
      disable_endpoint_after_failures: null,
    });
  });

  it('PUT stores a valid policy (missing fields take the defaults) and GET reads it back', async () => {
    const put = await request(sandbox, 'PUT', '/webhooks/retry-policy', {
      token,
      body: { max_attempts: 3, strategy: 'linear', retry_on: ['5xx', 'timeout'], disable_endpoint_after_failures: 5 },
    });
    expect(put.status).toBe(200);
    const expected = { max_attempts: 3, strategy: 'linear', initial_delay_seconds: 30, max_delay_seconds: 36000, retry_on: ['5xx', 'timeout'], disable_endpoint_after_failures: 5 };
    expect(put.body.data).toEqual(expected);
    expect((await request(sandbox, 'GET', '/webhooks/retry-policy', { token })).body.data).toEqual(expected);
  });

  it('refuses invalid policies with 422 per field and keeps the stored one', async () => {
    const stored = (await request(sandbox, 'GET', '/webhooks/retry-policy', { token })).body.data;
    const cases: [Record<string, unknown>, string][] = [
      [{ max_attempts: 0 }, 'max_attempts'],
      [{ max_attempts: 21 }, 'max_attempts'],
      [{ max_attempts: '3' }, 'max_attempts'],
      [{ strategy: 'random' }, 'strategy'],
      [{ initial_delay_seconds: -1 }, 'initial_delay_seconds'],
      [{ initial_delay_seconds: 100, max_delay_seconds: 50 }, 'max_delay_seconds'],
      [{ retry_on: ['4xx'] }, 'retry_on.0'],
      [{ retry_on: ['5xx', '5xx'] }, 'retry_on'],
      [{ retry_on: '5xx' }, 'retry_on'],
      [{ disable_endpoint_after_failures: 0 }, 'disable_endpoint_after_failures'],
      [{ unknown: true }, 'body'],
    ];
    for (const [body, field] of cases) {
      const response = await request(sandbox, 'PUT', '/webhooks/retry-policy', { token, body });
      expect(response.status, JSON.stringify(body)).toBe(422);
      expect(Object.keys(response.body.errors), JSON.stringify(body)).toContain(field);
    }
    expect((await request(sandbox, 'GET', '/webhooks/retry-policy', { token })).body.data).toEqual(stored);
  });
});
