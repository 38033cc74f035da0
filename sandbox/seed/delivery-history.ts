// Replays, without sending anything, how the dispatcher would have delivered one historical event to
// one demo endpoint: attempt by attempt, with each endpoint's health at that moment, retrying as the
// retry policy says (shared/retry-schedule.ts + the dispatcher's own retryKind), stopping when the
// event was superseded, and leaving a pending retry when the next attempt is still in the future.
// The rows it returns are shaped exactly like the ones the dispatcher records (sandbox/dispatcher/attempt.ts).

import { retryDelaySeconds } from '../../shared/retry-schedule';
import { retryKind } from '../dispatcher/attempt';
import type { RetryPolicy } from '../webhooks/retry-policy';
import type { DemoEndpoint } from './demo-endpoints';
import { HOUR_MS } from './demo-endpoints';
import type { Prng } from './prng';

export interface Outcome {
  code: number | null;
  error: string | null;
  durationMs: number;
  responseHeaders: Record<string, string> | null;
  responseBody: string | null;
}

export interface HistoricalAttempt {
  attempt: number;
  /** When the row was created (the event's arrival, or the previous attempt's end). */
  createdMs: number;
  dueMs: number;
  /** null while pending. */
  attemptedMs: number | null;
  status: 'pending' | 'succeeded' | 'failed';
  outcome: Outcome | null;
  nextRetryMs: number | null;
}

export interface HealthTimeline {
  /** The CRM endpoint refuses connections from here… */
  crmDownFromMs: number;
  /** …and answers 500 from here on. */
  crm500FromMs: number;
}

const JSON_TYPE = 'application/json; charset=utf-8';

function httpDate(ms: number): string {
  return new Date(ms).toUTCString();
}

function answered(atMs: number, code: number, body: string, durationMs: number, contentType = JSON_TYPE): Outcome {
  return {
    code,
    error: code >= 200 && code < 300 ? null : `http_${code}`,
    durationMs,
    responseHeaders: { 'content-type': contentType, 'content-length': String(Buffer.byteLength(body)), date: httpDate(atMs), connection: 'keep-alive' },
    responseBody: body,
  };
}

function noAnswer(error: string, durationMs: number): Outcome {
  return { code: null, error, durationMs, responseHeaders: null, responseBody: null };
}

const OK_BODY = '{"received":true}';
const FLAKY_BODY = '{"message":"Service temporarily unavailable, try again."}';
const LARAVEL_500 = JSON.stringify({
  message: 'SQLSTATE[HY000] [2002] Connection refused (Connection: mysql, SQL: select * from `orders` where `external_id` = ? limit 1)',
  exception: 'Illuminate\\Database\\QueryException',
  file: '/var/www/html/vendor/laravel/framework/src/Illuminate/Database/Connection.php',
  line: 829,
});
const NGINX_502 =
  '<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx/1.24.0 (Ubuntu)</center>\r\n</body>\r\n</html>\r\n';
const GONE_BODY = '{"status":"error","message":"This Zap no longer exists."}';

/** A healthy server's answer time: mostly fast, with a long tail. */
function healthyDuration(prng: Prng): number {
  return Math.round(25 + 60 * Math.exp(prng.next() * 2.2) * prng.next());
}

/** What one attempt to `endpoint` at `atMs` got back. */
export function attemptOutcome(prng: Prng, endpoint: DemoEndpoint, atMs: number, health: HealthTimeline): Outcome {
  const roll = prng.next();
  switch (endpoint.key) {
    case 'erp':
    case 'warehouse':
      if (roll < 0.003) return answered(atMs, 502, NGINX_502, prng.int(30, 90), 'text/html');
      if (roll < 0.004) return noAnswer('timeout', endpoint.timeoutSeconds * 1000 + prng.int(1, 30));
      return answered(atMs, 200, OK_BODY, healthyDuration(prng));
    case 'fulfillment':
      if (roll < 0.22) return answered(atMs, 503, FLAKY_BODY, prng.int(40, 400));
      if (roll < 0.3) return noAnswer('timeout', endpoint.timeoutSeconds * 1000 + prng.int(1, 40));
      return answered(atMs, 200, OK_BODY, prng.int(180, 1800));
    case 'crm':
      if (atMs >= health.crm500FromMs) return answered(atMs, 500, LARAVEL_500, prng.int(60, 320));
      if (atMs >= health.crmDownFromMs) return noAnswer('connection_refused', prng.int(1, 4));
      if (roll < 0.004) return answered(atMs, 502, NGINX_502, prng.int(30, 90), 'text/html');
      return answered(atMs, 200, OK_BODY, healthyDuration(prng));
    case 'zapier':
      return answered(atMs, 410, GONE_BODY, prng.int(90, 260));
  }
}

/**
 * Every attempt of one event to one endpoint, oldest first. `supersededAtMs`: pending work is
 * cancelled then (as the dispatcher deletes pending rows of a superseded event).
 */
export function replayDeliveries(
  prng: Prng,
  input: { eventCreatedMs: number; supersededAtMs: number | null; endpoint: DemoEndpoint; policy: RetryPolicy; nowMs: number; health: HealthTimeline },
): HistoricalAttempt[] {
  const { policy, nowMs } = input;
  const stopMs = Math.min(nowMs, input.supersededAtMs ?? Infinity);
  const attempts: HistoricalAttempt[] = [];
  let createdMs = input.eventCreatedMs;
  let dueMs = input.eventCreatedMs;
  for (let attempt = 1; ; attempt++) {
    // The dispatcher picks a due row up within a moment.
    const startMs = dueMs + prng.int(40, 900);
    if (startMs > stopMs) {
      // Not attempted yet: still pending unless the event was superseded first (then the row is gone).
      if (input.supersededAtMs === null || input.supersededAtMs > nowMs) {
        attempts.push({ attempt, createdMs, dueMs, attemptedMs: null, status: 'pending', outcome: null, nextRetryMs: null });
      } else {
        const previous = attempts[attempts.length - 1];
        if (previous) previous.nextRetryMs = null;
      }
      return attempts;
    }
    const outcome = attemptOutcome(prng, input.endpoint, startMs, input.health);
    const succeeded = outcome.code !== null && outcome.code >= 200 && outcome.code < 300;
    const kind = succeeded ? null : retryKind(outcome);
    const willRetry = !succeeded && kind !== null && policy.retry_on.includes(kind) && attempt < policy.max_attempts;
    const finishedMs = startMs + outcome.durationMs;
    const nextRetryMs = willRetry ? finishedMs + retryDelaySeconds(policy, attempt) * 1000 : null;
    attempts.push({ attempt, createdMs, dueMs, attemptedMs: startMs, status: succeeded ? 'succeeded' : 'failed', outcome, nextRetryMs });
    if (nextRetryMs === null) return attempts;
    createdMs = finishedMs;
    dueMs = nextRetryMs;
  }
}

/** When the failing endpoint's trouble started: yesterday, mid-morning in Brazil (UTC−3). */
export function crmHealthTimeline(nowMs: number): HealthTimeline {
  const startOfTodayUtc = Math.floor(nowMs / (24 * HOUR_MS)) * 24 * HOUR_MS;
  const crmDownFromMs = startOfTodayUtc - 24 * HOUR_MS + 13 * HOUR_MS + 17 * 60_000;
  return { crmDownFromMs, crm500FromMs: crmDownFromMs + 3 * HOUR_MS + 41 * 60_000 };
}
