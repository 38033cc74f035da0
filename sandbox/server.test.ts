import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type RunningSandbox } from './server';
import { request } from './testing/client';

describe('startSandbox', () => {
  let sandbox: RunningSandbox;
  let token: string;

  beforeAll(async () => {
    sandbox = await startSandbox({ port: 0, demoEvents: 0 });
    token = await sandbox.mintToken({ name: 'server-test' });
  });
  afterAll(async () => {
    await sandbox.close();
  });

  it('serves the API under /v1 on a loopback port', async () => {
    expect(sandbox.baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/v1$/);
    const response = await request(sandbox, 'GET', '/drivers?limit=1', { token });
    expect(response.status).toBe(200);
    expect(response.body.data).toHaveLength(1);
    expect(response.headers.get('x-ratelimit-limit')).toBe('6000');
  });

  it('refuses requests without a token', async () => {
    const response = await request(sandbox, 'GET', '/drivers');
    expect(response.status).toBe(401);
    expect(response.body).toEqual({ message: 'Unauthenticated.' });
  });

  it('answers unknown routes with the JSON 404', async () => {
    const response = await request(sandbox, 'GET', `${sandbox.origin}/nowhere`);
    expect(response.status).toBe(404);
    expect(response.body).toEqual({ message: 'Not found.' });
  });

  it('refuses a non-loopback host', async () => {
    await expect(startSandbox({ host: '0.0.0.0' })).rejects.toThrow(/loopback/);
  });

  it('lets an in-flight request finish when closing', async () => {
    const other = await startSandbox({ port: 0, seed: 'empty', dispatch: false });
    const inFlight = fetch(`${other.origin}/_sandbox/receiver/slow?ms=1500`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    await new Promise((resolve) => setTimeout(resolve, 300));
    await other.close();
    const response = await inFlight;
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ received: true });
  });

  it('closes cleanly and refuses connections afterwards', async () => {
    const other = await startSandbox({ port: 0, seed: 'empty' });
    await other.close();
    await expect(fetch(`${other.baseUrl}/drivers`)).rejects.toThrow();
  });
});
