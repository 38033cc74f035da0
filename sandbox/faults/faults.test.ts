// Faults on a real sandbox: each fault type produces the configured error on API routes, never on
// the sandbox's own routes, and the runtime control route refuses callers without the admin secret.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSandbox, type RunningSandbox } from '../server';
import { request } from '../testing/client';

describe('fault injection', () => {
  let sandbox: RunningSandbox;
  let token: string;

  const setFaults = async (spec: string) => {
    const response = await request(sandbox, 'PUT', `${sandbox.origin}/_sandbox/faults`, {
      body: { spec },
      headers: { 'x-sandbox-admin': sandbox.adminSecret },
    });
    expect(response.status).toBe(200);
    return response.body.data;
  };

  beforeAll(async () => {
    sandbox = await startSandbox({ port: 0, seed: 'empty', dispatch: false, faults: 'error_rate=1,seed=boot' });
    token = await sandbox.mintToken();
  });
  afterAll(async () => {
    await sandbox?.close();
  });
  beforeEach(async () => {
    await setFaults('none');
  });

  it('applies --faults from the start options', async () => {
    // beforeEach cleared it; start a second sandbox to see the boot-time spec in force.
    const other = await startSandbox({ port: 0, seed: 'empty', dispatch: false, faults: 'error_rate=1' });
    try {
      const response = await request(other, 'GET', '/drivers', { token: await other.mintToken() });
      expect(response.status).toBeGreaterThanOrEqual(500);
      expect(response.body).toEqual({ message: expect.any(String) });
    } finally {
      await other.close();
    }
  });

  it('refuses to start with a bad spec, naming the problem', async () => {
    await expect(startSandbox({ port: 0, seed: 'empty', faults: 'eror_rate=0.1' })).rejects.toThrow(/unknown fault "eror_rate"/);
  });

  it('answers 5xx {"message"} at the configured rate, reproducibly for a seed', async () => {
    const run = async () => {
      await setFaults('error_rate=0.3,seed=five-hundreds');
      const statuses: number[] = [];
      for (let i = 0; i < 120; i++) statuses.push((await request(sandbox, 'GET', '/drivers?limit=1', { token })).status);
      return statuses;
    };
    const first = await run();
    const errors = first.filter((status) => status >= 500);
    expect(errors.length / first.length).toBeGreaterThan(0.15);
    expect(errors.length / first.length).toBeLessThan(0.45);
    expect(first.filter((status) => status !== 200 && status < 500)).toEqual([]);
    expect(await run()).toEqual(first);
    const one = await request(sandbox, 'GET', '/drivers?limit=1', { token });
    if (one.status >= 500) expect(one.body).toEqual({ message: expect.any(String) });
  });

  it('only touches routes under the API prefix', async () => {
    await setFaults('error_rate=1');
    expect((await request(sandbox, 'GET', '/drivers', { token })).status).toBeGreaterThanOrEqual(500);
    const receiver = await request(sandbox, 'POST', `${sandbox.origin}/_sandbox/receiver/ok`, { body: {} });
    expect(receiver.status).toBe(200);
  });

  it('spends the rate_limit budget, then 429 "Too Many Attempts." with Retry-After', async () => {
    await setFaults('rate_limit=3/min');
    const fresh = await sandbox.mintToken();
    const statuses: number[] = [];
    let last;
    for (let i = 0; i < 5; i++) {
      last = await request(sandbox, 'GET', '/drivers?limit=1', { token: fresh });
      statuses.push(last.status);
    }
    expect(statuses).toEqual([200, 200, 200, 429, 429]);
    expect(last!.body).toEqual({ message: 'Too Many Attempts.' });
    expect(Number(last!.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(Number(last!.headers.get('retry-after'))).toBeLessThanOrEqual(60);
    expect(last!.headers.get('x-ratelimit-limit')).toBe('3');
    expect(last!.headers.get('x-ratelimit-remaining')).toBe('0');
    // Clearing the fault restores the normal budget.
    await setFaults('none');
    expect((await request(sandbox, 'GET', '/drivers?limit=1', { token: fresh })).status).toBe(200);
  });

  it('resets the connection: the client sees a socket error, not a response', async () => {
    await setFaults('reset_rate=1');
    const error = await fetch(`${sandbox.baseUrl}/drivers`, { headers: { authorization: `Bearer ${token}` } }).then(
      () => null,
      (e: unknown) => e as Error & { cause?: { code?: string } },
    );
    expect(error).not.toBeNull();
    expect(error!.message).toBe('fetch failed');
    expect(error!.cause?.code).toMatch(/UND_ERR_SOCKET|ECONNRESET/);
  });

  it('truncates successful JSON bodies when malformed_rate fires, keeping the 2xx status', async () => {
    await setFaults('malformed_rate=1');
    const response = await fetch(`${sandbox.baseUrl}/drivers?limit=5`, { headers: { authorization: `Bearer ${token}` } });
    expect(response.status).toBe(200);
    const text = await response.text();
    expect(text.startsWith('{"data":')).toBe(true);
    expect(() => JSON.parse(text)).toThrow(SyntaxError);
    // Error answers are left alone: a 401 stays valid JSON.
    const unauthenticated = await request(sandbox, 'GET', '/drivers', { token: null });
    expect(unauthenticated.status).toBe(401);
    expect(unauthenticated.body).toEqual({ message: 'Unauthenticated.' });
  });

  it('adds latency within the configured range', async () => {
    await setFaults('latency=300-400');
    const started = performance.now();
    const response = await request(sandbox, 'GET', '/drivers?limit=1', { token });
    const elapsed = performance.now() - started;
    expect(response.status).toBe(200);
    expect(elapsed).toBeGreaterThanOrEqual(295);
    await setFaults('none');
    const fastStarted = performance.now();
    await request(sandbox, 'GET', '/drivers?limit=1', { token });
    expect(performance.now() - fastStarted).toBeLessThan(elapsed);
  });

  describe('GET/PUT /_sandbox/faults', () => {
    it('refuses callers without the admin secret or with a wrong one', async () => {
      for (const headers of [{}, { 'x-sandbox-admin': 'wrong' }] as Record<string, string>[]) {
        expect((await request(sandbox, 'GET', `${sandbox.origin}/_sandbox/faults`, { headers })).status).toBe(403);
        const put = await request(sandbox, 'PUT', `${sandbox.origin}/_sandbox/faults`, { headers, body: { spec: 'error_rate=1' } });
        expect(put.status).toBe(403);
        expect(put.body).toEqual({ message: expect.any(String) });
      }
      // Nothing changed.
      expect((await request(sandbox, 'GET', '/drivers?limit=1', { token })).status).toBe(200);
    });

    it('shows the current config and counters, and refuses a bad spec with 422', async () => {
      await setFaults('error_rate=0.5,latency=0-10,seed=s1');
      await request(sandbox, 'GET', '/drivers?limit=1', { token });
      const current = await request(sandbox, 'GET', `${sandbox.origin}/_sandbox/faults`, { headers: { 'x-sandbox-admin': sandbox.adminSecret } });
      expect(current.body.data).toMatchObject({ active: true, spec: 'error_rate=0.5,latency=0-10,seed=s1', error_rate: 0.5, latency_ms: { min: 0, max: 10 }, seed: 's1', counters: { requests: 1 } });

      const bad = await request(sandbox, 'PUT', `${sandbox.origin}/_sandbox/faults`, { headers: { 'x-sandbox-admin': sandbox.adminSecret }, body: { spec: 'latency=9-1' } });
      expect(bad.status).toBe(422);
      expect(bad.body.errors.spec[0]).toMatch(/minimum 9 is above maximum 1/);
      const wrongShape = await request(sandbox, 'PUT', `${sandbox.origin}/_sandbox/faults`, { headers: { 'x-sandbox-admin': sandbox.adminSecret }, body: { error_rate: 1 } });
      expect(wrongShape.status).toBe(422);
    });
  });
});
