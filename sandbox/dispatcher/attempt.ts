// Making one delivery attempt for one pending dispatch row, and recording its result together with
// everything that follows from it (retry row, endpoint failure count, event status) in one transaction.
import { retryDelaySeconds } from '../../shared/retry-schedule';
import type { SandboxContext } from '../context';
import { toApiTimestamp } from '../time';
import { insertPendingDispatch, refreshEventState, responseCodeClass } from '../processing/event-store';
import { endpointHeaders, findEndpoint, signingSecrets, type EndpointRow } from '../webhooks/endpoint-store';
import { loadRetryPolicy, type RetryOn } from '../webhooks/retry-policy';
import { CONNECTION_ERRORS, capText, sendDelivery, type DeliveryOutcome } from './http-delivery';
import { signatureHeader } from './signature';

export interface DispatchRow {
  id: string;
  event_id: string;
  endpoint_id: string | null;
  url: string;
  attempt: number;
  trigger: 'automatic' | 'manual';
  status: string;
}

interface EventForDelivery {
  id: string;
  name: string;
  created_at: string;
  installation_id: string | null;
  payload: string;
  superseded: number;
}

const USER_AGENT = 'II-Sandbox-Webhooks/1.0';
/** Custom header values are write-only: the delivery log shows their names, not their values. */
export const REDACTED = '[redacted]';

/**
 * Attempts the pending dispatch `dispatchId` now. Automatic attempts skip endpoints that were disabled
 * or deleted meanwhile (recorded as failed, no retry); manual ones (redeliver, test) are always sent.
 * Resolves once the result is recorded; never rejects for delivery problems.
 */
export async function performAttempt(ctx: SandboxContext, dispatchId: string): Promise<void> {
  const db = ctx.db;
  const row = db.prepare('SELECT * FROM dispatches WHERE id = ?').get(dispatchId) as DispatchRow | undefined;
  if (row === undefined || row.status !== 'pending') return;
  const event = db
    .prepare('SELECT id, name, created_at, installation_id, payload, superseded FROM events WHERE id = ?')
    .get(row.event_id) as EventForDelivery | undefined;
  if (event === undefined) return;
  const endpoint = row.endpoint_id === null ? undefined : findEndpoint(db, row.endpoint_id);
  const startedAt = ctx.now();

  if (endpoint === undefined || (row.trigger === 'automatic' && endpoint.enabled !== 1)) {
    const error = endpoint === undefined ? 'endpoint_deleted' : 'endpoint_disabled';
    recordAttempt(ctx, row, endpoint, startedAt, { code: null, error, durationMs: 0, responseHeaders: null, responseBody: null }, null, null);
    return;
  }

  db.prepare("UPDATE events SET status = 'dispatching' WHERE id = ? AND superseded = 0").run(event.id);
  const body = JSON.stringify({
    id: event.id,
    event: event.name,
    created_at: event.created_at,
    installation_id: event.installation_id,
    payload: parsePayload(event.payload),
  });
  const unixSeconds = Math.floor(startedAt.getTime() / 1000);
  const custom = endpointHeaders(endpoint);
  const ours: Record<string, string> = {
    'content-type': 'application/json',
    'user-agent': USER_AGENT,
    'x-ii-event-id': event.id,
    'x-ii-event-name': event.name,
    'x-ii-attempt': String(row.attempt),
    'x-ii-signature': signatureHeader(signingSecrets(endpoint, startedAt), unixSeconds, body),
  };
  // Our headers win over custom ones of the same name (validation refuses those names anyway).
  const headers = { ...lowerCaseKeys(custom), ...ours };
  const recordedHeaders = { ...Object.fromEntries(Object.keys(lowerCaseKeys(custom)).map((name) => [name, REDACTED])), ...ours };

  const outcome = await sendDelivery({ url: endpoint.url, headers, body, timeoutMs: endpoint.timeout_seconds * 1000 });
  recordAttempt(ctx, { ...row, url: endpoint.url }, endpoint, startedAt, outcome, recordedHeaders, body);
}

function recordAttempt(
  ctx: SandboxContext,
  row: DispatchRow,
  endpoint: EndpointRow | undefined,
  startedAt: Date,
  outcome: DeliveryOutcome,
  requestHeaders: Record<string, string> | null,
  requestBody: string | null,
): void {
  const db = ctx.db;
  db.transaction(() => {
    const current = db.prepare('SELECT status FROM dispatches WHERE id = ?').get(row.id) as { status: string } | undefined;
    // Cancelled meanwhile (superseded, endpoint deleted): nothing to record.
    if (current === undefined || current.status !== 'pending') return;
    const succeeded = outcome.code !== null && outcome.code >= 200 && outcome.code < 300 && outcome.error === null;
    const policy = loadRetryPolicy(db);
    const finishedAt = ctx.now();
    const skipped = outcome.error === 'endpoint_deleted' || outcome.error === 'endpoint_disabled';

    let endpointEnabled = endpoint !== undefined && endpoint.enabled === 1;
    if (endpoint !== undefined && !skipped) {
      if (succeeded) {
        db.prepare('UPDATE webhook_endpoints SET consecutive_failures = 0 WHERE id = ?').run(endpoint.id);
      } else if (row.trigger === 'automatic') {
        const { consecutive_failures: failures } = db
          .prepare('UPDATE webhook_endpoints SET consecutive_failures = consecutive_failures + 1 WHERE id = ? RETURNING consecutive_failures')
          .get(endpoint.id) as { consecutive_failures: number };
        const limit = policy.disable_endpoint_after_failures;
        if (limit !== null && failures >= limit && endpointEnabled) {
          db.prepare('UPDATE webhook_endpoints SET enabled = 0, disabled_reason = ?, updated_at = ? WHERE id = ?').run(
            `Disabled automatically after ${failures} consecutive failed deliveries (last: ${describeFailure(outcome)}).`,
            toApiTimestamp(finishedAt),
            endpoint.id,
          );
          endpointEnabled = false;
        }
      }
    }

    const superseded = (db.prepare('SELECT superseded FROM events WHERE id = ?').get(row.event_id) as { superseded: number }).superseded === 1;
    const kind = retryKind(outcome);
    const willRetry =
      !succeeded &&
      !skipped &&
      row.trigger === 'automatic' &&
      endpoint !== undefined &&
      endpointEnabled &&
      !superseded &&
      kind !== null &&
      policy.retry_on.includes(kind) &&
      row.attempt < policy.max_attempts;
    let nextRetryAt: string | null = null;
    if (willRetry && endpoint !== undefined) {
      nextRetryAt = toApiTimestamp(new Date(finishedAt.getTime() + retryDelaySeconds(policy, row.attempt) * 1000));
      insertPendingDispatch(db, {
        eventId: row.event_id,
        endpoint,
        attempt: row.attempt + 1,
        trigger: 'automatic',
        createdAt: toApiTimestamp(finishedAt),
        dueAt: nextRetryAt,
      });
    }

    db.prepare(
      `UPDATE dispatches SET url = ?, status = ?, attempt_response_code = ?, response_code_class = ?, error = ?, duration_ms = ?,
         request_headers = ?, request_body = ?, response_headers = ?, response_body = ?, attempted_at = ?, next_retry_at = ?
       WHERE id = ?`,
    ).run(
      row.url,
      succeeded ? 'succeeded' : 'failed',
      outcome.code,
      responseCodeClass(outcome.code),
      succeeded ? null : (outcome.error ?? `http_${outcome.code}`),
      outcome.durationMs,
      requestHeaders === null ? null : JSON.stringify(requestHeaders),
      requestBody === null ? null : capText(requestBody),
      outcome.responseHeaders === null ? null : JSON.stringify(outcome.responseHeaders),
      outcome.responseBody,
      toApiTimestamp(startedAt),
      nextRetryAt,
      row.id,
    );
    refreshEventState(db, row.event_id);
  })();
}

/**
 * An attempt crashed (a bug or unreadable row, not a delivery failure): close the row as failed so the
 * scheduler does not pick it up again and again.
 */
export function markAttemptCrashed(ctx: SandboxContext, dispatchId: string): void {
  const db = ctx.db;
  db.transaction(() => {
    const row = db.prepare("SELECT event_id FROM dispatches WHERE id = ? AND status = 'pending'").get(dispatchId) as { event_id: string } | undefined;
    if (row === undefined) return;
    db.prepare("UPDATE dispatches SET status = 'failed', error = 'internal_error', attempted_at = ?, next_retry_at = NULL, duration_ms = 0 WHERE id = ?").run(
      toApiTimestamp(ctx.now()),
      dispatchId,
    );
    refreshEventState(db, row.event_id);
  })();
}

/** Which `retry_on` class a failure belongs to; null = final (other 4xx, 3xx, blocked, bad URL). */
export function retryKind(outcome: DeliveryOutcome): RetryOn | null {
  if (outcome.code !== null) {
    if (outcome.code >= 500) return '5xx';
    if (outcome.code === 429) return '429';
    if (outcome.error === 'timeout') return 'timeout';
    return null;
  }
  if (outcome.error === 'timeout') return 'timeout';
  if (outcome.error !== null && CONNECTION_ERRORS.has(outcome.error)) return 'connection_error';
  return null;
}

function describeFailure(outcome: DeliveryOutcome): string {
  return outcome.code !== null ? `HTTP ${outcome.code}` : (outcome.error ?? 'error');
}

/** Payloads are JSON objects; a row written by hand with broken JSON is delivered as its raw text rather than crashing. */
function parsePayload(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

function lowerCaseKeys(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value]));
}
