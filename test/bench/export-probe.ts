// A quick tool for the export-vs-bare-loop figure of `npm run bench` without the browser and the
// million-event seed: one process hosts a sandbox, the real main-process services (app session)
// and the bare loop, exactly as the bench does, then alternates bare loop and export a few times
// and prints both rates and their ratio. The export goes through the same `measureExport` as the
// bench (only `app.session` is used by it, so no browser is started).
//   node --import tsx test/bench/export-probe.ts            (PROBE_EVENTS=120000 PROBE_ROWS=40000 PROBE_ROUNDS=3)
//   PROBE_PROFILE_DIR=/tmp/prof node --import tsx test/bench/export-probe.ts   (where the time goes, per phase)
import { writeFile } from 'node:fs/promises';
import { Session } from 'node:inspector/promises';
import os from 'node:os';
import { join } from 'node:path';
import { startSandbox } from '../../sandbox/server';
import { startAppSession } from '../harness/app-session';
import type { BrowserApp } from './browser-app';
import { bareFetchLoop, measureExport } from './events-bench';
import { round } from './stats';

const EVENTS = Number(process.env.PROBE_EVENTS ?? 120_000);
const ROWS = Number(process.env.PROBE_ROWS ?? 40_000);
const ROUNDS = Number(process.env.PROBE_ROUNDS ?? 3);
/** A folder: each round's bare loop and export are CPU-profiled apart (`bare-N.cpuprofile`, `export-N.cpuprofile`). */
const PROFILE_DIR = process.env.PROBE_PROFILE_DIR;

const inspector = new Session();
inspector.connect();
await inspector.post('Profiler.enable');

const cpuMicros = (usage: NodeJS.CpuUsage) => usage.user + usage.system;

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

const sandbox = await startSandbox({
  port: 0,
  seed: 'demo',
  demoEvents: 0,
  events: EVENTS,
  dispatch: false,
  rateLimit: { limit: 1_000_000, windowSeconds: 60 },
});
const session = await startAppSession({ appOrigin: 'http://127.0.0.1:9', ...(process.env.PROBE_BASIC_TEXT ? { safeStorageBackend: 'basic_text' as const } : {}) });
try {
  const profile = await session.call('profiles:create', { name: 'Probe sandbox', baseUrl: sandbox.baseUrl, environment: 'sandbox', color: '#0c8599' });
  await session.call('profiles:activate', { id: profile.id });
  session.fakes.clipboard.writeText(await sandbox.mintToken({ name: 'probe', ttlSeconds: 3600 }));
  await session.call('token:importFromClipboard', { profileId: profile.id });
  const app = { session } as unknown as BrowserApp; // measureExport reads app.session only

  const token = await sandbox.mintToken({ name: 'probe-bare' });
  await bareFetchLoop(sandbox, token, 5_000); // warm-up, as the bench does
  process.stdout.write(`load average at start: ${os.loadavg().map((l) => round(l)).join(' ')}\n`);
  const ratios: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    // CPU time per row as well as wall time: on a shared 2-core machine it moves less with the load.
    let cpu = process.cpuUsage();
    const bare = await profiled(`bare-${i + 1}`, () => bareFetchLoop(sandbox, token, ROWS));
    const bareCpu = cpuMicros(process.cpuUsage(cpu)) / bare.rows;
    cpu = process.cpuUsage();
    const exported = await profiled(`export-${i + 1}`, () => measureExport(app, { created_at_greater_than: bare.oldestCreatedAt }));
    const exportCpu = cpuMicros(process.cpuUsage(cpu)) / exported.rows; // includes measureExport's read-back of the file
    const ratio = exported.perSecond / bare.perSecond;
    ratios.push(ratio);
    process.stdout.write(
      `round ${i + 1}: bare ${bare.perSecond} rows/s (${bare.rows} in ${bare.seconds} s), export ${exported.perSecond} rows/s (${exported.rows} in ${exported.seconds} s) → ${round(ratio * 100)} %; CPU µs/row bare ${round(bareCpu)} export ${round(exportCpu)}; heap ${JSON.stringify(exported.heapUsedMB)}\n`,
    );
  }
  const sorted = [...ratios].sort((a, b) => a - b);
  process.stdout.write(`median ratio ${round(sorted[Math.floor(sorted.length / 2)]! * 100)} %; load average at end: ${os.loadavg().map((l) => round(l)).join(' ')}\n`);
} finally {
  inspector.disconnect();
  await session.close();
  await sandbox.close();
}
