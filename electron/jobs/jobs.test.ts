// The jobs against a real sandbox through the real platform client: export streams every matching
// row into the chosen file (and leaves nothing behind on cancel or failure); bulk redeliver counts,
// redelivers exactly the confirmed set (skipping superseded events), honours 429 Retry-After,
// can be cancelled half-way and exports its summary.
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { parseCsv } from '../../shared/export-format';
import type { JobSnapshot } from '../../shared/ipc/channels/jobs';
import { startSandbox, type RunningSandbox } from '../../sandbox/server';
import { createProviderEvent } from '../../sandbox/processing/event-store';
import { insertTestInstallation } from '../../sandbox/processing/test-support';
import { CapabilityCache } from '../api/capabilities';
import { PlatformHttp, type RetryTuning } from '../api/http';
import { PlatformClient } from '../api/platform-client';
import { RequestScheduler } from '../api/scheduler';
import { MemoryVault } from '../api/test-support';
import type { JobsClient } from './events-source';
import { createJobsService, type SaveDialogLike } from './jobs-service';

let sandbox: RunningSandbox;
let vault: MemoryVault;
let token: string;
let dir: string;
let installationA: string;
let installationB: string;
const PAID_A = 1200;
const OTHER = 300;

function makeClient(tuning: Partial<RetryTuning> = {}) {
  return new PlatformClient(
    new PlatformHttp({ id: 'p1', baseUrl: sandbox.baseUrl }, { vault, scheduler: new RequestScheduler(), tuning: { baseDelayMs: 10, maxDelayMs: 50, ...tuning } }),
    new CapabilityCache(),
  );
}

/** False until the sandbox serves /_sandbox/faults (SANDBOX-OPS wires it); fault tests skip with a note meanwhile. */
async function faultsAvailable(): Promise<boolean> {
  const res = await fetch(`${sandbox.origin}/_sandbox/faults`, { headers: { 'x-sandbox-admin': sandbox.adminSecret } });
  return res.status !== 404;
}

async function setFaults(spec: string) {
  const res = await fetch(`${sandbox.origin}/_sandbox/faults`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json', 'x-sandbox-admin': sandbox.adminSecret },
    body: JSON.stringify({ spec }),
  });
  if (!res.ok) throw new Error(`faults: ${res.status} ${await res.text()}`);
}

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, seed: 'empty', dispatch: false });
  vault = new MemoryVault();
  token = await sandbox.mintToken();
  vault.set('p1', token);
  installationA = insertTestInstallation(sandbox, 'shopify').id;
  installationB = insertTestInstallation(sandbox, 'bling').id;
  // Redelivery needs an endpoint; deliveries are off (dispatch: false), so nothing is sent.
  await makeClient().createWebhookEndpoint({ url: `${sandbox.origin}/_sandbox/receiver/ok`, events: ['*'] }, { idempotencyKey: 'setup-endpoint-1' });
  const base = Date.parse('2026-01-10T00:00:00.000Z');
  for (let i = 0; i < PAID_A; i++) {
    createProviderEvent(sandbox.ctx, {
      installationId: installationA,
      name: 'order.paid',
      payload: { order_id: `A-${i}`, note: i % 50 === 0 ? 'comma, "quote"\nnewline' : 'plain' },
      createdAt: new Date(base + i * 1000),
    });
  }
  for (let i = 0; i < OTHER; i++) {
    createProviderEvent(sandbox.ctx, { installationId: installationB, name: 'order.created', payload: { order_id: `B-${i}` }, createdAt: new Date(base + i * 1000 + 500) });
  }
  // A superseded pair: order.created then order.paid for the same order on installation A.
  createProviderEvent(sandbox.ctx, { installationId: installationA, name: 'order.created', payload: { order_id: 'S-1' }, createdAt: new Date(base - 5000) });
  createProviderEvent(sandbox.ctx, { installationId: installationA, name: 'order.paid', payload: { order_id: 'S-1' }, createdAt: new Date(base - 4000) });
}, 120_000);

afterAll(async () => {
  await sandbox?.close();
});

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'jobs-'));
  return () => rm(dir, { recursive: true, force: true });
});

function setup(options: { client?: JobsClient; fileName?: string; pacing?: Parameters<typeof createJobsService>[0]['pacing'] } = {}) {
  const progress: JobSnapshot[] = [];
  const target = join(dir, options.fileName ?? 'export.csv');
  const dialog: SaveDialogLike = { showSaveDialog: async () => ({ canceled: false, filePath: target }) };
  const client = options.client ?? makeClient();
  const service = createJobsService({
    activeProfile: () => ({ id: 'p1', name: 'Sandbox' }),
    clientFor: () => client,
    dialog,
    emit: (_event, snapshot) => progress.push(snapshot),
    ...(options.pacing ? { pacing: options.pacing } : {}),
  });
  return { service, progress, target };
}

async function waitFor(check: () => boolean, timeoutMs = 20_000) {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > timeoutMs) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe('export job', () => {
  it('streams every matching event to CSV, page by page, with progress', async () => {
    const { service, progress, target } = setup();
    const job = await service.startExport({ installation_id: installationA, name: 'order.paid' }, 'csv');
    expect(job).not.toBeNull();
    const done = await service.settled(job!.id);
    expect(done.state).toBe('completed');
    const rows = parseCsv(await readFile(target, 'utf8'));
    expect(rows[0]![0]).toBe('id');
    // PAID_A events + the superseding order.paid of S-1.
    expect(rows.length - 1).toBe(PAID_A + 1);
    expect(done.processed).toBe(PAID_A + 1);
    expect(new Set(rows.slice(1).map((r) => r[0])).size).toBe(PAID_A + 1);
    expect(rows.slice(1).every((r) => r[2] === 'order.paid' && r[5] === installationA)).toBe(true);
    // Newest first, as the list.
    expect(rows[1]![1]! > rows[2]![1]!).toBe(true);
    expect(progress.filter((p) => p.state === 'running').length).toBeGreaterThanOrEqual(1);
    expect(progress.at(-1)!.state).toBe('completed');
    expect(await readdir(dir)).toEqual(['export.csv']);
  });

  it('writes NDJSON with every field of the API', async () => {
    const { service, target } = setup({ fileName: 'export.ndjson' });
    const job = await service.startExport({ installation_id: installationB }, 'ndjson');
    await service.settled(job!.id);
    const lines = (await readFile(target, 'utf8')).trimEnd().split('\n');
    expect(lines).toHaveLength(OTHER);
    const first = JSON.parse(lines[0]!);
    expect(first).toMatchObject({ name: 'order.created', installation_id: installationB, integration_driver_slug: 'bling' });
    expect(first).toHaveProperty('last_dispatch');
  });

  it('a cancelled export leaves no file behind', async (ctx) => {
    if (!(await faultsAvailable())) return ctx.skip('the sandbox has no /_sandbox/faults yet');
    // Every page takes ≥ 300 ms, so the export is still running when it is cancelled — on an idle
    // machine as on a loaded one — instead of racing a fast export to the finish.
    await setFaults('latency=300,seed=1');
    try {
      const { service, progress, target } = setup();
      const job = await service.startExport({}, 'csv');
      await waitFor(() => progress.some((p) => p.processed > 0));
      service.cancel(job!.id);
      const done = await service.settled(job!.id);
      expect(done.state).toBe('cancelled');
      expect(done.processed).toBeLessThan(PAID_A + OTHER + 2);
      expect(await readdir(dir)).toEqual([]);
      await expect(readFile(target)).rejects.toThrow();
    } finally {
      await setFaults('');
    }
  });

  it('a failed export (server errors) reports the error and removes the partial file', async (ctx) => {
    if (!(await faultsAvailable())) return ctx.skip('the sandbox has no /_sandbox/faults yet');
    // Slow pages first (so the export is still running), then every request fails.
    await setFaults('latency=300,seed=1');
    const { service, progress } = setup({ client: makeClient({ maxAttempts: 1 }) });
    const job = await service.startExport({}, 'csv');
    await waitFor(() => progress.some((p) => p.processed > 0));
    await setFaults('error_rate=1,seed=1');
    try {
      const done = await service.settled(job!.id);
      expect(done.state).toBe('failed');
      expect(done.error?.code).toBe('server');
    } finally {
      await setFaults('');
    }
    expect(await readdir(dir)).toEqual([]);
  });

  it('reads at most two pages ahead: a disk that waits holds the walk back (flat memory)', async () => {
    let pageRequests = 0;
    const countingFetch: typeof fetch = (input, init) => {
      if (String(input).includes('/processing/events')) pageRequests++;
      return fetch(input, init);
    };
    const client = new PlatformClient(new PlatformHttp({ id: 'p1', baseUrl: sandbox.baseUrl }, { vault, scheduler: new RequestScheduler(), fetch: countingFetch }));
    // A sink on a "slow disk": the header goes through, then the first page's write waits.
    const writes: string[] = [];
    let releaseDisk!: () => void;
    const disk = new Promise<void>((resolve) => (releaseDisk = resolve));
    const service = createJobsService({
      activeProfile: () => ({ id: 'p1', name: 'Sandbox' }),
      clientFor: () => client,
      dialog: { showSaveDialog: async () => ({ canceled: false, filePath: join(dir, 'held.csv') }) },
      emit: () => undefined,
      openFileSink: async () => ({
        async write(chunk) {
          writes.push(chunk);
          if (writes.length >= 2) await disk;
          return Buffer.byteLength(chunk);
        },
        async commit() {},
        async discard() {},
      }),
    });
    const job = await service.startExport({ installation_id: installationA, name: 'order.paid' }, 'csv');
    await waitFor(() => writes.length === 2 && pageRequests === 3);
    // Page 1 is waiting for the disk, page 2 has arrived and page 3 was requested with it (the
    // walk's prefetch); nothing asks for page 4 meanwhile.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(pageRequests).toBe(3);
    expect(writes).toHaveLength(2);
    releaseDisk();
    const done = await service.settled(job!.id);
    expect(done.state).toBe('completed');
    expect(done.processed).toBe(PAID_A + 1);
    expect(pageRequests).toBe(Math.ceil((PAID_A + 1) / 100));
  });

  it('nothing happens when the save dialog is cancelled', async () => {
    const service = createJobsService({
      activeProfile: () => ({ id: 'p1', name: 'Sandbox' }),
      clientFor: () => makeClient(),
      dialog: { showSaveDialog: async () => ({ canceled: true }) },
      emit: () => undefined,
    });
    expect(await service.startExport({}, 'csv')).toBeNull();
    expect(service.list()).toEqual([]);
  });
});

describe('bulk redeliver job', () => {
  it('counts first (with a cap), then redelivers exactly that set, skipping superseded events', async () => {
    const { service, progress } = setup({ pacing: { ratePerSecond: 1000 } });
    const capped = await service.countEvents({ installation_id: installationA }, 100, new AbortController().signal);
    expect(capped).toMatchObject({ count: 100, capped: true, profileName: 'Sandbox' });
    const filter = { installation_id: installationA, created_at_less_than: '2026-01-09T23:59:59.000Z' };
    const counted = await service.countEvents(filter, 1000, new AbortController().signal);
    // Only the superseded pair is that old: the order.created (superseded) and its replacement.
    expect(counted).toMatchObject({ count: 2, capped: false });
    const job = await service.startBulkRedeliver({ filters: filter, asOf: counted.asOf, expected: counted.count, actionId: 'bulk-test-1' });
    const done = await service.settled(job.id);
    expect(done).toMatchObject({ state: 'completed', total: 2, processed: 2, succeeded: 1, skipped: 1, failed: 0 });
    expect(progress.at(-1)!.state).toBe('completed');

    // The redelivery is real: a manual dispatch now exists for the replacement event.
    const events = await makeClient().listEvents({ filters: filter, limit: 10 });
    const replacement = events.items.find((e) => !e.superseded)!;
    const detail = await makeClient().getEvent(replacement.id);
    expect((detail.dispatches ?? []).filter((d) => d.trigger === 'manual')).toHaveLength(1);

    // The summary exports, one line per event.
    const summaryPath = join(dir, 'export.csv');
    const saved = await service.exportSummary(job.id, 'csv');
    expect(saved).toMatchObject({ saved: true, count: 2 });
    const rows = parseCsv(await readFile(summaryPath, 'utf8'));
    expect(rows.slice(1).map((r) => r[2]).sort()).toEqual(['skipped', 'succeeded']);
  });

  it('can be cancelled half-way, and refuses a second job on the same profile meanwhile', async () => {
    const { service } = setup({ pacing: { ratePerSecond: 40 } });
    const filter = { installation_id: installationB };
    const counted = await service.countEvents(filter, 1000, new AbortController().signal);
    expect(counted.count).toBe(OTHER);
    const job = await service.startBulkRedeliver({ filters: filter, asOf: counted.asOf, expected: counted.count, actionId: 'bulk-test-2' });
    await expect(service.startBulkRedeliver({ filters: filter, asOf: counted.asOf, expected: 1, actionId: 'bulk-test-3' })).rejects.toMatchObject({ code: 'conflict' });
    await waitFor(() => (service.list().find((j) => j.id === job.id)?.processed ?? 0) >= 10);
    service.cancel(job.id);
    const done = await service.settled(job.id);
    expect(done.state).toBe('cancelled');
    expect(done.processed).toBeGreaterThanOrEqual(10);
    expect(done.processed).toBeLessThan(OTHER);
    expect(done.succeeded).toBe(done.processed);
  });

  it('waits out a 429 Retry-After instead of failing, and slows down', async (ctx) => {
    if (!(await faultsAvailable())) return ctx.skip('the sandbox has no /_sandbox/faults yet');
    const filter = { installation_id: installationA, name: 'order.paid' };
    const counted = await setup().service.countEvents(filter, 8, new AbortController().signal);
    // Another consumer of the same token (another console, a script) spends this second's budget
    // right after the job has read its page of events, so the job's first redeliver meets a 429 its
    // own scheduler could not foresee — as on a shared production account. The real client does
    // the work; the wrapper only places the neighbour's one bounded burst at that moment.
    await setFaults('rate_limit=4/s');
    const burst = async () => {
      for (let i = 0; i < 5; i++) {
        await fetch(`${sandbox.baseUrl}/drivers?limit=1`, { headers: { authorization: `Bearer ${token}` } }).then((r) => r.arrayBuffer());
      }
    };
    // maxRetryAfterSeconds 0: the client hands every 429 to the job instead of waiting itself.
    const real = makeClient({ maxRetryAfterSeconds: 0, maxAttempts: 1 });
    const sharedAccountClient: JobsClient = {
      async *iteratePages(...args: Parameters<JobsClient['iteratePages']>) {
        for await (const page of real.iteratePages(...args)) {
          await burst();
          yield page;
        }
      },
      redeliverEvent: real.redeliverEvent.bind(real),
    } as JobsClient;
    const { service, progress } = setup({ client: sharedAccountClient, pacing: { ratePerSecond: 50 } });
    try {
      const job = await service.startBulkRedeliver({ filters: filter, asOf: counted.asOf, expected: 8, actionId: 'bulk-test-4' });
      const done = await service.settled(job.id);
      expect(done).toMatchObject({ state: 'completed', processed: 8, succeeded: 8, failed: 0 });
      expect(progress.some((p) => p.waitingSeconds !== null && p.waitingSeconds > 0)).toBe(true);
    } finally {
      await setFaults('');
    }
  }, 90_000);
});
