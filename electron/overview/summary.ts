// overview:summary — the Overview's figures for a window. With a delivery log they are exact: every
// attempt of the window is read (GET /processing/dispatches, the largest page the API allows, keyset
// cursors), the window cut into its chart buckets and the buckets walked side by side, each row folded
// into its bucket's tally as its page arrives (./tally.ts: counts, a latency histogram, breakdowns).
// Drivers and installations come from the events of the same buckets (and, for retries of older
// events, from further back until every attempt's event is found or EVENT_LOOKBACK_MS is reached).
// Closed buckets are cached per profile (./summary-cache.ts), so a refresh reads only the open end.
// Without a delivery log the figures come from a capped walk of each event's last attempt
// (`source: 'events'`), which the screen labels as a sample with its size.
// Cancelling the IPC request aborts every walk (the signal reaches every page fetch); nothing is cached then.
import { isAppError } from '../../shared/app-error';
import { eventSchema } from '../../shared/api/index';
import type { OverviewProgress, OverviewSummary, OverviewSummaryInput } from '../../shared/ipc/channels/overview';
import type { PlatformClient } from '../api/platform-client';
import { aggregateDispatches, bucketGrid, figuresFromTallies } from './aggregate';
import { overviewDispatchSchema, overviewEventSchema } from './row-schemas';
import { OverviewCache, SETTLE_MS } from './summary-cache';
import { BucketTally, type DispatchRow, type EventOwner } from './tally';

export interface SummaryLimits {
  /** Events-only path (no delivery log): pages of events read at most — the figures are then a sample. */
  maxPages: number;
  /** Events-only path: the same cap (kept separate for tests). */
  maxEventPages: number;
  /** Rows per page: the API's maximum (docs/api-contract.md §3). */
  pageSize: number;
  /** Buckets walked side by side (the profile's scheduler still caps requests in flight). */
  concurrency?: number;
}

export const DEFAULT_SUMMARY_LIMITS: SummaryLimits = { maxPages: 30, maxEventPages: 30, pageSize: 100, concurrency: 4 };
/** Retries can land a day after their event was created; events that old are looked for too. */
const EVENT_LOOKBACK_MS = 24 * 60 * 60 * 1000;

export interface SummaryOptions {
  limits?: SummaryLimits;
  cache?: OverviewCache;
  now?: () => number;
  /** Called as the walk advances (throttled), and once when it ends. */
  onProgress?: (progress: OverviewProgress) => void;
}

const PROGRESS_EVERY_MS = 250;

function isRouteMissing(error: unknown): boolean {
  return isAppError(error) && (error.status === 404 || error.status === 405 || (error.code === 'unsupported' && error.details?.capability === 'dispatches'));
}

const iso = (ms: number) => new Date(ms).toISOString();

/** Runs `tasks` with at most `concurrency` at a time, in order; the first failure stops the rest. */
async function runPool(tasks: ReadonlyArray<() => Promise<void>>, concurrency: number, stop: AbortController): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < tasks.length && !stop.signal.aborted) await tasks[next++]!();
  };
  try {
    await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, tasks.length)) }, worker));
  } catch (error) {
    stop.abort();
    throw error;
  }
}

interface Segment {
  startMs: number;
  /** The part of the bucket inside the window: [fromMs, toMs). */
  fromMs: number;
  toMs: number;
  key: string;
  tally: BucketTally;
  cached: boolean;
}

/**
 * The figures without a delivery log (`/processing/dispatches` missing): each event of the window
 * carries its documented `last_dispatch` (status, response code, time), which is one attempt per
 * event — the last one. Only the documented filter is sent (`created_at_greater_than`); the end of
 * the window is applied here. The events are walked newest first when the server allows that
 * order, else in its own order, up to `maxEventPages` pages.
 */
async function summaryFromEvents(client: PlatformClient, window: { from: string; to: string }, limits: SummaryLimits, signal: AbortSignal): Promise<OverviewSummary> {
  const fromMs = Date.parse(window.from);
  const toMs = Date.parse(window.to);
  const rows: DispatchRow[] = [];
  const owners = new Map<string, EventOwner>();
  let pagesRead = 0;
  let truncated = false;
  const pages = client.iteratePages('/processing/events', eventSchema, { filters: { created_at_greater_than: window.from }, sort: '-created_at', limit: limits.pageSize }, { signal });
  for await (const page of pages) {
    for (const event of page.items) {
      const last = event.last_dispatch;
      const at = last?.attempted_at ? Date.parse(last.attempted_at) : Number.NaN;
      if (!last || Number.isNaN(at) || at < fromMs || at > toMs) continue;
      owners.set(event.id, { driver: event.integration_driver_slug, installation: event.installation_id });
      rows.push({ event_id: event.id, status: last.status, attempt_response_code: last.attempt_response_code, attempted_at: last.attempted_at });
    }
    pagesRead += 1;
    if (pagesRead >= limits.maxEventPages) {
      const p = page.pagination;
      truncated = p.kind === 'cursor' ? p.nextCursor !== null : p.kind === 'page' ? p.nextPage !== null : p.full;
      break;
    }
  }
  const times = rows.map((r) => Date.parse(r.attempted_at ?? ''));
  const oldest = times.length === 0 ? null : times.reduce((a, b) => Math.min(a, b));
  return {
    supported: true,
    source: 'events',
    ...window,
    sample: { dispatchesRead: rows.length, pagesRead, truncated, coveredFrom: oldest === null ? null : new Date(oldest).toISOString(), maxPages: limits.maxEventPages },
    figures: aggregateDispatches({ dispatches: rows, owners, fromMs: truncated && oldest !== null ? oldest : fromMs, toMs }),
  };
}

class RouteMissing extends Error {}

/** One page of one attempt from the delivery log: supported (remembered), or RouteMissing. */
async function probeDeliveryLog(client: PlatformClient, segment: { fromMs: number; toMs: number }, signal: AbortSignal): Promise<void> {
  try {
    const pages = client.iteratePages(
      '/processing/dispatches',
      overviewDispatchSchema,
      { filters: { attempted_at_greater_than: iso(segment.fromMs - 1), attempted_at_less_than: iso(segment.toMs) }, limit: 1 },
      { signal },
    );
    // The first page answers the question; leaving the loop stops the walk.
    for await (const _page of pages) break;
    client.capabilities.set('dispatches', 'supported');
  } catch (error) {
    if (isRouteMissing(error)) throw new RouteMissing();
    throw error;
  }
}

export async function overviewSummary(
  client: PlatformClient,
  input: OverviewSummaryInput,
  signal: AbortSignal,
  options: SummaryOptions = {},
): Promise<OverviewSummary> {
  const limits = options.limits ?? DEFAULT_SUMMARY_LIMITS;
  const cache = options.cache ?? new OverviewCache();
  const nowMs = (options.now ?? Date.now)();
  const from = new Date(input.from).toISOString();
  const to = new Date(input.to).toISOString();
  const window = { from, to };
  if (client.capabilities.get('dispatches') === 'unsupported') return summaryFromEvents(client, window, limits, signal);
  const fromMs = Date.parse(from);
  const toMs = Date.parse(to);

  const { bucketMs, starts } = bucketGrid(fromMs, toMs);
  const segments: Segment[] = starts.map((startMs) => {
    const segFrom = Math.max(startMs, fromMs);
    const segTo = Math.min(startMs + bucketMs, toMs);
    const key = OverviewCache.segmentKey(bucketMs, segFrom, segTo);
    const cached = segTo <= nowMs - SETTLE_MS ? cache.bucket(client, key) : undefined;
    return { startMs, fromMs: segFrom, toMs: segTo, key, tally: cached ?? new BucketTally(), cached: cached !== undefined };
  });
  // Newest first: the part of the window that changes is read first.
  const toWalk = segments.filter((s) => !s.cached && s.toMs > s.fromMs).reverse();
  const owners = cache.owners(client);
  const stop = new AbortController();
  const walkSignal = AbortSignal.any([signal, stop.signal]);
  const concurrency = limits.concurrency ?? 4;
  let pagesRead = 0;
  let dispatchesRead = 0;
  let bucketsDone = segments.length - toWalk.length;
  let lastProgress = 0;
  const progress = (force = false) => {
    const at = Date.now();
    if (!options.onProgress || (!force && at - lastProgress < PROGRESS_EVERY_MS)) return;
    lastProgress = at;
    options.onProgress({ from, to, bucketsDone, bucketsTotal: segments.length, attemptsRead: dispatchesRead });
  };

  // The server's bounds are strict (`>`, `<`) and to the millisecond here while it stores microseconds:
  // ask from 1 ms before and keep [from, to) by the parsed time, so a row on a boundary is counted once.
  const walkDispatches = (segment: Segment) => async () => {
    const pages = client.iteratePages(
      '/processing/dispatches',
      overviewDispatchSchema,
      { filters: { attempted_at_greater_than: iso(segment.fromMs - 1), attempted_at_less_than: iso(segment.toMs) }, limit: limits.pageSize },
      { signal: walkSignal, prefetch: true },
    );
    for await (const page of pages) {
      pagesRead += 1;
      for (const row of page.items) {
        const at = row.attempted_at ? Date.parse(row.attempted_at) : Number.NaN;
        // A server that ignores the filter: rows outside the bucket are not counted here.
        if (Number.isNaN(at) || at < segment.fromMs || at >= segment.toMs) continue;
        dispatchesRead += 1;
        segment.tally.add(row);
      }
      progress();
    }
    bucketsDone += 1;
    progress();
  };
  const walkEvents = (fromEventsMs: number, toEventsMs: number, done?: () => boolean) => async () => {
    if (done?.()) return;
    const pages = client.iteratePages(
      '/processing/events',
      overviewEventSchema,
      { filters: { created_at_greater_than: iso(fromEventsMs - 1), created_at_less_than: iso(toEventsMs) }, limit: limits.pageSize },
      { signal: walkSignal, prefetch: true },
    );
    for await (const page of pages) {
      for (const event of page.items) owners.set(event.id, { driver: event.integration_driver_slug, installation: event.installation_id });
      if (done?.()) break;
    }
  };

  try {
    // Whether the server has a delivery log at all is asked once per profile, alone, before the
    // walks: side by side, an events walk refused for another reason (a server with only the
    // documented filters refuses `created_at_less_than`) could fail the summary before the missing
    // route's 404 arrived, instead of falling back to the events.
    if (client.capabilities.get('dispatches') !== 'supported' && toWalk.length > 0) await probeDeliveryLog(client, toWalk[0]!, walkSignal);
    // The attempts of each bucket and the events created in it, side by side.
    await runPool(
      toWalk.flatMap((segment) => [walkDispatches(segment), walkEvents(segment.fromMs, segment.toMs)]),
      concurrency,
      stop,
    );
    // Retries of events created before the walked part: look further back, a bucket at a time,
    // until every attempt's event is known (or the lookback ends; the rest count as unknown).
    const missing = new Set<string>();
    for (const segment of toWalk) for (const id of segment.tally.eventIds()) if (id !== null && !owners.has(id)) missing.add(id);
    if (missing.size > 0 && toWalk.length > 0) {
      const walkedFrom = Math.min(...toWalk.map((s) => s.fromMs));
      const lookback: Array<() => Promise<void>> = [];
      for (let end = walkedFrom; end > walkedFrom - EVENT_LOOKBACK_MS; end -= bucketMs) {
        lookback.push(walkEvents(Math.max(walkedFrom - EVENT_LOOKBACK_MS, end - bucketMs), end, () => {
          for (const id of missing) if (owners.has(id)) missing.delete(id);
          return missing.size === 0;
        }));
      }
      await runPool(lookback, concurrency, stop);
    }
  } catch (error) {
    if (error instanceof RouteMissing) {
      client.capabilities.set('dispatches', 'unsupported');
      return summaryFromEvents(client, window, limits, signal);
    }
    throw error;
  } finally {
    stop.abort();
  }

  progress(true);
  for (const segment of toWalk) {
    segment.tally.resolveOwners(owners);
    if (segment.toMs <= nowMs - SETTLE_MS) cache.keepBucket(client, segment.key, segment.tally);
  }
  cache.trimOwners(client);
  const cachedCount = segments.filter((s) => s.cached).length;
  return {
    supported: true,
    source: 'dispatches',
    ...window,
    sample: { dispatchesRead, pagesRead, truncated: false, coveredFrom: from, maxPages: 0, bucketsFromCache: cachedCount },
    figures: figuresFromTallies(bucketMs, segments),
  };
}
