import { describe, expect, it } from 'vitest';
import { aggregateDispatches, bucketSizeFor, failureCodeOf, percentile, type DispatchRow, type EventOwner } from './aggregate';

const HOUR = 3_600_000;
const FROM = Date.parse('2026-01-10T00:00:00.000Z');
const TO = FROM + 24 * HOUR;
const at = (offsetMs: number) => new Date(FROM + offsetMs).toISOString();

function row(partial: Partial<DispatchRow> & { status: string }): DispatchRow {
  return { event_id: 'e1', endpoint_id: 'ep1', url: 'https://a.example/hook', attempt_response_code: 200, error: null, duration_ms: 100, attempted_at: at(0), ...partial };
}

const owners = new Map<string, EventOwner>([
  ['e1', { driver: 'bling', installation: 'inst-1' }],
  ['e2', { driver: 'bling', installation: 'inst-2' }],
  ['e3', { driver: 'digital_manager_guru', installation: 'inst-3' }],
]);

describe('percentile (nearest rank)', () => {
  it('answers measured values only', () => {
    const values = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(values, 50)).toBe(50);
    expect(percentile(values, 95)).toBe(95);
    expect(percentile([7], 95)).toBe(7);
    expect(percentile([10, 20, 30, 40], 50)).toBe(20);
    expect(percentile([10, 20, 30, 40], 95)).toBe(40);
    expect(percentile([], 50)).toBeNull();
  });
});

describe('bucketSizeFor', () => {
  it('picks readable buckets, at most 60 of them', () => {
    expect(bucketSizeFor(HOUR)).toBe(60_000);
    expect(bucketSizeFor(24 * HOUR)).toBe(30 * 60_000);
    expect(bucketSizeFor(7 * 24 * HOUR)).toBe(3 * HOUR);
    expect(bucketSizeFor(90 * 24 * HOUR)).toBe(36 * HOUR);
  });
});

describe('failureCodeOf', () => {
  it('uses the HTTP code, else the error, else unknown', () => {
    expect(failureCodeOf(row({ status: 'failed', attempt_response_code: 503 }))).toBe('503');
    expect(failureCodeOf(row({ status: 'failed', attempt_response_code: null, error: 'timeout' }))).toBe('timeout');
    expect(failureCodeOf(row({ status: 'failed', attempt_response_code: null, error: null }))).toBe('unknown');
  });
});

describe('aggregateDispatches', () => {
  const dispatches: DispatchRow[] = [
    row({ status: 'succeeded', attempted_at: at(10 * 60_000), duration_ms: 100 }),
    row({ status: 'succeeded', attempted_at: at(20 * 60_000), duration_ms: 200, event_id: 'e3', endpoint_id: 'ep2', url: 'https://b.example/hook' }),
    row({ status: 'failed', attempted_at: at(40 * 60_000), attempt_response_code: 500, error: 'http_500', duration_ms: 300 }),
    row({ status: 'failed', attempted_at: at(5 * HOUR), attempt_response_code: null, error: 'timeout', duration_ms: 10_000, event_id: 'e2' }),
    row({ status: 'failed', attempted_at: at(5 * HOUR + 1), attempt_response_code: 500, duration_ms: 400, event_id: 'unknown-event' }),
    row({ status: 'pending', attempted_at: null, attempt_response_code: null, duration_ms: null }),
    // Outside the window (a server that ignored the filter): not counted.
    row({ status: 'failed', attempted_at: at(25 * HOUR) }),
  ];
  const figures = aggregateDispatches({ dispatches, owners, fromMs: FROM, toMs: TO });

  it('counts totals and the success rate over finished attempts only', () => {
    expect(figures.totals).toEqual({ attempts: 6, succeeded: 2, failed: 3, pending: 1, rate: 2 / 5 });
  });

  it('buckets attempts over the window, aligned and in order', () => {
    expect(figures.bucketMs).toBe(30 * 60_000);
    expect(figures.series).toHaveLength(48);
    expect(figures.series[0]).toEqual({ start: at(0), succeeded: 2, failed: 0, rate: 1, p50: 100, p95: 200 });
    expect(figures.series[1]).toEqual({ start: at(30 * 60_000), succeeded: 0, failed: 1, rate: 0, p50: 300, p95: 300 });
    expect(figures.series[10]).toEqual({ start: at(5 * HOUR), succeeded: 0, failed: 2, rate: 0, p50: 400, p95: 10_000 });
    expect(figures.series[2]?.rate).toBeNull();
    expect(figures.series.reduce((n, b) => n + b.succeeded + b.failed, 0)).toBe(5);
  });

  it('reports p50/p95 of attempt durations of finished attempts', () => {
    expect(figures.latency).toEqual({ p50: 300, p95: 10_000, samples: 5 });
  });

  it('groups failures by driver, installation and code, most first, unknown events under null', () => {
    expect(figures.failuresByDriver).toEqual([
      { key: 'bling', failures: 2, attempts: 3 },
      { key: null, failures: 1, attempts: 1 },
    ]);
    expect(figures.failuresByInstallation).toEqual([
      { key: 'inst-1', failures: 1, attempts: 2 },
      { key: 'inst-2', failures: 1, attempts: 1 },
      { key: null, failures: 1, attempts: 1 },
    ]);
    expect(figures.failuresByCode).toEqual([
      { key: '500', failures: 2, attempts: 2 },
      { key: 'timeout', failures: 1, attempts: 1 },
    ]);
    expect(figures.unresolvedFailures).toBe(1);
  });

  it('ranks endpoints by failures and leaves healthy ones out', () => {
    expect(figures.topFailingEndpoints).toEqual([{ endpointId: 'ep1', url: 'https://a.example/hook', failures: 3, attempts: 4 }]);
  });

  it('answers an empty window with zeros and null rates, never NaN', () => {
    const empty = aggregateDispatches({ dispatches: [], owners, fromMs: FROM, toMs: FROM + HOUR });
    expect(empty.totals).toEqual({ attempts: 0, succeeded: 0, failed: 0, pending: 0, rate: null });
    expect(empty.series).toHaveLength(60);
    expect(empty.series.every((b) => b.rate === null)).toBe(true);
    expect(empty.latency).toEqual({ p50: null, p95: null, samples: 0 });
    expect(empty.failuresByCode).toEqual([]);
  });

  it('keeps only the top N groups', () => {
    const many = Array.from({ length: 12 }, (_, i) => row({ status: 'failed', attempt_response_code: 500 + i, attempted_at: at(i) }));
    expect(aggregateDispatches({ dispatches: many, owners, fromMs: FROM, toMs: TO, topN: 3 }).failuresByCode).toHaveLength(3);
  });
});
