// The API's cross-cutting conventions on a real sandbox: error shapes for bad bodies and URLs,
// body limit, rate-limit headers and 429, and Idempotency-Key replay (docs/api-contract.md §3).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type RunningSandbox } from '../server';
import { request, type RequestOptions } from '../testing/client';

const createBody = { driver_id: 'stripe', name: 'Idempotent', settings: { api_key: 'sk_test_idempotency_1' } };

describe('HTTP conventions', () => {
  let sandbox: RunningSandbox;
  let token: string;
  let clockMs = Date.parse('2026-01-10T12:00:00.000Z');
  const call = (method: string, path: string, options: RequestOptions = {}) => request(sandbox, method, path, { token, ...options });
  const installationCount = () => (sandbox.ctx.db.prepare('SELECT COUNT(*) AS n FROM installations').get() as { n: number }).n;

  beforeAll(async () => {
    sandbox = await startSandbox({ port: 0, seed: 'empty', now: () => new Date(clockMs) });
    token = await sandbox.mintToken();
  });
  afterAll(async () => {
    await sandbox.close();
  });

  describe('bad input', () => {
    it('answers malformed, empty and non-object JSON with 400 and writes nothing', async () => {
      for (const rawBody of ['{"name": ', '{bad}', '', 'null', '[1,2]', '12']) {
        const response = await call('POST', '/installations', { rawBody });
        expect(response.status, rawBody).toBe(400);
        expect(response.headers.get('content-type')).toMatch(/application\/json/);
        expect(typeof response.body.message).toBe('string');
      }
      expect(installationCount()).toBe(0);
    });

    it('answers a body over 1 MiB with a JSON 413 and writes nothing', async () => {
      const response = await call('POST', '/installations', {
        body: { ...createBody, meta: { blob: 'x'.repeat(1024 * 1024 + 10) } },
      });
      expect(response.status).toBe(413);
      expect(response.body).toEqual({ message: 'The request body is larger than 1 MiB.' });
      expect(installationCount()).toBe(0);
    });

    it('answers a non-JSON content type with 415', async () => {
      const response = await call('POST', '/installations', { rawBody: '<x/>', headers: { 'content-type': 'application/xml' } });
      expect(response.status).toBe(415);
      expect(typeof response.body.message).toBe('string');
    });

    it('answers a malformed URL and unknown routes with JSON', async () => {
      const badUrl = await call('GET', '/drivers/%E0%A4%A');
      expect(badUrl.status).toBe(400);
      expect(typeof badUrl.body.message).toBe('string');
      const unknown = await call('GET', '/nothing-here');
      expect(unknown.status).toBe(404);
      expect(unknown.body).toEqual({ message: 'Not found.' });
      expect(unknown.headers.get('x-ratelimit-limit')).not.toBeNull();
      // under the prefix, an unknown path without a token reveals nothing: 401 like every API route
      expect((await call('GET', '/nothing-here', { token: null })).status).toBe(401);
      const wrongMethod = await call('DELETE', '/drivers');
      expect(wrongMethod.status).toBe(404);
      expect(wrongMethod.body).toEqual({ message: 'Not found.' });
    });

    it('answers repeated query parameters with 400', async () => {
      expect((await call('GET', '/drivers?limit=1&limit=2')).status).toBe(400);
      expect((await call('GET', '/drivers?filter[name]=a&filter[name]=b')).status).toBe(400);
    });
  });

  describe('Idempotency-Key', () => {
    it('replays the first response for a repeated key and acts once', async () => {
      const before = installationCount();
      const headers = { 'idempotency-key': 'create-1' };
      const first = await call('POST', '/installations', { body: createBody, headers });
      const second = await call('POST', '/installations', { body: createBody, headers });
      expect(first.status).toBe(201);
      expect(second.status).toBe(201);
      expect(second.text).toBe(first.text);
      expect(second.headers.get('idempotent-replayed')).toBe('true');
      expect(first.headers.get('idempotent-replayed')).toBeNull();
      expect(installationCount()).toBe(before + 1);
    });

    it('acts once when the same key arrives concurrently (the other gets the replay or a 409)', async () => {
      const before = installationCount();
      const headers = { 'idempotency-key': 'concurrent-1' };
      const responses = await Promise.all(
        Array.from({ length: 8 }, () => call('POST', '/installations', { body: createBody, headers })),
      );
      expect(installationCount()).toBe(before + 1);
      const created = responses.filter((r) => r.status === 201);
      expect(created.length).toBeGreaterThanOrEqual(1);
      expect(new Set(created.map((r) => r.body.data.id)).size).toBe(1);
      expect(responses.every((r) => r.status === 201 || r.status === 409)).toBe(true);
    });

    it('refuses the same key with a different body (422) and keeps the first result', async () => {
      const headers = { 'idempotency-key': 'create-2' };
      const first = await call('POST', '/installations', { body: createBody, headers });
      const before = installationCount();
      const other = await call('POST', '/installations', { body: { ...createBody, name: 'Other' }, headers });
      expect(other.status).toBe(422);
      expect(other.body.errors['Idempotency-Key']).toHaveLength(1);
      expect(installationCount()).toBe(before);
      expect((await call('POST', '/installations', { body: createBody, headers })).text).toBe(first.text);
    });

    it('keeps keys apart per token subject and acts again after 24 hours', async () => {
      const headers = { 'idempotency-key': 'create-3' };
      const otherToken = await sandbox.mintToken({ name: 'someone-else' });
      const before = installationCount();
      await call('POST', '/installations', { body: createBody, headers });
      await call('POST', '/installations', { body: createBody, headers, token: otherToken });
      expect(installationCount()).toBe(before + 2);
      clockMs += 24 * 3600 * 1000 + 1000;
      await call('POST', '/installations', { body: createBody, headers });
      expect(installationCount()).toBe(before + 3);
    });

    it('replays validation errors too, and refuses malformed keys', async () => {
      const headers = { 'idempotency-key': 'bad-create' };
      const first = await call('POST', '/installations', { body: { driver_id: 'stripe', name: 'x' }, headers });
      expect(first.status).toBe(422);
      const again = await call('POST', '/installations', { body: { driver_id: 'stripe', name: 'x' }, headers });
      expect(again.status).toBe(422);
      expect(again.headers.get('idempotent-replayed')).toBe('true');
      const tooLong = await call('POST', '/installations', { body: createBody, headers: { 'idempotency-key': 'k'.repeat(256) } });
      expect(tooLong.status).toBe(400);
    });

    it('applies to enable/disable actions as well', async () => {
      const headers = { 'idempotency-key': 'disable-stripe' };
      const first = await call('POST', '/drivers/stripe/disable', { headers });
      await call('POST', '/drivers/stripe/enable');
      const replay = await call('POST', '/drivers/stripe/disable', { headers });
      expect(replay.text).toBe(first.text);
      expect((await call('GET', '/drivers/stripe')).body.data.enabled).toBe(true);
    });
  });
});

describe('rate limiting', () => {
  let sandbox: RunningSandbox;
  let clockMs = Date.parse('2026-01-10T12:00:00.000Z');

  beforeAll(async () => {
    sandbox = await startSandbox({ port: 0, seed: 'empty', now: () => new Date(clockMs), rateLimit: { limit: 3, windowSeconds: 60 } });
  });
  afterAll(async () => {
    await sandbox.close();
  });

  it('sends the budget on every API response and 429 + Retry-After past it, per token', async () => {
    const token = await sandbox.mintToken();
    const other = await sandbox.mintToken({ name: 'other' });
    const remaining: (string | null)[] = [];
    for (let i = 0; i < 3; i++) {
      const response = await request(sandbox, 'GET', '/drivers?limit=1', { token });
      expect(response.status).toBe(200);
      expect(response.headers.get('x-ratelimit-limit')).toBe('3');
      remaining.push(response.headers.get('x-ratelimit-remaining'));
    }
    expect(remaining).toEqual(['2', '1', '0']);

    clockMs += 15_000;
    const limited = await request(sandbox, 'GET', '/drivers?limit=1', { token });
    expect(limited.status).toBe(429);
    expect(limited.body).toEqual({ message: 'Too Many Attempts.' });
    expect(limited.headers.get('retry-after')).toBe('45');
    expect(limited.headers.get('x-ratelimit-remaining')).toBe('0');

    // another token has its own budget; error responses carry the headers too
    expect((await request(sandbox, 'GET', '/drivers', { token: other })).status).toBe(200);
    const unauthenticated = await request(sandbox, 'GET', '/drivers');
    expect(unauthenticated.status).toBe(401);
    expect(unauthenticated.headers.get('x-ratelimit-limit')).toBe('3');

    // a new window restores the budget
    clockMs += 46_000;
    expect((await request(sandbox, 'GET', '/drivers?limit=1', { token })).status).toBe(200);
  });

  it('can be changed at runtime through ctx.rateLimit', async () => {
    const token = await sandbox.mintToken({ name: 'runtime' });
    sandbox.ctx.rateLimit = { limit: 1, windowSeconds: 10 };
    expect((await request(sandbox, 'GET', '/drivers', { token })).status).toBe(200);
    expect((await request(sandbox, 'GET', '/drivers', { token })).status).toBe(429);
  });
});
