// `npm run bench`: the Events benchmarks against a sandbox holding 1,000,000 events, in headless
// Chromium through the end-to-end harness; figures, date and machine go to docs/benchmarks.md
// (the "Events" section, between its markers). Environment: BENCH_EVENTS (default 1000000),
// BENCH_RUNS (first-page runs, default 15), BENCH_SKIP_BUILD=1 to reuse dist/renderer,
// BENCH_REDELIVER_EVENTS (bulk redeliver, default 10000; 0 skips it) and BENCH_REDELIVER_API_LIMIT
// (the API's requests per minute in that run, default 3000).
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startSandboxProcess } from './sandbox-process';
import { startBrowserApp } from './browser-app';
import { bareFetchLoop, loadRows, measureExport, measureFirstPage, measureHeap, measureScroll, type ExportFigures } from './events-bench';
import { round, type ScrollFigures } from './stats';
import { measureBulkRedeliver, redeliverRows, type RedeliverFigures } from './redeliver-bench';
import { measureOverview, overviewMethod, overviewRows, type OverviewFigures } from './overview-bench';

const EVENTS = Number(process.env.BENCH_EVENTS ?? 1_000_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 15);
const EXPORT_ROWS = Math.min(100_000, EVENTS);
/** Bare loop and export alternate this many times; the median round is reported (BENCH_EXPORT_ROUNDS). */
const EXPORT_ROUNDS = Number(process.env.BENCH_EXPORT_ROUNDS ?? 5);
/** The export's target: this share of the bare loop's rows per second. */
const EXPORT_TARGET = 0.95;
const REDELIVER_EVENTS = Number(process.env.BENCH_REDELIVER_EVENTS ?? 10_000);
const REDELIVER_API_LIMIT = Number(process.env.BENCH_REDELIVER_API_LIMIT ?? 3_000);
const SCROLL_ROWS = Math.min(10_000, EVENTS);
/** Attempts in the Overview's 24-hour window (its own sandbox; BENCH_OVERVIEW_ATTEMPTS). */
const OVERVIEW_ATTEMPTS = Number(process.env.BENCH_OVERVIEW_ATTEMPTS ?? Math.min(100_000, EVENTS));
const HEAP_ROWS = Math.min(100_000, EVENTS);
/** How long loading the 100,000 rows may take before the heap is measured on what is loaded. */
const LOAD_TIMEOUT_MS = Number(process.env.BENCH_LOAD_TIMEOUT_S ?? 900) * 1000;
const root = fileURLToPath(new URL('../../', import.meta.url));
const docPath = join(root, 'docs/benchmarks.md');
const START = '<!-- events-bench:start -->';
const END = '<!-- events-bench:end -->';

function log(message: string) {
  process.stdout.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}\n`);
}

function chromiumVersion(): string {
  try {
    return execFileSync(process.env.II_CHROMIUM_PATH ?? '/usr/bin/chromium', ['--version']).toString().trim();
  } catch {
    return 'unknown';
  }
}

/** The commit measured (with "+ local changes" when the tree differs from it). */
function gitCommit(): string {
  try {
    const head = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root }).toString().trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--untracked-files=no'], { cwd: root }).toString().trim() !== '';
    return dirty ? `${head} + local changes` : head;
  } catch {
    return 'unknown';
  }
}

const verdict = (ok: boolean) => (ok ? '✅ met' : '❌ missed');

async function main() {
  const loadStart = os.loadavg()[0]!;
  if (!process.env.BENCH_SKIP_BUILD || !existsSync(join(root, 'dist/renderer/index.html'))) {
    log('building the renderer (vite)…');
    execFileSync('npx', ['vite', 'build', '--config', 'vite.config.ts', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
  }
  const dbDir = await mkdtemp(join(os.tmpdir(), 'bench-events-db-'));
  log(`seeding a sandbox with ${EVENTS.toLocaleString('en')} events…`);
  const seedStart = performance.now();
  // In a process of its own (see sandbox-process.ts): the API is never in the console's process.
  const sandbox = await startSandboxProcess({
    port: 0,
    seed: 'demo',
    demoEvents: 0,
    events: EVENTS,
    dispatch: false,
    db: join(dbDir, 'bench.db'),
    // Measure the console, not the sandbox's per-token budget (6,000/min by default).
    rateLimit: { limit: 1_000_000, windowSeconds: 60 },
  });
  const seedSeconds = round((performance.now() - seedStart) / 1000);
  log(`seeded in ${seedSeconds} s`);
  const app = await startBrowserApp(sandbox);
  try {
    log(`first page after navigation (${RUNS} runs)…`);
    const firstPage = await measureFirstPage(app, RUNS);
    log(`first page median ${firstPage.medianMs} ms`);

    await app.open('/events');
    await app.page.getByTestId('event-row').first().waitFor();
    log(`loading ${SCROLL_ROWS} rows…`);
    const loaded10k = await loadRows(app, SCROLL_ROWS, LOAD_TIMEOUT_MS);
    const scroll = await measureScroll(app, 360);
    log(`scroll over ${loaded10k.rows} rows: p95 ${scroll.p95Frames} ms in display frames, raw ${scroll.p95} ms; ${scroll.late} of ${scroll.frames} frames late`);

    log(`loading ${HEAP_ROWS} rows…`);
    const loaded100k = await loadRows(app, HEAP_ROWS, LOAD_TIMEOUT_MS);
    const heap = await measureHeap(app);
    log(`heap with ${loaded100k.rows} rows: ${heap.usedMB} MB (loaded in ${loaded100k.seconds} s)`);
    await app.open('/settings');

    log(`export vs bare fetch loop over ${EXPORT_ROWS} events (${EXPORT_ROUNDS} alternating rounds)…`);
    const token = await sandbox.mintToken({ name: 'bench-bare' });
    // Warm-ups, one each: the bare loop, and the export job (its first run compiles its whole path —
    // without this the first round read ~10 points lower than the rest, every time).
    const warm = await bareFetchLoop(sandbox, token, 5_000);
    await measureExport(app, { created_at_greater_than: warm.oldestCreatedAt });
    // Both sides walk the same list: the events newer than the oldest of the newest EXPORT_ROWS,
    // with the same filter, so the server does the same work for each.
    const boundary = await bareFetchLoop(sandbox, token, EXPORT_ROWS);
    const exportFilters = { created_at_greater_than: boundary.oldestCreatedAt };
    const exportRounds: { bare: Awaited<ReturnType<typeof bareFetchLoop>>; exported: ExportFigures; ratio: number }[] = [];
    for (let i = 0; i < EXPORT_ROUNDS; i++) {
      const bare = await bareFetchLoop(sandbox, token, Number.POSITIVE_INFINITY, exportFilters);
      const exported = await measureExport(app, exportFilters);
      exportRounds.push({ bare, exported, ratio: exported.perSecond / bare.perSecond });
      log(`round ${i + 1}: bare ${bare.perSecond} rows/s, export ${exported.perSecond} rows/s (${round((exported.perSecond / bare.perSecond) * 100)} %), heap ${JSON.stringify(exported.heapUsedMB)}`);
    }
    // The median round (by ratio) is the figure; every round is listed beside it.
    const sortedRounds = [...exportRounds].sort((a, b) => a.ratio - b.ratio);
    const { bare, exported: exportFigures, ratio } = sortedRounds[Math.floor((sortedRounds.length - 1) / 2)]!;

    let redeliver: RedeliverFigures | null = null;
    if (REDELIVER_EVENTS > 0) {
      redeliver = await measureBulkRedeliver({ events: REDELIVER_EVENTS, apiLimit: REDELIVER_API_LIMIT, windowSeconds: 60, ratePerSecond: 50, log });
      log(`bulk redeliver: ${redeliver.processed} in ${redeliver.seconds} s (${redeliver.requestsPerSecond}/s), heap ${redeliver.heapMB.start} → ${redeliver.heapMB.peak} → ${redeliver.heapMB.end} MB`);
    }

    const overview = await measureOverview({ attempts: OVERVIEW_ATTEMPTS, log });

    const loadEnd = os.loadavg()[0]!;
    const section = renderSection({ seedSeconds, firstPage, loaded10k, scroll, loaded100k, heap, bare, exportFigures, ratio, exportRatios: exportRounds.map((r) => r.ratio), loadStart, loadEnd, redeliver, overview });
    await writeSection(section);
    log(`written to ${docPath}`);
  } finally {
    await app.close();
    await sandbox.close();
    await rm(dbDir, { recursive: true, force: true });
  }
}

interface Figures {
  seedSeconds: number;
  firstPage: Awaited<ReturnType<typeof measureFirstPage>>;
  loaded10k: Awaited<ReturnType<typeof loadRows>>;
  scroll: ScrollFigures;
  loaded100k: Awaited<ReturnType<typeof loadRows>>;
  heap: Awaited<ReturnType<typeof measureHeap>>;
  bare: Awaited<ReturnType<typeof bareFetchLoop>>;
  exportFigures: ExportFigures;
  ratio: number;
  exportRatios: number[];
  loadStart: number;
  loadEnd: number;
  redeliver: RedeliverFigures | null;
  overview: OverviewFigures;
}

/** The Events section of docs/benchmarks.md: figures, verdicts and how each is measured — nothing hard-coded. */
function renderSection(f: Figures): string {
  const cpus = os.cpus();
  // The bench's own processes (Chromium, this Node process with the sandbox) load the machine too;
  // the load average when it starts says whether anything else was running.
  const busy = f.loadStart >= 1;
  const { firstPage, loaded10k, scroll, loaded100k, heap, bare, exportFigures, ratio } = f;
  const redeliver = f.redeliver ? redeliverRows(f.redeliver) : null;
  return [
    START,
    '## Events (console: list, scroll, memory, export)',
    '',
    `Run with \`npm run bench\` (\`test/bench/run.ts\`) on ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC, at commit ${gitCommit()}.`,
    `Machine: ${cpus.length} × ${cpus[0]?.model ?? 'unknown CPU'}, ${round(os.totalmem() / 1024 ** 3)} GiB RAM, ${os.platform()} ${os.release()}, Node ${process.version}, ${chromiumVersion()} (headless, software rendering).`,
    `Load average (1 min): ${round(f.loadStart, 2)} when the run started, ${round(f.loadEnd, 2)} when it ended — ${busy ? '**other work was running on the machine**: these figures are upper bounds; re-run on an idle machine' : 'the machine was otherwise idle'}.`,
    `Data: a sandbox (file-backed SQLite) with ${EVENTS.toLocaleString('en')} events from \`--events\` (seeded in ${f.seedSeconds} s), dispatcher off;`,
    'the renderer is the production Vite build, served with the production CSP, driving the real main-process services through the e2e harness.',
    '',
    '| Measure | Target | Figure | Result |',
    '|---|---|---|---|',
    `| First page visible after navigating to Events (median of ${firstPage.samples.length}) | ≤ 300 ms | ${firstPage.medianMs} ms (runs: ${firstPage.samples.join(', ')}) | ${verdict(firstPage.medianMs <= 300)} |`,
    `| Scrolling through ${loaded10k.rows.toLocaleString('en')} loaded rows, 360 px per frame: frame time p95 | ≤ 16.7 ms | p95 **${scroll.p95Frames} ms** in display frames (${scroll.late} of ${scroll.frames} frames late); raw rAF intervals p50 ${scroll.p50} ms, p95 ${scroll.p95} ms, max ${scroll.max} ms; display frame ${scroll.vsyncMs} ms | ${loaded10k.rows >= 10_000 ? verdict(scroll.p95Frames <= 16.7) : 'fewer than 10,000 rows loaded'} |`,
    `| Renderer JS heap with ${loaded100k.rows.toLocaleString('en')} rows loaded (after GC) | ≤ 150 MB | ${heap.usedMB} MB (loading them by infinite scroll took ${loaded100k.seconds} s) | ${loaded100k.rows >= 100_000 ? verdict(heap.usedMB <= 150) : `not measured at 100,000: only ${loaded100k.rows.toLocaleString('en')} loaded within the time budget`} |`,
    `| Export of ${exportFigures.rows.toLocaleString('en')} events to CSV vs a bare paginated fetch loop (${bare.rows.toLocaleString('en')} rows) | ≥ ${EXPORT_TARGET * 100} % | export ${exportFigures.perSecond.toLocaleString('en')} rows/s (${exportFigures.seconds} s, ${exportFigures.fileMB} MB) vs bare ${bare.perSecond.toLocaleString('en')} rows/s → ${round(ratio * 100)} % (median of ${f.exportRatios.length} alternating rounds: ${f.exportRatios.map((r) => `${round(r * 100)} %`).join(', ')}) | ${verdict(ratio >= EXPORT_TARGET)} |`,
    `| Main-process memory during that export | flat | JS heap used ${exportFigures.heapUsedMB.start} MB before → ${exportFigures.heapUsedMB.end} MB after (both after a forced GC; peak ${exportFigures.heapUsedMB.peak} MB counting uncollected garbage); RSS ${exportFigures.rssMB.start} → peak ${exportFigures.rssMB.peak} → ${exportFigures.rssMB.end} MB. (The bench process also runs the bare loop; the sandbox is in its own process.) | ${verdict(exportFigures.heapUsedMB.end - exportFigures.heapUsedMB.start < 20)} (retained < 20 MB for ${exportFigures.fileMB} MB written) |`,
    ...(redeliver?.rows ?? []),
    ...overviewRows(f.overview),
    '',
    'How each is measured:',
    '- **First page**: `location.hash` change to the animation frame after the first row exists, from the Settings screen each time (the list query is keyed on a fresh time anchor, so every run fetches through IPC → platform client → sandbox). The first run warms lazy paths and is not counted.',
    '- **Scroll**: first the rows are loaded by infinite scroll; then a `requestAnimationFrame` loop moves the grid 360 px per frame (a fast flick: ~10 new rows per frame) from the top to the end of the rows loaded when it started, recording frame-to-frame intervals. rAF timestamps follow the display (here 60 Hz) with ~0.1 ms of timer jitter, so a frame on time measures 16.6–16.8 ms: each interval is counted in whole display frames (round(interval / display frame)), and the p95 of that is the figure compared with 16.7 ms; the raw p95 is shown beside it. A late frame is one that took two or more display frames.',
    '- **Heap**: CDP `HeapProfiler.collectGarbage` then `Runtime.getHeapUsage`, with the rows loaded by infinite scroll (1,000 keyset pages of 100).',
    '- **Export**: `jobs:startExport` through the real dispatcher to a temp file (the file is then checked line by line against the job\'s count), compared with plain `fetch` + `JSON.parse` over the same filtered cursor pages (limit 100, `filter[created_at_greater_than]` = the oldest of the newest 100,000) in the same process, alternating bare loop and export; main-process memory sampled every 50 ms during the export, and measured after a forced GC before and after it.',
    ...(redeliver ? [redeliver.how] : []),
    overviewMethod,
    '',
    'What bounds these figures: the machine has no GPU (Chromium rasterizes in software) and three processes share its cores — Chromium, the sandbox (its own Node process, as the API is its own server: `test/bench/sandbox-process.ts`), and the bench process holding the main-process services and the bare loop. The export and the bare loop both wait on the same single-threaded sandbox.',
    END,
  ].join('\n');
}

async function writeSection(section: string) {
  let doc = existsSync(docPath) ? await readFile(docPath, 'utf8') : '# Benchmarks\n';
  const start = doc.indexOf(START);
  const end = doc.indexOf(END);
  if (start >= 0 && end > start) doc = doc.slice(0, start) + section + doc.slice(end + END.length);
  else doc = `${doc.trimEnd()}\n\n${section}\n`;
  await writeFile(docPath, doc);
}

main().catch((error) => {
  process.stderr.write(`bench failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
