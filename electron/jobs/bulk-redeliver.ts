// Bulk redeliver: count what a filter matches (so the operator sees the number before confirming),
// then redeliver those events one by one — paced, waiting out 429 Retry-After and slowing down,
// cancellable, each event's outcome recorded for an exportable summary.
// Only events created before the count (`asOf`) and at most the confirmed number are touched, so
// events that arrive while the job runs are never redelivered by surprise.
import { isAppError } from '../../shared/app-error';
import type { PlatformEvent } from '../../shared/api/index';
import type { EventFilter } from '../../shared/ipc/channels/jobs';
import { idempotencyKeyFor } from '../api/http';
import { abortableSleep } from '../api/abortable-sleep';
import { eventPages, type JobsClient } from './events-source';
import type { JobRecord } from './job-record';
import { outcomeReason, toIpcError } from './job-errors';

export interface CountResult {
  count: number;
  capped: boolean;
}

/** Walks the filter (pages of 100) and stops as soon as more than `cap` events are seen. */
export async function countEvents(client: JobsClient, filters: EventFilter, cap: number, signal: AbortSignal): Promise<CountResult> {
  let count = 0;
  for await (const page of eventPages(client, filters, signal)) {
    count += page.items.length;
    if (count > cap) return { count: cap, capped: true };
  }
  return { count, capped: false };
}

/** The filter narrowed to events created before `asOf` (keeps a tighter bound the operator set). */
export function boundedFilter(filters: EventFilter, asOf: string): EventFilter {
  const existing = filters.created_at_less_than;
  if (existing && Date.parse(existing) <= Date.parse(asOf)) return { ...filters };
  return { ...filters, created_at_less_than: asOf };
}

export interface RedeliverPacing {
  /** Redeliveries started per second at most. */
  ratePerSecond: number;
  /** Attempts per event when the server answers 429. */
  maxRateLimitRetries: number;
  /** When a 429 carries no Retry-After. */
  defaultRetryAfterSeconds: number;
  /** A run of failures this long means something is wrong for every event (e.g. token revoked): stop. */
  maxConsecutiveFailures: number;
}

export const defaultPacing: RedeliverPacing = {
  ratePerSecond: 10,
  maxRateLimitRetries: 5,
  defaultRetryAfterSeconds: 5,
  maxConsecutiveFailures: 25,
};

// Errors that will be the same for every following event: the job stops instead of failing 10,000 times.
const FATAL_CODES = new Set(['unsupported', 'unauthenticated', 'forbidden', 'no_token', 'invalid_token', 'read_only']);

export async function runBulkRedeliver(
  job: JobRecord,
  client: JobsClient,
  options: { expected: number; actionId: string; pacing?: Partial<RedeliverPacing>; sleep?: typeof abortableSleep; now?: () => number },
): Promise<void> {
  const pacing = { ...defaultPacing, ...options.pacing };
  const sleep = options.sleep ?? abortableSleep;
  const now = options.now ?? Date.now;
  const signal = job.signal;
  const snap = job.snapshot;
  let intervalMs = 1000 / pacing.ratePerSecond;
  let nextStart = now();
  let consecutiveFailures = 0;

  const record = (event: PlatformEvent, outcome: 'succeeded' | 'failed' | 'skipped', dispatchId: string | null, reason: string | null) => {
    job.outcomes.push({ event_id: event.id, event_name: event.name, outcome, dispatch_id: dispatchId, reason });
    snap.processed++;
    snap[outcome]++;
    job.progressed();
  };

  try {
    outer: for await (const page of eventPages(client, snap.filters, signal)) {
      for (const event of page.items) {
        if (signal.aborted) break outer;
        if (snap.processed >= options.expected) break outer;
        // A superseded event was replaced by a newer one: sending the old data again would be wrong.
        if (event.superseded) {
          record(event, 'skipped', null, 'superseded: a newer event replaced it');
          continue;
        }
        let rateLimitRetries = 0;
        for (;;) {
          await sleep(Math.max(0, nextStart - now()), signal);
          nextStart = now() + intervalMs;
          try {
            const dispatch = await client.redeliverEvent(event.id, {
              // The same job + event always sends the same key: a retried request never redelivers twice.
              idempotencyKey: idempotencyKeyFor(snap.profileId, `bulk-redeliver:${event.id}`, options.actionId),
              signal,
            });
            consecutiveFailures = 0;
            record(event, 'succeeded', dispatch.id, null);
            break;
          } catch (error) {
            if (signal.aborted) break outer;
            if (isAppError(error) && error.code === 'rate_limited' && rateLimitRetries < pacing.maxRateLimitRetries) {
              rateLimitRetries++;
              // Honour Retry-After, then go at half the pace: the server told us we were too fast.
              const waitSeconds = error.retryAfter ?? pacing.defaultRetryAfterSeconds;
              intervalMs *= 2;
              snap.waitingSeconds = waitSeconds;
              job.flush();
              await sleep(waitSeconds * 1000, signal);
              snap.waitingSeconds = null;
              nextStart = now();
              continue;
            }
            if (isAppError(error) && FATAL_CODES.has(error.code)) throw error;
            if (isAppError(error) && error.code === 'not_found') {
              record(event, 'skipped', null, 'not_found: the event no longer exists');
              break;
            }
            record(event, 'failed', null, outcomeReason(error));
            if (++consecutiveFailures >= pacing.maxConsecutiveFailures) throw error;
            break;
          }
        }
      }
    }
    if (signal.aborted) job.finish('cancelled');
    else job.finish('completed');
  } catch (error) {
    if (signal.aborted) job.finish('cancelled');
    else job.finish('failed', toIpcError(error));
  }
}
