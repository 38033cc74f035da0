// Laravel's length-aware page pagination (docs/api-contract.md §3), used by drivers, installations and
// webhook endpoints: `{data, links:{first,last,prev,next}, meta:{current_page,from,last_page,path,per_page,to,total}}`.
import type { FastifyRequest } from 'fastify';
import type { SandboxDatabase } from '../db/connection';
import { cachedStatement } from '../db/statement-cache';
import type { SandboxContext } from '../context';

export interface PageLinks {
  first: string;
  last: string;
  prev: string | null;
  next: string | null;
}

export interface PageMeta {
  current_page: number;
  from: number | null;
  last_page: number;
  path: string;
  per_page: number;
  to: number | null;
  total: number;
}

export interface PageResponse<T> {
  data: T[];
  links: PageLinks;
  meta: PageMeta;
}

export interface PageQueryOptions<Row, T> {
  db: SandboxDatabase;
  /** e.g. `drivers d JOIN …` */
  from: string;
  /** SQL select list, e.g. `d.*` */
  select: string;
  /** AND-ed conditions with `?` placeholders */
  where: string[];
  params: unknown[];
  /** From sqlOrderBy() */
  orderBy: string;
  page: number;
  limit: number;
  mapRow: (row: Row) => T;
}

/** Runs COUNT + one LIMIT/OFFSET query. Fine for these small tables; /processing uses keysets instead. */
export function queryPage<Row, T>(options: PageQueryOptions<Row, T>): { data: T[]; total: number } {
  const whereSql = options.where.length > 0 ? `WHERE ${options.where.join(' AND ')}` : '';
  const countRow = cachedStatement(options.db, `SELECT COUNT(*) AS total FROM ${options.from} ${whereSql}`)
    .get(...options.params) as { total: number };
  const rows = cachedStatement(options.db, `SELECT ${options.select} FROM ${options.from} ${whereSql} ${options.orderBy} LIMIT ? OFFSET ?`)
    .all(...options.params, options.limit, (options.page - 1) * options.limit) as Row[];
  return { data: rows.map(options.mapRow), total: countRow.total };
}

export function buildPageResponse<T>(
  ctx: SandboxContext,
  request: FastifyRequest,
  result: { data: T[]; total: number },
  page: number,
  limit: number,
): PageResponse<T> {
  const { path, query } = requestPathAndQuery(ctx, request);
  const lastPage = Math.max(1, Math.ceil(result.total / limit));
  const pageUrl = (n: number): string => {
    const params = new URLSearchParams(query);
    params.set('page', String(n));
    return `${path}?${params.toString()}`;
  };
  const from = result.data.length > 0 ? (page - 1) * limit + 1 : null;
  return {
    data: result.data,
    links: {
      first: pageUrl(1),
      last: pageUrl(lastPage),
      prev: page > 1 ? pageUrl(Math.min(page - 1, lastPage)) : null,
      next: page < lastPage ? pageUrl(page + 1) : null,
    },
    meta: {
      current_page: page,
      from,
      last_page: lastPage,
      path,
      per_page: limit,
      to: from === null ? null : from + result.data.length - 1,
      total: result.total,
    },
  };
}

/** The absolute URL of the request without its query, and the query itself. */
export function requestPathAndQuery(ctx: SandboxContext, request: FastifyRequest): { path: string; query: string } {
  const [pathname = '/', query = ''] = request.url.split('?', 2) as [string?, string?];
  return { path: `${ctx.origin}${pathname}`, query };
}
