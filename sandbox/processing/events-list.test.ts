// /processing/* lists against a real sandbox: keyset pages while rows are inserted, every filter,
// an index behind every filter, bad input, and the CLIENT's strict schemas.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { strictProcessingSchemas } from '../../shared/api/processing';
import { getDispatcher } from '../dispatcher/registry';
import type { RunningSandbox } from '../server';
import { request } from '../testing/client';
import { createProviderEvent } from './event-store';
import { insertTestInstallation, startReceiver, startTestSandbox } from './test-support';

const strictCursorPage = <T extends z.ZodType>(item: T) =>
  z.strictObject({
    data: z.array(item),
    links: z.strictObject({ first: z.null(), last: z.null(), prev: z.string().nullable(), next: z.string().nullable() }),
    meta: z.strictObject({ path: z.string(), per_page: z.number().int(), next_cursor: z.string().nullable(), prev_cursor: z.string().nullable() }),
  });

describe('events list: keyset pagination', () => {
  let sandbox: RunningSandbox;
  let token: string;
  let installationId: string;
  let stamp = Date.parse('2026-01-01T00:00:00.000Z');
  // Several events share a timestamp on purpose: the id breaks the tie, so no row is skipped or repeated.
  const nextCreatedAt = (): Date => {
    stamp += Math.random() < 0.3 ? 0 : 1000;
    return new Date(stamp);
  };

  beforeAll(async () => {
    ({ sandbox, token } = await startTestSandbox({ dispatch: false }));
    installationId = insertTestInstallation(sandbox).id;
    for (let i = 0; i < 230; i++) {
      createProviderEvent(sandbox.ctx, { installationId, name: 'order.created', payload: { i }, createdAt: nextCreatedAt() });
    }
  });
  afterAll(async () => {
    await sandbox.close();
  });

  const walk = async (firstPath: string, insertBetweenPages: number): Promise<string[]> => {
    const seen: string[] = [];
    let path: string | null = firstPath;
    while (path !== null) {
      const response = await request(sandbox, 'GET', path, { token });
      expect(response.status).toBe(200);
      seen.push(...response.body.data.map((event: { id: string }) => event.id));
      for (let i = 0; i < insertBetweenPages; i++) {
        // Strictly newer than everything so far (a real clock only moves forward).
        stamp += 1000;
        createProviderEvent(sandbox.ctx, { installationId, name: 'order.created', payload: { late: true }, createdAt: new Date(stamp) });
      }
      path = response.body.links.next;
    }
    return seen;
  };

  it('returns every row exactly once, newest first, while newer events keep arriving', async () => {
    const before = (sandbox.ctx.db.prepare('SELECT id FROM events ORDER BY created_at DESC, id DESC').all() as { id: string }[]).map((r) => r.id);
    const seen = await walk('/processing/events?limit=17', 3);
    expect(seen).toEqual(before);
  });

  it('returns every row exactly once in ascending order while rows are appended (they show up at the end)', async () => {
    const before = (sandbox.ctx.db.prepare('SELECT id FROM events ORDER BY created_at ASC, id ASC').all() as { id: string }[]).map((r) => r.id);
    const seen = await walk('/processing/events?sort=created_at&limit=23', 2);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.slice(0, before.length)).toEqual(before);
  });

  it('walks back with prev to exactly the page it came from, keeping the other query parameters', async () => {
    const page1 = await request(sandbox, 'GET', '/processing/events?limit=10&filter[name]=order.created', { token });
    const page2 = await request(sandbox, 'GET', page1.body.links.next, { token });
    expect(page2.body.links.next).toContain('filter%5Bname%5D=order.created');
    const back = await request(sandbox, 'GET', page2.body.links.prev, { token });
    expect(back.body.data.map((e: { id: string }) => e.id)).toEqual(page1.body.data.map((e: { id: string }) => e.id));
    expect(page1.body.links.prev).toBeNull();
    expect(page1.body.meta).toMatchObject({ per_page: 10, prev_cursor: null });
    expect(page1.body.meta.path).toBe(`${sandbox.baseUrl}/processing/events`);
  });

  it('refuses a malformed or tampered cursor, and a cursor made for another sort, with 400 JSON', async () => {
    for (const cursor of ['garbage!', 'eyJmb28iOjF9', 'x'.repeat(3000)]) {
      const response = await request(sandbox, 'GET', `/processing/events?cursor=${cursor}`, { token });
      expect(response.status).toBe(400);
      expect(typeof response.body.message).toBe('string');
    }
    const page = await request(sandbox, 'GET', '/processing/events?limit=5', { token });
    const other = await request(sandbox, 'GET', `/processing/events?sort=created_at&cursor=${page.body.meta.next_cursor}`, { token });
    expect(other.status).toBe(400);
  });

  it('uses an index for every filter with the keyset order (no sort step, no full scan)', () => {
    const filters: Record<string, [condition: string, index: string]> = {
      name: ['name = ?', 'events_by_name'],
      status: ['status = ?', 'events_by_status'],
      installation_id: ['installation_id = ?', 'events_by_installation'],
      integration_driver_slug: ['integration_driver_slug = ?', 'events_by_driver'],
      superseded: ['superseded = ?', 'events_by_superseded'],
      dispatch_status: ['last_dispatch_status = ?', 'events_by_dispatch_status'],
      attempt_response_code: ['last_dispatch_response_code = ?', 'events_by_response_code'],
      attempt_response_class: ['last_dispatch_code_class = ?', 'events_by_code_class'],
      created_at_greater_than: ['created_at > ?', 'events_by_created'],
      driver_and_status: ['integration_driver_slug = ? AND status = ?', 'events_by_driver_status'],
      name_and_status: ['name = ? AND status = ?', 'events_by_name_status'],
      none: ['1 = 1', 'events_by_created'],
    };
    for (const [filter, [condition, index]] of Object.entries(filters)) {
      for (const direction of ['DESC', 'ASC']) {
        const operator = direction === 'DESC' ? '<' : '>';
        const plan = sandbox.ctx.db
          .prepare(
            `EXPLAIN QUERY PLAN SELECT * FROM events WHERE ${condition} AND ((created_at, id) ${operator} ('x', 'y'))
             ORDER BY created_at ${direction}, id ${direction} LIMIT 101`,
          )
          .all(...Array(condition.split('?').length - 1).fill('v')) as { detail: string }[];
        const text = plan.map((row) => row.detail).join(' | ');
        expect(text, `${filter} ${direction}: ${text}`).toMatch(new RegExp(`USING (COVERING )?INDEX ${index} `));
        expect(text, `${filter} ${direction}: ${text}`).not.toMatch(/TEMP B-TREE/);
      }
    }
  });
});

describe('processing lists: filters, detail, errors, schemas', () => {
  let sandbox: RunningSandbox;
  let token: string;
  let installationA: string;
  let installationB: string;
  let receiverClose: () => Promise<void>;
  let endpointId: string;
  const events: Record<string, string> = {};

  beforeAll(async () => {
    ({ sandbox, token } = await startTestSandbox());
    const receiver = await startReceiver((req) => ({ status: (JSON.parse(req.body).payload.answer as number | undefined) ?? 200 }));
    receiverClose = receiver.close;
    await request(sandbox, 'PUT', '/webhooks/retry-policy', { token, body: { max_attempts: 1 } });
    const endpoint = await request(sandbox, 'POST', '/webhooks/endpoints', { token, body: { url: receiver.url, events: ['order.paid', 'order.refunded', 'order.shipped'] } });
    endpointId = endpoint.body.data.id;
    installationA = insertTestInstallation(sandbox, 'shopify').id;
    installationB = insertTestInstallation(sandbox, 'stripe').id;
    const at = (minute: number) => new Date(Date.UTC(2026, 0, 10, 12, minute));
    const create = (key: string, installationId: string, name: string, payload: Record<string, unknown>, minute: number) => {
      events[key] = createProviderEvent(sandbox.ctx, { installationId, name, payload, createdAt: at(minute) }).id;
    };
    create('ok', installationA, 'order.paid', { answer: 200, order_id: 'O-1' }, 1);
    create('notFound', installationA, 'order.paid', { answer: 404 }, 2);
    create('unavailable', installationB, 'order.shipped', { answer: 503 }, 3);
    create('error', installationB, 'order.shipped', { answer: 500 }, 4);
    create('noEndpoint', installationB, 'order.created', {}, 5);
    create('refund', installationA, 'order.refunded', { answer: 200, order_id: 'O-1' }, 6);
    await getDispatcher(sandbox.ctx)!.runDue();
  });
  afterAll(async () => {
    await sandbox.close();
    await receiverClose();
  });

  const ids = async (path: string): Promise<string[]> => {
    const response = await request(sandbox, 'GET', path, { token });
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    return response.body.data.map((row: { id: string }) => row.id);
  };
  const keysOf = (list: string[]) => list.map((id) => Object.entries(events).find(([, value]) => value === id)?.[0] ?? id);

  it('filters events by every documented and OURS filter', async () => {
    const e = '/processing/events?limit=100&';
    expect(keysOf(await ids(`${e}filter[name]=order.shipped`))).toEqual(['error', 'unavailable']);
    expect(keysOf(await ids(`${e}filter[status]=failed`))).toEqual(['error', 'unavailable', 'notFound']);
    expect(keysOf(await ids(`${e}filter[status]=discarded`))).toEqual(['noEndpoint', 'ok']);
    expect(keysOf(await ids(`${e}filter[installation_id]=${installationB}`))).toEqual(['noEndpoint', 'error', 'unavailable']);
    expect(keysOf(await ids(`${e}filter[integration_driver_slug]=shopify`))).toEqual(['refund', 'notFound', 'ok']);
    expect(keysOf(await ids(`${e}filter[created_at_greater_than]=2026-01-10T12:03:00.000000Z`))).toEqual(['refund', 'noEndpoint', 'error']);
    expect(keysOf(await ids(`${e}filter[created_at_less_than]=2026-01-10T12:03:00Z`))).toEqual(['notFound', 'ok']);
    expect(keysOf(await ids(`${e}filter[created_at_greater_than]=2026-01-10T12:01:00%2B00:00&filter[created_at_less_than]=2026-01-10T12:04:00.000000Z`))).toEqual(['unavailable', 'notFound']);
    expect(keysOf(await ids(`${e}filter[superseded]=true`))).toEqual(['ok']);
    expect(keysOf(await ids(`${e}filter[superseded]=0`))).toEqual(['refund', 'noEndpoint', 'error', 'unavailable', 'notFound']);
    expect(keysOf(await ids(`${e}filter[dispatch_status]=succeeded`))).toEqual(['refund']);
    expect(keysOf(await ids(`${e}filter[dispatch_status]=failed`))).toEqual(['error', 'unavailable', 'notFound']);
    expect(keysOf(await ids(`${e}filter[attempt_response_code]=404`))).toEqual(['notFound']);
    expect(keysOf(await ids(`${e}filter[attempt_response_code]=5xx`))).toEqual(['error', 'unavailable']);
    expect(keysOf(await ids(`${e}filter[attempt_response_code]=2XX&filter[integration_driver_slug]=shopify`))).toEqual(['refund']);
    expect(keysOf(await ids(`${e}filter[status]=failed&filter[integration_driver_slug]=stripe&sort=created_at`))).toEqual(['unavailable', 'error']);
  });

  it('serves the event detail with payload and every attempt newest first, and superseded_by as {id, name}', async () => {
    const response = await request(sandbox, 'GET', `/processing/events/${events.ok}`, { token });
    const detail = strictProcessingSchemas.eventDetail.parse(response.body.data);
    expect(detail).toMatchObject({ superseded: true, superseded_by: { id: events.refund, name: 'order.refunded' }, payload: { answer: 200, order_id: 'O-1' } });
    // Superseded before its delivery was made: the delivery is cancelled and the event discarded.
    expect(detail.status).toBe('discarded');
    expect(detail.dispatches).toEqual([]);
    const refundDetail = (await request(sandbox, 'GET', `/processing/events/${events.refund}`, { token })).body.data;
    expect(refundDetail.dispatches).toHaveLength(1);
    expect(refundDetail.last_dispatch.id).toBe(refundDetail.dispatches[0].id);
  });

  it('filters the delivery log and the received webhooks', async () => {
    const d = '/processing/dispatches?limit=100&';
    expect(await ids(`${d}filter[event_id]=${events.notFound}`)).toHaveLength(1);
    // 4 deliveries: `ok` was superseded before its delivery, `noEndpoint` had no subscriber.
    expect(await ids(`${d}filter[endpoint_id]=${endpointId}`)).toHaveLength(4);
    expect(await ids(`${d}filter[status]=failed`)).toHaveLength(3);
    expect(await ids(`${d}filter[attempt_response_code]=4xx`)).toHaveLength(1);
    expect(await ids(`${d}filter[attempt_response_code]=503`)).toHaveLength(1);
    expect(await ids(`${d}filter[trigger]=manual`)).toHaveLength(0);
    expect(await ids(`${d}filter[attempted_at_greater_than]=2000-01-01`)).toHaveLength(4);
    expect(await ids(`${d}filter[attempted_at_less_than]=2000-01-01T00:00:00Z`)).toHaveLength(0);

    const db = sandbox.ctx.db;
    const insert = db.prepare(
      `INSERT INTO received_webhooks (id, installation_id, integration_driver_slug, received_at, headers, body, signature_valid, status, status_reason, event_ids)
       VALUES (?, ?, ?, ?, '{"x-signature":"abc"}', '{"a":1}', ?, ?, ?, ?)`,
    );
    insert.run('rw-1', installationA, 'shopify', '2026-01-10T12:00:00.000000Z', 1, 'processed', null, JSON.stringify([events.ok]));
    insert.run('rw-2', installationB, 'stripe', '2026-01-10T12:05:00.000000Z', 0, 'rejected', 'Invalid signature.', '[]');
    const w = '/processing/webhooks?limit=100&';
    expect(await ids(w)).toEqual(['rw-2', 'rw-1']);
    expect(await ids(`${w}filter[status]=rejected`)).toEqual(['rw-2']);
    expect(await ids(`${w}filter[installation_id]=${installationA}`)).toEqual(['rw-1']);
    expect(await ids(`${w}filter[integration_driver_slug]=stripe`)).toEqual(['rw-2']);
    expect(await ids(`${w}filter[signature_valid]=false`)).toEqual(['rw-2']);
    expect(await ids(`${w}filter[received_at_greater_than]=2026-01-10T12:01:00Z`)).toEqual(['rw-2']);
    expect(await ids(`${w}filter[received_at_less_than]=2026-01-10T12:01:00Z&sort=received_at`)).toEqual(['rw-1']);
    const page = await request(sandbox, 'GET', w, { token });
    strictCursorPage(strictProcessingSchemas.receivedWebhook).parse(page.body);
    expect(page.body.data[1]).toMatchObject({ signature_valid: true, status: 'processed', event_ids: [events.ok], body: '{"a":1}' });
  });

  it('answers every list with the strict cursor envelope and strict items', async () => {
    strictCursorPage(strictProcessingSchemas.event).parse((await request(sandbox, 'GET', '/processing/events?limit=3', { token })).body);
    strictCursorPage(strictProcessingSchemas.dispatch).parse((await request(sandbox, 'GET', '/processing/dispatches', { token })).body);
  });

  it('refuses bad input with the right 4xx and a JSON message', async () => {
    const cases: [string, number][] = [
      ['/processing/events?filter[colour]=red', 400],
      ['/processing/events?sort=name', 400],
      ['/processing/events?sort=-created_at,created_at', 400],
      ['/processing/events?filter[status]=lost', 400],
      ['/processing/events?filter[superseded]=maybe', 400],
      ['/processing/events?filter[attempt_response_code]=6xx', 400],
      ['/processing/events?filter[attempt_response_code]=abc', 400],
      ['/processing/events?filter[created_at_greater_than]=yesterday', 400],
      ['/processing/events?filter[created_at_less_than]=2026-13-45T00:00:00Z', 400],
      ['/processing/events?limit=101', 422],
      ['/processing/events?limit=0', 422],
      ['/processing/events/not-an-id', 404],
      ['/processing/dispatches?filter[status]=done', 400],
      ['/processing/dispatches?filter[nope]=1', 400],
      ['/processing/webhooks?filter[status]=ok', 400],
      ['/processing/webhooks?sort=created_at', 400],
    ];
    for (const [path, status] of cases) {
      const response = await request(sandbox, 'GET', path, { token });
      expect(response.status, path).toBe(status);
      expect(typeof response.body.message, path).toBe('string');
    }
    expect((await request(sandbox, 'GET', '/processing/events/not-an-id', { token })).body).toEqual({ message: 'Not found.' });
    expect((await request(sandbox, 'GET', '/processing/events')).status).toBe(401);
  });
});
