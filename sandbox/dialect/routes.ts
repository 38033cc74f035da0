// The routes the vendor documents (docs/api-contract.md §4–§6 DOC items), served over the sandbox's own
// data in the documented shapes: `GET /drivers`, `GET /processing/events`, `GET /processing/events/{id}`,
// `POST /installations`. Same tables, stores and rules as the contract dialect; only the query
// reading, the bodies and the messages are the Laravel backend's.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { SandboxContext } from '../context';
import { cachedStatement } from '../db/statement-cache';
import { findDriverRow, toDriverResource, type DriverRow, type DriverResource } from '../drivers/repository';
import { DRIVER_FILTERS, DRIVER_SORT_COLUMNS, DRIVER_SORTS } from '../drivers/routes';
import { validationError, type FieldErrors } from '../http/errors';
import { likeContains, sqlOrderBy } from '../http/query';
import { createInstallation } from '../installations/create';
import type { Settings } from '../installations/settings';
import { parseTimestampFilter } from '../processing/filters';
import { EVENT_LIST_COLUMNS, eventResource, type EventListRow } from '../processing/resources';
import { parseStoredPayload } from '../processing/routes';
import { modelNotFound, rules } from './laravel';
import { docsList } from './paging';
import { parseDocsListQuery } from './query-builder';

/** The documented routes; the dialect's 404/405 handler reads the same table. */
export const DOCUMENTED_ROUTES = [
  { method: 'GET', path: '/drivers' },
  { method: 'GET', path: '/processing/events' },
  { method: 'GET', path: '/processing/events/:id' },
  { method: 'POST', path: '/installations' },
] as const;

/** DOC [APROC]: the five documented filters, and no sort. */
export const EVENT_FILTERS = ['name', 'status', 'installation_id', 'integration_driver_slug', 'created_at_greater_than'] as const;

/** A driver with the documented fields only (the sandbox's `auth_method` is OURS). */
export function documentedDriver(row: DriverRow): Omit<DriverResource, 'auth_method'> {
  const { auth_method: _ourField, ...documented } = toDriverResource(row);
  return documented;
}

type IdParams = { Params: { id: string } };

export function registerDocsRoutes(api: FastifyInstance, ctx: SandboxContext): void {
  const { db } = ctx;
  const ignorePage = ctx.options.ignorePage === true;

  api.get('/drivers', async (request) => {
    const query = parseDocsListQuery(request.query, { filters: DRIVER_FILTERS, sorts: DRIVER_SORTS }, { ignorePage });
    const where: string[] = [];
    const params: unknown[] = [];
    const names = query.filters.get('name');
    if (names !== undefined) {
      // spatie's default (partial) filter: contains, any of the values.
      where.push(`(${names.map(() => "name LIKE ? ESCAPE '\\'").join(' OR ')})`);
      params.push(...names.map(likeContains));
    }
    const types = query.filters.get('type');
    if (types !== undefined) {
      where.push(`type IN (${types.map(() => '?').join(', ')})`);
      params.push(...types);
    }
    const enabled = query.filters.get('enabled');
    if (enabled !== undefined) {
      // An exact filter on a boolean column; spatie reads `true`/`false`, the database `1`/`0`.
      // Any other value matches no row, as the SQL comparison would.
      where.push(`enabled IN (${enabled.map(() => '?').join(', ')})`);
      params.push(...enabled.map(booleanColumnValue));
    }
    return docsList(
      ctx,
      request,
      {
        db,
        from: 'drivers',
        select: '*',
        where,
        params,
        // No sort asked: the table's order (oldest first, as the vendor's example lists them).
        orderBy: sqlOrderBy(query.sort.length > 0 ? query.sort : [{ field: 'created_at', desc: false }], DRIVER_SORT_COLUMNS, 'id'),
        mapRow: documentedDriver,
      },
      query.page,
      query.limit,
    );
  });

  api.get('/processing/events', async (request) => {
    const query = parseDocsListQuery(
      request.query,
      { filters: EVENT_FILTERS, sorts: [] },
      { ignorePage, checkFilterValues: checkEventFilterValues },
    );
    const where: string[] = [];
    const params: unknown[] = [];
    for (const column of ['name', 'status', 'installation_id', 'integration_driver_slug'] as const) {
      const values = query.filters.get(column);
      if (values === undefined) continue;
      where.push(`${column} IN (${values.map(() => '?').join(', ')})`);
      params.push(...values);
    }
    const after = query.filters.get('created_at_greater_than');
    if (after !== undefined) {
      where.push('created_at > ?');
      params.push(parseTimestampFilter('created_at_greater_than', after.join(',')));
    }
    return docsList(
      ctx,
      request,
      {
        db,
        from: 'events',
        select: EVENT_LIST_COLUMNS,
        where,
        params,
        // Not sortable by the client; newest first, as `->latest()` would.
        orderBy: 'ORDER BY created_at DESC, id DESC',
        mapRow: (row: EventListRow) => eventResource(row),
      },
      query.page,
      query.limit,
    );
  });

  // The payload's shape is not documented; a JsonResource wraps the model in `data`.
  api.get('/processing/events/:id', async (request: FastifyRequest<IdParams>) => {
    const row = cachedStatement(db, `SELECT ${EVENT_LIST_COLUMNS}, payload FROM events WHERE id = ?`).get(request.params.id) as
      | (EventListRow & { payload: string })
      | undefined;
    if (row === undefined) throw modelNotFound('Event', request.params.id);
    return { data: { ...eventResource(row), payload: parseStoredPayload(row.payload) } };
  });

  // DOC [PROV]: `{driver_id, name, meta}` → the bare `{id, status, auth_url}`.
  api.post('/installations', async (request, reply) => {
    const input = createInput(ctx, request.body);
    const installation = createInstallation(ctx, input.driver, input);
    return reply.code(201).send({ id: installation.id, status: installation.status, auth_url: installation.auth_url });
  });
}

/** `filter[created_at_greater_than]` must read as a date: a 422 on the field, as a validated request would answer. */
function checkEventFilterValues(filters: Map<string, string[]>): void {
  const after = filters.get('created_at_greater_than');
  if (after === undefined) return;
  try {
    parseTimestampFilter('created_at_greater_than', after.join(','));
  } catch {
    throw validationError({ 'filter.created_at_greater_than': [rules.date('filter.created_at_greater_than')] });
  }
}

function booleanColumnValue(value: string): number | null {
  if (value === 'true' || value === '1') return 1;
  if (value === 'false' || value === '0') return 0;
  return null;
}

/**
 * The create request as a Laravel FormRequest validates it: every rule on every field, all errors
 * at once (`driver_id` required|string|exists, `name` required|string|max:255, `meta` nullable|array).
 * `settings` is read too: the drivers' documented `available_settings` must reach the installation, and
 * an API-key driver's key is "validated" on create (DOC [PROV]); the docs do not say how, so the
 * dialect takes them where the contract does.
 */
function createInput(
  ctx: SandboxContext,
  rawBody: unknown,
): { driver: DriverRow; name: string; meta: Record<string, unknown>; settings: Settings } {
  // A body that is not a JSON object holds none of the fields.
  const body = isObject(rawBody) ? rawBody : {};
  const errors: FieldErrors = {};
  const fail = (field: string, message: string) => (errors[field] ??= []).push(message);

  let driver: DriverRow | undefined;
  const driverId = body.driver_id;
  if (driverId === undefined || driverId === null || driverId === '') fail('driver_id', rules.required('driver_id'));
  else if (typeof driverId !== 'string') fail('driver_id', rules.string('driver_id'));
  else {
    driver = findDriverRow(ctx.db, driverId);
    if (driver === undefined) fail('driver_id', rules.exists('driver_id'));
    else if (driver.enabled !== 1) fail('driver_id', `The driver ${driver.slug} is disabled; enable it before installing it.`);
  }

  const name = typeof body.name === 'string' ? body.name.trim() : body.name;
  if (name === undefined || name === null || name === '') fail('name', rules.required('name'));
  else if (typeof name !== 'string') fail('name', rules.string('name'));
  else if (name.length > 255) fail('name', rules.maxString('name', 255));

  for (const field of ['meta', 'settings'] as const) {
    const value = body[field];
    if (value !== undefined && value !== null && !isObject(value)) fail(field, rules.array(field));
  }

  if (Object.keys(errors).length > 0 || driver === undefined) throw validationError(errors);
  return {
    driver,
    name: name as string,
    meta: isObject(body.meta) ? body.meta : {},
    settings: isObject(body.settings) ? body.settings : {},
  };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
