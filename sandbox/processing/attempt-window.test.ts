// The delivery log by attempted_at window: the same rows as the plain filter, page after page, with
// attempts created long before their window; pages stay an ordered walk of a created_at index; and
// the window's bound is read from the attempted_at index only for a narrow window.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningSandbox } from '../server';
import { request } from '../testing/client';
import { buildCursorQuery } from '../http/cursor-pagination';
import { attemptWindowBound, WINDOW_BOUND_MAX_ROWS } from './attempt-window';
import { createProviderEvent } from './event-store';
import { dispatchListConditions } from './routes';
import { insertTestInstallation, startTestSandbox } from './test-support';

let sandbox: RunningSandbox;
let token: string;
let eventId: string;

const hour = 3_600_000;
const base = Date.parse('2026-03-01T00:00:00.000Z');
const at = (ms: number) => new Date(base + ms).toISOString().replace('Z', '000Z');

function insertAttempts(rows: Array<{ id: string; createdMs: number; attemptedMs: number | null }>): void {
  const insert = sandbox.ctx.db.prepare(
    `INSERT INTO dispatches (id, event_id, endpoint_id, url, attempt, trigger, status, attempt_response_code, response_code_class, created_at, attempted_at)
     VALUES (?, ?, NULL, 'https://example.test/hook', 1, 'automatic', ?, ?, ?, ?, ?)`,
  );
  sandbox.ctx.db.transaction(() => {
    for (const row of rows) {
      const attempted = row.attemptedMs === null ? null : at(row.attemptedMs);
      insert.run(row.id, eventId, attempted === null ? 'pending' : 'succeeded', attempted === null ? null : 200, attempted === null ? null : '2xx', at(row.createdMs), attempted);
    }
  })();
}

beforeAll(async () => {
  ({ sandbox, token } = await startTestSandbox({ dispatch: false }));
  const installationId = insertTestInstallation(sandbox).id;
  eventId = createProviderEvent(sandbox.ctx, { installationId, name: 'order.paid', payload: {}, createdAt: new Date(base) }).id;
  const rows: Array<{ id: string; createdMs: number; attemptedMs: number | null }> = [];
  // One attempt a minute for 10 hours, each attempted 5 s after it was created…
  for (let i = 0; i < 600; i++) rows.push({ id: `d-${String(i).padStart(4, '0')}`, createdMs: i * 60_000, attemptedMs: i * 60_000 + 5_000 });
  // …retries created hours before they were attempted (inside the window asked below)…
  rows.push({ id: 'late-1', createdMs: 30_000, attemptedMs: 5 * hour + 1_000 });
  rows.push({ id: 'late-2', createdMs: 2 * hour, attemptedMs: 5 * hour + 30 * 60_000 });
  // …and a pending one (never attempted).
  rows.push({ id: 'pending', createdMs: 4 * hour, attemptedMs: null });
  insertAttempts(rows);
});
afterAll(async () => sandbox?.close());

async function walk(query: string, limit: number): Promise<string[]> {
  const ids: string[] = [];
  let path: string | null = `/processing/dispatches?limit=${limit}&${query}`;
  while (path) {
    const page = await request(sandbox, 'GET', path, { token });
    expect(page.status, JSON.stringify(page.body)).toBe(200);
    ids.push(...(page.body.data as Array<{ id: string }>).map((row) => row.id));
    const next = page.body.links.next as string | null;
    path = next ? next.slice(next.indexOf('/processing/')) : null;
  }
  return ids;
}

/** The window's rows by brute force, in the list's order. */
function expected(from: string, to: string | null): string[] {
  const rows = sandbox.ctx.db
    .prepare(`SELECT id FROM dispatches NOT INDEXED WHERE attempted_at > ?${to ? ' AND attempted_at < ?' : ''} ORDER BY created_at DESC, id DESC`)
    .all(...(to ? [from, to] : [from])) as Array<{ id: string }>;
  return rows.map((row) => row.id);
}

describe('the delivery log by attempted_at window', () => {
  it('returns exactly the rows attempted in the window, retries created hours earlier included, across pages', async () => {
    const from = at(5 * hour);
    const to = at(6 * hour);
    const ids = await walk(`filter[attempted_at_greater_than]=${from}&filter[attempted_at_less_than]=${to}`, 7);
    expect(ids).toEqual(expected(from, to));
    expect(ids).toContain('late-1');
    expect(ids).toContain('late-2');
    expect(ids).toHaveLength(62);
    // Only a lower bound: everything attempted after it.
    const after = await walk(`filter[attempted_at_greater_than]=${at(9 * hour)}`, 25);
    expect(after).toEqual(expected(at(9 * hour), null));
    // An empty window.
    expect(await walk(`filter[attempted_at_greater_than]=${at(20 * hour)}`, 5)).toEqual([]);
  });

  it('bounds created_at by the oldest attempt of a narrow window, and not at all for a wider one', () => {
    const db = sandbox.ctx.db;
    const filters = (from: number, to?: number) => ({ attempted_at_greater_than: at(from), ...(to === undefined ? {} : { attempted_at_less_than: at(to) }) });
    expect(attemptWindowBound(db, filters(5 * hour, 6 * hour))).toEqual({ where: 'created_at >= ?', params: [at(30_000)] });
    expect(attemptWindowBound(db, filters(20 * hour))).toEqual({ where: '0 = 1', params: [] });
    expect(attemptWindowBound(db, {})).toBeNull();
    expect(() => attemptWindowBound(db, { attempted_at_greater_than: 'yesterday' })).toThrow(/ISO 8601/);
    const many = Array.from({ length: WINDOW_BOUND_MAX_ROWS }, (_, i) => ({ id: `w-${i}`, createdMs: 30 * hour + i, attemptedMs: 30 * hour + i }));
    insertAttempts(many);
    // The cap: a window of exactly WINDOW_BOUND_MAX_ROWS attempts is read; everything attempted since the start (5,602) is not.
    expect(attemptWindowBound(db, filters(30 * hour - 1, 31 * hour))?.params).toEqual([at(30 * hour)]);
    expect(attemptWindowBound(db, filters(0))).toBeNull();
  });

  it('pages walk a created_at index in order, and the bound reads only the attempted_at index', () => {
    const filters = { attempted_at_greater_than: at(5 * hour), attempted_at_less_than: at(6 * hour) };
    // The route's own conditions: its filter rules and the window's bound.
    const { where, params } = dispatchListConditions(sandbox.ctx.db, filters);
    expect(where).toContain('created_at >= ?');
    const query = buildCursorQuery(
      { from: 'dispatches', select: '*', where, params, sort: [{ column: 'created_at', field: 'created_at', desc: true }], idColumn: 'id', limit: 100 },
      { s: '-created_at', v: [at(5 * hour)], id: 'd-0300', d: 'n' },
    );
    const plan = (sandbox.ctx.db.prepare(`EXPLAIN QUERY PLAN ${query.sql}`).all(...query.params) as Array<{ detail: string }>).map((row) => row.detail).join(' | ');
    expect(plan).toMatch(/SEARCH dispatches USING INDEX dispatches_by_created \(created_at>\? AND created_at<\?\)/);
    expect(plan).not.toMatch(/dispatches_by_attempted|TEMP B-TREE|SCAN/);
  });
});
