// overview:summary against a real sandbox (demo seed, dispatcher off so the history stays still),
// checked against the sandbox's own database; plus a tiny loopback server without a delivery log.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startClientHarness, type ClientHarness } from '../api/test-support';
import { createOverviewHandlers } from './handlers';
import { overviewSummary, type SummaryLimits } from './summary';

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
    .prepare('SELECT status, COUNT(*) AS n FROM dispatches WHERE attempted_at > ? AND attempted_at < ? GROUP BY status')
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
       WHERE d.status = 'failed' AND d.attempted_at > ? AND d.attempted_at < ? GROUP BY e.integration_driver_slug`,
    )
    .all(micros(from), micros(to)) as Array<{ driver: string | null; n: number }>;
  return new Map(rows.map((r) => [r.driver, r.n]));
}

const never = new AbortController().signal;

describe('overviewSummary against the sandbox', () => {
  it('aggregates every attempt of the window when it fits under the cap', async () => {
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

  it('stops at the page cap and says the figures are a sample of the newest attempts', async () => {
    const limits: SummaryLimits = { maxPages: 2, maxEventPages: 2, pageSize: 10 };
    const window = sevenDays();
    const summary = await overviewSummary(harness.client, window, never, limits);
    if (!summary.supported) throw new Error('expected the delivery log');
    expect(summary.sample).toMatchObject({ dispatchesRead: 20, pagesRead: 2, truncated: true, maxPages: 2 });
    expect(Date.parse(summary.sample.coveredFrom!)).toBeGreaterThan(Date.parse(window.from));
    expect(summary.figures.totals.attempts).toBe(20);
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
      if (url.pathname !== '/processing/events') return send(404, { message: 'Not Found' });
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
