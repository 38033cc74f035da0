// overview:* — the Overview screen's figures for a time window, computed in main from the delivery
// log (docs/api-contract.md §6, GET /processing/dispatches) so the renderer never pulls thousands of rows over IPC.
// With a delivery log the walk covers the whole window (exact figures); without one the figures come
// from a capped walk of the events, and `sample` says how much was read and whether it is truncated.
import { z } from 'zod';
import { op } from '../kit';

/** The longest window the Overview accepts (the demo history is 30 days). */
export const OVERVIEW_MAX_WINDOW_MS = 31 * 24 * 60 * 60 * 1000;

export const overviewSummaryInputSchema = z
  .object({
    /** ISO 8601, inclusive start of the window. */
    from: z.iso.datetime({ offset: true }),
    /** ISO 8601, end of the window; must be after `from`. */
    to: z.iso.datetime({ offset: true }),
  })
  .strict()
  .refine((w) => Date.parse(w.to) > Date.parse(w.from), { message: '`to` must be after `from`.', path: ['to'] })
  .refine((w) => Date.parse(w.to) - Date.parse(w.from) <= OVERVIEW_MAX_WINDOW_MS, { message: 'The window may span at most 31 days.', path: ['from'] });
export type OverviewSummaryInput = z.infer<typeof overviewSummaryInputSchema>;

const count = z.number().int().min(0);
/** succeeded / (succeeded + failed), 0..1; null when nothing finished. */
const rate = z.number().min(0).max(1).nullable();

export const overviewBucketSchema = z.object({
  /** ISO start of the bucket. */
  start: z.string(),
  succeeded: count,
  failed: count,
  rate,
  /** Attempt duration percentiles (ms) of the bucket's finished attempts; null when none reported one. */
  p50: z.number().nullable(),
  p95: z.number().nullable(),
});

export const overviewGroupSchema = z.object({
  /** The driver slug, installation id or response code; null = unknown (the event was not found). */
  key: z.string().nullable(),
  failures: count,
  attempts: count,
});

export const overviewEndpointSchema = z.object({
  endpointId: z.string().nullable(),
  url: z.string(),
  failures: count,
  attempts: count,
});

export const overviewFiguresSchema = z.object({
  bucketMs: z.number().int().positive(),
  totals: z.object({ attempts: count, succeeded: count, failed: count, pending: count, rate }),
  series: z.array(overviewBucketSchema),
  /** Attempt duration percentiles (ms) over attempts that reported `duration_ms`. */
  latency: z.object({ p50: z.number().nullable(), p95: z.number().nullable(), samples: count }),
  failuresByDriver: z.array(overviewGroupSchema),
  failuresByInstallation: z.array(overviewGroupSchema),
  /** Key = the HTTP code (`500`) or, with no answer, the error (`timeout`, `connection_refused`). */
  failuresByCode: z.array(overviewGroupSchema),
  topFailingEndpoints: z.array(overviewEndpointSchema),
  /** Failed attempts whose event was not among the events read (counted under key null). */
  unresolvedFailures: count,
});
export type OverviewFigures = z.infer<typeof overviewFiguresSchema>;

export const overviewSampleSchema = z.object({
  dispatchesRead: count,
  pagesRead: count,
  /** True when the page cap stopped the walk: the figures cover only [coveredFrom, to]. */
  truncated: z.boolean(),
  /** The oldest attempt read (the walk goes newest first); null when none. */
  coveredFrom: z.string().nullable(),
  maxPages: count,
  /** Closed buckets taken from main's cache instead of read again (delivery-log walks only). */
  bucketsFromCache: count.optional(),
});

export const overviewSummarySchema = z.discriminatedUnion('supported', [
  z.object({ supported: z.literal(false), from: z.string(), to: z.string() }),
  z.object({
    supported: z.literal(true),
    /**
     * `dispatches`: every attempt, from the delivery log. `events`: the server has no delivery log,
     * so each event's last attempt (`last_dispatch`) stands for it — retries before it are not counted.
     */
    source: z.enum(['dispatches', 'events']).optional(),
    from: z.string(),
    to: z.string(),
    sample: overviewSampleSchema,
    figures: overviewFiguresSchema,
  }),
]);
export type OverviewSummary = z.infer<typeof overviewSummarySchema>;

export const overviewChannels = {
  /** Delivery figures for [from, to]; `supported: false` when the server has no delivery log. */
  'overview:summary': op(overviewSummaryInputSchema, overviewSummarySchema),
};

/** While a summary's walk runs (at most every 250 ms): how far it got, for the screen's loader. */
export const overviewProgressSchema = z.object({
  from: z.string(),
  to: z.string(),
  /** Buckets of the window finished (read, or taken from the cache) and in all. */
  bucketsDone: count,
  bucketsTotal: count,
  /** Delivery attempts read so far. */
  attemptsRead: count,
});
export type OverviewProgress = z.infer<typeof overviewProgressSchema>;

export const overviewEvents = {
  'overview:progress': overviewProgressSchema,
};
