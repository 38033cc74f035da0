// The delivery log filtered by attempted_at is walked in created_at order (the keyset), and a row is
// created before it is attempted, but it may be created long before (a retry waits hours): so
// nothing bounds created_at from below, and the page after a window's last row used to scan every
// older attempt in the table to be sure none was attempted inside the window — 20–40 ms for each
// bucket of the Overview's walk, against ~1 ms for any other page.
//
// The bound: the oldest created_at among the attempts of the window. The index on
// (attempted_at, created_at) gives it by reading the window's own index entries, so it is taken only
// when the window holds at most WINDOW_BOUND_MAX_ROWS attempts (found by reading at most one more);
// a wider window's walk has that many pages over which to spread its last page, and keeps the
// plain walk. The page query itself must not switch to that index (it would sort the whole window
// on every page): routes.ts writes its attempted_at conditions as `+attempted_at`, which SQLite
// does not answer from an index.
import type { SandboxDatabase } from '../db/connection';
import { cachedStatement } from '../db/statement-cache';
import { parseTimestampFilter } from './filters';

export const WINDOW_BOUND_MAX_ROWS = 5_000;

/**
 * The extra condition for a delivery-log page whose filters bound attempted_at from below: every
 * row of the window has created_at ≥ the value returned with it. Null when there is no lower bound
 * or the window is too wide to read.
 */
export function attemptWindowBound(db: SandboxDatabase, filters: Record<string, string>): { where: string; params: unknown[] } | null {
  const fromValue = filters.attempted_at_greater_than;
  if (fromValue === undefined) return null;
  const from = parseTimestampFilter('attempted_at_greater_than', fromValue);
  const toValue = filters.attempted_at_less_than;
  const to = toValue === undefined ? null : parseTimestampFilter('attempted_at_less_than', toValue);
  const sql =
    'SELECT COUNT(*) AS n, MIN(created_at) AS oldest FROM (SELECT created_at FROM dispatches INDEXED BY dispatches_by_attempted ' +
    `WHERE attempted_at > ?${to === null ? '' : ' AND attempted_at < ?'} LIMIT ?)`;
  const params = to === null ? [from, WINDOW_BOUND_MAX_ROWS + 1] : [from, to, WINDOW_BOUND_MAX_ROWS + 1];
  const { n, oldest } = cachedStatement(db, sql).get(...params) as { n: number; oldest: string | null };
  if (n > WINDOW_BOUND_MAX_ROWS) return null;
  // An empty window: no page has rows.
  if (oldest === null) return { where: '0 = 1', params: [] };
  return { where: 'created_at >= ?', params: [oldest] };
}
