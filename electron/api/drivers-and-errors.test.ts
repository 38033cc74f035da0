// The client against a real sandbox: drivers endpoints, the error model, token scope.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { isAppError } from '../../shared/app-error';
import { strictApiSchemas } from '../../shared/api/index';
import { decodeJwtPayload } from '../../shared/jwt';
import { idempotencyKeyFor } from './http';
import { captureFailure, everythingIn, startClientHarness, type ClientHarness } from './test-support';
import { verifyToken } from './verify-token';
import { testConnection } from './connection';

let h: ClientHarness;
const errors: unknown[] = [];

const failure = (promise: Promise<unknown>) => captureFailure(errors, promise);

beforeAll(async () => {
  h = await startClientHarness();
});
afterAll(async () => {
  // Nothing the client logged or threw in this file carries the token.
  const all = everythingIn(h.logs) + everythingIn(errors);
  expect(all).not.toContain(h.token);
  expect(all).not.toContain(h.token.split('.')[2]!);
  await h.close();
});

describe('drivers', () => {
  it('lists with page pagination and walks pages with an iterator', async () => {
    const first = await h.client.listDrivers({ limit: 1 });
    expect(first.items).toHaveLength(1);
    expect(first.pagination.kind).toBe('page');
    const all: string[] = [];
    for await (const driver of h.client.iterateItems('/drivers', (await import('../../shared/api/index')).driverSchema, { limit: 1 })) {
      all.push(driver.slug);
    }
    expect(all.length).toBeGreaterThanOrEqual(2);
    expect(all).toContain('bling');
  });

  it('stops early when the caller breaks out of the iterator', async () => {
    const before = h.logs.length;
    const { driverSchema } = await import('../../shared/api/index');
    for await (const page of h.client.iteratePages('/drivers', driverSchema, { limit: 1 })) {
      expect(page.items).toHaveLength(1);
      break;
    }
    expect(h.logs.slice(before).filter((l) => l.message === 'request answered')).toHaveLength(1);
  });

  it('filters, gets by slug, enables and disables (idempotent, strict OURS shapes)', async () => {
    const enabled = await h.client.listDrivers({ filters: { enabled: true }, limit: 100 });
    expect(enabled.items.every((d) => d.enabled)).toBe(true);
    const bling = await h.client.getDriver('bling');
    expect(bling.name).toBe('Bling');
    expect(strictApiSchemas.driver.safeParse(bling).success).toBe(true);
    const guru = await h.client.getDriver('digital_manager_guru');
    const key = idempotencyKeyFor('p1', 'drivers:enable', `a-${Date.now()}`);
    const on = await h.client.enableDriver(guru.id, { idempotencyKey: key });
    expect(on.enabled).toBe(true);
    const again = await h.client.enableDriver(guru.id, { idempotencyKey: key });
    expect(again).toEqual(on);
    const off = await h.client.disableDriver(guru.id, { idempotencyKey: idempotencyKeyFor('p1', 'drivers:disable', `b-${Date.now()}`) });
    expect(off.enabled).toBe(false);
  });
});

describe('error model', () => {
  it('404 → not_found', async () => {
    const error = await failure(h.client.getDriver('no-such-driver'));
    expect(error.code).toBe('not_found');
  });

  it('400 naming the sort → the sort is dropped, remembered for the route, and the answer says so', async () => {
    const client = h.makeClient();
    const before = h.logs.length;
    const list = await client.listDrivers({ sort: 'nope', limit: 2 });
    expect(list.sortDropped).toBe(true);
    expect(list.items.length).toBe(2);
    expect(h.logs.slice(before).map((l) => l.status)).toEqual([400, 200]);
    // Known now: the refused sort is not sent again (one request), other sorts still are.
    const again = await client.listDrivers({ sort: 'nope', limit: 2 });
    expect(again.sortDropped).toBe(true);
    expect(h.logs.slice(before).map((l) => l.status)).toEqual([400, 200, 200]);
    expect((await client.listDrivers({ sort: '-name', limit: 2 })).sortDropped).toBeUndefined();
  });

  it('any other 400 → bad_request with the server message as it is (never field validation)', async () => {
    const error = await failure(h.client.listDrivers({ filters: { nope: 'x' } }));
    expect(error).toMatchObject({ code: 'bad_request', status: 400 });
    expect((error as unknown as Error).message).toBe('Unknown filter "nope". Allowed filters: name, type, enabled.');
    expect(error.fields).toBeUndefined();
  });

  it('401 says expired when the token claims tell, rejected when revoked', async () => {
    const expired = await h.sandbox.mintToken({ expired: true });
    h.vault.set('p1', expired);
    const e1 = await failure(h.client.listDrivers());
    expect(e1.code).toBe('unauthenticated');
    expect(e1.details?.reason).toBe('expired');
    expect(everythingIn(e1)).not.toContain(expired);

    h.vault.set('p1', 'not-a-jwt');
    expect((await failure(h.client.listDrivers())).details?.reason).toBe('malformed');

    const revokedToken = await h.sandbox.mintToken();
    const jti = decodeJwtPayload(revokedToken)?.jti as string;
    h.sandbox.revokeToken(jti);
    h.vault.set('p1', revokedToken);
    expect((await failure(h.client.listDrivers())).details?.reason).toBe('rejected');
    h.vault.set('p1', h.token);
  });

  it('network: nothing listening → network error, retried then reported', async () => {
    const dead = createServer();
    await new Promise<void>((resolve) => dead.listen(0, '127.0.0.1', resolve));
    const port = (dead.address() as AddressInfo).port;
    await new Promise<void>((resolve) => dead.close(() => resolve()));
    const client = h.makeClient({ baseUrl: `http://127.0.0.1:${port}/v1` });
    const error = await failure(client.listDrivers());
    expect(error.code).toBe('network');
    expect(error.details?.cause).toBe('ECONNREFUSED');
  });

  it('a profile without a token fails at once with no_token (not retried, nothing sent)', async () => {
    const from = h.logs.length;
    const token = h.token;
    h.vault.remove('p1');
    try {
      const error = await failure(h.client.listDrivers());
      expect(error.code).toBe('no_token');
      expect(h.logs.slice(from).filter((l) => l.message === 'request failed')).toHaveLength(1);
    } finally {
      h.vault.set('p1', token);
    }
  });

  it('refuses plain http to a non-loopback host before any request', () => {
    expect(() => h.makeClient({ baseUrl: 'http://example.com/v1' })).toThrow(/http is allowed only/);
  });
});

describe('token scope', () => {
  let other: Server;
  let otherSaw: IncomingHttpHeaders[] = [];
  let redirector: Server;
  let redirectorBase = '';
  let otherOrigin = '';
  const sameOriginAuth: boolean[] = [];

  beforeAll(async () => {
    other = createServer((req, res) => {
      otherSaw.push(req.headers);
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"data":[]}');
    });
    await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve));
    otherOrigin = `http://127.0.0.1:${(other.address() as AddressInfo).port}`;
    // Same host, another port = another origin. Redirects some paths there, others back to itself.
    redirector = createServer((req, res) => {
      if (req.url?.startsWith('/v1/drivers-here')) {
        sameOriginAuth.push(req.headers.authorization === `Bearer ${h.token}`);
        res.writeHead(200, { 'content-type': 'application/json' }).end('{"data":[]}');
      } else if (req.url?.startsWith('/v1/drivers')) {
        res.writeHead(302, { location: `${otherOrigin}/v1/drivers` }).end();
      } else if (req.url?.startsWith('/v1/installations')) {
        res.writeHead(307, { location: `${h.sandbox.origin}/v1/installations` }).end();
      } else if (req.url?.startsWith('/moved/drivers')) {
        res.writeHead(301, { location: '/v1/drivers-here' }).end();
      } else {
        res.writeHead(404).end();
      }
    });
    await new Promise<void>((resolve) => redirector.listen(0, '127.0.0.1', resolve));
    redirectorBase = `http://127.0.0.1:${(redirector.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => other.close(() => resolve()));
    await new Promise<void>((resolve) => redirector.close(() => resolve()));
  });

  it('a cross-origin redirect is not followed: the second server never sees Authorization', async () => {
    otherSaw = [];
    const client = h.makeClient({ baseUrl: `${redirectorBase}/v1` });
    const error = await failure(client.listDrivers());
    expect(error.code).toBe('server');
    expect(error.details?.reason).toBe('cross_origin_redirect');
    // Also a write (307 keeps the method) to the sandbox's origin — another origin, so refused too.
    const e2 = await failure(client.createInstallation({ driver_id: 'bling', name: 'x' }, { idempotencyKey: 'k-redirect-1' }));
    expect(e2.details?.reason).toBe('cross_origin_redirect');
    expect(otherSaw).toHaveLength(0);
  });

  it('a same-origin redirect is followed with the token', async () => {
    const client = h.makeClient({ baseUrl: `${redirectorBase}/moved` });
    const result = await client.list('/drivers', (await import('../../shared/api/index')).driverSchema);
    expect(result.items).toEqual([]);
    expect(sameOriginAuth).toEqual([true]);
  });
});

describe('connection and token checks', () => {
  it('testConnection reports latency and rate-limit headers, or what failed', async () => {
    const ok = await testConnection(h.client.http);
    expect(ok).toMatchObject({ ok: true, status: 200, failure: null });
    expect(ok.rateLimit?.limit).toBeGreaterThan(0);
    const bad = await testConnection(h.makeClient({ baseUrl: `${h.sandbox.origin}/nope` }).http);
    expect(bad.ok).toBe(false);
    expect(bad.failure?.code).toBe('not_found');
  });

  it('verifyToken resolves for a good token and throws typed errors otherwise', async () => {
    await expect(verifyToken(h.sandbox.baseUrl, h.token)).resolves.toBeUndefined();
    const expired = await h.sandbox.mintToken({ expired: true });
    const error = await failure(verifyToken(h.sandbox.baseUrl, expired));
    expect(isAppError(error)).toBe(true);
    expect(error.code).toBe('unauthenticated');
    expect(error.details?.reason).toBe('expired');
    expect((await failure(verifyToken(`${h.sandbox.origin}/wrong`, h.token))).code).toBe('not_found');
  });
});
