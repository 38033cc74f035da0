// Keyset ("cursor") pagination for /processing/* (docs/api-contract.md §3): Laravel's cursor shape
// `{data, links:{first:null,last:null,prev,next}, meta:{path,per_page,next_cursor,prev_cursor}}`.
// The cursor is opaque base64url JSON carrying the boundary row's sort values + id, so page
// 10,000 costs the same as page 1 (an index seek, never OFFSET), and rows inserted meanwhile
// never shift a page: every row is returned exactly once.
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { SandboxContext } from '../context';
import type { SandboxDatabase } from '../db/connection';
import { cachedStatement } from '../db/statement-cache';
import { badRequest } from './errors';
import { requestPathAndQuery } from './page-pagination';

export interface CursorSortKey {
  /** SQL expression to order by, e.g. `e.created_at` — must be NOT NULL. */
  column: string;
  /** Name of that value in the selected row, e.g. `created_at`. */
  field: string;
  desc: boolean;
}

/** What a cursor page reads: the table, its filters, its order and the page asked for. */
export interface CursorPageQuery {
  db: SandboxDatabase;
  from: string;
  select: string;
  where: string[];
  params: unknown[];
  /** Sort keys without the id; the id follows in the last key's direction. */
  sort: CursorSortKey[];
  idColumn: string;
  idField: string;
  limit: number;
  /** The raw `cursor` query parameter, if any. */
  cursor: string | undefined;
}

export interface CursorQueryOptions<Row, T> extends CursorPageQuery {
  mapRow: (row: Row) => T;
}

/**
 * For `queryCursorPageJson`: instead of `select`, an SQL expression that yields each row's resource
 * as JSON text. It must produce exactly what JSON.stringify(mapRow(row)) would (a test holds each use
 * to that), so the two response forms are byte-identical.
 */
export interface CursorJsonQueryOptions extends Omit<CursorPageQuery, 'select'> {
  resourceJson: string;
}

export interface CursorResponse<T> {
  data: T[];
  links: { first: null; last: null; prev: string | null; next: string | null };
  meta: { path: string; per_page: number; next_cursor: string | null; prev_cursor: string | null };
}

const cursorPayload = z.object({
  // sort signature: a cursor made under one sort order is refused under another
  s: z.string(),
  // boundary values, one per sort key
  v: z.array(z.union([z.string(), z.number()])),
  id: z.union([z.string(), z.number()]),
  // n = rows after the boundary (next page), p = rows before it (previous page)
  d: z.enum(['n', 'p']),
});
export type CursorPayload = z.infer<typeof cursorPayload>;

export function encodeCursor(payload: CursorPayload): string {
  return Buffer.from(JSON.stringify(payload), 'utf8').toString('base64url');
}

export function decodeCursor(raw: string, sortSignature: string, keyCount: number): CursorPayload {
  const invalid = badRequest('Invalid cursor.');
  if (!/^[A-Za-z0-9_-]{1,2048}$/.test(raw)) throw invalid;
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'));
  } catch {
    throw invalid;
  }
  const parsed = cursorPayload.safeParse(json);
  if (!parsed.success || parsed.data.v.length !== keyCount) throw invalid;
  if (parsed.data.s !== sortSignature) throw badRequest('The cursor was made for another sort order; start again without it.');
  return parsed.data;
}

export function sortSignature(sort: readonly CursorSortKey[]): string {
  return sort.map((key) => `${key.desc ? '-' : ''}${key.field}`).join(',');
}

/** One page of rows (in the list's order) with the response's links and meta. */
function readCursorPage<Row extends Record<string, unknown>>(
  ctx: SandboxContext,
  request: FastifyRequest,
  options: CursorPageQuery,
): { rows: Row[]; links: CursorResponse<never>['links']; meta: CursorResponse<never>['meta'] } {
  const signature = sortSignature(options.sort);
  const cursor = options.cursor === undefined ? undefined : decodeCursor(options.cursor, signature, options.sort.length);
  const backwards = cursor?.d === 'p';
  const pageQuery = buildCursorQuery(options, cursor);
  const rows = cachedStatement(options.db, pageQuery.sql).all(...pageQuery.params) as Row[];

  const hasMore = rows.length > options.limit;
  const pageRows = rows.slice(0, options.limit);
  if (backwards) pageRows.reverse();

  const cursorFor = (row: Row | undefined, d: 'n' | 'p'): string | null => {
    if (row === undefined) return null;
    const v = options.sort.map((k) => row[k.field] as string | number);
    return encodeCursor({ s: signature, v, id: row[options.idField] as string | number, d });
  };
  const first = pageRows[0];
  const last = pageRows[pageRows.length - 1];
  // Forward: a next page exists if we fetched one row too many; a previous one if we came from a cursor.
  // Backward: mirror image.
  const nextCursor = backwards ? cursorFor(last, 'n') : hasMore ? cursorFor(last, 'n') : null;
  const prevCursor = backwards ? (hasMore ? cursorFor(first, 'p') : null) : cursor !== undefined ? cursorFor(first, 'p') : null;

  const { path, query } = requestPathAndQuery(ctx, request);
  const linkFor = (c: string | null): string | null => {
    if (c === null) return null;
    const search = new URLSearchParams(query);
    search.set('cursor', c);
    return `${path}?${search.toString()}`;
  };
  return {
    rows: pageRows,
    links: { first: null, last: null, prev: linkFor(prevCursor), next: linkFor(nextCursor) },
    meta: { path, per_page: options.limit, next_cursor: nextCursor, prev_cursor: prevCursor },
  };
}

export function queryCursorPage<Row extends Record<string, unknown>, T>(
  ctx: SandboxContext,
  request: FastifyRequest,
  options: CursorQueryOptions<Row, T>,
): CursorResponse<T> {
  const page = readCursorPage<Row>(ctx, request, options);
  return { data: page.rows.map(options.mapRow), links: page.links, meta: page.meta };
}

/**
 * The same page as `queryCursorPage`, already serialized. SQLite builds each resource's JSON
 * (`resourceJson`), so a 100-row page costs one string per row instead of a string per column, an
 * object per row and a JSON.stringify of the whole page — the hot path of the events list, whose
 * throughput is a benchmark target. Send it with a JSON content type.
 */
export function queryCursorPageJson(ctx: SandboxContext, request: FastifyRequest, options: CursorJsonQueryOptions): string {
  const keys = [...options.sort.map((k) => `${k.column} AS ${k.field}`), `${options.idColumn} AS ${options.idField}`];
  const select = `${options.resourceJson} AS resource_json, ${[...new Set(keys)].join(', ')}`;
  const page = readCursorPage<{ resource_json: string }>(ctx, request, { ...options, select });
  return `{"data":[${page.rows.map((row) => row.resource_json).join(',')}],"links":${JSON.stringify(page.links)},"meta":${JSON.stringify(page.meta)}}`;
}

/** The one SELECT a cursor page runs (exported so tests can EXPLAIN it). */
export function buildCursorQuery(
  options: Pick<CursorPageQuery, 'from' | 'select' | 'where' | 'params' | 'sort' | 'idColumn' | 'limit'>,
  cursor: CursorPayload | undefined,
): { sql: string; params: unknown[] } {
  const idDesc = options.sort.length > 0 ? options.sort[options.sort.length - 1]!.desc : false;
  const keys = [...options.sort.map((k) => ({ column: k.column, desc: k.desc })), { column: options.idColumn, desc: idDesc }];
  // Walking backwards (prev page) = the same query with every direction flipped, then reversed.
  const backwards = cursor?.d === 'p';
  const walkKeys = keys.map((k) => ({ column: k.column, desc: backwards ? !k.desc : k.desc }));

  const where = [...options.where];
  const params = [...options.params];
  if (cursor !== undefined) {
    const boundary = keysetCondition(walkKeys, [...cursor.v, cursor.id]);
    where.push(boundary.sql);
    params.push(...boundary.params);
  }
  const whereSql = where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
  const orderSql = `ORDER BY ${walkKeys.map((k) => `${k.column} ${k.desc ? 'DESC' : 'ASC'}`).join(', ')}`;
  // One row more than asked tells whether another page exists.
  return { sql: `SELECT ${options.select} FROM ${options.from} ${whereSql} ${orderSql} LIMIT ?`, params: [...params, options.limit + 1] };
}

/**
 * Rows strictly after `values` in the order given by `keys`. When every key runs the same
 * direction this is one row-value comparison, which SQLite answers with an index seek.
 */
function keysetCondition(
  keys: { column: string; desc: boolean }[],
  values: (string | number)[],
): { sql: string; params: (string | number)[] } {
  const allDesc = keys.every((k) => k.desc);
  const allAsc = keys.every((k) => !k.desc);
  if (allDesc || allAsc) {
    const columns = keys.map((k) => k.column).join(', ');
    const marks = keys.map(() => '?').join(', ');
    return { sql: `((${columns}) ${allDesc ? '<' : '>'} (${marks}))`, params: values };
  }
  const clauses: string[] = [];
  const params: (string | number)[] = [];
  keys.forEach((key, i) => {
    const parts: string[] = [];
    for (let j = 0; j < i; j++) {
      parts.push(`${keys[j]!.column} = ?`);
      params.push(values[j]!);
    }
    parts.push(`${key.column} ${key.desc ? '<' : '>'} ?`);
    params.push(values[i]!);
    clauses.push(`(${parts.join(' AND ')})`);
  });
  return { sql: `(${clauses.join(' OR ')})`, params };
}
