// The accumulators against brute force: generated attempts folded page by page into bucket tallies
// must give exactly what sorting and counting every row gives, and percentiles within the stated precision.
import { describe, expect, it } from 'vitest';
import { createPrng } from '../../sandbox/seed/prng';
import { bucketGrid, figuresFromTallies, percentile } from './aggregate';
import { BucketTally, LatencyHistogram, latencyKey, type DispatchRow, type EventOwner } from './tally';

const HOUR = 3_600_000;
const FROM = Date.parse('2026-03-01T07:13:00.000Z');
const TO = FROM + 24 * HOUR;

function generate(seed: string, count: number) {
  const prng = createPrng(seed);
  const owners = new Map<string, EventOwner>();
  const drivers = ['bling', 'guru', 'tray', null];
  for (let e = 0; e < 500; e++) owners.set(`e${e}`, { driver: drivers[e % 4]!, installation: `inst-${e % 7}` });
  const rows: DispatchRow[] = [];
  for (let i = 0; i < count; i++) {
    const roll = prng.next();
    const status = roll < 0.1 ? 'failed' : roll < 0.12 ? 'pending' : 'succeeded';
    // Mostly fast, a long tail up to 30 s, some without a duration.
    const tail = prng.next();
    const duration = tail < 0.03 ? null : tail < 0.9 ? Math.round(20 + prng.next() * 600) : Math.round(1000 + prng.next() * 29_000);
    rows.push({
      event_id: `e${Math.floor(prng.next() * 520)}`, // ~4 % of events unknown
      endpoint_id: `ep${Math.floor(prng.next() * 5)}`,
      url: 'https://x.example/hook',
      status,
      attempt_response_code: status === 'failed' ? (prng.next() < 0.5 ? 500 : null) : 200,
      error: status === 'failed' ? 'timeout' : null,
      duration_ms: duration,
      attempted_at: new Date(FROM + Math.floor(prng.next() * (TO - FROM))).toISOString(),
    });
  }
  return { rows, owners };
}

/** The figures a person would compute with the whole list in hand: filter, count, sort. */
function bruteForce(rows: DispatchRow[], owners: Map<string, EventOwner>, startMs: number, endMs: number) {
  const inBucket = rows.filter((r) => Date.parse(r.attempted_at!) >= startMs && Date.parse(r.attempted_at!) < endMs);
  const finished = inBucket.filter((r) => r.status !== 'pending');
  const durations = finished.flatMap((r) => (typeof r.duration_ms === 'number' ? [r.duration_ms] : [])).sort((a, b) => a - b);
  const failuresByDriver = new Map<string | null, number>();
  for (const r of finished) if (r.status === 'failed') {
    const driver = owners.get(r.event_id!)?.driver ?? null;
    failuresByDriver.set(driver, (failuresByDriver.get(driver) ?? 0) + 1);
  }
  return {
    succeeded: finished.filter((r) => r.status === 'succeeded').length,
    failed: finished.filter((r) => r.status === 'failed').length,
    pending: inBucket.length - finished.length,
    durations,
    failuresByDriver,
  };
}

/** Folds rows in pages of 100, in the order given, as the walk does. */
function fold(rows: DispatchRow[], owners: Map<string, EventOwner>) {
  const { bucketMs, starts } = bucketGrid(FROM, TO);
  const buckets = starts.map((startMs) => ({ startMs, tally: new BucketTally() }));
  for (let p = 0; p < rows.length; p += 100) {
    for (const row of rows.slice(p, p + 100)) {
      const at = Date.parse(row.attempted_at!);
      buckets[Math.floor((at - starts[0]!) / bucketMs)]!.tally.add(row);
    }
  }
  for (const b of buckets) b.tally.resolveOwners(owners);
  return { bucketMs, buckets, figures: figuresFromTallies(bucketMs, buckets, 100) };
}

/** Within the histogram's precision: exact below 1 s, within 0.5 % above. */
function withinPrecision(actual: number | null, exact: number | null) {
  if (exact === null) return actual === null;
  if (actual === null) return false;
  return exact < 1000 ? actual === exact : Math.abs(actual - exact) <= exact * 0.005;
}

describe('bucket tallies against brute force', () => {
  for (const seed of ['a', 'b', 'c']) {
    it(`counts exactly and keeps p50/p95 within precision (seed ${seed}, 20,000 attempts in pages of 100)`, () => {
      const { rows, owners } = generate(seed, 20_000);
      const { bucketMs, figures } = fold(rows, owners);
      const all = bruteForce(rows, owners, FROM, TO);
      expect(figures.totals).toMatchObject({ succeeded: all.succeeded, failed: all.failed, pending: all.pending, attempts: rows.length });
      expect(figures.latency.samples).toBe(all.durations.length);
      expect(withinPrecision(figures.latency.p50, percentile(all.durations, 50))).toBe(true);
      expect(withinPrecision(figures.latency.p95, percentile(all.durations, 95))).toBe(true);
      expect(new Map(figures.failuresByDriver.map((g) => [g.key, g.failures]))).toEqual(all.failuresByDriver);
      for (const bucket of figures.series) {
        const start = Date.parse(bucket.start);
        const exact = bruteForce(rows, owners, start, start + bucketMs);
        expect([bucket.succeeded, bucket.failed]).toEqual([exact.succeeded, exact.failed]);
        expect(withinPrecision(bucket.p50, percentile(exact.durations, 50))).toBe(true);
        expect(withinPrecision(bucket.p95, percentile(exact.durations, 95))).toBe(true);
      }
    });
  }

  it('gives the same figures whatever order the pages arrive in (buckets walked side by side)', () => {
    const { rows, owners } = generate('order', 5_000);
    const reversed = fold([...rows].reverse(), owners).figures;
    expect(reversed).toEqual(fold(rows, owners).figures);
  });

  it('counts failures of events it could not find as unknown', () => {
    const { rows, owners } = generate('unknown', 5_000);
    const { figures } = fold(rows, owners);
    const unknownFailures = rows.filter((r) => r.status === 'failed' && !owners.has(r.event_id!)).length;
    expect(unknownFailures).toBeGreaterThan(0);
    expect(figures.unresolvedFailures).toBe(unknownFailures);
  });
});

describe('LatencyHistogram', () => {
  it('keeps whole milliseconds below 1 s and three significant figures above', () => {
    expect([0, 1, 999, 999.4, 1000, 1234, 12_345, 29_999].map(latencyKey)).toEqual([0, 1, 999, 999, 1000, 1230, 12_300, 30_000]);
  });

  it('answers nearest-rank percentiles like sorting the values', () => {
    const h = new LatencyHistogram();
    const values = Array.from({ length: 100 }, (_, i) => i + 1);
    for (const v of values) h.add(v);
    expect([h.percentile(50), h.percentile(95)]).toEqual([percentile(values, 50), percentile(values, 95)]);
    expect(new LatencyHistogram().percentile(50)).toBeNull();
  });

  it('stays small however many attempts it holds', () => {
    const h = new LatencyHistogram();
    const prng = createPrng('size');
    for (let i = 0; i < 200_000; i++) h.add(prng.next() * 30_000);
    expect(h.total).toBe(200_000);
    expect(h.counts.size).toBeLessThanOrEqual(1000 + 900 * 2);
  });
});
