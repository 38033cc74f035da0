// /webhooks/* (docs/api-contract.md §7): delivery endpoints (page-paginated CRUD, test, rotate-secret) and the
// retry policy. The signing secret appears only in the answers to create and rotate-secret.
import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { SandboxContext } from '../context';
import { HttpError, notFound } from '../http/errors';
import { buildPageResponse, queryPage } from '../http/page-pagination';
import { parseBooleanFilter, parseListQuery, sqlOrderBy } from '../http/query';
import { toApiTimestamp } from '../time';
import { performAttempt } from '../dispatcher/attempt';
import { newSigningSecret } from '../dispatcher/signature';
import { insertEventAndSchedule, refreshEventState } from '../processing/event-store';
import { dispatchResource, type DispatchFullRow } from '../processing/resources';
import { createEndpointInput, patchEndpointInput } from './endpoint-input';
import { endpointHeaders, endpointResource, findEndpoint, type EndpointRow } from './endpoint-store';
import { loadRetryPolicy, retryPolicyInput, saveRetryPolicy } from './retry-policy';
import { parseBody } from './validation';

const LIST_SPEC = {
  filters: ['enabled', 'url'],
  sorts: ['created_at', 'updated_at', 'url'],
  defaultSort: '-created_at',
} as const;

const SORT_COLUMNS: Record<string, string> = { created_at: 'created_at', updated_at: 'updated_at', url: 'url' };

/** How long a rotated-out secret keeps signing deliveries. */
const SECRET_OVERLAP_MS = 24 * 3600 * 1000;

type IdParams = { Params: { id: string } };

export function registerWebhookRoutes(api: FastifyInstance, ctx: SandboxContext): void {
  const { db } = ctx;
  const requireEndpoint = (id: string): EndpointRow => {
    const row = findEndpoint(db, id);
    if (row === undefined) throw notFound();
    return row;
  };

  api.get('/webhooks/endpoints', async (request) => {
    const query = parseListQuery(request.query, LIST_SPEC);
    const where: string[] = [];
    const params: unknown[] = [];
    if (query.filters.enabled !== undefined) {
      where.push('enabled = ?');
      params.push(parseBooleanFilter('enabled', query.filters.enabled) ? 1 : 0);
    }
    if (query.filters.url !== undefined) {
      where.push('url = ?');
      params.push(query.filters.url);
    }
    const result = queryPage<EndpointRow, ReturnType<typeof endpointResource>>({
      db,
      from: 'webhook_endpoints',
      select: '*',
      where,
      params,
      orderBy: sqlOrderBy(query.sort, SORT_COLUMNS, 'id'),
      page: query.page,
      limit: query.limit,
      mapRow: endpointResource,
    });
    return buildPageResponse(ctx, request, result, query.page, query.limit);
  });

  api.post('/webhooks/endpoints', async (request, reply) => {
    const input = parseBody(createEndpointInput, request.body);
    const id = randomUUID();
    const now = toApiTimestamp(ctx.now());
    const secret = newSigningSecret();
    db.prepare(
      `INSERT INTO webhook_endpoints (id, url, description, enabled, events, headers, timeout_seconds, secret, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(id, input.url, input.description, input.enabled ? 1 : 0, JSON.stringify(input.events), JSON.stringify(input.headers), input.timeout_seconds, secret, now, now);
    return reply.code(201).send({ data: { ...endpointResource(requireEndpoint(id)), secret } });
  });

  api.get('/webhooks/endpoints/:id', async (request: FastifyRequest<IdParams>) => ({
    data: endpointResource(requireEndpoint(request.params.id)),
  }));

  api.patch('/webhooks/endpoints/:id', async (request: FastifyRequest<IdParams>) => {
    const existing = requireEndpoint(request.params.id);
    const input = parseBody(patchEndpointInput, request.body);
    let headers = endpointHeaders(existing);
    if (input.headers !== undefined) {
      const current = new Map(Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value]));
      const next: Record<string, string> = {};
      for (const [name, value] of Object.entries(input.headers)) {
        const kept = value ?? current.get(name.toLowerCase());
        if (kept === undefined) {
          throw new HttpError(422, `The header "${name}" is new, so it needs a value.`, {
            [`headers.${name}`]: [`The header "${name}" is new, so it needs a value.`],
          });
        }
        next[name] = kept;
      }
      headers = next;
    }
    const enabled = input.enabled ?? existing.enabled === 1;
    const reEnabled = enabled && existing.enabled !== 1;
    db.prepare(
      `UPDATE webhook_endpoints SET url = ?, description = ?, enabled = ?, events = ?, headers = ?, timeout_seconds = ?,
         consecutive_failures = ?, disabled_reason = ?, updated_at = ? WHERE id = ?`,
    ).run(
      input.url ?? existing.url,
      input.description !== undefined ? input.description : existing.description,
      enabled ? 1 : 0,
      input.events !== undefined ? JSON.stringify(input.events) : existing.events,
      JSON.stringify(headers),
      input.timeout_seconds ?? existing.timeout_seconds,
      // Re-enabling starts the failure count afresh; the automatic-disable reason only describes a disabled endpoint.
      reEnabled ? 0 : existing.consecutive_failures,
      enabled ? null : existing.disabled_reason,
      toApiTimestamp(ctx.now()),
      existing.id,
    );
    return { data: endpointResource(requireEndpoint(existing.id)) };
  });

  api.delete('/webhooks/endpoints/:id', async (request: FastifyRequest<IdParams>, reply) => {
    const existing = requireEndpoint(request.params.id);
    db.transaction(() => {
      // Deliveries not yet made to this endpoint are cancelled; made ones stay in the log.
      const affected = db
        .prepare("SELECT DISTINCT event_id FROM dispatches WHERE endpoint_id = ? AND status = 'pending'")
        .all(existing.id) as { event_id: string }[];
      db.prepare("DELETE FROM dispatches WHERE endpoint_id = ? AND status = 'pending'").run(existing.id);
      db.prepare('DELETE FROM webhook_endpoints WHERE id = ?').run(existing.id);
      for (const { event_id } of affected) refreshEventState(db, event_id);
    })();
    return reply.code(204).send();
  });

  api.post('/webhooks/endpoints/:id/rotate-secret', async (request: FastifyRequest<IdParams>) => {
    const existing = requireEndpoint(request.params.id);
    const now = ctx.now();
    const secret = newSigningSecret();
    db.prepare(
      'UPDATE webhook_endpoints SET secret = ?, previous_secret = ?, previous_secret_expires_at = ?, updated_at = ? WHERE id = ?',
    ).run(secret, existing.secret, toApiTimestamp(new Date(now.getTime() + SECRET_OVERLAP_MS)), toApiTimestamp(now), existing.id);
    return { data: { ...endpointResource(requireEndpoint(existing.id)), secret } };
  });

  // Sends a `ping` event to this endpoint only (even when disabled: that is how an operator checks
  // a fix before re-enabling) and answers once the attempt is recorded, with its code and duration.
  api.post('/webhooks/endpoints/:id/test', async (request: FastifyRequest<IdParams>) => {
    const endpoint = requireEndpoint(request.params.id);
    const created = db.transaction(() =>
      insertEventAndSchedule(ctx, {
        installationId: null,
        driverSlug: null,
        name: 'ping',
        payload: { message: 'Test delivery from the Integrações Inteligentes sandbox.', endpoint_id: endpoint.id },
        trigger: 'manual',
        onlyEndpoint: endpoint,
      }),
    )();
    const dispatchId = created.dispatchIds[0]!;
    await performAttempt(ctx, dispatchId);
    const row = db.prepare('SELECT * FROM dispatches WHERE id = ?').get(dispatchId) as DispatchFullRow;
    return { data: dispatchResource(row) };
  });

  api.get('/webhooks/retry-policy', async () => ({ data: loadRetryPolicy(db) }));

  api.put('/webhooks/retry-policy', async (request) => {
    const policy = parseBody(retryPolicyInput, request.body);
    saveRetryPolicy(db, policy, toApiTimestamp(ctx.now()));
    return { data: loadRetryPolicy(db) };
  });
}
