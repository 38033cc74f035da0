// /installations (docs/api-contract.md §5): list, get, create (settings validated against the driver),
// PATCH (partial; omitted secrets keep their value), disable, enable, reauthorize.
// OAuth drivers start `pending_auth` with an `auth_url` to the sandbox's approval page;
// API-key drivers are checked and activated at once.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { InstallationResource, SandboxContext } from '../context';
import { findDriverRow } from '../drivers/repository';
import { HttpError, notFound, validationError } from '../http/errors';
import { buildPageResponse, queryPage } from '../http/page-pagination';
import { likeContains, parseEnumFilter, parseListQuery, sqlOrderBy } from '../http/query';
import { parseBody } from '../http/validation';
import { toApiTimestamp } from '../time';
import { checkSettings, createInstallation, newOAuthState } from './create';
import {
  findInstallationRow,
  INSTALLATION_FROM,
  INSTALLATION_SELECT,
  INSTALLATION_STATUSES,
  notifyInstallationUpdated,
  toInstallationResource,
  type InstallationRow,
} from './repository';
import type { Settings } from './settings';

const LIST_SPEC = {
  filters: ['driver_id', 'integration_driver_slug', 'status', 'name'],
  sorts: ['name', 'status', 'created_at', 'updated_at'],
  defaultSort: '-created_at',
} as const;

const SORT_COLUMNS: Record<string, string> = {
  name: 'i.name COLLATE NOCASE',
  status: 'i.status',
  created_at: 'i.created_at',
  updated_at: 'i.updated_at',
};

const jsonObject = z.record(z.string(), z.unknown(), { error: 'must be a JSON object' });
const nameField = z
  .string({ error: 'The name field must be a string.' })
  .trim()
  .min(1, { error: 'The name field is required.' })
  .max(255, { error: 'The name field may not be longer than 255 characters.' });

const createBody = z.strictObject({
  driver_id: z.string({ error: 'The driver_id field is required.' }).min(1, { error: 'The driver_id field is required.' }),
  name: nameField,
  meta: jsonObject.nullable().optional(),
  settings: jsonObject.nullable().optional(),
});

const patchBody = z.strictObject({
  name: nameField.optional(),
  meta: jsonObject.nullable().optional(),
  settings: jsonObject.nullable().optional(),
});

type IdParams = { Params: { id: string } };

export function registerInstallationRoutes(api: FastifyInstance, ctx: SandboxContext): void {
  const { db } = ctx;
  const nowStamp = () => toApiTimestamp(ctx.now());
  const newState = newOAuthState;

  const load = (id: string): InstallationRow => {
    const row = findInstallationRow(db, id);
    if (row === undefined) throw notFound();
    return row;
  };
  const respond = (row: InstallationRow): { data: InstallationResource } => ({ data: toInstallationResource(ctx, row) });
  /** Re-reads the row after a committed change, tells the hooks, returns the resource. */
  const changed = (id: string): { data: InstallationResource } => {
    const resource = toInstallationResource(ctx, load(id));
    notifyInstallationUpdated(ctx, resource);
    return { data: resource };
  };

  api.get('/installations', async (request) => {
    const query = parseListQuery(request.query, LIST_SPEC);
    const where: string[] = [];
    const params: unknown[] = [];
    const { driver_id, integration_driver_slug, status, name } = query.filters;
    if (driver_id !== undefined) {
      // Like create, the driver may be named by id or by slug.
      where.push('(i.driver_id = ? OR d.slug = ?)');
      params.push(driver_id, driver_id);
    }
    if (integration_driver_slug !== undefined) {
      where.push('d.slug = ?');
      params.push(integration_driver_slug);
    }
    if (status !== undefined) {
      where.push('i.status = ?');
      params.push(parseEnumFilter('status', status, INSTALLATION_STATUSES));
    }
    if (name !== undefined) {
      where.push("i.name LIKE ? ESCAPE '\\'");
      params.push(likeContains(name));
    }
    const result = queryPage<InstallationRow, InstallationResource>({
      db,
      from: INSTALLATION_FROM,
      select: INSTALLATION_SELECT,
      where,
      params,
      orderBy: sqlOrderBy(query.sort, SORT_COLUMNS, 'i.id'),
      page: query.page,
      limit: query.limit,
      mapRow: (row) => toInstallationResource(ctx, row),
    });
    return buildPageResponse(ctx, request, result, query.page, query.limit);
  });

  api.get('/installations/:id', async (request: FastifyRequest<IdParams>) => respond(load(request.params.id)));

  api.post('/installations', async (request, reply: FastifyReply) => {
    const body = parseBody(createBody, request.body);
    const driver = findDriverRow(db, body.driver_id);
    if (driver === undefined) throw validationError({ driver_id: ['The selected driver_id does not exist.'] });
    if (driver.enabled !== 1) {
      throw validationError({ driver_id: [`The driver ${driver.slug} is disabled; enable it before installing it.`] });
    }
    const installation = createInstallation(ctx, driver, { name: body.name, meta: body.meta ?? {}, settings: body.settings ?? {} });
    reply.code(201);
    return { data: installation };
  });

  api.patch('/installations/:id', async (request: FastifyRequest<IdParams>) => {
    const row = load(request.params.id);
    const body = parseBody(patchBody, request.body);
    const driver = findDriverRow(db, row.driver_id)!;
    const settings =
      body.settings == null ? null : checkSettings(driver, JSON.parse(row.settings) as Settings, body.settings);
    // A new API key that passes the check repairs an installation in error (e.g. "credentials rejected").
    const credentialKey = driver.credential_setting;
    const newKeyAccepted =
      driver.auth_method === 'api_key' && credentialKey !== null && body.settings != null && body.settings[credentialKey] != null;
    const recovers = newKeyAccepted && row.status === 'error';
    const now = nowStamp();
    db.prepare(
      `UPDATE installations SET name = COALESCE(?, name), meta = COALESCE(?, meta), settings = COALESCE(?, settings),
              status = ?, status_reason = ?, authorized_at = ?, updated_at = ? WHERE id = ?`,
    ).run(
      body.name ?? null,
      body.meta === undefined ? null : JSON.stringify(body.meta ?? {}),
      settings === null ? null : JSON.stringify(settings),
      recovers ? 'active' : row.status,
      recovers ? null : row.status_reason,
      recovers ? now : row.authorized_at,
      now,
      row.id,
    );
    return changed(row.id);
  });

  api.post('/installations/:id/disable', async (request: FastifyRequest<IdParams>) => {
    const row = load(request.params.id);
    if (row.status === 'disabled') return respond(row);
    const now = nowStamp();
    db.prepare(
      "UPDATE installations SET status = 'disabled', status_reason = NULL, oauth_state = NULL, disabled_at = ?, updated_at = ? WHERE id = ?",
    ).run(now, now, row.id);
    return changed(row.id);
  });

  api.post('/installations/:id/enable', async (request: FastifyRequest<IdParams>) => {
    const row = load(request.params.id);
    if (row.status !== 'disabled') return respond(row);
    const driver = findDriverRow(db, row.driver_id)!;
    if (driver.enabled !== 1) {
      throw validationError({ driver_id: [`The driver ${driver.slug} is disabled; enable it first.`] });
    }
    // Back to active if it was ever authorized; an OAuth installation never approved needs approval again.
    const authorized = row.authorized_at !== null || driver.auth_method !== 'oauth';
    db.prepare(
      'UPDATE installations SET status = ?, oauth_state = ?, disabled_at = NULL, updated_at = ? WHERE id = ?',
    ).run(authorized ? 'active' : 'pending_auth', authorized ? null : newState(), nowStamp(), row.id);
    return changed(row.id);
  });

  api.post('/installations/:id/reauthorize', async (request: FastifyRequest<IdParams>) => {
    const row = load(request.params.id);
    if (row.method !== 'oauth') {
      throw new HttpError(422, 'Only OAuth installations can be reauthorized.', {
        method: ['Only OAuth installations can be reauthorized.'],
      });
    }
    if (row.status === 'disabled') {
      throw new HttpError(422, 'Enable the installation before reauthorizing it.', {
        status: ['Enable the installation before reauthorizing it.'],
      });
    }
    db.prepare(
      "UPDATE installations SET status = 'pending_auth', status_reason = NULL, oauth_state = ?, updated_at = ? WHERE id = ?",
    ).run(newState(), nowStamp(), row.id);
    return changed(row.id);
  });
}
