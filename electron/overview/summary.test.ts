// overview:summary against a real sandbox (demo seed, dispatcher off so the history stays still),
// checked against the sandbox's own database; plus a tiny loopback server without a delivery log.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startClientHarness, type ClientHarness } from '../api/test-support';
import { createOverviewHandlers } from './handlers';
import type { OverviewProgress, OverviewSummary } from '../../shared/ipc/channels/overview';
import { overviewSummary } from './summary';

const DAY = 86_400_000;
let harness: ClientHarness;

beforeAll(async () => {
  harness = await startClientHarness({ demoEvents: 400, dispatch: false });
}, 120_000);
afterAll(async () => harness?.close());

function sevenDays() {
  const to = harness.sandbox.ctx.now().toISOString();
  return { from: new Date(Date.parse(to) - 7 * DAY).toISOString(), to };
}

/** What the sandbox's table says for the window (attempted_at is stored as `…000000Z` text). */
function expectedFromDb(from: string, to: string) {
  const micros = (iso: string) => iso.replace(/Z$/, '000Z');
  const rows = harness.sandbox.ctx.db
    .prepare('SELECT status, COUNT(*) AS n FROM dispatches WHERE attempted_at >= ? AND attempted_at < ? GROUP BY status')
    .all(micros(from), micros(to)) as Array<{ status: string; n: number }>;
  const byStatus = Object.fromEntries(rows.map((r) => [r.status, r.n]));
  return { succeeded: byStatus.succeeded ?? 0, failed: byStatus.failed ?? 0, all: rows.reduce((s, r) => s + r.n, 0) };
}

/** Failed attempts of the window per driver of their event, from the sandbox's tables. */
function failuresByDriverFromDb(from: string, to: string): Map<string | null, number> {
  const micros = (iso: string) => iso.replace(/Z$/, '000Z');
  const rows = harness.sandbox.ctx.db
    .prepare(
      `SELECT e.integration_driver_slug AS driver, COUNT(*) AS n FROM dispatches d JOIN events e ON e.id = d.event_id
       WHERE d.status = 'failed' AND d.attempted_at >= ? AND d.attempted_at < ? GROUP BY e.integration_driver_slug`,
    )
    .all(micros(from), micros(to)) as Array<{ driver: string | null; n: number }>;
  return new Map(rows.map((r) => [r.driver, r.n]));
}

const never = new AbortController().signal;

describe('overviewSummary against the sandbox', () => {
  it('aggregates every attempt of the window', async () => {
    const window = sevenDays();
    const summary = await overviewSummary(harness.client, window, never);
    expect(summary.supported).toBe(true);
    if (!summary.supported) return;
    const expected = expectedFromDb(window.from, window.to);
    expect(expected.failed).toBeGreaterThan(0);
    expect(summary.sample.truncated).toBe(false);
    expect(summary.sample.dispatchesRead).toBe(expected.all);
    expect(summary.figures.totals.succeeded).toBe(expected.succeeded);
    expect(summary.figures.totals.failed).toBe(expected.failed);
    expect(summary.figures.totals.rate).toBeCloseTo(expected.succeeded / (expected.succeeded + expected.failed), 10);
    expect(summary.figures.series.reduce((n, b) => n + b.failed, 0)).toBe(expected.failed);
    // The demo's failing endpoint and its drivers show up; p50 <= p95.
    expect(summary.figures.topFailingEndpoints.length).toBeGreaterThan(0);
    expect(summary.figures.failuresByDriver.some((g) => g.key !== null)).toBe(true);
    // The breakdown is the top 8 drivers by failures (the demo has 9, and which of them fail in
    // the window depends on the clock): each shown count is the database's, and none left out
    // has more failures than one shown.
    const byDriver = failuresByDriverFromDb(window.from, window.to);
    const shown = summary.figures.failuresByDriver;
    expect(shown).toHaveLength(Math.min(8, byDriver.size));
    for (const group of shown) expect(group.failures).toBe(byDriver.get(group.key));
    const omitted = [...byDriver].filter(([driver]) => !shown.some((g) => g.key === driver)).map(([, n]) => n);
    expect(Math.max(0, ...omitted)).toBeLessThanOrEqual(Math.min(...shown.map((g) => g.failures)));
    expect(shown.reduce((n, g) => n + g.failures, 0) + omitted.reduce((a, b) => a + b, 0)).toBe(expected.failed);
    expect(summary.figures.latency.p50).not.toBeNull();
    expect(summary.figures.latency.p50!).toBeLessThanOrEqual(summary.figures.latency.p95!);
  });

  it('is cancelled by the signal', async () => {
    const abort = new AbortController();
    abort.abort();
    await expect(overviewSummary(harness.client, sevenDays(), abort.signal)).rejects.toMatchObject({ code: 'cancelled' });
  });

  it('is reached through the overview:summary handler with the profile client', async () => {
    const handlers = createOverviewHandlers({ clientFor: async () => harness.client });
    const summary = await handlers['overview:summary']!(sevenDays(), { signal: never, sender: { id: 1, frameUrl: 'app://console/', isTopFrame: true } });
    expect((summary as { supported: boolean }).supported).toBe(true);
  });
});

describe('overviewSummary over a window of more than 3,000 attempts (the old sample size)', () => {
  let busy: ClientHarness;
  const micros = (ms: number) => new Date(ms).toISOString().replace(/Z$/, '000Z');
  beforeAll(async () => {
    // 4,000 bulk events over the last day: ~3,760 attempts (6 % are discarded, 3 % fail with 410).
    busy = await startClientHarness({ demoEvents: 0, events: 4_000, eventsSpanDays: 1, dispatch: false });
  }, 120_000);
  afterAll(async () => busy?.close());

  const lastDay = () => {
    const to = busy.sandbox.ctx.now().getTime();
    return { from: new Date(to - DAY).toISOString(), to: new Date(to).toISOString() };
  };
  /** Counts, and nearest-rank p50/p95 of the durations, of [fromMs, toMs) straight from the table. */
  function fromDb(fromMs: number, toMs: number) {
    const rows = busy.sandbox.ctx.db
      .prepare('SELECT status, duration_ms AS d FROM dispatches WHERE attempted_at >= ? AND attempted_at < ? ORDER BY duration_ms')
      .all(micros(fromMs), micros(toMs)) as Array<{ status: string; d: number | null }>;
    const durations = rows.filter((r) => r.d !== null && r.status !== 'pending').map((r) => r.d!);
    const rank = (p: number) => (durations.length === 0 ? null : durations[Math.max(1, Math.ceil((p / 100) * durations.length)) - 1]!);
    return {
      succeeded: rows.filter((r) => r.status === 'succeeded').length,
      failed: rows.filter((r) => r.status === 'failed').length,
      p50: rank(50),
      p95: rank(95),
    };
  }

  it("equals the sandbox's own counts, in total and in every bucket, with each bucket's p50/p95", async () => {
    const window = lastDay();
    const progress: OverviewProgress[] = [];
    const summary = await overviewSummary(busy.client, window, never, { onProgress: (p) => progress.push(p) });
    if (!summary.supported) throw new Error('expected the delivery log');
    // Progress went forward and ended with every bucket and every attempt read.
    expect(progress.length).toBeGreaterThan(1);
    for (let i = 1; i < progress.length; i++) expect(progress[i]!.attemptsRead).toBeGreaterThanOrEqual(progress[i - 1]!.attemptsRead);
    expect(progress.at(-1)).toEqual({ ...window, bucketsDone: summary.figures.series.length, bucketsTotal: summary.figures.series.length, attemptsRead: summary.sample.dispatchesRead });
    const fromMs = Date.parse(window.from);
    const toMs = Date.parse(window.to);
    const all = fromDb(fromMs, toMs);
    expect(all.succeeded + all.failed).toBeGreaterThan(3_000);
    expect(summary.sample.truncated).toBe(false);
    expect(summary.sample.dispatchesRead).toBe(all.succeeded + all.failed);
    expect(summary.figures.totals).toMatchObject({ succeeded: all.succeeded, failed: all.failed });
    // Bulk durations are under 1 s, where the histogram keeps whole milliseconds: exact.
    expect(summary.figures.latency).toEqual({ p50: all.p50, p95: all.p95, samples: all.succeeded + all.failed });
    for (const bucket of summary.figures.series) {
      const start = Date.parse(bucket.start);
      const expected = fromDb(Math.max(start, fromMs), Math.min(start + summary.figures.bucketMs, toMs));
      expect({ start: bucket.start, ...expected }).toEqual({ start: bucket.start, succeeded: bucket.succeeded, failed: bucket.failed, p50: bucket.p50, p95: bucket.p95 });
    }
    // Every failure's driver was found (the events of the same buckets were read).
    expect(summary.figures.unresolvedFailures).toBe(0);
    const byDriver = busy.sandbox.ctx.db
      .prepare(
        `SELECT e.integration_driver_slug AS key, COUNT(*) AS attempts, SUM(d.status = 'failed') AS failures FROM dispatches d JOIN events e ON e.id = d.event_id
         WHERE d.attempted_at >= ? AND d.attempted_at < ? GROUP BY e.integration_driver_slug HAVING failures > 0 ORDER BY failures DESC, attempts DESC, key LIMIT 8`,
      )
      .all(micros(fromMs), micros(toMs));
    expect(summary.figures.failuresByDriver).toEqual(byDriver);
  });

  it('keeps closed buckets: a refresh reads only the open end and answers the same figures', async () => {
    const handlers = createOverviewHandlers({ clientFor: async () => busy.client });
    const ctx = { signal: never, sender: { id: 1, frameUrl: 'app://console/', isTopFrame: true } };
    const window = lastDay();
    const first = (await handlers['overview:summary']!(window, ctx)) as Extract<OverviewSummary, { supported: true }>;
    expect(first.sample.bucketsFromCache).toBe(0);
    const requestsBefore = busy.logs.filter((l) => l.path.endsWith('/processing/dispatches')).length;
    const second = (await handlers['overview:summary']!(window, ctx)) as Extract<OverviewSummary, { supported: true }>;
    const requests = busy.logs.filter((l) => l.path.endsWith('/processing/dispatches')).length - requestsBefore;
    // 48 half-hour buckets; only those ending within SETTLE_MS of now are read again.
    expect(second.sample.bucketsFromCache).toBeGreaterThanOrEqual(first.figures.series.length - 2);
    expect(requests).toBeLessThanOrEqual(4);
    expect(second.sample.dispatchesRead).toBeLessThan(first.sample.dispatchesRead / 10);
    expect(second.figures).toEqual(first.figures);
  });

  it('stops every walk when cancelled, and caches nothing from the cancelled walk', async () => {
    const abort = new AbortController();
    let dispatchRequests = 0;
    const client = busy.makeClient({
      fetch: (async (url: string | URL | Request, init?: RequestInit) => {
        if (String(url).includes('/processing/dispatches') && ++dispatchRequests === 3) abort.abort();
        return fetch(url, init);
      }) as typeof fetch,
    });
    const handlers = createOverviewHandlers({ clientFor: async () => client });
    const sender = { id: 1, frameUrl: 'app://console/', isTopFrame: true };
    await expect(handlers['overview:summary']!(lastDay(), { signal: abort.signal, sender })).rejects.toMatchObject({ code: 'cancelled' });
    const settled = dispatchRequests;
    await new Promise((resolve) => setTimeout(resolve, 300));
    // No walker went on after the abort (the pool stops; the requests in flight were aborted).
    expect(dispatchRequests).toBe(settled);
    expect(dispatchRequests).toBeLessThan(10);
    const after = (await handlers['overview:summary']!(lastDay(), { signal: never, sender })) as Extract<OverviewSummary, { supported: true }>;
    expect(after.sample.bucketsFromCache).toBe(0);
  });
});

describe('overviewSummary on a server without a delivery log', () => {
  let server: Server;
  let baseUrl: string;
  const requests: string[] = [];
  const now = Date.now();
  const at = (hoursAgo: number) => new Date(now - hoursAgo * 3_600_000).toISOString();
  const event = (id: string, driver: string, last: { status: string; code: number | null; hoursAgo: number } | null) => ({
    id, installation_id: `inst-${driver}`, integration_driver_slug: driver, name: 'order.paid', created_at: at(last ? last.hoursAgo + 0.1 : 1),
    status: 'dispatched', superseded: false, superseded_by: null,
    last_dispatch: last && { id: `d-${id}`, status: last.status, attempt_response_code: last.code, attempted_at: at(last.hoursAgo) },
  });
  // What the events page documents, served as a Laravel + spatie server would: no sort allowed.
  const events = [
    event('e1', 'guru', { status: 'succeeded', code: 200, hoursAgo: 1 }),
    event('e2', 'guru', { status: 'failed', code: 500, hoursAgo: 2 }),
    event('e3', 'bling', { status: 'succeeded', code: 204, hoursAgo: 3 }),
    event('e4', 'bling', { status: 'failed', code: null, hoursAgo: 4 }),
    event('e5', 'bling', null), // never attempted: not counted
    event('e6', 'guru', { status: 'succeeded', code: 200, hoursAgo: 24 * 9 }), // attempted before the window
  ];
  beforeAll(async () => {
    server = createServer((request, response) => {
      const url = new URL(request.url ?? '/', 'http://x');
      requests.push(`${url.pathname}${url.search}`);
      const send = (status: number, body: unknown) => response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
      // The missing delivery log answers late, after the events route's refusals: the summary
      // must still recognise the missing route rather than fail on whichever answer came first.
      if (url.pathname !== '/processing/events') return void setTimeout(() => send(404, { message: 'Not Found' }), 100);
      if (url.searchParams.has('filter[created_at_less_than]')) {
        return send(400, { message: 'Requested filter(s) `created_at_less_than` are not allowed. Allowed filter(s) are `name, status, installation_id, integration_driver_slug, created_at_greater_than`.' });
      }
      const sort = url.searchParams.get('sort');
      if (sort) return send(400, { message: `Requested sort(s) \`${sort}\` is not allowed. Allowed sort(s) are \`\`.` });
      const page = Number(url.searchParams.get('page') ?? '1');
      return send(200, { data: page === 1 ? events : [] });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('computes the figures from each event\'s last attempt, says so, and remembers the missing log', async () => {
    const client = harness.makeClient({ baseUrl });
    const window = { from: new Date(now - 7 * DAY).toISOString(), to: new Date(now).toISOString() };
    const summary = await overviewSummary(client, window, never);
    if (!summary.supported) throw new Error('expected figures from the events');
    expect(summary.source).toBe('events');
    expect(summary.figures.totals).toMatchObject({ attempts: 4, succeeded: 2, failed: 2, rate: 0.5 });
    expect(summary.figures.failuresByDriver.map((g) => [g.key, g.failures]).sort()).toEqual([['bling', 1], ['guru', 1]]);
    expect(summary.figures.failuresByCode.map((g) => g.key).sort()).toEqual(['500', 'unknown']);
    expect(summary.sample).toMatchObject({ dispatchesRead: 4, truncated: false });
    expect(client.capabilities.get('dispatches')).toBe('unsupported');
    // Asked again: no delivery-log request, straight to the events, with only the documented
    // filter and without the sort refused the first time.
    const before = requests.length;
    const again = await overviewSummary(client, window, never);
    expect(again.supported && again.source).toBe('events');
    const sent = requests.slice(before);
    expect(sent.length).toBeGreaterThan(0);
    expect(sent.every((r) => r.startsWith('/processing/events?filter%5Bcreated_at_greater_than%5D=') && !r.includes('sort=') && !r.includes('less_than'))).toBe(true);
  });
});
