// The Overview's figures from delivery-log rows: pure, so it is tested without a server. The handler
// (./summary.ts) walks the API and feeds the rows here; the renderer only draws the result.
import type { OverviewFigures } from '../../shared/ipc/channels/overview';

/** The dispatch fields the figures use (a subset of the API's dispatch resource). */
export interface DispatchRow {
  event_id?: string | null | undefined;
  endpoint_id?: string | null | undefined;
  url?: string | null | undefined;
  status: string;
  attempt_response_code?: number | null | undefined;
  error?: string | null | undefined;
  duration_ms?: number | null | undefined;
  attempted_at?: string | null | undefined;
}

/** Who an event belongs to, for failures by driver and by installation. */
export interface EventOwner {
  driver: string | null;
  installation: string | null;
}

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

/** The code a failure is grouped under: the HTTP status, else the client-side error, else `unknown`. */
export function failureCodeOf(row: DispatchRow): string {
  if (typeof row.attempt_response_code === 'number') return String(row.attempt_response_code);
  return row.error?.trim() || 'unknown';
}

interface Tally {
  failures: number;
  attempts: number;
}

function bump(map: Map<string | null, Tally>, key: string | null, failed: boolean): void {
  const tally = map.get(key) ?? { failures: 0, attempts: 0 };
  tally.attempts += 1;
  if (failed) tally.failures += 1;
  map.set(key, tally);
}

/** Groups with at least one failure, most failures first (ties: most attempts, then key). */
function topFailing(map: Map<string | null, Tally>, topN: number) {
  return [...map.entries()]
    .filter(([, t]) => t.failures > 0)
    .sort(([ka, a], [kb, b]) => b.failures - a.failures || b.attempts - a.attempts || String(ka).localeCompare(String(kb)))
    .slice(0, topN)
    .map(([key, t]) => ({ key, failures: t.failures, attempts: t.attempts }));
}

export function aggregateDispatches(input: AggregateInput): OverviewFigures {
  const { fromMs, toMs } = input;
  const topN = input.topN ?? 8;
  const bucketMs = bucketSizeFor(toMs - fromMs);
  // Buckets are aligned to the bucket size (in UTC) so a refresh does not shift the bars.
  const firstBucket = Math.floor(fromMs / bucketMs) * bucketMs;
  const bucketCount = Math.max(1, Math.ceil((toMs - firstBucket) / bucketMs));
  const buckets = Array.from({ length: bucketCount }, (_, i) => ({ startMs: firstBucket + i * bucketMs, succeeded: 0, failed: 0 }));

  const totals = { attempts: 0, succeeded: 0, failed: 0, pending: 0 };
  const durations: number[] = [];
  const byDriver = new Map<string | null, Tally>();
  const byInstallation = new Map<string | null, Tally>();
  const byCode = new Map<string | null, Tally>();
  const byEndpoint = new Map<string | null, Tally & { url: string }>();
  let unresolvedFailures = 0;

  for (const row of input.dispatches) {
    const at = row.attempted_at ? Date.parse(row.attempted_at) : Number.NaN;
    // Rows outside the window (a server that ignores a filter) are not counted.
    if (!Number.isNaN(at) && (at < fromMs || at > toMs)) continue;
    totals.attempts += 1;
    const failed = row.status === 'failed';
    const succeeded = row.status === 'succeeded';
    if (!failed && !succeeded) {
      // pending (or a status we do not know): not finished, so not in rates or latency.
      totals.pending += 1;
      continue;
    }
    if (failed) totals.failed += 1;
    else totals.succeeded += 1;

    if (!Number.isNaN(at)) {
      const bucket = buckets[Math.min(bucketCount - 1, Math.floor((at - firstBucket) / bucketMs))];
      if (bucket) {
        if (failed) bucket.failed += 1;
        else bucket.succeeded += 1;
      }
    }
    if (typeof row.duration_ms === 'number' && Number.isFinite(row.duration_ms) && row.duration_ms >= 0) durations.push(row.duration_ms);

    const owner = row.event_id ? input.owners.get(row.event_id) : undefined;
    if (failed && owner === undefined) unresolvedFailures += 1;
    bump(byDriver, owner?.driver ?? null, failed);
    bump(byInstallation, owner?.installation ?? null, failed);
    if (failed) bump(byCode, failureCodeOf(row), true);

    const endpointKey = row.endpoint_id ?? row.url ?? null;
    const endpoint = byEndpoint.get(endpointKey) ?? { failures: 0, attempts: 0, url: row.url ?? '' };
    endpoint.attempts += 1;
    if (failed) endpoint.failures += 1;
    byEndpoint.set(endpointKey, endpoint);
  }

  durations.sort((a, b) => a - b);
  const topEndpoints = [...byEndpoint.entries()]
    .filter(([, e]) => e.failures > 0)
    .sort(([, a], [, b]) => b.failures - a.failures || b.attempts - a.attempts || a.url.localeCompare(b.url))
    .slice(0, topN)
    .map(([key, e]) => ({ endpointId: key === e.url ? null : key, url: e.url, failures: e.failures, attempts: e.attempts }));

  return {
    bucketMs,
    totals: { ...totals, rate: successRate(totals.succeeded, totals.failed) },
    series: buckets.map((b) => ({ start: new Date(b.startMs).toISOString(), succeeded: b.succeeded, failed: b.failed, rate: successRate(b.succeeded, b.failed) })),
    latency: { p50: percentile(durations, 50), p95: percentile(durations, 95), samples: durations.length },
    failuresByDriver: topFailing(byDriver, topN),
    failuresByInstallation: topFailing(byInstallation, topN),
    failuresByCode: topFailing(byCode, topN),
    topFailingEndpoints: topEndpoints,
    unresolvedFailures,
  };
}
