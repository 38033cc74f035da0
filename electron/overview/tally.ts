// Per-bucket accumulators for the Overview: each delivery-log row is folded into the tally of its
// time bucket as its page arrives, so the walk keeps counts and a latency histogram, never the rows.
// Tallies of closed buckets are final and are what the per-profile cache keeps (./summary-cache.ts).

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

/**
 * The histogram key of a duration: whole milliseconds below 1 s; above, three significant figures
 * (12,345 ms → 12,300). So a percentile read from it is the measured value to the millisecond below
 * 1 s and within 0.5 % above — while a bucket holds at most ~1,000 + 900 per decade distinct keys,
 * whatever the number of attempts.
 */
export function latencyKey(durationMs: number): number {
  const ms = Math.round(durationMs);
  if (ms < 1000) return ms;
  const step = 10 ** (Math.floor(Math.log10(ms)) - 2);
  return Math.round(ms / step) * step;
}

export class LatencyHistogram {
  readonly counts = new Map<number, number>();
  total = 0;

  add(durationMs: number): void {
    const key = latencyKey(durationMs);
    this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
    this.total += 1;
  }

  merge(other: LatencyHistogram): void {
    for (const [key, n] of other.counts) this.counts.set(key, (this.counts.get(key) ?? 0) + n);
    this.total += other.total;
  }

  /** Nearest-rank percentile (no interpolation): the key of the ceil(p % · n)-th smallest duration. */
  percentile(p: number): number | null {
    if (this.total === 0) return null;
    const rank = Math.max(1, Math.ceil((p / 100) * this.total));
    let seen = 0;
    for (const key of [...this.counts.keys()].sort((a, b) => a - b)) {
      seen += this.counts.get(key)!;
      if (seen >= rank) return key;
    }
    return null;
  }
}

export interface Tally {
  failures: number;
  attempts: number;
}

function bump(map: Map<string | null, Tally>, key: string | null, attempts: number, failures: number): void {
  const tally = map.get(key) ?? { failures: 0, attempts: 0 };
  tally.attempts += attempts;
  tally.failures += failures;
  map.set(key, tally);
}

/** The code a failure is grouped under: the HTTP status, else the client-side error, else `unknown`. */
export function failureCodeOf(row: DispatchRow): string {
  if (typeof row.attempt_response_code === 'number') return String(row.attempt_response_code);
  return row.error?.trim() || 'unknown';
}

/** Everything the figures need about the attempts of one time bucket. */
export class BucketTally {
  attempts = 0;
  succeeded = 0;
  failed = 0;
  pending = 0;
  readonly latency = new LatencyHistogram();
  readonly byCode = new Map<string | null, Tally>();
  readonly byEndpoint = new Map<string | null, Tally & { url: string }>();
  readonly byDriver = new Map<string | null, Tally>();
  readonly byInstallation = new Map<string | null, Tally>();
  unresolvedFailures = 0;
  /** Finished attempts per event until their owners are known (then folded by `resolveOwners`). */
  private readonly byEvent = new Map<string | null, Tally>();

  add(row: DispatchRow): void {
    this.attempts += 1;
    const failed = row.status === 'failed';
    if (!failed && row.status !== 'succeeded') {
      // pending (or a status we do not know): not finished, so not in rates or latency.
      this.pending += 1;
      return;
    }
    if (failed) this.failed += 1;
    else this.succeeded += 1;
    const duration = row.duration_ms;
    if (typeof duration === 'number' && Number.isFinite(duration) && duration >= 0) this.latency.add(duration);
    if (failed) bump(this.byCode, failureCodeOf(row), 1, 1);
    const endpointKey = row.endpoint_id ?? row.url ?? null;
    const endpoint = this.byEndpoint.get(endpointKey) ?? { failures: 0, attempts: 0, url: row.url ?? '' };
    endpoint.attempts += 1;
    if (failed) endpoint.failures += 1;
    this.byEndpoint.set(endpointKey, endpoint);
    bump(this.byEvent, row.event_id ?? null, 1, failed ? 1 : 0);
  }

  /** Event ids whose owner this bucket still needs. */
  eventIds(): IterableIterator<string | null> {
    return this.byEvent.keys();
  }

  /** Folds the per-event counts into driver and installation groups; events not in `owners` count as unknown. */
  resolveOwners(owners: ReadonlyMap<string, EventOwner>): void {
    for (const [eventId, t] of this.byEvent) {
      const owner = eventId === null ? undefined : owners.get(eventId);
      if (owner === undefined) this.unresolvedFailures += t.failures;
      bump(this.byDriver, owner?.driver ?? null, t.attempts, t.failures);
      bump(this.byInstallation, owner?.installation ?? null, t.attempts, t.failures);
    }
    this.byEvent.clear();
  }

  /** Adds another (resolved) tally into this one: used to total the window. */
  merge(other: BucketTally): void {
    this.attempts += other.attempts;
    this.succeeded += other.succeeded;
    this.failed += other.failed;
    this.pending += other.pending;
    this.latency.merge(other.latency);
    for (const [k, t] of other.byCode) bump(this.byCode, k, t.attempts, t.failures);
    for (const [k, t] of other.byDriver) bump(this.byDriver, k, t.attempts, t.failures);
    for (const [k, t] of other.byInstallation) bump(this.byInstallation, k, t.attempts, t.failures);
    for (const [k, e] of other.byEndpoint) {
      const mine = this.byEndpoint.get(k) ?? { failures: 0, attempts: 0, url: e.url };
      mine.attempts += e.attempts;
      mine.failures += e.failures;
      this.byEndpoint.set(k, mine);
    }
    this.unresolvedFailures += other.unresolvedFailures;
  }
}
