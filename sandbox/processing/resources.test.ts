// The events list is served pre-serialized: SQLite builds each event's JSON (EVENT_RESOURCE_JSON).
// These tests hold that text byte-identical to JSON.stringify(eventResource(row)) — on the demo
// history (every status, superseded chains, events never dispatched) and on hand-made rows with the
// awkward values (nulls, quotes, backslashes, control characters, non-ASCII) — and check that the
// HTTP body is exactly what JSON.stringify would have sent.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningSandbox } from '../server';
import { startSandbox } from '../server';
import { request } from '../testing/client';
import { EVENT_LIST_COLUMNS, EVENT_RESOURCE_JSON, eventResource, type EventListRow } from './resources';

let sandbox: RunningSandbox;
let token: string;

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, seed: 'demo', demoEvents: 2_000, dispatch: false });
  token = await sandbox.mintToken({ name: 'resources-test' });
}, 120_000);
afterAll(async () => sandbox?.close());

function mismatches(where = '', ...params: unknown[]): Array<{ id: string; sql: string; js: string }> {
  const rows = sandbox.ctx.db.prepare(`SELECT ${EVENT_RESOURCE_JSON} AS resource_json, ${EVENT_LIST_COLUMNS} FROM events ${where}`).all(...params) as Array<
    EventListRow & { resource_json: string }
  >;
  expect(rows.length).toBeGreaterThan(0);
  return rows
    .map(({ resource_json, ...row }) => ({ id: row.id, sql: resource_json, js: JSON.stringify(eventResource(row as EventListRow)) }))
    .filter((r) => r.sql !== r.js);
}

describe('EVENT_RESOURCE_JSON', () => {
  it('matches eventResource on every demo event, whatever its state', () => {
    const states = sandbox.ctx.db
      .prepare('SELECT count(DISTINCT status) statuses, sum(superseded) superseded, sum(last_dispatch_id IS NULL) undispatched FROM events')
      .get() as { statuses: number; superseded: number; undispatched: number };
    // The demo covers the cases the expression branches on.
    expect(states.statuses).toBeGreaterThanOrEqual(4);
    expect(states.superseded).toBeGreaterThan(0);
    expect(states.undispatched).toBeGreaterThan(0);
    expect(mismatches()).toEqual([]);
  });

  it('matches on nulls and on text JSON must escape', () => {
    const db = sandbox.ctx.db;
    const awkward = ['quote " and backslash \\', 'line\nbreak\ttab\r', 'control \u0001\u001f', 'ção — ünïcödé ✓ 😀', '\u2028\u2029 separators', '</script>'];
    const ids: string[] = [];
    for (const [index, text] of awkward.entries()) {
      const id = `resource-test-${randomUUID()}`;
      ids.push(id);
      db.prepare(
        `INSERT INTO events (id, installation_id, integration_driver_slug, name, created_at, status, superseded, superseded_by_id, superseded_by_name,
           last_dispatch_id, last_dispatch_status, last_dispatch_response_code, last_dispatch_attempted_at)
         VALUES (?, ?, ?, ?, '2026-01-01T00:00:00.000000Z', ?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(
        id,
        index % 2 === 0 ? null : text,
        index % 3 === 0 ? null : text,
        text,
        index === 0 ? 'a status we do not know' : 'failed',
        index % 2,
        index % 2 === 1 ? text : null,
        index === 1 ? null : text,
        index === 2 ? null : text,
        index === 3 ? null : 'failed',
        index === 4 ? null : 500 + index,
        index === 5 ? null : '2026-01-01T00:00:01.000000Z',
      );
    }
    expect(mismatches(`WHERE id IN (${ids.map(() => '?').join(', ')})`, ...ids)).toEqual([]);
  });

  it('the list answers exactly what JSON.stringify would, with the resources of eventResource', async () => {
    const first = await request(sandbox, 'GET', '/processing/events?limit=100', { token });
    expect(first.status).toBe(200);
    expect(first.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(first.text).toBe(JSON.stringify(first.body));
    const ids = (first.body.data as Array<{ id: string }>).map((e) => e.id);
    expect(ids.length).toBe(100);
    const byId = new Map(
      (sandbox.ctx.db.prepare(`SELECT ${EVENT_LIST_COLUMNS} FROM events WHERE id IN (${ids.map(() => '?').join(', ')})`).all(...ids) as EventListRow[]).map((row) => [row.id, row]),
    );
    expect(first.body.data).toEqual(ids.map((id) => eventResource(byId.get(id)!)));
    // The next page through the cursor, and back: the serialized path keeps keyset pagination.
    const second = await request(sandbox, 'GET', `/processing/events?limit=100&cursor=${first.body.meta.next_cursor}`, { token });
    expect(second.status).toBe(200);
    expect(second.text).toBe(JSON.stringify(second.body));
    const back = await request(sandbox, 'GET', `/processing/events?limit=100&cursor=${second.body.meta.prev_cursor}`, { token });
    expect((back.body.data as Array<{ id: string }>).map((e) => e.id)).toEqual(ids);
  });
});
