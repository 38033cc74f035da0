// The tolerance rules (docs/api-contract.md §8) through the real client code path, against a tiny loopback
// server that answers the way the vendor's docs show (bare lists, bare resources, unknown enum
// values and fields, numeric ids) and lacks the optional routes (404 / 405).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import { driverSchema } from '../../shared/api/drivers';
import { CapabilityCache } from './capabilities';
import { PlatformHttp } from './http';
import { PlatformClient } from './platform-client';
import { RequestScheduler } from './scheduler';
import { MemoryVault, fastTuning } from './test-support';

const fixture = (name: string) => readFileSync(new URL(`../../shared/api/fixtures/${name}`, import.meta.url), 'utf8');
const drivers = JSON.parse(fixture('vendor-drivers-list.json')) as { data: Array<Record<string, unknown>> };

let server: Server;
let base = '';
const requests: string[] = [];

function json(res: ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}

beforeAll(async () => {
  server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    requests.push(`${req.method} ${url.pathname}${url.search}`);
    const page = Number(url.searchParams.get('page') ?? '1');
    const limit = Number(url.searchParams.get('limit') ?? '10');
    if (url.pathname === '/drivers') {
      // Bare `{data:[…]}` (DOC [ADRV]) that honours page/limit: two drivers in all.
      return json(res, 200, { data: drivers.data.slice((page - 1) * limit, page * limit) });
    }
    if (url.pathname === '/drivers/bling') return json(res, 200, drivers.data[1]); // bare resource
    if (url.pathname === '/installations' && req.method === 'POST') return res.writeHead(201).end(fixture('vendor-create-installation.json'));
    if (url.pathname === '/processing/events') return res.writeHead(200).end(fixture('vendor-events-list.json'));
    if (url.pathname === '/processing/events/ev-odd') {
      return json(res, 200, {
        data: {
          id: 1234, installation_id: null, integration_driver_slug: 'x', name: 'order.paid', created_at: 'yesterday',
          status: 'quarantined', superseded: false, superseded_by: null, last_dispatch: null, tenant_shard: 'b',
        },
      });
    }
    if (url.pathname.endsWith('/redeliver')) return json(res, 405, { message: 'Method Not Allowed' });
    return json(res, 404, { message: 'Not found.' });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

function client() {
  const vault = new MemoryVault();
  vault.set('v', 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln');
  return new PlatformClient(new PlatformHttp({ id: 'v', baseUrl: base }, { vault, scheduler: new RequestScheduler(), tuning: fastTuning }), new CapabilityCache());
}

describe('tolerance rules against a vendor-shaped server', () => {
  it('reads a bare list; a full page offers "load more" by page; the vendor example is kept unchanged', async () => {
    const c = client();
    const first = await c.listDrivers({ limit: 1 });
    expect(first.pagination).toEqual({ kind: 'none', full: true });
    const all = [];
    for await (const d of c.iterateItems('/drivers', driverSchema, { limit: 1 })) all.push(d);
    expect(all).toEqual(drivers.data);
    const unpaged = await c.listDrivers();
    expect(unpaged.pagination).toEqual({ kind: 'none', full: false });
  });

  it('reads a bare single resource and the documented bare create answer', async () => {
    const c = client();
    expect(await c.getDriver('bling')).toEqual(drivers.data[1]);
    const created = await c.createInstallation({ driver_id: 'shopify', name: 'Loja do Pedro' }, { idempotencyKey: 'k-tolerance-1' });
    expect(created).toEqual({ id: 'inst_8abf9...', status: 'pending_auth', auth_url: 'https://shopify.com/oauth/authorize?client_id=...&redirect_uri=...' });
  });

  it('keeps unknown enum values and fields; ids are opaque (a number becomes a string)', async () => {
    const c = client();
    const event = await c.getEvent('ev-odd');
    expect(event.status).toBe('quarantined');
    expect(event.id).toBe('1234');
    expect(event.tenant_shard).toBe('b');
    const list = await c.listEvents();
    expect(list.items[0]?.last_dispatch?.status).toBe('succeeded');
  });

  it('404/405 on optional routes → unsupported, cached per profile (no second request)', async () => {
    const c = client();
    await expect(c.listDispatches()).rejects.toMatchObject({ code: 'unsupported', details: { capability: 'dispatches' } });
    await expect(c.getRetryPolicy()).rejects.toMatchObject({ code: 'unsupported' });
    await expect(c.redeliverEvent('0192abcd-1234-5678-9abc-def012345679', { idempotencyKey: 'k-tolerance-2' })).rejects.toMatchObject({ code: 'unsupported' });
    // A 404 under a resource is ambiguous: the endpoint itself is missing here, so it is not_found.
    await expect(c.rotateWebhookSecret('w-missing', { idempotencyKey: 'k-tolerance-3' })).rejects.toMatchObject({ code: 'not_found' });
    expect(c.capabilities.get('rotate_secret')).toBe('unknown');
    const count = requests.length;
    await expect(c.listDispatches()).rejects.toMatchObject({ code: 'unsupported' });
    await expect(c.redeliverEvent('x', { idempotencyKey: 'k-tolerance-4' })).rejects.toMatchObject({ code: 'unsupported' });
    expect(requests.length).toBe(count);
    await c.probeReadCapabilities();
    expect(c.capabilities.snapshot()).toEqual({
      redeliver: 'unsupported', dispatches: 'unsupported', received_webhooks: 'unsupported', retry_policy: 'unsupported',
      rotate_secret: 'unknown', test_endpoint: 'unknown',
      // List routes of undocumented resources: a 404 there means the route is missing.
      installations: 'unsupported', webhook_endpoints: 'unsupported',
      installation_actions: 'unknown', driver_detail: 'unknown', driver_toggle: 'unknown',
    });
  });
});
