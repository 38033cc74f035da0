// Keyset pagination on a real SQLite table: every row exactly once while rows are inserted between
// pages, previous pages, mixed sort directions, duplicate sort values, and bad cursors → 400.
import type { FastifyRequest } from 'fastify';
import { beforeEach, describe, expect, it } from 'vitest';
import type { SandboxContext } from '../context';
import { openDatabase, type SandboxDatabase } from '../db/connection';
import { buildCursorQuery, decodeCursor, encodeCursor, queryCursorPage, type CursorSortKey } from './cursor-pagination';
import { HttpError } from './errors';

interface ItemRow extends Record<string, unknown> {
  id: string;
  created_at: string;
  score: number;
}

const ctx = { origin: 'http://127.0.0.1:4010' } as SandboxContext;
const fakeRequest = (url: string) => ({ url }) as FastifyRequest;

describe('queryCursorPage', () => {
  let db: SandboxDatabase;
  let nextId = 0;

  const insert = (createdAt: string, score: number) => {
    const id = `item-${String(nextId++).padStart(6, '0')}`;
    db.prepare('INSERT INTO items (id, created_at, score) VALUES (?, ?, ?)').run(id, createdAt, score);
    return id;
  };

  beforeEach(() => {
    db = openDatabase(':memory:');
    db.exec('CREATE TABLE items (id TEXT PRIMARY KEY, created_at TEXT NOT NULL, score INTEGER NOT NULL)');
    nextId = 0;
    // 253 rows with many duplicate timestamps and scores, so the id tie-break matters
    for (let i = 0; i < 253; i++) insert(`2026-01-01T00:00:${String(i % 40).padStart(2, '0')}.000000Z`, i % 7);
  });

  const page = (sort: CursorSortKey[], cursor: string | undefined, limit = 10, where: string[] = [], params: unknown[] = []) =>
    queryCursorPage<ItemRow, ItemRow>(ctx, fakeRequest(`/v1/items?limit=${limit}&filter[x]=1${cursor ? `&cursor=${cursor}` : ''}`), {
      db,
      from: 'items',
      select: '*',
      where,
      params,
      sort,
      idColumn: 'id',
      idField: 'id',
      limit,
      cursor,
      mapRow: (row) => row,
    });

  const newestFirst: CursorSortKey[] = [{ column: 'created_at', field: 'created_at', desc: true }];

  it('returns every row exactly once, in order, while new rows are inserted between pages', () => {
    const original = db.prepare('SELECT id FROM items ORDER BY created_at DESC, id DESC').all() as { id: string }[];
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const result = page(newestFirst, cursor, 17);
      seen.push(...result.data.map((row) => row.id));
      cursor = result.meta.next_cursor ?? undefined;
      // newer rows land before the cursor; older-than-everything rows land in the unseen tail
      insert('2026-02-01T00:00:00.000000Z', 1);
      pages += 1;
      expect(pages).toBeLessThan(100);
    } while (cursor !== undefined);
    const originalIds = original.map((row) => row.id);
    expect(seen).toEqual(originalIds);
    expect(new Set(seen).size).toBe(seen.length);
  });

  it('has the documented shape, with links carrying the query and the cursor', () => {
    const first = page(newestFirst, undefined);
    expect(first.links.first).toBeNull();
    expect(first.links.last).toBeNull();
    expect(first.links.prev).toBeNull();
    expect(first.meta).toMatchObject({ path: 'http://127.0.0.1:4010/v1/items', per_page: 10, prev_cursor: null });
    const next = new URL(first.links.next!);
    expect(next.searchParams.get('filter[x]')).toBe('1');
    expect(next.searchParams.get('cursor')).toBe(first.meta.next_cursor);
    expect(first.meta.next_cursor).toMatch(/^[A-Za-z0-9_-]+$/);
  });

  it('walks back with prev_cursor to exactly the previous page', () => {
    const p1 = page(newestFirst, undefined);
    const p2 = page(newestFirst, p1.meta.next_cursor!);
    const p3 = page(newestFirst, p2.meta.next_cursor!);
    const back2 = page(newestFirst, p3.meta.prev_cursor!);
    expect(back2.data).toEqual(p2.data);
    const back1 = page(newestFirst, back2.meta.prev_cursor!);
    expect(back1.data).toEqual(p1.data);
    expect(back1.meta.prev_cursor).toBeNull();
    expect(page(newestFirst, back1.meta.next_cursor!).data).toEqual(p2.data);
  });

  it('ends with next_cursor null on the last page', () => {
    const all = page(newestFirst, undefined, 253);
    expect(all.data).toHaveLength(253);
    expect(all.meta.next_cursor).toBeNull();
    const empty = page(newestFirst, undefined, 10, ['score > ?'], [100]);
    expect(empty.data).toEqual([]);
    expect(empty.meta.next_cursor).toBeNull();
  });

  it('handles several keys with mixed directions and filters', () => {
    const sort: CursorSortKey[] = [
      { column: 'score', field: 'score', desc: false },
      { column: 'created_at', field: 'created_at', desc: true },
    ];
    const expected = (
      db.prepare('SELECT id FROM items WHERE score != ? ORDER BY score ASC, created_at DESC, id DESC').all(3) as { id: string }[]
    ).map((row) => row.id);
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const result = page(sort, cursor, 9, ['score != ?'], [3]);
      seen.push(...result.data.map((row) => row.id));
      cursor = result.meta.next_cursor ?? undefined;
    } while (cursor !== undefined);
    expect(seen).toEqual(expected);
  });

  it('refuses bad cursors with 400', () => {
    const valid = page(newestFirst, undefined).meta.next_cursor!;
    const otherSort = page([{ column: 'created_at', field: 'created_at', desc: false }], undefined).meta.next_cursor!;
    const bad = [
      'not base64!',
      Buffer.from('not json').toString('base64url'),
      Buffer.from(JSON.stringify({ s: '-created_at', v: [], id: 'x', d: 'n' })).toString('base64url'),
      encodeCursor({ s: '-created_at', v: [{} as unknown as string], id: 'x', d: 'n' }),
      encodeCursor({ s: '-created_at', v: ['2026'], id: 'x', d: 'sideways' as 'n' }),
      valid.slice(0, -3),
      'x'.repeat(3000),
    ];
    for (const cursor of [...bad, otherSort]) {
      let error: unknown;
      try {
        page(newestFirst, cursor);
      } catch (caught) {
        error = caught;
      }
      expect(error, cursor.slice(0, 40)).toBeInstanceOf(HttpError);
      expect((error as HttpError).statusCode).toBe(400);
    }
  });

  it('seeks by index instead of scanning: the page query never uses OFFSET', () => {
    db.exec('CREATE INDEX items_created ON items (created_at, id)');
    const raw = page(newestFirst, undefined).meta.next_cursor!;
    const options = { from: 'items', select: '*', where: [], params: [], sort: newestFirst, idColumn: 'id', limit: 10 };
    const query = buildCursorQuery(options, decodeCursor(raw, '-created_at', 1));
    expect(query.sql).not.toMatch(/OFFSET/i);
    const plan = db.prepare(`EXPLAIN QUERY PLAN ${query.sql}`).all(...query.params) as { detail: string }[];
    const details = plan.map((row) => row.detail).join(' | ');
    expect(details).toMatch(/SEARCH items USING (COVERING )?INDEX items_created/);
    expect(details).not.toMatch(/USE TEMP B-TREE FOR ORDER BY/);
  });
});
