// A bulk load that drops and rebuilds the secondary indexes leaves exactly the migration's indexes
// behind, the list queries still seek on them, and a load that died between drop and rebuild gets
// them back the next time the database is opened.
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SandboxDatabase } from '../db/connection';
import { openDatabase } from '../db/connection';
import { runMigrations } from '../db/migrate';
import { migrations } from '../db/migrations/index';
import { buildCursorQuery } from '../http/cursor-pagination';
import { startSandbox, type RunningSandbox } from '../server';
import { BULK_SECONDARY_INDEXES, dropProcessingIndexes, indexName } from './bulk-indexes';
import { addBulkEvents } from './events-bulk';

function indexSql(db: SandboxDatabase): Record<string, string> {
  const rows = db
    .prepare("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name IN ('events', 'dispatches') AND sql IS NOT NULL ORDER BY name")
    .all() as { name: string; sql: string }[];
  return Object.fromEntries(rows.map((row) => [row.name, row.sql]));
}

function plan(db: SandboxDatabase, where: string[], params: unknown[], withCursor: boolean): string {
  const query = buildCursorQuery(
    { from: 'events', select: '*', where, params, sort: [{ column: 'created_at', field: 'created_at', desc: true }], idColumn: 'id', limit: 100 },
    withCursor ? { s: '-created_at', v: ['2026-01-01T00:00:00.000000Z'], id: 'x', d: 'n' } : undefined,
  );
  const rows = db.prepare(`EXPLAIN QUERY PLAN ${query.sql}`).all(...query.params) as { detail: string }[];
  return rows.map((row) => row.detail).join(' | ');
}

describe('bulk load index handling', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ii-bulk-indexes-'));
  const file = join(dir, 'bulk.db');
  let migrated: Record<string, string>;
  let sandbox: RunningSandbox | undefined;

  beforeAll(async () => {
    // What the migration alone creates, on a database nobody has bulk-loaded.
    const fresh = openDatabase(':memory:');
    runMigrations(fresh, migrations);
    migrated = indexSql(fresh);
    fresh.close();
    sandbox = await startSandbox({ port: 0, db: file, seed: 'demo', demoEvents: 0, dispatch: false });
  });
  afterAll(async () => {
    await sandbox?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('lists every migration index once, so drop/rebuild covers them all', () => {
    const names = BULK_SECONDARY_INDEXES.map(indexName);
    expect(new Set(names).size).toBe(names.length);
    expect(names.sort()).toEqual(Object.keys(migrated).filter((name) => !name.startsWith('sqlite_autoindex')).sort());
  });

  it('rebuilds exactly the migration indexes after a load, restoring the connection settings', () => {
    const db = sandbox!.ctx.db;
    const pragmas = () => ({
      cache_size: db.pragma('cache_size', { simple: true }),
      synchronous: db.pragma('synchronous', { simple: true }),
      foreign_keys: db.pragma('foreign_keys', { simple: true }),
      temp_store: db.pragma('temp_store', { simple: true }),
      journal_mode: db.pragma('journal_mode', { simple: true }),
    });
    const before = pragmas();
    expect(before.journal_mode).toBe('wal');
    const result = addBulkEvents(sandbox!.ctx, 3_000, { rebuildIndexes: true });
    expect(result.inserted).toBe(3_000);
    // Alone on the database, the load ran with a rollback journal: its megabytes of pages went to the
    // file once, not through the WAL (which would have left a -wal file at least that big; back in WAL
    // mode the file is only created again by the next write).
    expect(existsSync(`${file}-wal`) ? statSync(`${file}-wal`).size : 0).toBeLessThan(500_000);
    expect(indexSql(db)).toEqual(migrated);
    expect(pragmas()).toEqual(before);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(db.pragma('foreign_key_check')).toEqual([]);
  });

  it('loads with another connection open (staying in WAL) and that connection sees every row', () => {
    const db = sandbox!.ctx.db;
    const other = new Database(file);
    try {
      const count = () => (other.prepare('SELECT count(*) n FROM events').get() as { n: number }).n;
      const before = count();
      const result = addBulkEvents(sandbox!.ctx, 2_000, { rebuildIndexes: true });
      expect(result.inserted).toBe(2_000);
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(count()).toBe(before + 2_000);
      expect(indexSql(db)).toEqual(migrated);
    } finally {
      other.close();
    }
  });

  it('still answers list filters with an index seek, first page and deep', () => {
    const db = sandbox!.ctx.db;
    const cases: { where: string[]; params: unknown[]; index: string }[] = [
      { where: [], params: [], index: 'events_by_created' },
      { where: ['name = ?'], params: ['order.paid'], index: 'events_by_name' },
      { where: ['integration_driver_slug = ?', 'status = ?'], params: ['digital_manager_guru', 'dispatched'], index: 'events_by_driver_status' },
      { where: ['last_dispatch_code_class = ?'], params: ['4xx'], index: 'events_by_code_class' },
    ];
    for (const c of cases) {
      for (const withCursor of [false, true]) {
        const detail = plan(db, c.where, c.params, withCursor);
        expect(detail).toMatch(new RegExp(`USING (COVERING )?INDEX ${c.index}\\b`));
        expect(detail).not.toContain('TEMP B-TREE');
      }
    }
  });

  it('recreates indexes a crashed load left dropped, the next time the database is opened', async () => {
    dropProcessingIndexes(sandbox!.ctx.db);
    expect(Object.keys(indexSql(sandbox!.ctx.db)).filter((name) => !name.startsWith('sqlite_autoindex'))).toEqual([]);
    await sandbox!.close();
    sandbox = await startSandbox({ port: 0, db: file, seed: 'demo', demoEvents: 0, dispatch: false });
    expect(indexSql(sandbox.ctx.db)).toEqual(migrated);
  });
});
