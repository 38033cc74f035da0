// The docs dialect's list bodies (docs/api-contract.md §9). The docs show a bare `{"data":[…]}` and a
// `limit`; they say nothing about paging, so the sandbox can answer as each Laravel way would:
//  - 'none'   `{data}` only — `->forPage($page, $limit)->get()`: `page` still offsets, nothing says so;
//  - 'page'   a JsonResource collection over `->paginate($limit)` (length-aware: total, last_page, links[]);
//  - 'simple' the same over `->simplePaginate($limit)` (no total, no last_page: one row more tells if there is a next page).
// With `ignorePage` the parser has already made every request page 1.
import type { FastifyRequest } from 'fastify';
import type { DocsPaging, SandboxContext } from '../context';
import type { SandboxDatabase } from '../db/connection';
import { cachedStatement } from '../db/statement-cache';
import { requestPathAndQuery } from '../http/page-pagination';

export interface DocsListSource<Row, T> {
  db: SandboxDatabase;
  from: string;
  select: string;
  /** AND-ed conditions with `?` placeholders. */
  where: string[];
  params: unknown[];
  /** A full `ORDER BY …` ending with a unique key, so pages never overlap. */
  orderBy: string;
  mapRow: (row: Row) => T;
}

export interface PaginatorLink {
  url: string | null;
  label: string;
  page: number | null;
  active: boolean;
}

export interface LengthAwareBody<T> {
  data: T[];
  links: { first: string; last: string; prev: string | null; next: string | null };
  meta: {
    current_page: number;
    from: number | null;
    last_page: number;
    links: PaginatorLink[];
    path: string;
    per_page: number;
    to: number | null;
    total: number;
  };
}

export interface SimpleBody<T> {
  data: T[];
  links: { first: string; last: null; prev: string | null; next: string | null };
  meta: { current_page: number; current_page_url: string; from: number | null; path: string; per_page: number; to: number | null };
}

export type DocsListBody<T> = { data: T[] } | LengthAwareBody<T> | SimpleBody<T>;

/** One page of `source` in the dialect's paging mode. */
export function docsList<Row, T>(
  ctx: SandboxContext,
  request: FastifyRequest,
  source: DocsListSource<Row, T>,
  page: number,
  limit: number,
): DocsListBody<T> {
  const mode: DocsPaging = ctx.options.paging ?? 'none';
  const whereSql = source.where.length > 0 ? `WHERE ${source.where.join(' AND ')}` : '';
  const offset = (page - 1) * limit;
  const readRows = (count: number): T[] =>
    (
      cachedStatement(source.db, `SELECT ${source.select} FROM ${source.from} ${whereSql} ${source.orderBy} LIMIT ? OFFSET ?`).all(
        ...source.params,
        count,
        offset,
      ) as Row[]
    ).map(source.mapRow);

  if (mode === 'none') return { data: readRows(limit) };

  const urls = paginatorUrls(ctx, request);
  const range = (count: number) => (count > 0 ? { from: offset + 1, to: offset + count } : { from: null, to: null });

  if (mode === 'simple') {
    const rows = readRows(limit + 1);
    const hasMore = rows.length > limit;
    const data = rows.slice(0, limit);
    const { from, to } = range(data.length);
    return {
      data,
      links: { first: urls.page(1), last: null, prev: page > 1 ? urls.page(page - 1) : null, next: hasMore ? urls.page(page + 1) : null },
      meta: { current_page: page, current_page_url: urls.page(page), from, path: urls.path, per_page: limit, to },
    };
  }

  const { total } = cachedStatement(source.db, `SELECT COUNT(*) AS total FROM ${source.from} ${whereSql}`).get(...source.params) as {
    total: number;
  };
  const data = readRows(limit);
  const lastPage = Math.max(1, Math.ceil(total / limit));
  const { from, to } = range(data.length);
  const prev = page > 1 ? urls.page(page - 1) : null;
  const next = page < lastPage ? urls.page(page + 1) : null;
  return {
    data,
    links: { first: urls.page(1), last: urls.page(lastPage), prev, next },
    meta: {
      current_page: page,
      from,
      last_page: lastPage,
      links: [
        { url: prev, label: '&laquo; Previous', page: page > 1 ? page - 1 : null, active: false },
        ...urlWindow(page, lastPage).map((entry) =>
          entry === '...'
            ? { url: null, label: '...', page: null, active: false }
            : { url: urls.page(entry), label: String(entry), page: entry, active: entry === page },
        ),
        { url: next, label: 'Next &raquo;', page: page < lastPage ? page + 1 : null, active: false },
      ],
      path: urls.path,
      per_page: limit,
      to,
      total,
    },
  };
}

/** `$request->url()` and `url($page)` after `->withQueryString()`: the query without `page`, then `page`. */
function paginatorUrls(ctx: SandboxContext, request: FastifyRequest): { path: string; page: (n: number) => string } {
  const { path, query } = requestPathAndQuery(ctx, request);
  return {
    path,
    page: (n) => {
      const params = new URLSearchParams(query);
      params.delete('page');
      params.append('page', String(n));
      return `${path}?${params.toString()}`;
    },
  };
}

/**
 * Illuminate\Pagination\UrlWindow with `onEachSide = 3`: every page when there are fewer than 14,
 * else the first pages, a slider around the current one and the last two, with `...` between.
 */
export function urlWindow(current: number, last: number): (number | '...')[] {
  const onEachSide = 3;
  const pages = (from: number, to: number) => Array.from({ length: Math.max(0, to - from + 1) }, (_, i) => from + i);
  if (last < onEachSide * 2 + 8) return pages(1, last);
  const window = onEachSide + 4;
  if (current <= window) return [...pages(1, window + onEachSide), '...', ...pages(last - 1, last)];
  if (current > last - window) return [...pages(1, 2), '...', ...pages(last - (window + (onEachSide - 1)), last)];
  return [...pages(1, 2), '...', ...pages(current - onEachSide, current + onEachSide), '...', ...pages(last - 1, last)];
}
