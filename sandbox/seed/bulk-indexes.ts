// Secondary indexes of events and dispatches around a bulk load. Inserting a million rows with 19
// secondary indexes in place means ~20 million scattered B-tree inserts; building each index once
// afterwards is a sort, many times cheaper. The definitions come from migration 002 (one source),
// and `ensureProcessingIndexes` runs at every sandbox start, so a load that crashed between the drop
// and the rebuild leaves a database that gets its indexes back the next time it is opened.
import type { SandboxDatabase } from '../db/connection';
import { DISPATCHES_SECONDARY_INDEXES, EVENTS_SECONDARY_INDEXES } from '../db/migrations/002-processing';

export const BULK_SECONDARY_INDEXES: readonly string[] = [...EVENTS_SECONDARY_INDEXES, ...DISPATCHES_SECONDARY_INDEXES];

/** `CREATE INDEX events_by_name ON …` → `events_by_name`. */
export function indexName(createSql: string): string {
  const match = /^CREATE INDEX (\w+) ON /.exec(createSql);
  if (match?.[1] === undefined) throw new Error(`Not a CREATE INDEX statement: ${createSql}`);
  return match[1];
}

function existingIndexNames(db: SandboxDatabase): Set<string> {
  const rows = db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name IN ('events', 'dispatches')").all() as { name: string }[];
  return new Set(rows.map((row) => row.name));
}

/** Drops the secondary indexes of events and dispatches (the primary keys stay). */
export function dropProcessingIndexes(db: SandboxDatabase): void {
  db.transaction(() => {
    for (const sql of BULK_SECONDARY_INDEXES) db.exec(`DROP INDEX IF EXISTS ${indexName(sql)}`);
  })();
}

/**
 * Creates whichever secondary indexes are missing, exactly as the migration defines them.
 * Returns the names it created (empty when all were there).
 */
export function ensureProcessingIndexes(db: SandboxDatabase): string[] {
  // Before migration 002 the tables do not exist yet; nothing to do.
  const tables = db.prepare("SELECT count(*) n FROM sqlite_master WHERE type = 'table' AND name IN ('events', 'dispatches')").get() as { n: number };
  if (tables.n < 2) return [];
  const existing = existingIndexNames(db);
  const missing = BULK_SECONDARY_INDEXES.filter((sql) => !existing.has(indexName(sql)));
  if (missing.length === 0) return [];
  db.transaction(() => {
    for (const sql of missing) db.exec(sql);
  })();
  return missing.map(indexName);
}
