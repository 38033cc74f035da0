// The Events benchmarks (issue 5 item 7), each a function over a running app + sandbox:
// - scroll: p95 frame time while scrolling through the loaded rows (100,000 in `npm run bench`)
// - heap: renderer JS heap with those rows loaded (after a forced GC)
// - export: 100,000 events exported by the real job vs a bare paginated fetch loop on the same server,
//   sampling main-process memory during the export
// (The first page and cold start, split by stage, are in renderer-bench.ts.)
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SandboxHandle } from './sandbox-process';
import type { JobSnapshot } from '../../shared/ipc/channels/jobs';
import type { BrowserApp } from './browser-app';
import { round, scrollFigures, type ScrollFigures } from './stats';

/** Scrolls the table to the bottom until `target` rows are loaded (infinite scroll loads pages). */
export async function loadRows(app: BrowserApp, target: number, timeoutMs: number): Promise<{ rows: number; seconds: number }> {
  const started = Date.now();
  const rows = await app.page.evaluate(
    async ({ target, timeoutMs }) => {
      const table = document.querySelector<HTMLElement>('[data-testid="events-table"]');
      if (!table) throw new Error('no events table');
      const count = () => Number(table.getAttribute('data-rows'));
      const t0 = performance.now();
      while (count() < target && performance.now() - t0 < timeoutMs) {
        const before = count();
        table.scrollTop = table.scrollHeight;
        const waitStart = performance.now();
        while (count() === before && performance.now() - waitStart < 10_000) await new Promise((r) => setTimeout(r, 5));
        if (count() === before) break; // no more pages
      }
      table.scrollTop = 0;
      return count();
    },
    { target, timeoutMs },
  );
  return { rows, seconds: round((Date.now() - started) / 1000) };
}

/**
 * Scrolls from the top through the rows loaded when it starts, at a steady speed, recording the time
 * between animation frames. It stops at the end of those rows: the next page infinite scroll asks
 * for near the end may arrive, but the walk does not go on through it (that would measure loading,
 * and make "10,000 rows" an unbounded number).
 */
export async function measureScroll(app: BrowserApp, pxPerFrame: number): Promise<ScrollFigures> {
  const deltas = await app.page.evaluate(async (step) => {
    const table = document.querySelector<HTMLElement>('[data-testid="events-table"]')!;
    const frame = () => new Promise<number>((r) => requestAnimationFrame(r));
    table.scrollTop = 0;
    // The display's own cadence, with nothing to do.
    const idle: number[] = [];
    let last = await frame();
    for (let i = 0; i < 60; i++) {
      const now = await frame();
      idle.push(now - last);
      last = now;
    }
    const end = table.scrollHeight - table.clientHeight - 1;
    const out: number[] = [];
    last = await frame();
    while (table.scrollTop < end) {
      table.scrollTop += step;
      const now = await frame();
      out.push(now - last);
      last = now;
    }
    return { out, idle };
  }, pxPerFrame);
  return scrollFigures(deltas.out, deltas.idle);
}

/** JS heap of the page after a forced garbage collection (CDP). */
export async function measureHeap(app: BrowserApp): Promise<{ usedMB: number }> {
  const cdp = await app.page.context().newCDPSession(app.page);
  await cdp.send('HeapProfiler.enable');
  await cdp.send('HeapProfiler.collectGarbage');
  const usage = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
  await cdp.detach();
  return { usedMB: round(usage.usedSize / 1024 / 1024) };
}

/** Walks up to `rows` events matching `filters` with plain fetch + JSON.parse, 100 per page, following next_cursor. */
export async function bareFetchLoop(
  sandbox: Pick<SandboxHandle, 'baseUrl'>,
  token: string,
  rows: number,
  filters: Record<string, string> = {},
): Promise<{ rows: number; seconds: number; perSecond: number; oldestCreatedAt: string }> {
  const started = performance.now();
  let cursor: string | null = null;
  let seen = 0;
  let oldest = '';
  while (seen < rows) {
    const url = new URL(`${sandbox.baseUrl}/processing/events`);
    url.searchParams.set('limit', '100');
    url.searchParams.set('sort', '-created_at');
    for (const [key, value] of Object.entries(filters)) url.searchParams.set(`filter[${key}]`, value);
    if (cursor) url.searchParams.set('cursor', cursor);
    const res = await fetch(url, { headers: { authorization: `Bearer ${token}`, accept: 'application/json' } });
    if (!res.ok) throw new Error(`bare loop: ${res.status}`);
    const body = (await res.json()) as { data: { created_at: string }[]; meta: { next_cursor: string | null } };
    seen += body.data.length;
    oldest = body.data.at(-1)?.created_at ?? oldest;
    cursor = body.meta.next_cursor;
    if (!cursor) break;
  }
  const seconds = (performance.now() - started) / 1000;
  return { rows: seen, seconds: round(seconds, 2), perSecond: Math.round(seen / seconds), oldestCreatedAt: oldest };
}

export interface ExportFigures {
  rows: number;
  seconds: number;
  perSecond: number;
  fileMB: number;
  heapUsedMB: { start: number; peak: number; end: number };
  rssMB: { start: number; peak: number; end: number };
}

/** Runs the real export job (jobs:startExport through the dispatcher) and samples main's memory. */
export async function measureExport(app: BrowserApp, filters: Record<string, string>): Promise<ExportFigures> {
  const dir = await mkdtemp(join(tmpdir(), 'bench-export-'));
  const file = join(dir, 'events.csv');
  const mb = (n: number) => round(n / 1024 / 1024);
  global.gc?.();
  const start = process.memoryUsage();
  const heap = { start: mb(start.heapUsed), peak: mb(start.heapUsed), end: 0 };
  const rss = { start: mb(start.rss), peak: mb(start.rss), end: 0 };
  const sampler = setInterval(() => {
    const m = process.memoryUsage();
    heap.peak = Math.max(heap.peak, mb(m.heapUsed));
    rss.peak = Math.max(rss.peak, mb(m.rss));
  }, 50);
  try {
    app.session.fakes.dialog.prepareOpen(file);
    const done = new Promise<JobSnapshot>((resolve) => {
      const stop = app.session.onEvent((name, payload) => {
        const job = payload as JobSnapshot;
        if (name === 'jobs:progress' && job.kind === 'export' && ['completed', 'failed', 'cancelled'].includes(job.state)) {
          stop();
          resolve(job);
        }
      });
    });
    const started = performance.now();
    const { job } = await app.session.call('jobs:startExport', { filters, format: 'csv' });
    if (!job) throw new Error('the export did not start');
    const finished = await done;
    const seconds = (performance.now() - started) / 1000;
    if (finished.state !== 'completed') throw new Error(`export ${finished.state}: ${finished.error?.message}`);
    // What the export left behind, garbage collected (needs node --expose-gc, as npm run bench runs it).
    global.gc?.();
    const end = process.memoryUsage();
    heap.end = mb(end.heapUsed);
    rss.end = mb(end.rss);
    const lines = (await readFile(file, 'utf8')).split('\r\n').length - 2; // header + trailing newline
    if (lines !== finished.processed) throw new Error(`file has ${lines} rows, job says ${finished.processed}`);
    return { rows: finished.processed, seconds: round(seconds, 2), perSecond: Math.round(finished.processed / seconds), fileMB: mb((await stat(file)).size), heapUsedMB: heap, rssMB: rss };
  } finally {
    clearInterval(sampler);
    await rm(dir, { recursive: true, force: true });
  }
}
