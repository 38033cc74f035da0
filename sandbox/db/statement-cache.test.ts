// Cached statements are reused per SQL text, and a list served from them answers each filter with
// its own rows, whatever order the filters come in (values are bound, never baked into the cache).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type RunningSandbox } from '../server';
import { request } from '../testing/client';
import { cachedStatement } from './statement-cache';

describe('statement cache', () => {
  let sandbox: RunningSandbox;
  let token: string;

  beforeAll(async () => {
    sandbox = await startSandbox({ port: 0, seed: 'demo', demoEvents: 0, events: 600, dispatch: false });
    token = await sandbox.mintToken();
  });
  afterAll(async () => {
    await sandbox?.close();
  });

  it('prepares a SQL text once per database', () => {
    const sql = 'SELECT count(*) n FROM events WHERE status = ?';
    const first = cachedStatement(sandbox.ctx.db, sql);
    expect(cachedStatement(sandbox.ctx.db, sql)).toBe(first);
    expect(cachedStatement(sandbox.ctx.db, `${sql} `)).not.toBe(first);
  });

  it('answers alternating filters with exactly the rows of each, page after page', async () => {
    const db = sandbox.ctx.db;
    const top = db.prepare('SELECT name, integration_driver_slug slug FROM events GROUP BY 1, 2 ORDER BY count(*) DESC LIMIT 1').get() as { name: string; slug: string };
    const cases: { query: string; where: string; params: unknown[] }[] = [
      { query: 'filter[status]=dispatched', where: 'status = ?', params: ['dispatched'] },
      { query: 'filter[status]=failed', where: 'status = ?', params: ['failed'] },
      { query: `filter[name]=${top.name}`, where: 'name = ?', params: [top.name] },
      { query: `filter[integration_driver_slug]=${top.slug}&filter[status]=dispatched`, where: 'integration_driver_slug = ? AND status = ?', params: [top.slug, 'dispatched'] },
      { query: 'filter[attempt_response_code]=4xx', where: "last_dispatch_code_class = '4xx'", params: [] },
      { query: '', where: '1', params: [] },
    ];
    // Twice round, so the second round is served entirely from cached statements.
    for (let round = 0; round < 2; round++) {
      for (const c of cases) {
        const expected = (db.prepare(`SELECT id FROM events WHERE ${c.where} ORDER BY created_at DESC, id DESC`).all(...c.params) as { id: string }[]).map((r) => r.id);
        const seen: string[] = [];
        let path: string | null = `/processing/events?limit=100${c.query ? `&${c.query}` : ''}`;
        while (path !== null) {
          const page = await request(sandbox, 'GET', path, { token });
          expect(page.status).toBe(200);
          seen.push(...page.body.data.map((e: { id: string }) => e.id));
          path = page.body.meta.next_cursor === null ? null : `/processing/events?limit=100${c.query ? `&${c.query}` : ''}&cursor=${page.body.meta.next_cursor}`;
        }
        expect(expected.length).toBeGreaterThan(0);
        expect(seen).toEqual(expected);
      }
    }
  });
});
