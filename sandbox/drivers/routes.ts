// /drivers (docs/api-contract.md §4): list with filters/sort/page pagination, get by id or slug,
// enable/disable (idempotent: repeating one changes nothing and returns the same driver).
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { SandboxContext } from '../context';
import { notFound } from '../http/errors';
import { buildPageResponse, queryPage } from '../http/page-pagination';
import { likeContains, parseBooleanFilter, parseListQuery, sqlOrderBy } from '../http/query';
import { toApiTimestamp } from '../time';
import { findDriverRow, toDriverResource, type DriverRow } from './repository';

/** The documented filters and sort keys of `GET /drivers` (DOC [ADRV]); the docs dialect allows the same. */
export const DRIVER_FILTERS = ['name', 'type', 'enabled'] as const;
export const DRIVER_SORTS = ['name', 'slug', 'version', 'type', 'status', 'created_at'] as const;

const LIST_SPEC = {
  filters: DRIVER_FILTERS,
  sorts: DRIVER_SORTS,
  // The vendor's example lists Guru before Bling: oldest first, ties by id.
  defaultSort: 'created_at',
} as const;

export const DRIVER_SORT_COLUMNS: Record<string, string> = {
  name: 'name COLLATE NOCASE',
  slug: 'slug',
  version: 'version',
  type: 'type',
  // Drivers have no `status` field; the documented sort key orders by enabled state.
  status: 'enabled',
  created_at: 'created_at',
};

type IdParams = { Params: { id: string } };

export function registerDriverRoutes(api: FastifyInstance, ctx: SandboxContext): void {
  const { db } = ctx;

  api.get('/drivers', async (request) => {
    const query = parseListQuery(request.query, LIST_SPEC);
    const where: string[] = [];
    const params: unknown[] = [];
    const { name, type, enabled } = query.filters;
    if (name !== undefined) {
      where.push("name LIKE ? ESCAPE '\\'");
      params.push(likeContains(name));
    }
    if (type !== undefined) {
      where.push('type = ?');
      params.push(type);
    }
    if (enabled !== undefined) {
      where.push('enabled = ?');
      params.push(parseBooleanFilter('enabled', enabled) ? 1 : 0);
    }
    const result = queryPage<DriverRow, ReturnType<typeof toDriverResource>>({
      db,
      from: 'drivers',
      select: '*',
      where,
      params,
      orderBy: sqlOrderBy(query.sort, DRIVER_SORT_COLUMNS, 'id'),
      page: query.page,
      limit: query.limit,
      mapRow: toDriverResource,
    });
    return buildPageResponse(ctx, request, result, query.page, query.limit);
  });

  api.get('/drivers/:id', async (request: FastifyRequest<IdParams>) => {
    const row = findDriverRow(db, request.params.id);
    if (row === undefined) throw notFound();
    return { data: toDriverResource(row) };
  });

  const setEnabled = (enabled: boolean) => async (request: FastifyRequest<IdParams>) => {
    const row = findDriverRow(db, request.params.id);
    if (row === undefined) throw notFound();
    if ((row.enabled === 1) !== enabled) {
      const now = toApiTimestamp(ctx.now());
      db.prepare('UPDATE drivers SET enabled = ?, enabled_at = ?, updated_at = ? WHERE id = ?').run(
        enabled ? 1 : 0,
        enabled ? now : null,
        now,
        row.id,
      );
    }
    return { data: toDriverResource(findDriverRow(db, row.id)!) };
  };
  api.post('/drivers/:id/enable', setEnabled(true));
  api.post('/drivers/:id/disable', setEnabled(false));
}
