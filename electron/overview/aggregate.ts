// The Overview's figures from delivery-log rows: pure, so it is tested without a server. The handler
// (./summary.ts) walks the API and feeds the rows here; the renderer only draws the result.
import type { OverviewFigures } from '../../shared/ipc/channels/overview';
import { BucketTally, type DispatchRow, type EventOwner, type Tally } from './tally';

export type { DispatchRow, EventOwner } from './tally';
export { failureCodeOf } from './tally';

export interface AggregateInput {
  dispatches: Iterable<DispatchRow>;
  /** event id → owner; events not in it count as unknown (key null). */
  owners: ReadonlyMap<string, EventOwner>;
  fromMs: number;
  toMs: number;
  /** How many groups each breakdown keeps (the largest first). */
  topN?: number;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
/** Bucket sizes a person reads easily; the smallest that gives at most MAX_BUCKETS is used. */
const BUCKET_SIZES = [MINUTE, 5 * MINUTE, 15 * MINUTE, 30 * MINUTE, HOUR, 3 * HOUR, 6 * HOUR, 12 * HOUR, 24 * HOUR];
const MAX_BUCKETS = 60;

export function bucketSizeFor(spanMs: number): number {
  for (const size of BUCKET_SIZES) if (spanMs / size <= MAX_BUCKETS) return size;
  return Math.ceil(spanMs / MAX_BUCKETS / HOUR) * HOUR;
}

/** Nearest-rank percentile (no interpolation: every answer is a duration that was measured). */
export function percentile(sortedAscending: readonly number[], p: number): number | null {
  if (sortedAscending.length === 0) return null;
  const rank = Math.max(1, Math.ceil((p / 100) * sortedAscending.length));
  return sortedAscending[Math.min(rank, sortedAscending.length) - 1] ?? null;
}

function successRate(succeeded: number, failed: number): number | null {
  return succeeded + failed === 0 ? null : succeeded / (succeeded + failed);
}

/** Groups with at least one failure, most failures first (ties: most attempts, then key). */
function topFailing(map: ReadonlyMap<string | null, Tally>, topN: number) {
  return [...map.entries()]
    .filter(([, t]) => t.failures > 0)
    .sort(([ka, a], [kb, b]) => b.failures - a.failures || b.attempts - a.attempts || String(ka).localeCompare(String(kb)))
    .slice(0, topN)
    .map(([key, t]) => ({ key, failures: t.failures, attempts: t.attempts }));
}

/** The bucket grid of a window: aligned to the bucket size (in UTC) so a refresh does not shift the bars. */
export function bucketGrid(fromMs: number, toMs: number): { bucketMs: number; starts: number[] } {
  const bucketMs = bucketSizeFor(toMs - fromMs);
  const firstBucket = Math.floor(fromMs / bucketMs) * bucketMs;
  const bucketCount = Math.max(1, Math.ceil((toMs - firstBucket) / bucketMs));
  return { bucketMs, starts: Array.from({ length: bucketCount }, (_, i) => firstBucket + i * bucketMs) };
}

/**
 * The figures from resolved bucket tallies (owners already folded in). `extra` holds attempts that
 * count in the totals but belong to no bucket (no `attempted_at`).
 */
export function figuresFromTallies(bucketMs: number, buckets: ReadonlyArray<{ startMs: number; tally: BucketTally }>, topN = 8, extra?: BucketTally): OverviewFigures {
  const total = new BucketTally();
  for (const b of buckets) total.merge(b.tally);
  if (extra) total.merge(extra);
  const topEndpoints = [...total.byEndpoint.entries()]
    .filter(([, e]) => e.failures > 0)
    .sort(([, a], [, b]) => b.failures - a.failures || b.attempts - a.attempts || a.url.localeCompare(b.url))
    .slice(0, topN)
    .map(([key, e]) => ({ endpointId: key === e.url ? null : key, url: e.url, failures: e.failures, attempts: e.attempts }));
  return {
    bucketMs,
    totals: { attempts: total.attempts, succeeded: total.succeeded, failed: total.failed, pending: total.pending, rate: successRate(total.succeeded, total.failed) },
    series: buckets.map(({ startMs, tally }) => ({
      start: new Date(startMs).toISOString(),
      succeeded: tally.succeeded,
      failed: tally.failed,
      rate: successRate(tally.succeeded, tally.failed),
      p50: tally.latency.percentile(50),
      p95: tally.latency.percentile(95),
    })),
    latency: { p50: total.latency.percentile(50), p95: total.latency.percentile(95), samples: total.latency.total },
    failuresByDriver: topFailing(total.byDriver, topN),
    failuresByInstallation: topFailing(total.byInstallation, topN),
    failuresByCode: topFailing(total.byCode, topN),
    topFailingEndpoints: topEndpoints,
    unresolvedFailures: total.unresolvedFailures,
  };
}

/** The figures of a set of rows already in memory (the events-only path, and the tests' reference). */
export function aggregateDispatches(input: AggregateInput): OverviewFigures {
  const { fromMs, toMs } = input;
  const { bucketMs, starts } = bucketGrid(fromMs, toMs);
  const buckets = starts.map((startMs) => ({ startMs, tally: new BucketTally() }));
  const undated = new BucketTally();
  const firstBucket = starts[0]!;
  for (const row of input.dispatches) {
    const at = row.attempted_at ? Date.parse(row.attempted_at) : Number.NaN;
    if (Number.isNaN(at)) {
      undated.add(row);
      continue;
    }
    // Rows outside the window (a server that ignores a filter) are not counted.
    if (at < fromMs || at > toMs) continue;
    buckets[Math.min(buckets.length - 1, Math.floor((at - firstBucket) / bucketMs))]!.tally.add(row);
  }
  for (const b of buckets) b.tally.resolveOwners(input.owners);
  undated.resolveOwners(input.owners);
  return figuresFromTallies(bucketMs, buckets, input.topN ?? 8, undated);
}
