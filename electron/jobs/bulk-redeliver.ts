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
  /** Redeliveries in flight at once at most (a slow answer does not hold the pace back; a bound keeps memory flat). */
  concurrency: number;
  /** Attempts per event when the server answers 429. */
  maxRateLimitRetries: number;
  /** When a 429 carries no Retry-After. */
  defaultRetryAfterSeconds: number;
  /** A run of failures this long means something is wrong for every event (e.g. token revoked): stop. */
  maxConsecutiveFailures: number;
  /**
   * After this long without a 429 the pace doubles back, up to `ratePerSecond`. Without it one 429
   * (a busy minute on a shared token) would slow the rest of a 10,000-event job for good.
   */
  recoverAfterSeconds: number;
}

export const defaultPacing: RedeliverPacing = {
  ratePerSecond: 10,
  concurrency: 4,
  maxRateLimitRetries: 5,
  defaultRetryAfterSeconds: 5,
  maxConsecutiveFailures: 25,
  recoverAfterSeconds: 15,
};

// Errors that will be the same for every following event: the job stops instead of failing 10,000 times.
const FATAL_CODES = new Set(['unsupported', 'unauthenticated', 'forbidden', 'no_token', 'invalid_token', 'read_only']);

/**
 * Redelivers the events of the job's filter, newest first, at most `expected` of them. Streams:
 * the selection is walked one keyset page at a time (no list of 10,000 events is ever held), at
 * most `concurrency` redeliveries are in flight, and each outcome goes to the job's outcome log
 * (on disk), so main's memory does not grow with the number of events.
 *
 * Pacing: starts are spaced `1 / ratePerSecond` apart. A 429 that reaches the job (the client
 * waits out short ones itself, pausing the profile's scheduler for every request) holds every
 * start until its Retry-After has passed, halves the pace, and sends the same event again (same
 * Idempotency-Key); each `recoverAfterSeconds` without a 429 doubles the pace back, never above the
 * pace asked. The figures are in `snapshot.pacing`.
 */
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
  const log = job.outcomeLog;
  const concurrency = Math.max(1, Math.floor(pacing.concurrency));
  const askedIntervalMs = 1000 / pacing.ratePerSecond;
  let intervalMs = askedIntervalMs;
  const startedAt = now();
  // When the pace last changed because of a 429 (or last recovered): the quiet spell is counted from it.
  let lastSlowdownAt = startedAt;
  let nextStart = startedAt;
  let pausedUntil = 0;
  let started = 0;
  let consecutiveFailures = 0;
  // Set by whichever redelivery meets an error that ends the job (read after awaits).
  let fatal = null as { error: unknown } | null;
  const stats = { requestsPerSecond: 0, targetPerSecond: pacing.ratePerSecond, concurrency, rateLimited: 0, waitedSeconds: 0 };
  snap.pacing = stats;
  const updateRate = () => {
    const seconds = (now() - startedAt) / 1000;
    stats.requestsPerSecond = seconds > 0 ? Math.round((started / seconds) * 100) / 100 : 0;
  };

  const record = (event: PlatformEvent, outcome: 'succeeded' | 'failed' | 'skipped', dispatchId: string | null, reason: string | null) => {
    log?.append({ event_id: event.id, event_name: event.name, outcome, dispatch_id: dispatchId, reason });
    snap.processed++;
    snap[outcome]++;
    updateRate();
    job.progressed();
  };

  const setTarget = () => {
    stats.targetPerSecond = Math.round((1000 / intervalMs) * 1000) / 1000;
  };

  /** A quiet spell since the last slowdown: go twice as fast again, up to the pace asked. */
  const recover = () => {
    if (intervalMs <= askedIntervalMs || now() - lastSlowdownAt < pacing.recoverAfterSeconds * 1000) return;
    intervalMs = Math.max(askedIntervalMs, intervalMs / 2);
    lastSlowdownAt = now();
    setTarget();
  };

  /** Waits for this request's turn: the pace, and any Retry-After the server set meanwhile. */
  const takeTurn = async () => {
    for (;;) {
      recover();
      const at = Math.max(now(), nextStart, pausedUntil);
      nextStart = at + intervalMs;
      await sleep(at - now(), signal);
      // A 429 seen while this one slept moves every start after its Retry-After.
      if (now() >= pausedUntil) return;
    }
  };

  const redeliver = async (event: PlatformEvent) => {
    let rateLimitRetries = 0;
    for (;;) {
      await takeTurn();
      if (fatal) return;
      started++;
      try {
        const dispatch = await client.redeliverEvent(event.id, {
          // The same job + event always sends the same key: a retried request never redelivers twice.
          idempotencyKey: idempotencyKeyFor(snap.profileId, `bulk-redeliver:${event.id}`, options.actionId),
          signal,
        });
        consecutiveFailures = 0;
        record(event, 'succeeded', dispatch.id, null);
        return;
      } catch (error) {
        if (signal.aborted) return;
        if (isAppError(error) && error.code === 'rate_limited' && rateLimitRetries < pacing.maxRateLimitRetries) {
          rateLimitRetries++;
          stats.rateLimited++;
          // Honour Retry-After, then go at half the pace: the server told us we were too fast.
          const waitSeconds = error.retryAfter ?? pacing.defaultRetryAfterSeconds;
          const until = now() + waitSeconds * 1000;
          if (until > pausedUntil) {
            stats.waitedSeconds += (until - Math.max(now(), pausedUntil)) / 1000;
            pausedUntil = until;
            intervalMs *= 2;
            lastSlowdownAt = until;
            setTarget();
          }
          snap.waitingSeconds = waitSeconds;
          job.flush();
          await sleep(Math.max(0, pausedUntil - now()), signal);
          snap.waitingSeconds = null;
          continue;
        }
        if (isAppError(error) && FATAL_CODES.has(error.code)) {
          fatal ??= { error };
          return;
        }
        if (isAppError(error) && error.code === 'not_found') {
          record(event, 'skipped', null, 'not_found: the event no longer exists');
          return;
        }
        record(event, 'failed', null, outcomeReason(error));
        if (++consecutiveFailures >= pacing.maxConsecutiveFailures) fatal ??= { error };
        return;
      }
    }
  };

  const inFlight = new Set<Promise<void>>();
  let taken = 0;
  try {
    outer: for await (const page of eventPages(client, snap.filters, signal)) {
      for (const event of page.items) {
        if (signal.aborted || fatal) break outer;
        if (taken >= options.expected) break outer;
        taken++;
        // A superseded event was replaced by a newer one: sending the old data again would be wrong.
        if (event.superseded) {
          record(event, 'skipped', null, 'superseded: a newer event replaced it');
          continue;
        }
        while (inFlight.size >= concurrency) await Promise.race(inFlight);
        if (signal.aborted || fatal) break outer;
        // Never rejects: every outcome, even an unexpected throw, is recorded inside.
        const task: Promise<void> = redeliver(event)
          .catch((error: unknown) => {
            if (!signal.aborted) fatal ??= { error };
          })
          .finally(() => inFlight.delete(task));
        inFlight.add(task);
      }
    }
    await Promise.all(inFlight);
    updateRate();
    if (fatal) throw fatal.error;
    if (signal.aborted) job.finish('cancelled');
    else job.finish('completed');
  } catch (error) {
    await Promise.all(inFlight);
    updateRate();
    if (signal.aborted) job.finish('cancelled');
    else job.finish('failed', toIpcError(fatal ? fatal.error : error));
  } finally {
    await log?.close();
  }
}
