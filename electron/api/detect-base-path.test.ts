// Detect on save: finding the API's base path for a URL that has no token yet, against real
// sandboxes served at /v1 (the default) and at /api/v1, a server that answers like the API at the
// root (the sandbox cannot serve at the root), and servers that are not the API. No Authorization header is ever sent, and no other origin is asked.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startSandbox, type RunningSandbox } from '../../sandbox/server';
import { connectionChannels } from '../../shared/ipc/channels/connection';
import { detectBasePathWithoutToken } from './connection';

const sandboxes: RunningSandbox[] = [];
const servers: Server[] = [];

async function sandboxAt(prefix: string): Promise<RunningSandbox> {
  const sandbox = await startSandbox({ port: 0, seed: 'empty', dispatch: false, prefix });
  sandboxes.push(sandbox);
  return sandbox;
}

/** A plain HTTP server on loopback answering every request with `answer`, recording what it was sent. */
async function plainServer(answer: (url: string) => { status: number; body: string; headers?: Record<string, string> }) {
  const seen: Array<{ url: string; headers: IncomingHttpHeaders }> = [];
  const server = createServer((req, res) => {
    seen.push({ url: req.url ?? '', headers: req.headers });
    const { status, body, headers } = answer(req.url ?? '');
    res.writeHead(status, { 'content-type': 'application/json', ...headers });
    res.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  servers.push(server);
  return { origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, seen };
}

let atV1: RunningSandbox;
let atApiV1: RunningSandbox;

beforeAll(async () => {
  [atV1, atApiV1] = await Promise.all([sandboxAt('/v1'), sandboxAt('/api/v1')]);
});
afterAll(async () => {
  await Promise.all(sandboxes.map((s) => s.close()));
  await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))));
});

describe('detectBasePathWithoutToken', () => {
  it('finds /v1 from the bare origin (the sandbox default)', async () => {
    const result = await detectBasePathWithoutToken(atV1.origin);
    expect(result.baseUrl).toBe(`${atV1.origin}/v1`);
    expect(result.tried.map((c) => [c.baseUrl, c.status])).toEqual([
      [atV1.origin, 404],
      [`${atV1.origin}/v1`, 401],
    ]);
  });

  it('finds the root when the API is served there, even when /v1 was typed', async () => {
    // A backend that asks for a token on every path, known or not: the root must win, so it goes first.
    const atRoot = await plainServer(() => ({ status: 401, body: '{"message":"Unauthenticated."}' }));
    expect((await detectBasePathWithoutToken(atRoot.origin)).baseUrl).toBe(atRoot.origin);
    expect((await detectBasePathWithoutToken(`${atRoot.origin}/v1/`)).baseUrl).toBe(atRoot.origin);
    expect(atRoot.seen.map((s) => s.url)).toEqual(['/drivers?limit=1', '/drivers?limit=1']);
  });

  it('finds /api/v1, and keeps a full base URL that was typed right', async () => {
    expect((await detectBasePathWithoutToken(atApiV1.origin)).baseUrl).toBe(`${atApiV1.origin}/api/v1`);
    expect((await detectBasePathWithoutToken(atV1.baseUrl)).baseUrl).toBe(atV1.baseUrl);
  });

  it('tries a custom path as typed last', async () => {
    const custom = await sandboxAt('/custom/api');
    const result = await detectBasePathWithoutToken(`${custom.origin}/custom/api`);
    expect(result.baseUrl).toBe(`${custom.origin}/custom/api`);
    expect(result.tried.map((c) => c.status)).toEqual([404, 404, 404, 401]);
  });

  it('a server that is not the API: nothing found, every candidate listed, no token sent', async () => {
    const other = await plainServer(() => ({ status: 404, body: '<html>nope</html>' }));
    const result = await detectBasePathWithoutToken(`${other.origin}/v1`);
    expect(result.baseUrl).toBeNull();
    expect(result.tried.map((c) => c.baseUrl)).toEqual([other.origin, `${other.origin}/v1`, `${other.origin}/api/v1`]);
    expect(other.seen.map((s) => s.url)).toEqual(['/drivers?limit=1', '/v1/drivers?limit=1', '/api/v1/drivers?limit=1']);
    expect(other.seen.every((s) => s.headers.authorization === undefined)).toBe(true);
  });

  it('a 401 that is not JSON, or a 200 without a data list, is not the API', async () => {
    const html401 = await plainServer(() => ({ status: 401, body: 'Unauthorized' }));
    expect((await detectBasePathWithoutToken(html401.origin)).baseUrl).toBeNull();
    const ok = await plainServer(() => ({ status: 200, body: '{"hello":"world"}' }));
    expect((await detectBasePathWithoutToken(ok.origin)).baseUrl).toBeNull();
  });

  it('redirects are not followed, so no other origin is asked', async () => {
    const target = await plainServer(() => ({ status: 401, body: '{"message":"Unauthenticated."}' }));
    const redirecting = await plainServer(() => ({ status: 302, body: '', headers: { location: `${target.origin}/drivers?limit=1` } }));
    const result = await detectBasePathWithoutToken(redirecting.origin);
    expect(result.baseUrl).toBeNull();
    expect(result.tried.map((c) => c.status)).toEqual([302, 302, 302]);
    expect(target.seen).toEqual([]);
  });

  it('nothing listening: stops at the first failure and says it was the network', async () => {
    const gone = await plainServer(() => ({ status: 404, body: '' }));
    const server = servers.pop()!;
    await new Promise((resolve) => server.close(resolve));
    const result = await detectBasePathWithoutToken(gone.origin);
    expect(result).toEqual({ baseUrl: null, tried: [{ baseUrl: gone.origin, status: null, code: 'network' }] });
  });

  it('a server that never answers times out per candidate', async () => {
    const silent = createServer(() => undefined);
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    servers.push(silent);
    const origin = `http://127.0.0.1:${(silent.address() as AddressInfo).port}`;
    const result = await detectBasePathWithoutToken(origin, { timeoutMs: 200 });
    expect(result.tried).toEqual([{ baseUrl: origin, status: null, code: 'timeout' }]);
    silent.closeAllConnections();
  });

  it('cancelling stops the probe', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(detectBasePathWithoutToken(atV1.origin, {}, controller.signal)).rejects.toMatchObject({ code: 'cancelled' });
  });
});

describe('connection:detectBasePath input', () => {
  const input = connectionChannels['connection:detectBasePath'].input;
  it('takes a profile or a URL, not both, and the URL follows the base URL rule', () => {
    expect(input.safeParse({ profileId: 'p1' }).success).toBe(true);
    expect(input.safeParse({ baseUrl: 'https://api.example.com' }).success).toBe(true);
    expect(input.safeParse({ profileId: 'p1', baseUrl: 'https://api.example.com' }).success).toBe(false);
    // Plain http only to this machine, as for a profile: the probe cannot be aimed at a remote http host.
    expect(input.safeParse({ baseUrl: 'http://api.example.com' }).success).toBe(false);
    expect(input.safeParse({ baseUrl: 'file:///etc/passwd' }).success).toBe(false);
    expect(input.safeParse({ baseUrl: 'https://api.example.com', extra: 1 }).success).toBe(false);
  });
});
