// Prepared statements cached per database, keyed by their SQL text. Preparing costs more than
// running a small indexed query, and better-sqlite3 statements are reusable, so hot paths (list
// pages, token checks) prepare each distinct SQL once. Dynamic SQL only varies by which filters are
// present (values are always bound parameters), so the number of distinct texts stays small; the
// cap is a guard against an unexpected explosion, not an eviction policy.
import type { Statement } from 'better-sqlite3';
import type { SandboxDatabase } from './connection';

const MAX_STATEMENTS_PER_DB = 1_000;
const caches = new WeakMap<SandboxDatabase, Map<string, Statement>>();

export function cachedStatement(db: SandboxDatabase, sql: string): Statement {
  let cache = caches.get(db);
  if (cache === undefined) {
    cache = new Map();
    caches.set(db, cache);
  }
  let statement = cache.get(sql);
  if (statement === undefined) {
    statement = db.prepare(sql);
    if (cache.size >= MAX_STATEMENTS_PER_DB) cache.clear();
    cache.set(sql, statement);
  }
  return statement;
}

