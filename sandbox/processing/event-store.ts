// Writing events: creating one "the real way" (insert, supersede older ones, schedule one delivery
// per subscribed endpoint) and keeping an event's denormalized status and last_dispatch_* columns
// in step with its dispatches. Every function here runs inside the caller's transaction or opens one.
import { randomUUID } from 'node:crypto';
import type { SandboxContext } from '../context';
import type { SandboxDatabase } from '../db/connection';
import { cachedStatement } from '../db/statement-cache';
import { toApiTimestamp } from '../time';
import { eventWeight, orderKeyOf } from './supersede';
import { wakeDispatcher } from '../dispatcher/registry';
import { endpointSubscribesTo, type EndpointRow } from '../webhooks/endpoint-store';

export interface NewProviderEvent {
  installationId: string;
  name: string;
  payload: Record<string, unknown>;
  /** Defaults to ctx.now(). A Date, or a timestamp already in the API format. */
  createdAt?: Date | string;
}

export interface CreatedEvent {
  id: string;
  createdAt: string;
  status: string;
  dispatchIds: string[];
  supersededIds: string[];
}

/**
 * Creates a provider event as the platform would: inserts it, marks the older events it supersedes,
 * schedules one automatic delivery per enabled endpoint subscribed to its name and wakes the dispatcher.
 * Throws if the installation does not exist.
 */
export function createProviderEvent(ctx: SandboxContext, input: NewProviderEvent): CreatedEvent {
  const installation = ctx.db
    .prepare('SELECT i.id AS id, d.slug AS slug FROM installations i JOIN drivers d ON d.id = i.driver_id WHERE i.id = ?')
    .get(input.installationId) as { id: string; slug: string } | undefined;
  if (installation === undefined) throw new Error(`createProviderEvent: no installation ${input.installationId}`);
  const created = ctx.db.transaction(() =>
    insertEventAndSchedule(ctx, {
      installationId: installation.id,
      driverSlug: installation.slug,
      name: input.name,
      payload: input.payload,
      createdAt: input.createdAt,
      trigger: 'automatic',
    }),
  )();
  if (created.dispatchIds.length > 0) wakeDispatcher(ctx);
  return created;
}

export interface InsertEventInput {
  installationId: string | null;
  driverSlug: string | null;
  name: string;
  payload: Record<string, unknown>;
  createdAt?: Date | string | undefined;
  trigger: 'automatic' | 'manual';
  /** Deliver only to this endpoint (the `test` route); otherwise to every subscribed, enabled endpoint. */
  onlyEndpoint?: EndpointRow;
}

/** Must run inside a transaction. */
export function insertEventAndSchedule(ctx: SandboxContext, input: InsertEventInput): CreatedEvent {
  const db = ctx.db;
  const id = randomUUID();
  const createdAt =
    input.createdAt === undefined
      ? toApiTimestamp(ctx.now())
      : typeof input.createdAt === 'string'
        ? input.createdAt
        : toApiTimestamp(input.createdAt);
  const orderKey = input.installationId === null ? null : orderKeyOf(input.payload);
  const weight = eventWeight(input.name);

  db.prepare(
    `INSERT INTO events (id, installation_id, integration_driver_slug, name, payload, created_at, status, order_key, weight)
     VALUES (?, ?, ?, ?, ?, ?, 'pending', ?, ?)`,
  ).run(id, input.installationId, input.driverSlug, input.name, JSON.stringify(input.payload), createdAt, orderKey, weight);

  const supersededIds =
    orderKey !== null && weight > 0 && input.installationId !== null
      ? supersedeOlderEvents(db, { id, name: input.name, installationId: input.installationId, orderKey, weight, createdAt })
      : [];

  const endpoints =
    input.onlyEndpoint !== undefined
      ? [input.onlyEndpoint]
      : (db.prepare('SELECT * FROM webhook_endpoints WHERE enabled = 1 ORDER BY created_at, id').all() as EndpointRow[]).filter(
          (endpoint) => endpointSubscribesTo(endpoint, input.name),
        );
  const now = toApiTimestamp(ctx.now());
  const dispatchIds = endpoints.map((endpoint) =>
    insertPendingDispatch(db, { eventId: id, endpoint, attempt: 1, trigger: input.trigger, createdAt: now, dueAt: now }),
  );
  const status = refreshEventState(db, id);
  return { id, createdAt, status, dispatchIds, supersededIds };
}

/**
 * Marks every older, lower-weight, not yet superseded event of the same installation and order as
 * superseded by the new one. Deliveries not yet made are cancelled (their pending rows deleted), so
 * an undelivered superseded event ends `discarded`; one already delivered keeps `dispatched`.
 */
function supersedeOlderEvents(
  db: SandboxDatabase,
  newer: { id: string; name: string; installationId: string; orderKey: string; weight: number; createdAt: string },
): string[] {
  const older = db
    .prepare(
      `SELECT id FROM events
       WHERE installation_id = ? AND order_key = ? AND weight < ? AND superseded = 0 AND id <> ? AND created_at <= ?`,
    )
    .all(newer.installationId, newer.orderKey, newer.weight, newer.id, newer.createdAt) as { id: string }[];
  for (const { id } of older) {
    db.prepare('UPDATE events SET superseded = 1, superseded_by_id = ?, superseded_by_name = ? WHERE id = ?').run(
      newer.id,
      newer.name,
      id,
    );
    db.prepare("DELETE FROM dispatches WHERE event_id = ? AND status = 'pending'").run(id);
    db.prepare('UPDATE dispatches SET next_retry_at = NULL WHERE event_id = ? AND next_retry_at IS NOT NULL').run(id);
    refreshEventState(db, id);
  }
  return older.map((row) => row.id);
}

export function insertPendingDispatch(
  db: SandboxDatabase,
  input: { eventId: string; endpoint: EndpointRow; attempt: number; trigger: 'automatic' | 'manual'; createdAt: string; dueAt: string },
): string {
  const id = randomUUID();
  db.prepare(
    `INSERT INTO dispatches (id, event_id, endpoint_id, url, attempt, trigger, status, created_at, due_at, next_retry_at)
     VALUES (?, ?, ?, ?, ?, ?, 'pending', ?, ?, ?)`,
  ).run(id, input.eventId, input.endpoint.id, input.endpoint.url, input.attempt, input.trigger, input.createdAt, input.dueAt, input.dueAt);
  return id;
}

/** One event's attempts, newest first (seeks dispatches_by_event; held by redeliver-plans.test.ts). */
export const EVENT_ATTEMPT_STATES_SQL = `SELECT id, endpoint_id, status, attempt_response_code, response_code_class, attempted_at
       FROM dispatches WHERE event_id = ? ORDER BY created_at DESC, rowid DESC`;

interface DispatchStateRow {
  id: string;
  endpoint_id: string | null;
  status: string;
  attempt_response_code: number | null;
  response_code_class: string | null;
  attempted_at: string | null;
}

/**
 * Recomputes an event's status and last_dispatch_* from its dispatches (must run in the same
 * transaction as the change that called it). Returns the new status.
 *   no dispatch at all                          → discarded (no endpoint was subscribed)
 *   superseded                                  → dispatched if every endpoint's latest attempt succeeded, else discarded
 *   any pending attempt                         → dispatching once something was attempted, else pending
 *   every endpoint's latest attempt succeeded   → dispatched
 *   otherwise (retries exhausted / final error) → failed
 */
export function refreshEventState(db: SandboxDatabase, eventId: string): string {
  const event = db.prepare('SELECT superseded FROM events WHERE id = ?').get(eventId) as { superseded: number } | undefined;
  if (event === undefined) return 'missing';
  const rows = cachedStatement(db, EVENT_ATTEMPT_STATES_SQL).all(eventId) as DispatchStateRow[];

  const latestPerEndpoint = new Map<string, DispatchStateRow>();
  for (const row of rows) {
    const key = row.endpoint_id ?? '';
    if (!latestPerEndpoint.has(key)) latestPerEndpoint.set(key, row);
  }
  const latest = [...latestPerEndpoint.values()];
  const allSucceeded = latest.length > 0 && latest.every((row) => row.status === 'succeeded');
  let status: string;
  if (rows.length === 0) status = 'discarded';
  else if (event.superseded === 1) status = allSucceeded ? 'dispatched' : 'discarded';
  else if (rows.some((row) => row.status === 'pending')) status = rows.some((row) => row.attempted_at !== null) ? 'dispatching' : 'pending';
  else status = allSucceeded ? 'dispatched' : 'failed';

  // last_dispatch = the newest attempt actually made, so an event waiting for a retry still shows
  // the code that failed (and matches filter[attempt_response_code]); a pending row only when
  // nothing was attempted yet.
  const attempted = rows.filter((row) => row.attempted_at !== null);
  const last = attempted.length > 0 ? attempted.reduce((a, b) => (b.attempted_at! > a.attempted_at! ? b : a)) : rows[0];
  db.prepare(
    `UPDATE events SET status = ?, last_dispatch_id = ?, last_dispatch_status = ?, last_dispatch_response_code = ?,
       last_dispatch_code_class = ?, last_dispatch_attempted_at = ? WHERE id = ?`,
  ).run(
    status,
    last?.id ?? null,
    last?.status ?? null,
    last?.attempt_response_code ?? null,
    last?.response_code_class ?? null,
    last?.attempted_at ?? null,
    eventId,
  );
  return status;
}

/** '2xx' … '5xx' for an HTTP status, null for none. */
export function responseCodeClass(code: number | null): string | null {
  if (code === null) return null;
  return `${Math.floor(code / 100)}xx`;
}
