// Invariants of the demo event history, on a real sandbox seeded once for the whole file (dispatcher
// off, so nothing changes under the assertions).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { refreshEventState } from '../processing/event-store';
import { startSandbox, type RunningSandbox } from '../server';
import { request } from '../testing/client';
import { FAILING_SWITCH } from './demo-endpoints';
import { crmHealthTimeline } from './delivery-history';
import { DEMO_EVENT_COUNT } from './events-demo';

interface EventRow {
  id: string;
  installation_id: string;
  status: string;
  superseded: number;
  superseded_by_id: string | null;
  last_dispatch_id: string | null;
  last_dispatch_status: string | null;
  last_dispatch_response_code: number | null;
  last_dispatch_code_class: string | null;
  last_dispatch_attempted_at: string | null;
}

describe('demo event history', () => {
  let sandbox: RunningSandbox;
  let seedSeconds = 0;
  let startedAtMs = 0;
  const all = <T>(sql: string, ...params: unknown[]) => sandbox.ctx.db.prepare(sql).all(...params) as T[];
  const one = <T>(sql: string, ...params: unknown[]) => sandbox.ctx.db.prepare(sql).get(...params) as T;

  beforeAll(async () => {
    startedAtMs = Date.now();
    const started = performance.now();
    sandbox = await startSandbox({ port: 0, seed: 'demo', demoEvents: DEMO_EVENT_COUNT, dispatch: false });
    seedSeconds = (performance.now() - started) / 1000;
  }, 600_000);
  afterAll(async () => {
    await sandbox?.close();
  });

  it('has 50,000 events over the last 30 days, across the demo installations', () => {
    console.info(`demo seed + start took ${seedSeconds.toFixed(1)} s`);
    const { n, oldest, newest, installations } = one<{ n: number; oldest: string; newest: string; installations: number }>(
      'SELECT count(*) n, min(created_at) oldest, max(created_at) newest, count(DISTINCT installation_id) installations FROM events',
    );
    expect(n).toBe(DEMO_EVENT_COUNT);
    expect(n).toBeGreaterThanOrEqual(50_000);
    const now = sandbox.ctx.now().getTime();
    // The history reaches back 30 days from when the seed started, not from now: seeding takes
    // seconds, and an event can fall on the window's first millisecond.
    expect(Date.parse(oldest)).toBeGreaterThanOrEqual(startedAtMs - 30 * 24 * 3600 * 1000);
    // The newest events arrived as the seed ran (a moment ago).
    expect(Date.parse(newest)).toBeGreaterThanOrEqual(startedAtMs - 1_000);
    expect(Date.parse(newest)).toBeLessThanOrEqual(now);
    expect(installations).toBeGreaterThan(100);
    // Event names are among each installation's driver's supported events.
    const foreign = one<{ n: number }>(
      `SELECT count(*) n FROM events e JOIN installations i ON i.id = e.installation_id JOIN drivers d ON d.id = i.driver_id
       WHERE NOT EXISTS (SELECT 1 FROM json_each(d.supported_events) WHERE value = e.name) OR e.integration_driver_slug <> d.slug`,
    );
    expect(foreign.n).toBe(0);
  });

  it('has every event status, mostly dispatched', () => {
    const counts = Object.fromEntries(all<{ status: string; n: number }>('SELECT status, count(*) n FROM events GROUP BY status').map((r) => [r.status, r.n]));
    for (const status of ['pending', 'dispatching', 'dispatched', 'failed', 'discarded']) expect(counts[status], status).toBeGreaterThan(0);
    expect(counts.dispatched! / DEMO_EVENT_COUNT).toBeGreaterThan(0.8);
  });

  it('keeps every event’s status and last_dispatch consistent with its dispatches (the platform’s own rule)', () => {
    const db = sandbox.ctx.db;
    // Every event that is not plainly delivered, and a quarter of the rest (the check is slow on a busy machine).
    const events = all<EventRow>("SELECT * FROM events WHERE status <> 'dispatched' OR superseded = 1 OR rowid % 4 = 0");
    expect(events.length).toBeGreaterThan(12_000);
    const mismatches: string[] = [];
    // refreshEventState rewrites the denormalized columns from the dispatch rows; run it on every
    // event inside a transaction that is rolled back, and compare.
    const rollback = new Error('rollback');
    try {
      db.transaction(() => {
        for (const before of events) {
          const status = refreshEventState(db, before.id);
          const after = db.prepare('SELECT * FROM events WHERE id = ?').get(before.id) as EventRow;
          if (status !== before.status || JSON.stringify(after) !== JSON.stringify(before)) {
            if (mismatches.length < 5) mismatches.push(`${before.id}: ${JSON.stringify(before)} → ${JSON.stringify(after)}`);
            else mismatches.push(before.id);
          }
        }
        throw rollback;
      })();
    } catch (error) {
      if (error !== rollback) throw error;
    }
    expect(mismatches.slice(0, 5)).toEqual([]);
    expect(mismatches.length).toBe(0);
  }, 300_000);

  it('has superseded chains that follow the weight rule', () => {
    const links = all<{ id: string; next: string; next_next: string | null }>(
      `SELECT a.id, b.id next, b.superseded_by_id next_next FROM events a JOIN events b ON b.id = a.superseded_by_id
       WHERE a.superseded = 1 AND a.installation_id = b.installation_id AND a.order_key = b.order_key
         AND a.weight < b.weight AND a.created_at <= b.created_at`,
    );
    const superseded = one<{ n: number }>('SELECT count(*) n FROM events WHERE superseded = 1').n;
    expect(superseded).toBeGreaterThan(100);
    expect(links.length).toBe(superseded);
    expect(links.some((link) => link.next_next !== null)).toBe(true);
    // Some superseded events were delivered first (dispatched), others were not (discarded).
    const statuses = all<{ status: string }>('SELECT DISTINCT status FROM events WHERE superseded = 1').map((r) => r.status).sort();
    expect(statuses).toEqual(['discarded', 'dispatched']);
  });

  it('points its endpoints at the built-in receiver on this origin', () => {
    const endpoints = all<{ url: string; enabled: number }>('SELECT url, enabled FROM webhook_endpoints');
    expect(endpoints.length).toBeGreaterThanOrEqual(4);
    for (const endpoint of endpoints) expect(endpoint.url.startsWith(`${sandbox.origin}/_sandbox/receiver/`)).toBe(true);
    expect(endpoints.some((e) => e.enabled === 0)).toBe(true);
  });

  it('has a flaky endpoint: intermittent 503s and timeouts among successes', () => {
    const rows = all<{ error: string | null; n: number }>(
      `SELECT d.error, count(*) n FROM dispatches d JOIN webhook_endpoints w ON w.id = d.endpoint_id
       WHERE w.url LIKE '%/_sandbox/receiver/flaky' AND d.status <> 'pending' GROUP BY d.error`,
    );
    const byError = Object.fromEntries(rows.map((r) => [r.error ?? 'ok', r.n]));
    expect(byError.ok).toBeGreaterThan(0);
    expect(byError.http_503).toBeGreaterThan(0);
    expect(byError.timeout).toBeGreaterThan(0);
    const failShare = (byError.http_503! + byError.timeout!) / (byError.ok! + byError.http_503! + byError.timeout!);
    expect(failShare).toBeGreaterThan(0.1);
    expect(failShare).toBeLessThan(0.6);
  });

  it('has an endpoint failing since yesterday: refused, then 500s, with events failed or waiting on retries', () => {
    const { crmDownFromMs } = crmHealthTimeline(sandbox.ctx.now().getTime());
    const since = new Date(crmDownFromMs).toISOString().slice(0, 19);
    const url = `${sandbox.origin}/_sandbox/receiver/switch/${FAILING_SWITCH}`;
    const after = all<{ status: string; error: string | null; n: number }>(
      `SELECT d.status, d.error, count(*) n FROM dispatches d JOIN webhook_endpoints w ON w.id = d.endpoint_id
       WHERE w.url = ? AND d.attempted_at >= ? GROUP BY 1, 2`,
      url,
      since,
    );
    expect(after.filter((r) => r.status === 'succeeded')).toEqual([]);
    expect(after.map((r) => r.error).sort()).toEqual(['connection_refused', 'http_500']);
    const before = one<{ ok: number; n: number }>(
      `SELECT sum(d.status = 'succeeded') ok, count(*) n FROM dispatches d JOIN webhook_endpoints w ON w.id = d.endpoint_id
       WHERE w.url = ? AND d.attempted_at < ?`,
      url,
      since,
    );
    expect(before.ok / before.n).toBeGreaterThan(0.95);
    // Its recent events wait on a retry: a pending row due in the future, announced by next_retry_at.
    const retry = one<{ due_at: string; previous_next_retry: string } | undefined>(
      `SELECT p.due_at, f.next_retry_at previous_next_retry FROM dispatches p
       JOIN dispatches f ON f.event_id = p.event_id AND f.endpoint_id = p.endpoint_id AND f.attempt = p.attempt - 1
       WHERE p.status = 'pending' AND p.url = ? LIMIT 1`,
      url,
    );
    expect(retry).toBeDefined();
    expect(retry!.previous_next_retry).toBe(retry!.due_at);
    expect(Date.parse(retry!.due_at)).toBeGreaterThan(sandbox.ctx.now().getTime() - 60_000);
  });

  it('has received webhooks linked to their events, and rejected ones with bad signatures', () => {
    const counts = one<{ processed: number; rejected: number; invalid: number }>(
      `SELECT sum(status = 'processed') processed, sum(status = 'rejected') rejected, sum(signature_valid = 0) invalid FROM received_webhooks`,
    );
    expect(counts.processed).toBeGreaterThan(5_000);
    expect(counts.rejected).toBeGreaterThan(50);
    expect(counts.invalid).toBe(counts.rejected);
    // Every processed webhook names exactly one event, which exists and belongs to the same installation.
    const unlinked = one<{ n: number }>(
      `SELECT count(*) n FROM received_webhooks r JOIN json_each(r.event_ids) j LEFT JOIN events e ON e.id = j.value
       WHERE r.status = 'processed' AND (e.id IS NULL OR e.installation_id <> r.installation_id)`,
    );
    expect(one<{ n: number }>(`SELECT count(*) n FROM received_webhooks WHERE status = 'processed' AND json_array_length(event_ids) <> 1`).n).toBe(0);
    expect(unlinked.n).toBe(0);
    expect(one<{ n: number }>(`SELECT count(*) n FROM received_webhooks WHERE status = 'rejected' AND event_ids <> '[]'`).n).toBe(0);
  }, 120_000);

  it('serves the history through the API (filters, detail with payload and dispatches)', async () => {
    const token = await sandbox.mintToken();
    const failed = await request(sandbox, 'GET', '/processing/events?filter[status]=failed&limit=5', { token });
    expect(failed.status).toBe(200);
    expect(failed.body.data).toHaveLength(5);
    const detail = await request(sandbox, 'GET', `/processing/events/${failed.body.data[0].id}`, { token });
    expect(detail.status).toBe(200);
    expect(detail.body.data.payload).toBeTypeOf('object');
    expect(detail.body.data.dispatches.length).toBeGreaterThan(0);
    expect(detail.body.data.dispatches[0].request_headers['x-ii-signature']).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
    const rejected = await request(sandbox, 'GET', '/processing/webhooks?filter[status]=rejected&limit=3', { token });
    expect(rejected.status).toBe(200);
    expect(rejected.body.data[0]).toMatchObject({ signature_valid: false, status: 'rejected', event_ids: [] });
  });

  it('is deterministic for a given clock', async () => {
    const now = () => new Date('2026-11-20T12:00:00.000Z');
    const snapshot = async () => {
      const small = await startSandbox({ port: 0, seed: 'demo', demoEvents: 1_500, dispatch: false, now });
      try {
        return small.ctx.db.prepare('SELECT id, name, status, created_at, installation_id FROM events ORDER BY created_at, id').all();
      } finally {
        await small.close();
      }
    };
    const first = await snapshot();
    expect(first).toHaveLength(1_500);
    expect(await snapshot()).toEqual(first);
  }, 60_000);
});
