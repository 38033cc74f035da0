// `--events N` on a real sandbox: exact counts, final and self-consistent rows, served by the API.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type RunningSandbox } from '../server';
import { request } from '../testing/client';
import { addBulkEvents } from './events-bulk';

describe('--events N', () => {
  let sandbox: RunningSandbox;
  const count = (sql = 'SELECT count(*) n FROM events') => (sandbox.ctx.db.prepare(sql).get() as { n: number }).n;

  beforeAll(async () => {
    sandbox = await startSandbox({ port: 0, seed: 'demo', demoEvents: 0, events: 3_000, dispatch: false });
  });
  afterAll(async () => {
    await sandbox?.close();
  });

  it('adds exactly N events at start, with their dispatch rows', () => {
    expect(count()).toBe(3_000);
    expect(count("SELECT count(*) n FROM events WHERE status IN ('dispatched', 'failed')")).toBe(count('SELECT count(*) n FROM dispatches'));
  });

  it('adds exactly N more when called as a function, and reports its time', () => {
    const result = addBulkEvents(sandbox.ctx, 2_500, { seed: 'second-batch' });
    expect(result.inserted).toBe(2_500);
    expect(result.seconds).toBeGreaterThan(0);
    expect(count()).toBe(5_500);
    expect(addBulkEvents(sandbox.ctx, 0).inserted).toBe(0);
    expect(() => addBulkEvents(sandbox.ctx, -1)).toThrow(/non-negative integer/);
  });

  it('leaves only final statuses, each consistent with its one dispatch', () => {
    const statuses = (sandbox.ctx.db.prepare('SELECT DISTINCT status FROM events').all() as { status: string }[]).map((r) => r.status).sort();
    expect(statuses).toEqual(['discarded', 'dispatched', 'failed']);
    const inconsistent = count(`
      SELECT count(*) n FROM events e LEFT JOIN dispatches d ON d.event_id = e.id
      WHERE (e.status = 'discarded' AND (d.id IS NOT NULL OR e.last_dispatch_id IS NOT NULL))
         OR (e.status = 'dispatched' AND (d.status <> 'succeeded' OR e.last_dispatch_id <> d.id OR e.last_dispatch_status <> d.status
              OR e.last_dispatch_response_code <> d.attempt_response_code OR e.last_dispatch_attempted_at <> d.attempted_at))
         OR (e.status = 'failed' AND (d.status <> 'failed' OR e.last_dispatch_id <> d.id OR d.attempt_response_code <> 410))`);
    expect(inconsistent).toBe(0);
    // Events name their installation's driver and one of its supported events.
    expect(
      count(`SELECT count(*) n FROM events e JOIN installations i ON i.id = e.installation_id JOIN drivers d ON d.id = i.driver_id
             WHERE e.integration_driver_slug <> d.slug OR NOT EXISTS (SELECT 1 FROM json_each(d.supported_events) WHERE value = e.name)`),
    ).toBe(0);
    // Payloads are valid JSON objects, order ids unique per event.
    expect(count("SELECT count(*) n FROM events WHERE json_valid(payload) = 0 OR json_type(payload) <> 'object'")).toBe(0);
    expect(count('SELECT count(*) - count(DISTINCT order_key) n FROM events WHERE order_key IS NOT NULL')).toBe(0);
  });

  it('is served by the API, newest first, in pages of 100', async () => {
    const token = await sandbox.mintToken();
    const page = await request(sandbox, 'GET', '/processing/events?limit=100&filter[status]=dispatched', { token });
    expect(page.status).toBe(200);
    expect(page.body.data).toHaveLength(100);
    const times = page.body.data.map((event: { created_at: string }) => event.created_at);
    expect([...times].sort().reverse()).toEqual(times);
    const detail = await request(sandbox, 'GET', `/processing/events/${page.body.data[0].id}`, { token });
    expect(detail.body.data.dispatches).toHaveLength(1);
    expect(detail.body.data.dispatches[0].request_headers['x-ii-event-id']).toBe(page.body.data[0].id);
  });

  it('refuses a database without installations, saying what to do', async () => {
    await expect(startSandbox({ port: 0, seed: 'empty', events: 10, dispatch: false })).rejects.toThrow(/--seed demo/);
  });
});
