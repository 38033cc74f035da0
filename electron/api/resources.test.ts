// Every other endpoint against a real sandbox: installations, processing, webhook configuration.
// Answers are also checked against the strict (OURS) schemas, so a drift on either side shows here.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { strictApiSchemas } from '../../shared/api/index';
import { eventSchema } from '../../shared/api/processing';
import { idempotencyKeyFor } from './http';
import { everythingIn, startClientHarness, type ClientHarness } from './test-support';

let h: ClientHarness;
// Deliveries go to this loopback receiver, never off the machine.
let receiver: Server;
let hookUrl = '';
let n = 0;
const key = (op: string) => idempotencyKeyFor('p1', op, `action-${Date.now()}-${++n}`);

beforeAll(async () => {
  h = await startClientHarness();
  receiver = createServer((_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}'));
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  hookUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks`;
});
afterAll(async () => {
  await new Promise<void>((resolve) => receiver.close(() => resolve()));
  expect(everythingIn(h.logs)).not.toContain(h.token);
  await h.close();
});

describe('installations', () => {
  it('lists (page shape), filters and gets', async () => {
    const page = await h.client.listInstallations({ limit: 5 });
    expect(page.items.length).toBe(5);
    expect(page.pagination).toMatchObject({ kind: 'page', currentPage: 1, perPage: 5 });
    for (const item of page.items) expect(strictApiSchemas.installation.safeParse(item).error?.issues).toBeUndefined();
    const one = page.items[0]!;
    const fetched = await h.client.getInstallation(one.id);
    expect(fetched.id).toBe(one.id);
    const active = await h.client.listInstallations({ filters: { status: 'active' }, limit: 10 });
    expect(active.items.every((i) => i.status === 'active')).toBe(true);
  });

  it('creates an OAuth installation (pending_auth + auth_url), patches, disables, enables, reauthorizes', async () => {
    const created = await h.client.createInstallation(
      { driver_id: 'bling', name: 'Loja do Pedro', meta: { internal_id: '123456' }, settings: { 'oauth_settings.redirect_url': 'https://example.test/cb' } },
      { idempotencyKey: key('installations:create') },
    );
    expect(created.status).toBe('pending_auth');
    expect(created.auth_url).toMatch(/^http/);
    expect(created.meta).toEqual({ internal_id: '123456' });
    const renamed = await h.client.patchInstallation(created.id, { name: 'Loja do Pedro 2' }, { idempotencyKey: key('installations:update') });
    expect(renamed.name).toBe('Loja do Pedro 2');
    const disabled = await h.client.disableInstallation(created.id, { idempotencyKey: key('installations:disable') });
    expect(disabled.status).toBe('disabled');
    const enabled = await h.client.enableInstallation(created.id, { idempotencyKey: key('installations:enable') });
    expect(enabled.status).not.toBe('disabled');
    const again = await h.client.reauthorizeInstallation(created.id, { idempotencyKey: key('installations:reauthorize') });
    expect(again.id).toBe(created.id);
    expect(again.auth_url).toBeTruthy();
  });

  it('422 → validation with per-field messages', async () => {
    try {
      await h.client.createInstallation({ driver_id: 'hotmart', name: 'No hottok' }, { idempotencyKey: key('installations:create') });
      expect.unreachable();
    } catch (error) {
      expect(error).toMatchObject({ code: 'validation', status: 422 });
      expect(Object.keys((error as { fields: Record<string, string[]> }).fields)).toContain('settings.hottok');
    }
  });

  it('an API-key installation is active at once and its secret reads back as null', async () => {
    const created = await h.client.createInstallation(
      { driver_id: 'hotmart', name: 'Hotmart shop', settings: { hottok: 'secret-value-123' } },
      { idempotencyKey: key('installations:create') },
    );
    expect(created.status).toBe('active');
    expect(created.settings?.hottok).toBeNull();
  });
});

describe('processing', () => {
  it('lists events with cursor pagination and walks several pages', async () => {
    const first = await h.client.listEvents({ limit: 3 });
    expect(first.pagination.kind).toBe('cursor');
    for (const item of first.items) expect(strictApiSchemas.event.safeParse(item).error?.issues).toBeUndefined();
    const all = [];
    for await (const item of h.client.iterateItems('/processing/events', eventSchema, { limit: 100 })) all.push(item.id);
    expect(all.length).toBeGreaterThan(2);
    // Walk by 1 and stop after 3 pages: three distinct events, newest first, then no more requests.
    const before = h.logs.length;
    const walked: string[] = [];
    for await (const page of h.client.iteratePages('/processing/events', eventSchema, { limit: 1 })) {
      walked.push(...page.items.map((e) => e.id));
      if (walked.length === 3) break;
    }
    expect(walked).toEqual(all.slice(0, 3));
    expect(h.logs.slice(before).filter((l) => l.message === 'request answered')).toHaveLength(3);

    // With prefetch: the same pages in the same order, the next one requested while the current is
    // used; stopping after 3 leaves at most the one prefetched page, cancelled — never a 5th request.
    const beforePrefetch = h.logs.length;
    const prefetched: string[] = [];
    for await (const page of h.client.iteratePages('/processing/events', eventSchema, { limit: 1 }, { prefetch: true })) {
      prefetched.push(...page.items.map((e) => e.id));
      if (prefetched.length === 1) {
        // Page 2 was asked for while page 1 was being handed over, before the loop asks for it.
        await new Promise((resolve) => setTimeout(resolve, 200));
        expect(h.logs.slice(beforePrefetch).filter((l) => l.message === 'request answered')).toHaveLength(2);
      }
      if (prefetched.length === 3) break;
    }
    expect(prefetched).toEqual(all.slice(0, 3));
    await new Promise((resolve) => setTimeout(resolve, 200));
    const requests = h.logs.slice(beforePrefetch).filter((l) => l.message === 'request answered' || l.message === 'request failed');
    expect(requests.length).toBeGreaterThanOrEqual(3);
    expect(requests.length).toBeLessThanOrEqual(4);
    let walkedAll = 0;
    for await (const page of h.client.iteratePages('/processing/events', eventSchema, { limit: 100 }, { prefetch: true })) walkedAll += page.items.length;
    expect(walkedAll).toBe(all.length);
  });

  it('gets an event with payload and dispatches; redelivers it; lists dispatches and received webhooks', async () => {
    const endpoint = await h.client.createWebhookEndpoint({ url: hookUrl, events: ['*'] }, { idempotencyKey: key('webhooks:endpointCreate') });
    const { items } = await h.client.listEvents({ limit: 20 });
    const event = items.find((e) => e.last_dispatch !== null) ?? items[0]!;
    const detail = await h.client.getEvent(event.id);
    expect(strictApiSchemas.eventDetail.safeParse(detail).error?.issues).toBeUndefined();
    expect(detail.payload).toBeTypeOf('object');
    expect(Array.isArray(detail.dispatches)).toBe(true);

    const dispatch = await h.client.redeliverEvent(event.id, { idempotencyKey: key('events:redeliver') });
    expect(dispatch.trigger).toBe('manual');
    expect(h.client.capabilities.get('redeliver')).toBe('supported');
    const aimed = await h.client.redeliverEvent(event.id, { idempotencyKey: key('events:redeliver'), endpointId: endpoint.id });
    expect(aimed.endpoint_id).toBe(endpoint.id);

    const log = await h.client.listDispatches({ filters: { event_id: event.id }, limit: 50 });
    expect(log.pagination.kind).toBe('cursor');
    expect(log.items.some((d) => d.id === dispatch.id)).toBe(true);
    for (const item of log.items) expect(strictApiSchemas.dispatch.safeParse(item).error?.issues).toBeUndefined();

    const received = await h.client.listReceivedWebhooks({ limit: 5 });
    expect(received.pagination.kind).toBe('cursor');
    for (const item of received.items) expect(strictApiSchemas.receivedWebhook.safeParse(item).error?.issues).toBeUndefined();
  });

  it('redeliver of a missing event is not_found, and does not mark the route unsupported', async () => {
    const client = h.makeClient();
    await expect(client.redeliverEvent('00000000-0000-0000-0000-000000000000', { idempotencyKey: key('events:redeliver') })).rejects.toMatchObject({
      code: 'not_found',
    });
    expect(client.capabilities.get('redeliver')).toBe('unknown');
  });
});

describe('webhook configuration', () => {
  it('endpoint CRUD, test, rotate-secret; the secret only on create and rotate', async () => {
    const created = await h.client.createWebhookEndpoint(
      { url: hookUrl, description: 'console test', events: ['*'], timeout_seconds: 5 },
      { idempotencyKey: key('webhooks:endpointCreate') },
    );
    expect(created.secret.length).toBeGreaterThan(8);
    expect(strictApiSchemas.webhookEndpointWithSecret.safeParse(created).error?.issues).toBeUndefined();
    const fetched = await h.client.getWebhookEndpoint(created.id);
    expect(fetched).not.toHaveProperty('secret');
    const patched = await h.client.patchWebhookEndpoint(created.id, { description: 'renamed', enabled: false }, { idempotencyKey: key('webhooks:endpointUpdate') });
    expect(patched).toMatchObject({ description: 'renamed', enabled: false });
    const list = await h.client.listWebhookEndpoints({ limit: 100 });
    expect(list.pagination.kind).toBe('page');
    expect(list.items.map((e) => e.id)).toContain(created.id);
    const rotated = await h.client.rotateWebhookSecret(created.id, { idempotencyKey: key('webhooks:endpointRotateSecret') });
    expect(rotated.secret).not.toBe(created.secret);
    const test = await h.client.testWebhookEndpoint(created.id, { idempotencyKey: key('webhooks:endpointTest') });
    expect(test.url).toBe(hookUrl);
    await h.client.deleteWebhookEndpoint(created.id, { idempotencyKey: key('webhooks:endpointDelete') });
    await expect(h.client.getWebhookEndpoint(created.id)).rejects.toMatchObject({ code: 'not_found' });
  });

  it('retry policy get and put', async () => {
    const policy = await h.client.getRetryPolicy();
    expect(strictApiSchemas.retryPolicy.safeParse(policy).error?.issues).toBeUndefined();
    const updated = await h.client.putRetryPolicy(
      { max_attempts: 5, strategy: 'linear', initial_delay_seconds: 10, max_delay_seconds: 600, retry_on: ['5xx', 'timeout'], disable_endpoint_after_failures: null },
      { idempotencyKey: key('webhooks:retryPolicyPut') },
    );
    expect(updated).toMatchObject({ max_attempts: 5, strategy: 'linear' });
    expect(h.client.capabilities.get('retry_policy')).toBe('supported');
  });
});
