// A redeliver reads one event's attempts three times (its latest endpoint, the last attempt number
// for that endpoint, the attempts that set the event's state). Each must seek the event's own
// entries in dispatches_by_event: a plan that walks another index grows with every attempt ever
// made (the MAX query once walked all of an endpoint's attempts — 90 ms per redeliver at 160,000
// events). SQLite has no ANALYZE statistics here, so the plan comes from the query's shape alone
// and a small demo database shows the plan a large one gets.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningSandbox } from '../server';
import { startSandbox } from '../server';
import { EVENT_ATTEMPT_STATES_SQL } from './event-store';
import { LAST_ATTEMPT_SQL, LATEST_ENDPOINT_SQL } from './routes';

let sandbox: RunningSandbox;
beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, seed: 'demo', dispatch: false });
}, 120_000);
afterAll(async () => sandbox?.close());

function planOf(sql: string, params: unknown[]): string {
  const rows = sandbox.ctx.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[];
  return rows.map((row) => row.detail).join(' | ');
}

describe('redeliver query plans', () => {
  it.each([
    ['last attempt for an endpoint', LAST_ATTEMPT_SQL, ['evt_x', 'we_x']],
    ['latest endpoint', LATEST_ENDPOINT_SQL, ['evt_x']],
    ["the event's attempt states", EVENT_ATTEMPT_STATES_SQL, ['evt_x']],
  ])('%s seeks dispatches_by_event on event_id', (_label, sql, params) => {
    const plan = planOf(sql, params);
    expect(plan).toMatch(/SEARCH dispatches USING (?:COVERING )?INDEX dispatches_by_event \(event_id=\?/);
    expect(plan).not.toMatch(/dispatches_by_endpoint|SCAN dispatches/);
  });
});
