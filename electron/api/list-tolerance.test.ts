// The list tolerance rules (docs/api-contract.md §8) against tiny loopback servers that behave like a Laravel +
// spatie/laravel-query-builder backend serving only the documented surface: each base path below is
// one server personality (bare lists that honour `page` with a lower max `limit`, bare lists that
// ignore `page`, a "simple" paginator, a page paginator that ignores `page`, one unreadable item,
// undocumented routes that 404).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { driverSchema, eventSchema } from '../../shared/api/index';
import { CapabilityCache } from './capabilities';
import { PlatformHttp } from './http';
import { ListKnowledge } from './list-knowledge';
import { PlatformClient } from './platform-client';
import { RequestScheduler } from './scheduler';
import { MemoryVault, fastTuning } from './test-support';

let server: Server;
let origin = '';
const requests: string[] = [];

function json(res: ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}

const driver = (n: number) => ({
  id: `01hdriver${String(n).padStart(4, '0')}`, name: `Driver ${n}`, slug: `driver-${n}`, description: null, version: '1.0.0',
  type: 'webhook', available_settings: {}, supported_events: [], enabled: true, enabled_at: null,
  created_at: '2024-01-15T10:45:00.000000Z', updated_at: '2024-01-15T10:45:00.000000Z',
});
const drivers = Array.from({ length: 7 }, (_, i) => driver(i + 1));
const event = (n: number) => ({
  id: `0192abcd-0000-0000-0000-${String(n).padStart(12, '0')}`, installation_id: 'i1', integration_driver_slug: 'guru',
  name: 'order.paid', created_at: '2024-01-15T10:45:00.000000Z', status: 'dispatched', superseded: false, superseded_by: null, last_dispatch: null,
});
const events = Array.from({ length: 5 }, (_, i) => event(i + 1));

beforeAll(async () => {
  server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    requests.push(`${req.method} ${url.pathname}${url.search}`);
    const [, personality, ...rest] = url.pathname.split('/');
    const route = `/${rest.join('/')}`;
    const page = Number(url.searchParams.get('page') ?? '1');
    const asked = Number(url.searchParams.get('limit') ?? '10');
    const sort = url.searchParams.get('sort');
    if (sort !== null && !['name', '-name'].includes(sort)) {
      return json(res, 400, { message: `Requested sort(s) \`${sort}\` is not allowed. Allowed sort(s) are \`name\`.` });
    }
    if (route === '/drivers' && personality === 'capped') {
      // Bare list, honours `page`, but never more than 3 rows a page whatever `limit` says.
      const limit = Math.min(asked, 3);
      return json(res, 200, { data: drivers.slice((page - 1) * limit, page * limit) });
    }
    if (route === '/drivers' && personality === 'stuck') return json(res, 200, { data: drivers.slice(0, asked) }); // ignores `page`
    if (route === '/drivers' && personality === 'simple') {
      const limit = asked;
      const rows = drivers.slice((page - 1) * limit, page * limit);
      const more = page * limit < drivers.length;
      return json(res, 200, { data: rows, links: { first: 'x', last: null, prev: null, next: more ? `x?page=${page + 1}` : null }, meta: { current_page: page, per_page: limit, from: 1, to: 1, path: 'x' } });
    }
    if (route === '/drivers' && personality === 'looping') {
      // Length-aware meta that always claims page 1 of 2 and ignores `page`.
      return json(res, 200, { data: drivers.slice(0, 2), meta: { current_page: 1, last_page: 2, per_page: 2, total: 4, from: 1, to: 2, path: 'x' } });
    }
    if (route === '/processing/events' && personality === 'odd') {
      // One event has `superseded_by` as a bare string and no `id`: it cannot be read, the rest can.
      const rows = [...events.slice(0, 2), { ...event(99), id: undefined, superseded_by: 'ev-1' }, ...events.slice(2)];
      return json(res, 200, { data: rows });
    }
    if (route === '/drivers' && personality === 'odd') return json(res, 200, { data: drivers.slice(0, 3) });
    if (route === '/installations' && req.method === 'POST') return json(res, 201, { id: 'inst_1', status: 'active' });
    return json(res, 404, { message: 'Not Found' });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

function client(personality: string) {
  const vault = new MemoryVault();
  vault.set('v', 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln');
  const http = new PlatformHttp({ id: 'v', baseUrl: `${origin}/${personality}` }, { vault, scheduler: new RequestScheduler(), tuning: fastTuning });
  return new PlatformClient(http, new CapabilityCache(), new ListKnowledge());
}

function requestsDuring<T>(run: () => Promise<T>): Promise<{ result: T; sent: string[] }> {
  const before = requests.length;
  return run().then((result) => ({ result, sent: requests.slice(before) }));
}

describe('paging a documented-only server', () => {
  it('a lower max limit does not look like "all loaded": learned from the next page, then used', async () => {
    const c = client('capped');
    const { result: first, sent } = await requestsDuring(() => c.listDrivers({ limit: 100 }));
    expect(first.items.map((d) => d.slug)).toEqual(['driver-1', 'driver-2', 'driver-3']);
    expect(first.pagination).toEqual({ kind: 'none', full: true });
    expect(sent).toEqual(['GET /capped/drivers?limit=100', 'GET /capped/drivers?page=2&limit=100']);
    expect(c.lists.limitCap('/drivers')).toBe(3);
    // Known now: no probe; a page of 3 is full, the last one (1 row) is not.
    const { result: third, sent: sent3 } = await requestsDuring(() => c.listDrivers({ limit: 100, page: 3 }));
    expect(third.pagination).toEqual({ kind: 'none', full: false });
    expect(third.items.map((d) => d.slug)).toEqual(['driver-7']);
    expect(sent3).toHaveLength(1);
    // The main-process walker reads all seven.
    const all = [];
    for await (const d of c.iterateItems('/drivers', driverSchema, { limit: 100 })) all.push(d.slug);
    expect(all).toEqual(drivers.map((d) => d.slug));
  });

  it('a bare list that ignores `page`: learned on the first page, never "load more", the walker stops', async () => {
    const c = client('stuck');
    const first = await c.listDrivers({ limit: 2 });
    expect(first.pagination).toEqual({ kind: 'none', full: false });
    expect(c.lists.pageParamSupport('/drivers')).toBe('ignored');
    const walked = [];
    for await (const page of c.iteratePages('/drivers', driverSchema, { limit: 2 })) walked.push(page.items.length);
    expect(walked).toEqual([2]);
  });

  it('the renderer asking for a page that repeats the last one gets the end of the list, not the same rows', async () => {
    const c = client('looping');
    const first = await c.listDrivers({ limit: 2 });
    expect(first.pagination).toMatchObject({ kind: 'page', nextPage: 2 });
    const second = await c.listDrivers({ limit: 2, page: 2 });
    expect(second.items).toEqual([]);
    expect(second.pagination).toMatchObject({ kind: 'page', nextPage: null });
    const walked = [];
    for await (const page of c.iteratePages('/drivers', driverSchema, { limit: 2 })) walked.push(page.items.length);
    expect(walked).toEqual([2]);
  });

  it('a "simple" paginator meta (no total, no last_page) is read; its next page comes from links.next', async () => {
    const c = client('simple');
    const first = await c.listDrivers({ limit: 4 });
    expect(first.pagination).toEqual({ kind: 'page', currentPage: 1, lastPage: null, perPage: 4, total: null, nextPage: 2 });
    const second = await c.listDrivers({ limit: 4, page: 2 });
    expect(second.pagination).toMatchObject({ nextPage: null });
    expect(second.items).toHaveLength(3);
  });
});

describe('sorting and items', () => {
  it('a refused sort is dropped once per route and the answer says the order is the server\'s', async () => {
    const c = client('capped');
    const { result, sent } = await requestsDuring(() => c.listDrivers({ sort: '-created_at', limit: 3, page: 1 }));
    expect(result.sortDropped).toBe(true);
    expect(sent.slice(0, 2)).toEqual(['GET /capped/drivers?sort=-created_at&page=1&limit=3', 'GET /capped/drivers?page=1&limit=3']);
    const { result: again, sent: sentAgain } = await requestsDuring(() => c.listDrivers({ sort: '-created_at', limit: 3, page: 2 }));
    expect(again.sortDropped).toBe(true);
    expect(sentAgain[0]).toBe('GET /capped/drivers?page=2&limit=3');
    // An allowed sort is still sent.
    const { sent: sentName } = await requestsDuring(() => c.listDrivers({ sort: 'name', limit: 3 }));
    expect(sentName[0]).toBe('GET /capped/drivers?sort=name&limit=3');
  });

  it('the main-process walker drops a refused sort too, and keeps walking without it', async () => {
    const c = client('capped');
    const pages = [];
    for await (const page of c.iteratePages('/drivers', driverSchema, { sort: '-created_at', limit: 3 })) pages.push(page);
    expect(pages.flatMap((p) => p.items)).toHaveLength(7);
    expect(pages.every((p) => p.sortDropped)).toBe(true);
  });

  it('an item that fails its schema is carried raw with the issue; the rest of the page is read', async () => {
    const c = client('odd');
    const list = await c.listEvents({ limit: 100 });
    expect(list.items.map((e) => e.id)).toEqual(events.map((e) => e.id));
    expect(list.unreadable).toEqual([{ index: 2, raw: { ...event(99), id: undefined, superseded_by: 'ev-1' }, issue: expect.stringContaining('id') }]);
    // JSON drops the undefined id: what crosses IPC is what the server sent.
    expect(JSON.parse(JSON.stringify(list.unreadable![0]!.raw))).not.toHaveProperty('id');
    const walked = [];
    for await (const page of c.iteratePages('/processing/events', eventSchema, { limit: 100 })) walked.push(page);
    expect(walked[0]!.items).toHaveLength(5);
    expect(walked[0]!.unreadable).toHaveLength(1);
  });
});

describe('undocumented routes', () => {
  it('driver detail falls back to the documented list; enable/disable, installations and endpoints are unsupported', async () => {
    const c = client('odd');
    const { result, sent } = await requestsDuring(() => c.getDriver('driver-2'));
    expect(result.id).toBe(drivers[1]!.id);
    expect(sent[0]).toBe('GET /odd/drivers/driver-2');
    expect(c.capabilities.get('driver_detail')).toBe('unsupported');
    const { sent: sentAgain } = await requestsDuring(() => c.getDriver(drivers[0]!.id));
    expect(sentAgain).toEqual(['GET /odd/drivers?limit=100', 'GET /odd/drivers?page=2&limit=100'].slice(0, sentAgain.length));
    expect(sentAgain.some((r) => r.startsWith('GET /odd/drivers/'))).toBe(false);
    await expect(c.getDriver('nope')).rejects.toMatchObject({ code: 'not_found' });

    await expect(c.enableDriver('driver-2', { idempotencyKey: 'k-lt-1' })).rejects.toMatchObject({ code: 'unsupported', details: { capability: 'driver_toggle' } });
    await expect(c.listInstallations()).rejects.toMatchObject({ code: 'unsupported', details: { capability: 'installations' } });
    await expect(c.getInstallation('inst_1')).rejects.toMatchObject({ code: 'unsupported' });
    await expect(c.disableInstallation('inst_1', { idempotencyKey: 'k-lt-2' })).rejects.toMatchObject({ code: 'unsupported', details: { capability: 'installation_actions' } });
    await expect(c.listWebhookEndpoints()).rejects.toMatchObject({ code: 'unsupported', details: { capability: 'webhook_endpoints' } });
    // The documented create still works.
    expect(await c.createInstallation({ driver_id: 'driver-2', name: 'x' }, { idempotencyKey: 'k-lt-3' })).toMatchObject({ id: 'inst_1' });
  });
});
