// A quick tool for the export-vs-bare-loop figure of `npm run bench` without the browser and the
// million-event seed: one process hosts a sandbox, the real main-process services (app session)
// and the bare loop. Unlike the bench (whose sandbox runs in its own process), everything here
// shares one thread, which is what lets it report main-thread CPU per row. It alternates bare loop and export over the same
// rows and prints both rates and their ratio (per round, and over all rounds summed). The export
// goes through the same `measureExport` as the bench (it reads only `app.session`, so no browser).
//   node --import tsx test/bench/export-probe.ts      (PROBE_EVENTS=120000 PROBE_ROWS=10000 PROBE_ROUNDS=16)
//   PROBE_PROFILE_DIR=/tmp/prof node --import tsx test/bench/export-probe.ts   (where the time goes, per phase)
//   PROBE_SANDBOX_PROCESS=1 …: the sandbox in its own process, as `npm run bench` runs it; the CPU
//   per row is then the console's side alone (the bare loop's client vs the export's whole path).
import { readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { Session } from 'node:inspector/promises';
import os from 'node:os';
import { join } from 'node:path';
import { startSandbox } from '../../sandbox/server';
import { startSandboxProcess } from './sandbox-process';
import { startAppSession } from '../harness/app-session';
import type { BrowserApp } from './browser-app';
import { bareFetchLoop, measureExport } from './events-bench';
import { round } from './stats';

const EVENTS = Number(process.env.PROBE_EVENTS ?? 120_000);
const ROWS = Number(process.env.PROBE_ROWS ?? 10_000);
const ROUNDS = Number(process.env.PROBE_ROUNDS ?? 16);
const WARM_PAGES = Number(process.env.PROBE_WARM_PAGES ?? 100);
/** A folder: each round's bare loop and export are CPU-profiled apart (`bare-N.cpuprofile`, `export-N.cpuprofile`). */
const PROFILE_DIR = process.env.PROBE_PROFILE_DIR;

const inspector = new Session();
inspector.connect();
await inspector.post('Profiler.enable');

/** Runs `work`, CPU-profiling it into PROFILE_DIR/<name>.cpuprofile when a folder is given. */
async function profiled<T>(name: string, work: () => Promise<T>): Promise<T> {
  if (!PROFILE_DIR) return work();
  await inspector.post('Profiler.start');
  try {
    return await work();
  } finally {
    const { profile } = await inspector.post('Profiler.stop');
    await writeFile(join(PROFILE_DIR, `${name}.cpuprofile`), JSON.stringify(profile));
  }
}

const load = () => os.loadavg().map((l) => round(l)).join(' ');

/**
 * CPU time of this process's main thread (ms; Linux, 10 ms ticks). Everything that competes here
 * (sandbox, client, job, bare loop) runs on that one thread, so its CPU per row predicts the
 * ratio on an idle machine far better than wall time on a busy one. null where /proc is missing.
 */
function mainThreadCpuMs(): number | null {
  try {
    const stat = readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10; // utime + stime, in 1/100 s
  } catch {
    return null;
  }
}

const sandboxOptions = {
  port: 0,
  seed: 'demo' as const,
  demoEvents: 0,
  events: EVENTS,
  dispatch: false,
  rateLimit: { limit: 1_000_000, windowSeconds: 60 },
};
const sandbox = process.env.PROBE_SANDBOX_PROCESS ? await startSandboxProcess(sandboxOptions) : await startSandbox(sandboxOptions);
// PROBE_BASIC_TEXT=1: the token is kept in memory (session-only) instead of the fake keychain.
const session = await startAppSession({ appOrigin: 'http://127.0.0.1:9', ...(process.env.PROBE_BASIC_TEXT ? { safeStorageBackend: 'basic_text' as const } : {}) });
try {
  const profile = await session.call('profiles:create', { name: 'Probe sandbox', baseUrl: sandbox.baseUrl, environment: 'sandbox', color: '#0c8599' });
  await session.call('profiles:activate', { id: profile.id });
  session.fakes.clipboard.writeText(await sandbox.mintToken({ name: 'probe', ttlSeconds: 3600 }));
  await session.call('token:importFromClipboard', { profileId: profile.id });
  const app = { session } as unknown as BrowserApp; // measureExport reads app.session only

  // The bench loads 100,000 rows through events:list before it exports, which warms the client's
  // request and parse path (and leaves every IPC result in the harness's records, a bigger heap);
  // do some of the same so round 1 is not a cold-JIT outlier (PROBE_WARM_PAGES=1000: all of it).
  let cursor: string | undefined;
  for (let i = 0; i < WARM_PAGES; i++) {
    const page = await session.call('events:list', { sort: '-created_at', limit: 100, ...(cursor ? { cursor } : {}) });
    cursor = page.pagination.kind === 'cursor' ? (page.pagination.nextCursor ?? undefined) : undefined;
  }
  const token = await sandbox.mintToken({ name: 'probe-bare' });
  await bareFetchLoop(sandbox, token, 5_000); // warm-up, as the bench does
  // The export covers the same newest rows as a bare walk of ROWS: everything after its oldest row.
  const { oldestCreatedAt } = await bareFetchLoop(sandbox, token, ROWS);
  process.stdout.write(`load average at start: ${load()}\n`);

  // Short pairs in alternating order, summed: other work on the machine comes and goes within
  // seconds, and this spreads it over both sides instead of landing on one.
  const totals = { bare: { rows: 0, seconds: 0, cpuMs: 0 }, export: { rows: 0, seconds: 0, cpuMs: 0 } };
  // The export's CPU window ends at its 'completed' event, before measureExport reads the file back.
  let exportCpuEnd: number | null = null;
  session.onEvent((name, payload) => {
    if (name === 'jobs:progress' && (payload as { state?: string }).state === 'completed') exportCpuEnd = mainThreadCpuMs();
  });
  const ratios: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    const runBare = async () => {
      const cpuStart = mainThreadCpuMs();
      const figures = await profiled(`bare-${i + 1}`, () => bareFetchLoop(sandbox, token, ROWS));
      const cpuEnd = mainThreadCpuMs();
      totals.bare.cpuMs += cpuStart === null || cpuEnd === null ? Number.NaN : cpuEnd - cpuStart;
      return figures;
    };
    const runExport = async () => {
      const cpuStart = mainThreadCpuMs();
      const figures = await profiled(`export-${i + 1}`, () => measureExport(app, { created_at_greater_than: oldestCreatedAt }));
      totals.export.cpuMs += cpuStart === null || exportCpuEnd === null ? Number.NaN : exportCpuEnd - cpuStart;
      return figures;
    };
    const bareFirst = i % 2 === 0;
    const first = bareFirst ? await runBare() : await runExport();
    const second = bareFirst ? await runExport() : await runBare();
    const bare = (bareFirst ? first : second) as Awaited<ReturnType<typeof runBare>>;
    const exported = (bareFirst ? second : first) as Awaited<ReturnType<typeof runExport>>;
    totals.bare.rows += bare.rows;
    totals.bare.seconds += bare.seconds;
    totals.export.rows += exported.rows;
    totals.export.seconds += exported.seconds;
    const ratio = exported.perSecond / bare.perSecond;
    ratios.push(ratio);
    process.stdout.write(
      `round ${i + 1}: bare ${bare.perSecond} rows/s (${bare.rows} in ${bare.seconds} s), export ${exported.perSecond} rows/s (${exported.rows} in ${exported.seconds} s) → ${round(ratio * 100)} %; heap ${JSON.stringify(exported.heapUsedMB)}\n`,
    );
  }
  const sorted = [...ratios].sort((a, b) => a - b);
  const bareRate = totals.bare.rows / totals.bare.seconds;
  const exportRate = totals.export.rows / totals.export.seconds;
  const bareCpuPerRow = (totals.bare.cpuMs * 1000) / totals.bare.rows;
  const exportCpuPerRow = (totals.export.cpuMs * 1000) / totals.export.rows;
  process.stdout.write(
    `overall ${round((exportRate / bareRate) * 100)} % (export ${Math.round(exportRate)} rows/s, bare ${Math.round(bareRate)} rows/s); median round ${round(sorted[Math.floor(sorted.length / 2)]! * 100)} %; load average at end: ${load()}\n` +
      `main-thread CPU per row: bare ${round(bareCpuPerRow)} µs, export ${round(exportCpuPerRow)} µs → ${round((bareCpuPerRow / exportCpuPerRow) * 100)} % (what the ratio would be with a core to itself)\n`,
  );
} finally {
  inspector.disconnect();
  await session.close();
  await sandbox.close();
}
