// overview:summary — walks the delivery log for the window (newest first, at most MAX_PAGES pages)
// and the events of the same period (to know each failed attempt's driver and installation), then
// aggregates in main. Bounded: a 7-day window on a busy server reads a sample, and says so. Without
// a delivery log, the figures come from each event's last attempt (`source: 'events'`).
// Cancelling the IPC request aborts the walk (the signal reaches every page fetch).
import { isAppError } from '../../shared/app-error';
import { dispatchSchema, eventSchema } from '../../shared/api/index';
import type { OverviewSummary, OverviewSummaryInput } from '../../shared/ipc/channels/overview';
import type { PlatformClient } from '../api/platform-client';
import { aggregateDispatches, type DispatchRow, type EventOwner } from './aggregate';

export interface SummaryLimits {
  /** Pages of the delivery log read at most (100 rows each). */
  maxPages: number;
  /** Pages of events read at most to resolve drivers and installations. */
  maxEventPages: number;
  pageSize: number;
}

export const DEFAULT_SUMMARY_LIMITS: SummaryLimits = { maxPages: 30, maxEventPages: 30, pageSize: 100 };
/** Retries can land a day after their event was created; events that old are looked for too. */
const EVENT_LOOKBACK_MS = 24 * 60 * 60 * 1000;

function isRouteMissing(error: unknown): boolean {
  return isAppError(error) && (error.status === 404 || error.status === 405 || (error.code === 'unsupported' && error.details?.capability === 'dispatches'));
}

async function readDispatches(client: PlatformClient, input: OverviewSummaryInput, limits: SummaryLimits, signal: AbortSignal) {
  const rows: DispatchRow[] = [];
  let pagesRead = 0;
  let truncated = false;
  const pages = client.iteratePages(
    '/processing/dispatches',
    dispatchSchema,
    { filters: { attempted_at_greater_than: input.from, attempted_at_less_than: input.to }, limit: limits.pageSize },
    { signal },
  );
  let first = true;
  try {
    for await (const page of pages) {
      if (first) client.capabilities.set('dispatches', 'supported');
      first = false;
      rows.push(...page.items);
      pagesRead += 1;
      if (pagesRead >= limits.maxPages) {
        const p = page.pagination;
        truncated = p.kind === 'cursor' ? p.nextCursor !== null : p.kind === 'page' ? p.nextPage !== null : p.full;
        break;
      }
    }
  } catch (error) {
    // Only the first page can tell us the route is missing; later errors are real errors.
    if (first && isRouteMissing(error)) {
      client.capabilities.set('dispatches', 'unsupported');
      return null;
    }
    throw error;
  }
  return { rows, pagesRead, truncated };
}

async function readEventOwners(client: PlatformClient, fromMs: number, to: string, limits: SummaryLimits, signal: AbortSignal) {
  const owners = new Map<string, EventOwner>();
  let pagesRead = 0;
  const pages = client.iteratePages(
    '/processing/events',
    eventSchema,
    { filters: { created_at_greater_than: new Date(fromMs - EVENT_LOOKBACK_MS).toISOString(), created_at_less_than: to }, limit: limits.pageSize },
    { signal },
  );
  for await (const page of pages) {
    for (const event of page.items) owners.set(event.id, { driver: event.integration_driver_slug, installation: event.installation_id });
    pagesRead += 1;
    if (pagesRead >= limits.maxEventPages) break;
  }
  return owners;
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

export async function overviewSummary(
  client: PlatformClient,
  input: OverviewSummaryInput,
  signal: AbortSignal,
  limits: SummaryLimits = DEFAULT_SUMMARY_LIMITS,
): Promise<OverviewSummary> {
  const from = new Date(input.from).toISOString();
  const to = new Date(input.to).toISOString();
  const window = { from, to };
  if (client.capabilities.get('dispatches') === 'unsupported') return summaryFromEvents(client, window, limits, signal);
  const fromMs = Date.parse(from);

  // Both walks run side by side (the client's scheduler keeps the profile's request budget). The
  // events walk has its own abort so a server without a delivery log does not wait for it.
  const eventsAbort = new AbortController();
  const stopEvents = () => eventsAbort.abort();
  signal.addEventListener('abort', stopEvents, { once: true });
  const ownersPromise = readEventOwners(client, fromMs, to, limits, eventsAbort.signal);
  // Until it is awaited below, a failure of the events walk must not become an unhandled rejection.
  ownersPromise.catch(() => undefined);
  let dispatches: Awaited<ReturnType<typeof readDispatches>>;
  let owners: Map<string, EventOwner>;
  try {
    dispatches = await readDispatches(client, window, limits, signal);
    if (dispatches === null) return await summaryFromEvents(client, window, limits, signal);
    owners = await ownersPromise;
  } finally {
    eventsAbort.abort();
    signal.removeEventListener('abort', stopEvents);
  }

  const attemptedTimes = dispatches.rows.map((r) => (r.attempted_at ? Date.parse(r.attempted_at) : Number.NaN)).filter((t) => !Number.isNaN(t));
  const oldest = attemptedTimes.length === 0 ? null : attemptedTimes.reduce((a, b) => Math.min(a, b));
  // A truncated walk covers only its newest part: aggregate over what was covered, so the chart
  // does not show a false gap at the start of the window.
  const coveredFromMs = dispatches.truncated && oldest !== null ? oldest : fromMs;
  const figures = aggregateDispatches({ dispatches: dispatches.rows, owners, fromMs: coveredFromMs, toMs: Date.parse(to) });
  return {
    supported: true,
    source: 'dispatches',
    ...window,
    sample: {
      dispatchesRead: dispatches.rows.length,
      pagesRead: dispatches.pagesRead,
      truncated: dispatches.truncated,
      coveredFrom: oldest === null ? null : new Date(oldest).toISOString(),
      maxPages: limits.maxPages,
    },
    figures,
  };
}
