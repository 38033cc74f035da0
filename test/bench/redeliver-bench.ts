// Bulk redeliver at scale (issue 14 item 3): 10,000 failed events redelivered by the real job
// through main's services (dispatcher → jobs service → platform client → scheduler), against a
// sandbox in its own process that enforces an API rate limit. Main-process memory is sampled while
// it runs (it must stay flat: the job walks the selection a page at a time and keeps outcomes on
// disk), and the pacing is reported: redeliveries per second, the API's budget, and every 429 the
// client or the job met, with the seconds waited for Retry-After.
//
// `measureBulkRedeliver` is called by `npm run bench` (test/bench/run.ts); alone, for a quick look:
//   node --expose-gc --import tsx test/bench/redeliver-bench.ts   (BENCH_REDELIVER_EVENTS=300 …)
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { JobSnapshot } from '../../shared/ipc/channels/jobs';
import { startAppSession } from '../harness/app-session';
import { startSandboxProcess } from './sandbox-process';
import { round } from './stats';

export interface RedeliverBenchOptions {
  /** Failed events to redeliver (the job's cap is 10,000). */
  events: number;
  /** The API's budget per token: requests per `windowSeconds` (the sandbox's 429 + Retry-After beyond it). */
  apiLimit: number;
  windowSeconds: number;
  /** The job's own pace (the IPC allows up to 50/s). */
  ratePerSecond: number;
  log?: (message: string) => void;
}

export interface RedeliverFigures {
  events: number;
  seeded: number;
  seconds: number;
  state: string;
  processed: number;
  succeeded: number;
  failed: number;
  skipped: number;
  /** Redeliveries started per second over the whole job (the job's own figure). */
  requestsPerSecond: number;
  /** All API requests per second (list pages + redeliveries), from the client's request log. */
  apiRequestsPerSecond: number;
  apiRequests: number;
  /** The most API answers within any `windowSeconds` span of the run (the API counts in fixed windows). */
  busiestWindow: number;
  ratePerSecond: number;
  concurrency: number;
  apiLimit: number;
  windowSeconds: number;
  /** 429 answers the client met (it waits out a Retry-After up to 20 s itself, pausing the profile's scheduler). */
  client429: number;
  /** 429s that reached the job (longer waits) and the seconds it held every start for them. */
  job429: number;
  jobWaitedSeconds: number;
  /** Redeliveries per second in each 10 % of the job (is the pace steady, or does it sag?). */
  tenthsPerSecond: number[];
  heapMB: { start: number; peak: number; end: number; atTenths: number[] };
  rssMB: { start: number; peak: number; end: number; atTenths: number[] };
}

const mb = (n: number) => round(n / 1024 / 1024);

export async function measureBulkRedeliver(options: RedeliverBenchOptions): Promise<RedeliverFigures> {
  const log = options.log ?? (() => undefined);
  const dbDir = await mkdtemp(join(os.tmpdir(), 'bench-redeliver-db-'));
  // About 3 % of bulk-seeded events are failed (2.8 % measured); seed enough for the selection to be full.
  const seeded = Math.max(2_000, Math.ceil(options.events * 40));
  log(`redeliver: seeding a sandbox with ${seeded.toLocaleString('en')} events (≥ ${options.events.toLocaleString('en')} failed)…`);
  const sandbox = await startSandboxProcess({
    port: 0,
    seed: 'demo',
    demoEvents: 0,
    events: seeded,
    dispatch: false,
    db: join(dbDir, 'redeliver.db'),
    rateLimit: { limit: options.apiLimit, windowSeconds: options.windowSeconds },
  });
  const api = { requests: 0, rateLimited: 0, times: [] as number[] };
  const session = await startAppSession({
    appOrigin: 'http://127.0.0.1:9',
    record: false,
    apiLog: (entry) => {
      if (entry.status === undefined) return;
      api.requests++;
      api.times.push(Date.now()); // 8 bytes per request: not what the memory figures are about
      if (entry.status === 429) api.rateLimited++;
    },
  });
  const heapSamples: number[] = [];
  let sampler: ReturnType<typeof setInterval> | null = null;
  try {
    const profile = await session.call('profiles:create', { name: 'Redeliver bench', baseUrl: sandbox.baseUrl, environment: 'sandbox', color: '#0c8599' });
    await session.call('profiles:activate', { id: profile.id });
    session.fakes.clipboard.writeText(await sandbox.mintToken({ name: 'bench-redeliver', ttlSeconds: 4 * 3600 }));
    await session.call('token:importFromClipboard', { profileId: profile.id });

    const filters = { status: 'failed' };
    const counted = await session.call('jobs:countEvents', { filters, cap: Math.min(options.events, 10_000) });
    log(`redeliver: ${counted.count.toLocaleString('en')} failed events selected; redelivering at ≤ ${options.ratePerSecond}/s, API budget ${options.apiLimit} per ${options.windowSeconds} s…`);
    api.requests = 0;
    api.rateLimited = 0;
    api.times = [];

    global.gc?.();
    const start = process.memoryUsage();
    const heap = { start: mb(start.heapUsed), peak: mb(start.heapUsed), end: 0, atTenths: [] as number[] };
    const rss = { start: mb(start.rss), peak: mb(start.rss), end: 0, atTenths: [] as number[] };
    sampler = setInterval(() => {
      const m = process.memoryUsage();
      heapSamples.push(m.heapUsed);
      heap.peak = Math.max(heap.peak, mb(m.heapUsed));
      rss.peak = Math.max(rss.peak, mb(m.rss));
    }, 250);

    const tenthTimes: number[] = [];
    let nextTenth = 1;
    const started = performance.now();
    const done = new Promise<JobSnapshot>((resolve) => {
      const stop = session.onEvent((name, payload) => {
        if (name !== 'jobs:progress') return;
        const job = payload as JobSnapshot;
        if (job.kind !== 'bulk_redeliver') return;
        // Memory and time at each tenth of the job: flat memory means the same figure at 10 % and 90 %.
        while (job.processed >= (nextTenth * counted.count) / 10 && nextTenth <= 10) {
          const m = process.memoryUsage();
          heap.atTenths.push(mb(m.heapUsed));
          rss.atTenths.push(mb(m.rss));
          tenthTimes.push(performance.now());
          if (nextTenth % 2 === 0) log(`redeliver: ${nextTenth * 10} % (${job.processed.toLocaleString('en')}), ${job.pacing?.requestsPerSecond ?? '?'} /s, heap ${mb(m.heapUsed)} MB`);
          nextTenth++;
        }
        if (['completed', 'failed', 'cancelled'].includes(job.state)) {
          stop();
          resolve(job);
        }
      });
    });
    await session.call('jobs:startBulkRedeliver', { filters, asOf: counted.asOf, expected: counted.count, ratePerSecond: options.ratePerSecond, actionId: `bench-${Date.now()}` });
    const finished = await done;
    const seconds = (performance.now() - started) / 1000;
    clearInterval(sampler);
    sampler = null;
    global.gc?.();
    const end = process.memoryUsage();
    heap.end = mb(end.heapUsed);
    rss.end = mb(end.rss);
    const tenthsPerSecond = tenthTimes.map((t, i) => {
      const from = i === 0 ? started : tenthTimes[i - 1]!;
      return Math.round(counted.count / 10 / ((t - from) / 1000));
    });
    let busiestWindow = 0;
    for (let first = 0, last = 0; last < api.times.length; last++) {
      while (api.times[last]! - api.times[first]! >= options.windowSeconds * 1000) first++;
      busiestWindow = Math.max(busiestWindow, last - first + 1);
    }
    return {
      events: counted.count,
      seeded,
      seconds: round(seconds),
      state: finished.state,
      processed: finished.processed,
      succeeded: finished.succeeded,
      failed: finished.failed,
      skipped: finished.skipped,
      requestsPerSecond: finished.pacing?.requestsPerSecond ?? 0,
      apiRequestsPerSecond: round(api.requests / seconds),
      apiRequests: api.requests,
      busiestWindow,
      ratePerSecond: options.ratePerSecond,
      concurrency: finished.pacing?.concurrency ?? 0,
      apiLimit: options.apiLimit,
      windowSeconds: options.windowSeconds,
      client429: api.rateLimited,
      job429: finished.pacing?.rateLimited ?? 0,
      jobWaitedSeconds: round(finished.pacing?.waitedSeconds ?? 0),
      tenthsPerSecond,
      heapMB: heap,
      rssMB: rss,
    };
  } finally {
    if (sampler) clearInterval(sampler);
    await session.close();
    await sandbox.close();
    await rm(dbDir, { recursive: true, force: true });
  }
}

/** The Events-section table rows and the how-measured line for docs/benchmarks.md. */
export function redeliverRows(f: RedeliverFigures): { rows: string[]; how: string } {
  const verdict = (ok: boolean) => (ok ? '✅ met' : '❌ missed');
  const budgetPerSecond = round(f.apiLimit / f.windowSeconds);
  const retained = round(f.heapMB.end - f.heapMB.start);
  const spread = f.heapMB.atTenths.length > 1 ? round(Math.max(...f.heapMB.atTenths) - Math.min(...f.heapMB.atTenths)) : 0;
  return {
    rows: [
      `| Bulk redeliver of ${f.events.toLocaleString('en')} failed events (the job's cap is 10,000): pacing | ≤ ${f.ratePerSecond}/s asked, within the API's ${f.apiLimit.toLocaleString('en')} requests per ${f.windowSeconds} s (${budgetPerSecond}/s), every one redelivered | ${f.state}: ${f.succeeded.toLocaleString('en')} redelivered, ${f.failed} failed, ${f.skipped} skipped in ${f.seconds} s → **${f.requestsPerSecond} redeliveries/s** (${f.concurrency} in flight at most); all API requests ${f.apiRequestsPerSecond}/s (${f.apiRequests.toLocaleString('en')}, list pages included), busiest ${f.windowSeconds} s: ${f.busiestWindow.toLocaleString('en')} requests; per tenth of the job: ${f.tenthsPerSecond.join(', ')} /s; 429 answers: ${f.client429} (the client waits out a Retry-After ≤ 20 s itself, pausing the profile's scheduler), ${f.job429} reached the job (it held every start ${f.jobWaitedSeconds} s for them) | ${verdict(f.state === 'completed' && f.processed === f.events && f.failed === 0)} |`,
      `| Main-process memory during that bulk redeliver | flat | JS heap ${f.heapMB.start} MB before → peak ${f.heapMB.peak} → ${f.heapMB.end} MB after (forced GC before and after); at each 10 %: ${f.heapMB.atTenths.join(', ')} MB (spread ${spread} MB, uncollected garbage included); RSS ${f.rssMB.start} → peak ${f.rssMB.peak} → ${f.rssMB.end} MB | ${verdict(retained < 10)} (retained < 10 MB for ${f.events.toLocaleString('en')} events) |`,
    ],
    how: `- **Bulk redeliver**: a second sandbox in its own process, ${f.seeded.toLocaleString('en')} bulk-seeded events, an API budget of ${f.apiLimit.toLocaleString('en')} requests per ${f.windowSeconds} s per token (429 + Retry-After beyond it); \`jobs:countEvents\` (status = failed, cap 10,000) then \`jobs:startBulkRedeliver\` at ${f.ratePerSecond}/s through the real dispatcher and main's services (e2e harness, no browser); memory sampled every 250 ms and at each tenth of the job's progress events; the client's request log counts every API answer and every 429.`,
  };
}

// Alone: a quick run with small sizes, printed instead of written to the docs.
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const figures = await measureBulkRedeliver({
    events: Number(process.env.BENCH_REDELIVER_EVENTS ?? 10_000),
    apiLimit: Number(process.env.BENCH_REDELIVER_API_LIMIT ?? 3_000),
    windowSeconds: Number(process.env.BENCH_REDELIVER_WINDOW_S ?? 60),
    ratePerSecond: Number(process.env.BENCH_REDELIVER_RATE ?? 50),
    log: (message) => process.stdout.write(`[redeliver ${new Date().toISOString().slice(11, 19)}] ${message}\n`),
  });
  const { rows, how } = redeliverRows(figures);
  process.stdout.write(`${rows.join('\n')}\n${how}\n`);
}
