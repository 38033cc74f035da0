// /processing/* (docs/api-contract.md §6): events (list, detail, redeliver), the delivery log (dispatches) and
// received webhooks. Every list is keyset-paginated on (time DESC, id DESC) with an index per filter,
// so any page costs one index seek, and rows inserted meanwhile never shift a page.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { SandboxContext } from '../context';
import type { SandboxDatabase } from '../db/connection';
import { HttpError, notFound } from '../http/errors';
import { queryCursorPage, queryCursorPageJson } from '../http/cursor-pagination';
import { cachedStatement } from '../db/statement-cache';
import { parseListQuery } from '../http/query';
import { toApiTimestamp } from '../time';
import { wakeDispatcher } from '../dispatcher/registry';
import { endpointSubscribesTo, findEndpoint, type EndpointRow } from '../webhooks/endpoint-store';
import { parseBody } from '../webhooks/validation';
import { insertPendingDispatch, refreshEventState } from './event-store';
import { attemptWindowBound } from './attempt-window';
import { after, before, equals, filterConditions, flag, oneOf, responseCode, type FilterRule } from './filters';
import { connectInstallationEvents } from './installation-events';
import {
  EVENT_LIST_COLUMNS,
  EVENT_RESOURCE_JSON,
  dispatchResource,
  eventResource,
  receivedWebhookResource,
  type DispatchFullRow,
  type EventListRow,
  type ReceivedWebhookRow,
} from './resources';

export const eventStatuses = ['pending', 'dispatching', 'dispatched', 'failed', 'discarded'] as const;
export const dispatchStatuses = ['pending', 'succeeded', 'failed'] as const;
export const receivedStatuses = ['processed', 'rejected'] as const;

// Filter name → how its value becomes SQL. The order is the order "Allowed filters" lists them in.
// Exported so a test can EXPLAIN the exact query each filter produces (events-list-plans.test.ts).
export const EVENT_FILTERS: Record<string, FilterRule> = {
  name: equals('name'),
  status: equals('status', oneOf(eventStatuses)),
  installation_id: equals('installation_id'),
  integration_driver_slug: equals('integration_driver_slug'),
  created_at_greater_than: after('created_at'),
  created_at_less_than: before('created_at'),
  superseded: equals('superseded', flag),
  dispatch_status: equals('last_dispatch_status', oneOf(dispatchStatuses)),
  attempt_response_code: responseCode({ code: 'last_dispatch_response_code', codeClass: 'last_dispatch_code_class' }),
};

const DISPATCH_FILTERS: Record<string, FilterRule> = {
  event_id: equals('event_id'),
  endpoint_id: equals('endpoint_id'),
  status: equals('status', oneOf(dispatchStatuses)),
  trigger: equals('trigger', oneOf(['automatic', 'manual'] as const)),
  attempt_response_code: responseCode({ code: 'attempt_response_code', codeClass: 'response_code_class' }),
  // `+attempted_at`: checked per row, never answered from dispatches_by_attempted, so a page stays an
  // ordered walk of a created_at index (see attempt-window.ts for what that index is for).
  attempted_at_greater_than: after('+attempted_at'),
  // A row is created before it is attempted (created_at <= attempted_at), so the same bound on
  // created_at is redundant for the result but lets the keyset index seek instead of scanning newer rows.
  attempted_at_less_than: before('+attempted_at', 'created_at'),
};

/** The delivery log's conditions for its filters, with the attempted_at window's bound (attempt-window.ts). */
export function dispatchListConditions(db: SandboxDatabase, filters: Record<string, string>): { where: string[]; params: unknown[] } {
  const { where, params } = filterConditions(filters, DISPATCH_FILTERS);
  const window = attemptWindowBound(db, filters);
  return window ? { where: [...where, window.where], params: [...params, ...window.params] } : { where, params };
}

const RECEIVED_FILTERS: Record<string, FilterRule> = {
  installation_id: equals('installation_id'),
  integration_driver_slug: equals('integration_driver_slug'),
  status: equals('status', oneOf(receivedStatuses)),
  signature_valid: equals('signature_valid', flag),
  received_at_greater_than: after('received_at'),
  received_at_less_than: before('received_at'),
};

const EVENTS_SPEC = { filters: Object.keys(EVENT_FILTERS), sorts: ['created_at'], defaultSort: '-created_at' };
const DISPATCHES_SPEC = { filters: Object.keys(DISPATCH_FILTERS), sorts: ['created_at'], defaultSort: '-created_at' };
const RECEIVED_SPEC = { filters: Object.keys(RECEIVED_FILTERS), sorts: ['received_at'], defaultSort: '-received_at' };

const redeliverBody = z.strictObject(
  { endpoint_id: z.string('The endpoint_id must be a string.').min(1, 'The endpoint_id must not be empty.').optional() },
  'The body must be a JSON object.',
);

type IdParams = { Params: { id: string } };

// The redeliver route's reads of one event's attempts. Each must seek `dispatches_by_event`: with no
// ANALYZE statistics SQLite weighs `event_id = ?` and `endpoint_id = ?` alike and picked the
// endpoint index for the MAX query, walking every attempt ever made to that endpoint (90 ms a
// request at 160,000 events, which capped a bulk redeliver at ~10/s). The unary `+` keeps
// `endpoint_id` out of index selection. Exported for the plan test (redeliver-plans.test.ts).
export const LAST_ATTEMPT_SQL = 'SELECT MAX(attempt) AS last FROM dispatches WHERE event_id = ? AND +endpoint_id = ?';
export const LATEST_ENDPOINT_SQL =
  'SELECT endpoint_id FROM dispatches WHERE event_id = ? AND endpoint_id IS NOT NULL ORDER BY created_at DESC, rowid DESC LIMIT 1';

export function registerProcessingRoutes(api: FastifyInstance, ctx: SandboxContext): void {
  const { db } = ctx;
  connectInstallationEvents(ctx);

  // The console's busiest read: served pre-serialized (SQLite builds each event's JSON).
  api.get('/processing/events', async (request, reply) => {
    const query = parseListQuery(request.query, EVENTS_SPEC);
    const { where, params } = filterConditions(query.filters, EVENT_FILTERS);
    const body = queryCursorPageJson(ctx, request, {
      db,
      from: 'events',
      resourceJson: EVENT_RESOURCE_JSON,
      where,
      params,
      sort: query.sort.map((key) => ({ column: 'created_at', field: 'created_at', desc: key.desc })),
      idColumn: 'id',
      idField: 'id',
      limit: query.limit,
      cursor: query.cursor,
    });
    return reply.type('application/json; charset=utf-8').send(body);
  });

  api.get('/processing/events/:id', async (request: FastifyRequest<IdParams>) => {
    const row = cachedStatement(db, `SELECT ${EVENT_LIST_COLUMNS}, payload FROM events WHERE id = ?`).get(request.params.id) as
      | (EventListRow & { payload: string })
      | undefined;
    if (row === undefined) throw notFound();
    const dispatches = cachedStatement(db, 'SELECT * FROM dispatches WHERE event_id = ? ORDER BY created_at DESC, rowid DESC')
      .all(row.id) as DispatchFullRow[];
    return {
      data: {
        ...eventResource(row),
        payload: parseStoredPayload(row.payload),
        dispatches: dispatches.map(dispatchResource),
      },
    };
  });

  api.post('/processing/events/:id/redeliver', async (request: FastifyRequest<IdParams>, reply) => {
    const body = parseBody(redeliverBody, request.body);
    const event = db.prepare('SELECT id, name FROM events WHERE id = ?').get(request.params.id) as { id: string; name: string } | undefined;
    if (event === undefined) throw notFound();
    const endpoint = redeliveryEndpoint(ctx, event, body.endpoint_id);
    const dispatchId = db.transaction(() => {
      const { last } = cachedStatement(db, LAST_ATTEMPT_SQL).get(event.id, endpoint.id) as { last: number | null };
      const now = toApiTimestamp(ctx.now());
      const id = insertPendingDispatch(db, {
        eventId: event.id,
        endpoint,
        attempt: (last ?? 0) + 1,
        trigger: 'manual',
        createdAt: now,
        dueAt: now,
      });
      refreshEventState(db, event.id);
      return id;
    })();
    wakeDispatcher(ctx);
    const row = db.prepare('SELECT * FROM dispatches WHERE id = ?').get(dispatchId) as DispatchFullRow;
    return reply.code(202).send({ data: dispatchResource(row) });
  });

  api.get('/processing/dispatches', async (request) => {
    const query = parseListQuery(request.query, DISPATCHES_SPEC);
    const { where, params } = dispatchListConditions(db, query.filters);
    return queryCursorPage(ctx, request, {
      db,
      from: 'dispatches',
      select: '*',
      where,
      params,
      sort: query.sort.map((key) => ({ column: 'created_at', field: 'created_at', desc: key.desc })),
      idColumn: 'id',
      idField: 'id',
      limit: query.limit,
      cursor: query.cursor,
      mapRow: (row: DispatchFullRow) => dispatchResource(row),
    });
  });

  api.get('/processing/webhooks', async (request) => {
    const query = parseListQuery(request.query, RECEIVED_SPEC);
    const { where, params } = filterConditions(query.filters, RECEIVED_FILTERS);
    return queryCursorPage(ctx, request, {
      db,
      from: 'received_webhooks',
      select: '*',
      where,
      params,
      sort: query.sort.map((key) => ({ column: 'received_at', field: 'received_at', desc: key.desc })),
      idColumn: 'id',
      idField: 'id',
      limit: query.limit,
      cursor: query.cursor,
      mapRow: (row: ReceivedWebhookRow) => receivedWebhookResource(row),
    });
  });
}

/**
 * Where a redelivery goes: the endpoint asked for; else the endpoint of the event's latest attempt;
 * else the first enabled endpoint subscribed to the event. A disabled endpoint is refused (re-enable it first).
 */
function redeliveryEndpoint(ctx: SandboxContext, event: { id: string; name: string }, requested: string | undefined): EndpointRow {
  const { db } = ctx;
  let endpoint: EndpointRow | undefined;
  if (requested !== undefined) {
    endpoint = findEndpoint(db, requested);
    if (endpoint === undefined) {
      throw new HttpError(422, 'The selected endpoint_id is invalid.', { endpoint_id: ['The selected endpoint_id is invalid.'] });
    }
  } else {
    const latest = cachedStatement(db, LATEST_ENDPOINT_SQL).get(event.id) as { endpoint_id: string } | undefined;
    endpoint = latest === undefined ? undefined : findEndpoint(db, latest.endpoint_id);
    endpoint ??= (db.prepare('SELECT * FROM webhook_endpoints WHERE enabled = 1 ORDER BY created_at, id').all() as EndpointRow[]).find(
      (candidate) => endpointSubscribesTo(candidate, event.name),
    );
    if (endpoint === undefined) {
      throw new HttpError(422, 'There is no webhook endpoint to redeliver this event to.', {
        endpoint_id: ['There is no webhook endpoint to redeliver this event to.'],
      });
    }
  }
  if (endpoint.enabled !== 1) {
    throw new HttpError(422, 'The endpoint is disabled; enable it before redelivering.', {
      endpoint_id: ['The endpoint is disabled; enable it before redelivering.'],
    });
  }
  return endpoint;
}

/** Stored payloads are JSON objects; a hand-written broken one is shown as `{"raw": text}` instead of a 500. */
export function parseStoredPayload(text: string): Record<string, unknown> {
  try {
    const value = JSON.parse(text) as unknown;
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : { raw: value };
  } catch {
    return { raw: text };
  }
}
