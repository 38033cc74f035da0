import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type SandboxDatabase } from './connection';
import { currentSchemaVersion, runMigrations, type Migration } from './migrate';
import { migrations } from './migrations/index';

const tableNames = (db: SandboxDatabase) =>
  (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[]).map((r) => r.name);

describe('database', () => {
  const open: SandboxDatabase[] = [];
  const dirs: string[] = [];
  afterEach(() => {
    for (const db of open.splice(0)) db.close();
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });
  const fresh = (file = ':memory:') => {
    const db = openDatabase(file);
    open.push(db);
    return db;
  };

  it('opens files in WAL mode with foreign keys, a busy timeout and synchronous NORMAL', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sandbox-db-'));
    dirs.push(dir);
    const db = fresh(join(dir, 'nested', 'sandbox.db'));
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('busy_timeout', { simple: true })).toBe(5000);
    expect(db.pragma('synchronous', { simple: true })).toBe(1);
  });

  it('applies every migration once and records the version in user_version', () => {
    const db = fresh();
    expect(runMigrations(db, migrations)).toBe(migrations.length);
    expect(tableNames(db)).toEqual(expect.arrayContaining(['drivers', 'installations', 'tokens', 'token_revocations', 'idempotency_keys', 'meta']));
    // a second run is a no-op
    expect(runMigrations(db, migrations)).toBe(migrations.length);
  });

  it('rolls back a failing migration entirely, leaving the previous version', () => {
    const db = fresh();
    const list: Migration[] = [
      { version: 1, name: 'one', up: (d) => d.exec('CREATE TABLE one (id INTEGER)') },
      {
        version: 2,
        name: 'broken',
        up: (d) => {
          d.exec('CREATE TABLE two (id INTEGER)');
          d.exec('INSERT INTO missing_table VALUES (1)');
        },
      },
    ];
    expect(() => runMigrations(db, list)).toThrow(/missing_table/);
    expect(currentSchemaVersion(db)).toBe(1);
    expect(tableNames(db)).toEqual(['one']);
  });

  it('refuses gaps in numbering and databases newer than the code', () => {
    const db = fresh();
    expect(() => runMigrations(db, [{ version: 2, name: 'x', up: () => {} }])).toThrow(/numbered/);
    db.pragma('user_version = 99');
    expect(() => runMigrations(db, migrations)).toThrow(/newer/);
  });
});
