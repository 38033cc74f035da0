// /processing/* (contract §6): events (list, detail, redeliver), the delivery log (dispatches) and
// received webhooks. Every list is keyset-paginated on (time DESC, id DESC) with an index per filter,
// so any page costs one index seek, and rows inserted meanwhile never shift a page.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { SandboxContext } from '../context';
import { HttpError, notFound } from '../http/errors';
import { queryCursorPage } from '../http/cursor-pagination';
import { cachedStatement } from '../db/statement-cache';
import { parseBooleanFilter, parseEnumFilter, parseListQuery, type ListQuery } from '../http/query';
import { toApiTimestamp } from '../time';
import { wakeDispatcher } from '../dispatcher/registry';
import { endpointSubscribesTo, findEndpoint, type EndpointRow } from '../webhooks/endpoint-store';
import { parseBody } from '../webhooks/validation';
import { insertPendingDispatch, refreshEventState } from './event-store';
import { parseTimestampFilter, responseCodeCondition } from './filters';
import { connectInstallationEvents } from './installation-events';
import {
  EVENT_LIST_COLUMNS,
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

const EVENTS_SPEC = {
  filters: [
    'name',
    'status',
    'installation_id',
    'integration_driver_slug',
    'created_at_greater_than',
    'created_at_less_than',
    'superseded',
    'dispatch_status',
    'attempt_response_code',
  ],
  sorts: ['created_at'],
  defaultSort: '-created_at',
} as const;

const DISPATCHES_SPEC = {
  filters: ['event_id', 'endpoint_id', 'status', 'trigger', 'attempt_response_code', 'attempted_at_greater_than', 'attempted_at_less_than'],
  sorts: ['created_at'],
  defaultSort: '-created_at',
} as const;

const RECEIVED_SPEC = {
  filters: ['installation_id', 'integration_driver_slug', 'status', 'signature_valid', 'received_at_greater_than', 'received_at_less_than'],
  sorts: ['received_at'],
  defaultSort: '-received_at',
} as const;

const redeliverBody = z.strictObject(
  { endpoint_id: z.string('The endpoint_id must be a string.').min(1, 'The endpoint_id must not be empty.').optional() },
  'The body must be a JSON object.',
);

type IdParams = { Params: { id: string } };

interface Conditions {
  where: string[];
  params: unknown[];
}

function eventConditions(query: ListQuery): Conditions {
  const where: string[] = [];
  const params: unknown[] = [];
  const f = query.filters;
  const equal = (column: string, value: unknown): void => {
    where.push(`${column} = ?`);
    params.push(value);
  };
  if (f.name !== undefined) equal('name', f.name);
  if (f.status !== undefined) equal('status', parseEnumFilter('status', f.status, eventStatuses));
  if (f.installation_id !== undefined) equal('installation_id', f.installation_id);
  if (f.integration_driver_slug !== undefined) equal('integration_driver_slug', f.integration_driver_slug);
  if (f.superseded !== undefined) equal('superseded', parseBooleanFilter('superseded', f.superseded) ? 1 : 0);
  if (f.dispatch_status !== undefined) equal('last_dispatch_status', parseEnumFilter('dispatch_status', f.dispatch_status, dispatchStatuses));
  if (f.attempt_response_code !== undefined) {
    const condition = responseCodeCondition('attempt_response_code', f.attempt_response_code, {
      code: 'last_dispatch_response_code',
      codeClass: 'last_dispatch_code_class',
    });
    where.push(condition.sql);
    params.push(condition.param);
  }
  if (f.created_at_greater_than !== undefined) {
    where.push('created_at > ?');
    params.push(parseTimestampFilter('created_at_greater_than', f.created_at_greater_than));
  }
  if (f.created_at_less_than !== undefined) {
    where.push('created_at < ?');
    params.push(parseTimestampFilter('created_at_less_than', f.created_at_less_than));
  }
  return { where, params };
}

function dispatchConditions(query: ListQuery): Conditions {
  const where: string[] = [];
  const params: unknown[] = [];
  const f = query.filters;
  if (f.event_id !== undefined) {
    where.push('event_id = ?');
    params.push(f.event_id);
  }
  if (f.endpoint_id !== undefined) {
    where.push('endpoint_id = ?');
    params.push(f.endpoint_id);
  }
  if (f.status !== undefined) {
    where.push('status = ?');
    params.push(parseEnumFilter('status', f.status, dispatchStatuses));
  }
  if (f.trigger !== undefined) {
    where.push('trigger = ?');
    params.push(parseEnumFilter('trigger', f.trigger, ['automatic', 'manual'] as const));
  }
  if (f.attempt_response_code !== undefined) {
    const condition = responseCodeCondition('attempt_response_code', f.attempt_response_code, {
      code: 'attempt_response_code',
      codeClass: 'response_code_class',
    });
    where.push(condition.sql);
    params.push(condition.param);
  }
  if (f.attempted_at_greater_than !== undefined) {
    where.push('attempted_at > ?');
    params.push(parseTimestampFilter('attempted_at_greater_than', f.attempted_at_greater_than));
  }
  if (f.attempted_at_less_than !== undefined) {
    const bound = parseTimestampFilter('attempted_at_less_than', f.attempted_at_less_than);
    // A row is created before it is attempted (created_at <= attempted_at), so the same bound on
    // created_at is redundant for the result but lets the keyset index seek instead of scanning newer rows.
    where.push('attempted_at < ?', 'created_at < ?');
    params.push(bound, bound);
  }
  return { where, params };
}

function receivedConditions(query: ListQuery): Conditions {
  const where: string[] = [];
  const params: unknown[] = [];
  const f = query.filters;
  if (f.installation_id !== undefined) {
    where.push('installation_id = ?');
    params.push(f.installation_id);
  }
  if (f.integration_driver_slug !== undefined) {
    where.push('integration_driver_slug = ?');
    params.push(f.integration_driver_slug);
  }
  if (f.status !== undefined) {
    where.push('status = ?');
    params.push(parseEnumFilter('status', f.status, receivedStatuses));
  }
  if (f.signature_valid !== undefined) {
    where.push('signature_valid = ?');
    params.push(parseBooleanFilter('signature_valid', f.signature_valid) ? 1 : 0);
  }
  if (f.received_at_greater_than !== undefined) {
    where.push('received_at > ?');
    params.push(parseTimestampFilter('received_at_greater_than', f.received_at_greater_than));
  }
  if (f.received_at_less_than !== undefined) {
    where.push('received_at < ?');
    params.push(parseTimestampFilter('received_at_less_than', f.received_at_less_than));
  }
  return { where, params };
}

export function registerProcessingRoutes(api: FastifyInstance, ctx: SandboxContext): void {
  const { db } = ctx;
  connectInstallationEvents(ctx);

  api.get('/processing/events', async (request) => {
    const query = parseListQuery(request.query, EVENTS_SPEC);
    const { where, params } = eventConditions(query);
    return queryCursorPage(ctx, request, {
      db,
      from: 'events',
      select: EVENT_LIST_COLUMNS,
      where,
      params,
      sort: query.sort.map((key) => ({ column: 'created_at', field: 'created_at', desc: key.desc })),
      idColumn: 'id',
      idField: 'id',
      limit: query.limit,
      cursor: query.cursor,
      mapRow: (row: EventListRow) => eventResource(row),
    });
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
      const { last } = db
        .prepare('SELECT MAX(attempt) AS last FROM dispatches WHERE event_id = ? AND endpoint_id = ?')
        .get(event.id, endpoint.id) as { last: number | null };
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
    const { where, params } = dispatchConditions(query);
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
    const { where, params } = receivedConditions(query);
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
    const latest = db
      .prepare('SELECT endpoint_id FROM dispatches WHERE event_id = ? AND endpoint_id IS NOT NULL ORDER BY created_at DESC, rowid DESC LIMIT 1')
      .get(event.id) as { endpoint_id: string } | undefined;
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
function parseStoredPayload(text: string): Record<string, unknown> {
  try {
    const value = JSON.parse(text) as unknown;
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : { raw: value };
  } catch {
    return { raw: text };
  }
}
