// Every filter of the events list, alone and in the pairs the console sends, answers page 1 and any
// deep page (a cursor, either direction) from one index ending in (created_at, id): an index seek and
// an ordered walk of 101 entries, no sort step, no scan — so a deep page costs what page 1 costs.
// The query checked is the one the route runs: the route's own filter rules, the serialized
// resource select and buildCursorQuery.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCursorQuery, type CursorPayload } from '../http/cursor-pagination';
import type { RunningSandbox } from '../server';
import { startSandbox } from '../server';
import { filterConditions } from './filters';
import { EVENT_RESOURCE_JSON } from './resources';
import { EVENT_FILTERS } from './routes';

// One valid value per filter (the rules parse them as the route does).
const SAMPLE_VALUES: Record<string, string> = {
  name: 'order.paid',
  status: 'dispatched',
  installation_id: 'inst-1',
  integration_driver_slug: 'digital_manager_guru',
  created_at_greater_than: '2026-01-01T00:00:00.000000Z',
  created_at_less_than: '2026-06-01T00:00:00.000000Z',
  superseded: 'true',
  dispatch_status: 'failed',
  attempt_response_code: '503',
};

const COMBINATIONS: Record<string, string>[] = [
  {},
  ...Object.entries(SAMPLE_VALUES).map(([filter, value]) => ({ [filter]: value })),
  { attempt_response_code: '5xx' },
  { status: 'dispatched', integration_driver_slug: 'digital_manager_guru' },
  { name: 'order.paid', status: 'failed' },
];

let sandbox: RunningSandbox;
beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, seed: 'demo', dispatch: false });
}, 120_000);
afterAll(async () => sandbox?.close());

function planFor(filters: Record<string, string>, cursor: CursorPayload | undefined): string {
  const { where, params } = filterConditions(filters, EVENT_FILTERS);
  const query = buildCursorQuery(
    {
      from: 'events',
      select: `${EVENT_RESOURCE_JSON} AS resource_json, created_at, id`,
      where,
      params,
      sort: [{ column: 'created_at', field: 'created_at', desc: true }],
      idColumn: 'id',
      limit: 100,
    },
    cursor,
  );
  const rows = sandbox.ctx.db.prepare(`EXPLAIN QUERY PLAN ${query.sql}`).all(...query.params) as { detail: string }[];
  return rows.map((row) => row.detail).join(' | ');
}

function indexColumns(index: string): string[] {
  return (sandbox.ctx.db.prepare('SELECT name FROM pragma_index_info(?) ORDER BY seqno').all(index) as { name: string }[]).map((c) => c.name);
}

describe('events list query plans', () => {
  it('covers every filter the route accepts', () => {
    expect(Object.keys(SAMPLE_VALUES).sort()).toEqual(Object.keys(EVENT_FILTERS).sort());
  });

  it.each(COMBINATIONS.map((filters) => [JSON.stringify(filters), filters] as const))(
    '%s: page 1 and deep pages seek one index ending in (created_at, id), with no sort step',
    (_label, filters) => {
      const deep = { s: '-created_at', v: ['2026-03-01T12:00:00.000000Z'], id: 'evt_x' };
      for (const cursor of [undefined, { ...deep, d: 'n' as const }, { ...deep, d: 'p' as const }]) {
        const plan = planFor(filters, cursor);
        const context = `${JSON.stringify(filters)} cursor ${cursor?.d ?? 'none'}: ${plan}`;
        expect(plan, context).not.toMatch(/TEMP B-TREE/);
        expect(plan, context).not.toMatch(/^SCAN events$|\| SCAN events$/);
        const used = /USING (?:COVERING )?INDEX (\w+)/.exec(plan)?.[1];
        expect(used, context).toBeDefined();
        expect(indexColumns(used!).slice(-2), context).toEqual(['created_at', 'id']);
      }
    },
  );
});
