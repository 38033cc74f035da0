// Bulk redeliver at scale: main's memory does not grow with the number of events (the selection is
// walked a page at a time, outcomes go to a file, a bounded number of redeliveries in flight), and
// its pace honours the API's 429 Retry-After — against a real sandbox whose rate limit is tight.
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import v8 from 'node:v8';
import vm from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../shared/app-error';
import type { PlatformEvent } from '../../shared/api/index';
import { parseCsv } from '../../shared/export-format';
import { startSandbox, type RunningSandbox } from '../../sandbox/server';
import { createProviderEvent } from '../../sandbox/processing/event-store';
import { insertTestInstallation } from '../../sandbox/processing/test-support';
import { CapabilityCache } from '../api/capabilities';
import { PlatformHttp } from '../api/http';
import { PlatformClient } from '../api/platform-client';
import { RequestScheduler } from '../api/scheduler';
import { MemoryVault } from '../api/test-support';
import type { JobsClient } from './events-source';
import { createJobsService } from './jobs-service';
import { openFileOutcomeLog, sweepOutcomeLogs } from './outcome-log';
import { startAppSession } from '../../test/harness/app-session';
import { runBulkRedeliver } from './bulk-redeliver';
import { JobRecord } from './job-record';

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;

function heapAfterGc(): number {
  gc();
  gc();
  return process.memoryUsage().heapUsed;
}

/** A client over `total` synthetic events, built page by page as the walk asks (no array of them). */
function syntheticClient(total: number, hooks: { onRedeliver?: (done: number) => void } = {}) {
  const stats = { inFlight: 0, maxInFlight: 0, pagesRequested: 0, redelivered: 0 };
  const client = {
    async *iteratePages() {
      for (let start = 0; start < total; start += 100) {
        stats.pagesRequested++;
        const items: PlatformEvent[] = [];
        for (let i = start; i < Math.min(total, start + 100); i++) {
          // Fresh strings per event, as JSON.parse makes them: nothing shared that would hide growth.
          items.push({ id: `evt-${i}-${'x'.repeat(24)}`, name: `order.paid.${i % 7}`, created_at: new Date(1_700_000_000_000 - i * 1000).toISOString(), status: 'failed', installation_id: 'inst-1', integration_driver_slug: 'shopify', superseded: false, superseded_by: null, last_dispatch: null } as PlatformEvent);
        }
        yield { items, pagination: { kind: 'cursor' as const, perPage: 100, nextCursor: null, prevCursor: null } };
      }
    },
    async redeliverEvent(id: string) {
      stats.inFlight++;
      stats.maxInFlight = Math.max(stats.maxInFlight, stats.inFlight);
      await new Promise((resolve) => setImmediate(resolve));
      stats.inFlight--;
      stats.redelivered++;
      hooks.onRedeliver?.(stats.redelivered);
      return { id: `dsp-${id}`, status: 'pending' };
    },
  } as unknown as JobsClient;
  return { client, stats };
}

describe('bulk redeliver memory', () => {
  it('does not grow with the number of events: a page at a time, bounded in flight, outcomes on disk', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'bulk-mem-'));
    try {
      // Heap growth half-way through a run, after a full GC, for a small and a 10× larger selection.
      const growthAt = async (total: number) => {
        let base = 0;
        let middle = 0;
        const { client, stats } = syntheticClient(total, {
          onRedeliver: (done) => {
            if (done === 200) base = heapAfterGc();
            if (done === total - 200) middle = heapAfterGc();
          },
        });
        const service = createJobsService({
          activeProfile: () => ({ id: 'p1', name: 'Sandbox' }),
          clientFor: () => client,
          dialog: { showSaveDialog: async () => ({ canceled: false, filePath: join(dir, `summary-${total}.csv`) }) },
          emit: () => undefined,
          pacing: { ratePerSecond: 1_000_000, concurrency: 4 },
        });
        const job = await service.startBulkRedeliver({ filters: {}, asOf: new Date().toISOString(), expected: total, actionId: `mem-${total}` });
        const done = await service.settled(job.id);
        expect(done).toMatchObject({ state: 'completed', processed: total, succeeded: total });
        expect(stats.maxInFlight).toBeLessThanOrEqual(4);
        // The summary still has every event, read back from the outcome log.
        const saved = await service.exportSummary(job.id, 'csv');
        expect(saved).toMatchObject({ saved: true, count: total });
        const rows = parseCsv(await readFile(join(dir, `summary-${total}.csv`), 'utf8'));
        expect(rows).toHaveLength(total + 1);
        // In the order they finished (up to 4 run at once, so not quite the walk's): each event once.
        const ids = new Set(rows.slice(1).map((row) => row[0]));
        expect(ids.size).toBe(total);
        expect(ids.has(`evt-0-${'x'.repeat(24)}`) && ids.has(`evt-${total - 1}-${'x'.repeat(24)}`)).toBe(true);
        await service.close();
        return middle - base;
      };
      await growthAt(1_000); // warm-up: compiled code, the first stream buffers
      const small = await growthAt(2_000);
      const large = await growthAt(20_000);
      // Holding each outcome in memory (about 200 bytes each) would add ~3.5 MB between the two
      // samples of the large run; streamed, the difference is noise.
      expect(large - small).toBeLessThan(1.5 * 1024 * 1024);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 120_000);
});

describe('bulk redeliver pacing', () => {
  let sandbox: RunningSandbox;
  let vault: MemoryVault;
  const EVENTS = 14;

  beforeAll(async () => {
    sandbox = await startSandbox({ port: 0, seed: 'empty', dispatch: false });
    vault = new MemoryVault();
    vault.set('p1', await sandbox.mintToken());
    const installation = insertTestInstallation(sandbox, 'shopify').id;
    const setupClient = new PlatformClient(new PlatformHttp({ id: 'p1', baseUrl: sandbox.baseUrl }, { vault, scheduler: new RequestScheduler() }), new CapabilityCache());
    await setupClient.createWebhookEndpoint({ url: `${sandbox.origin}/_sandbox/receiver/ok`, events: ['*'] }, { idempotencyKey: 'pacing-endpoint-1' });
    for (let i = 0; i < EVENTS; i++) {
      createProviderEvent(sandbox.ctx, { installationId: installation, name: 'order.paid', payload: { order_id: `P-${i}` }, createdAt: new Date(Date.parse('2026-01-10T00:00:00.000Z') + i * 1000) });
    }
  }, 60_000);

  afterAll(async () => {
    await sandbox?.close();
  });

  it('honours Retry-After: no redelivery starts before it has passed, then goes on at half the pace', async () => {
    // The client hands every 429 to the job (it would otherwise wait them out itself), and the
    // sandbox allows 6 requests per 2-second window: the job's pace of 50/s runs into it at once.
    const real = new PlatformClient(
      new PlatformHttp({ id: 'p1', baseUrl: sandbox.baseUrl }, { vault, scheduler: new RequestScheduler(), tuning: { maxRetryAfterSeconds: 0, maxAttempts: 1 } }),
      new CapabilityCache(),
    );
    const starts: number[] = [];
    const refusals: { at: number; retryAfter: number }[] = [];
    const client = {
      iteratePages: real.iteratePages.bind(real),
      async redeliverEvent(...args: Parameters<JobsClient['redeliverEvent']>) {
        starts.push(Date.now());
        try {
          return await real.redeliverEvent(...args);
        } catch (error) {
          if (error instanceof AppError && error.code === 'rate_limited') refusals.push({ at: Date.now(), retryAfter: error.retryAfter ?? 0 });
          throw error;
        }
      },
    } as JobsClient;
    const progress: { pacing?: unknown; waitingSeconds: number | null }[] = [];
    const service = createJobsService({
      activeProfile: () => ({ id: 'p1', name: 'Sandbox' }),
      clientFor: () => client,
      dialog: { showSaveDialog: async () => ({ canceled: true }) },
      emit: (_event, snapshot) => progress.push(snapshot),
      pacing: { ratePerSecond: 50, concurrency: 2 },
    });
    sandbox.ctx.rateLimit = { limit: 6, windowSeconds: 2 };
    try {
      const job = await service.startBulkRedeliver({ filters: {}, asOf: new Date().toISOString(), expected: EVENTS, actionId: 'pacing-1' });
      const done = await service.settled(job.id);
      expect(done).toMatchObject({ state: 'completed', processed: EVENTS, succeeded: EVENTS, failed: 0 });
      expect(refusals.length).toBeGreaterThanOrEqual(1);
      // After each 429, nothing started before its Retry-After was over (a little slack for timers).
      for (const refusal of refusals) {
        const early = starts.filter((t) => t > refusal.at && t < refusal.at + refusal.retryAfter * 1000 - 50);
        expect(early, `starts within ${refusal.retryAfter} s of a 429`).toEqual([]);
      }
      expect(done.pacing).toMatchObject({ concurrency: 2, rateLimited: refusals.length });
      expect(done.pacing!.waitedSeconds).toBeGreaterThanOrEqual(1);
      expect(done.pacing!.targetPerSecond).toBeLessThanOrEqual(25);
      expect(done.pacing!.requestsPerSecond).toBeGreaterThan(0);
      expect(progress.some((p) => p.waitingSeconds !== null && p.waitingSeconds > 0)).toBe(true);
    } finally {
      sandbox.ctx.rateLimit = { limit: 6000, windowSeconds: 60 };
      await service.close();
    }
  }, 90_000);
});

describe('bulk redeliver pace recovery', () => {
  it('halves the pace on a 429, doubles it back after a quiet spell, and never goes above the pace asked', async () => {
    // Virtual time, one redelivery at a time: each start's moment is exactly what the pacing chose.
    let clock = 0;
    const now = () => clock;
    const sleep = async (ms: number) => {
      clock += Math.max(0, ms);
      await Promise.resolve();
    };
    const { client } = syntheticClient(400);
    const starts: number[] = [];
    const redeliver = client.redeliverEvent.bind(client);
    client.redeliverEvent = async (id, options) => {
      starts.push(clock);
      // One refusal, on the 20th request: 1 s Retry-After.
      if (starts.length === 20) throw new AppError('rate_limited', 'Too many requests', { status: 429, retryAfter: 1 });
      return redeliver(id, options);
    };
    const job = new JobRecord(
      { id: 'j1', kind: 'bulk_redeliver', profileId: 'p1', profileName: 'Sandbox', filters: {}, startedAt: new Date(0).toISOString() },
      () => undefined,
      () => new Date(clock),
    );
    await runBulkRedeliver(job, client, {
      expected: 400,
      actionId: 'recover-1',
      pacing: { ratePerSecond: 10, concurrency: 1, recoverAfterSeconds: 15 },
      sleep,
      now,
    });
    expect(job.snapshot).toMatchObject({ state: 'completed', succeeded: 400 });
    const gaps = starts.slice(1).map((t, i) => Math.round(t - starts[i]!));
    const refusedAt = starts[19]!;
    // Before the 429: the pace asked (100 ms apart). The retry waits out Retry-After, then 200 ms apart.
    expect(new Set(gaps.slice(0, 19))).toEqual(new Set([100]));
    expect(starts[20]! - refusedAt).toBeGreaterThanOrEqual(1000);
    expect(gaps[20]).toBe(200);
    // 15 s after the Retry-After ended, back to 100 ms — and never faster than asked.
    const resumedAt = refusedAt + 1000;
    const fast = starts.findIndex((t, i) => i > 20 && t - starts[i - 1]! === 100);
    expect(starts[fast - 1]! - resumedAt).toBeGreaterThanOrEqual(15_000);
    expect(starts[fast - 1]! - resumedAt).toBeLessThan(15_400);
    expect(Math.min(...gaps)).toBe(100);
    expect(job.snapshot.pacing).toMatchObject({ targetPerSecond: 10, rateLimited: 1 });
  });
});

describe('bulk redeliver outcome files', () => {
  it('a log left by an earlier run is swept at start-up; other files are left alone', async () => {
    const parent = await mkdtemp(join(tmpdir(), 'outcome-sweep-'));
    try {
      const open = openFileOutcomeLog(parent);
      const left = await open();
      left.append({ event_id: 'evt-1', event_name: 'order.paid', outcome: 'succeeded', dispatch_id: 'dsp-1', reason: null });
      await left.close(); // a crash: closed (or not), never disposed
      await writeFile(join(parent, 'unrelated.txt'), 'keep');
      expect(await sweepOutcomeLogs(parent)).toBe(1);
      expect(await readdir(parent)).toEqual(['unrelated.txt']);
      expect(await sweepOutcomeLogs(join(parent, 'missing'))).toBe(0);
    } finally {
      await rm(parent, { recursive: true, force: true });
    }
  });

  it('main sweeps its outcome folder before the first bulk redelivery of a run opens a log', async () => {
    const session = await startAppSession({
      appOrigin: 'http://127.0.0.1:9',
      record: false,
      async beforeStart(userDataDir) {
        const stale = join(userDataDir, 'redelivery-outcomes', 'ii-redelivery-crashed');
        await mkdir(stale, { recursive: true });
        await writeFile(join(stale, 'outcomes.ndjson'), '{"event_id":"evt-old"}\n');
      },
    });
    try {
      await expect.poll(async () => readdir(join(session.userDataDir, 'redelivery-outcomes'))).toEqual([]);
    } finally {
      await session.close();
    }
  });
});
