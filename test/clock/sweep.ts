// The clock sweep: runs the test suites with the wall clock moved to other times of day, because
// the demo data, the time windows and the retry schedules depend on it — three tests have failed in
// CI only at some hours. Usage (after `npm run build` for the e2e suite):
//
//   npm run test:clock-sweep -- [--suite unit|e2e|all] [--at 21:20,23:55] [--hours 7,170]
//
// `--at` moves the clock to the next occurrence of that UTC time; `--hours` moves it forward by that
// many hours. Without either, DEFAULT_TIMES below are used. Each run's output is in
// test-results/clock-sweep/<label>/; the script prints one line per run and exits non-zero if any failed.
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = fileURLToPath(new URL('../..', import.meta.url));
const shiftModule = fileURLToPath(new URL('./shift-clock.mjs', import.meta.url));
// Just before midnight UTC and before midnight in São Paulo (the e2e browser's zone, UTC-3), midday,
// and 21:20 UTC, when a demo-window test once failed in CI.
const DEFAULT_TIMES = ['23:58', '02:58', '11:58', '21:20'];

interface Shift {
  label: string;
  offsetMs: number;
}

function parseTimeOfDay(text: string, nowMs: number): Shift {
  const [, hh = '', mm = ''] = /^(\d{1,2}):(\d{2})$/.exec(text.trim()) ?? [];
  if (!hh || Number(hh) > 23 || Number(mm) > 59) throw new Error(`--at takes UTC times as HH:MM; got "${text}"`);
  const target = new Date(nowMs);
  target.setUTCHours(Number(hh), Number(mm), 0, 0);
  if (target.getTime() <= nowMs) target.setUTCDate(target.getUTCDate() + 1);
  return { label: `at-${hh.padStart(2, '0')}${mm}Z`, offsetMs: target.getTime() - nowMs };
}

function parseHours(text: string): Shift {
  const hours = Number(text.trim());
  if (!Number.isFinite(hours) || hours === 0) throw new Error(`--hours takes non-zero numbers of hours; got "${text}"`);
  return { label: `plus-${hours}h`, offsetMs: Math.round(hours * 3_600_000) };
}

function commandsFor(suite: string): { name: string; args: string[] }[] {
  const unit = { name: 'unit', args: ['vitest', 'run'] };
  const e2e = { name: 'e2e', args: ['playwright', 'test', '--project', 'chromium'] };
  if (suite === 'unit') return [unit];
  if (suite === 'e2e') return [e2e];
  if (suite === 'all') return [unit, e2e];
  throw new Error(`--suite is unit, e2e or all; got "${suite}"`);
}

/** The failing tests' titles in a vitest or Playwright list report. */
function failedTitles(output: string): string[] {
  return [...new Set(output.split('\n').filter((line) => /^\s*(✘|×|FAIL)\s/.test(line)).map((line) => line.trim()))];
}

const { values } = parseArgs({
  options: { suite: { type: 'string', default: 'all' }, at: { type: 'string' }, hours: { type: 'string' } },
});
const now = Date.now();
const shifts = [
  ...(values.at ? values.at.split(',').map((t) => parseTimeOfDay(t, now)) : []),
  ...(values.hours ? values.hours.split(',').map(parseHours) : []),
];
if (shifts.length === 0) shifts.push(...DEFAULT_TIMES.map((t) => parseTimeOfDay(t, now)));
const commands = commandsFor(values.suite);

let failures = 0;
for (const shift of shifts) {
  for (const command of commands) {
    const dir = `${root}test-results/clock-sweep/${shift.label}/${command.name}`;
    mkdirSync(dir, { recursive: true });
    const started = Date.now();
    const run = spawnSync('npx', command.args, {
      cwd: root,
      encoding: 'utf8',
      maxBuffer: 256 * 1024 * 1024,
      env: {
        ...process.env,
        II_CLOCK_OFFSET_MS: String(shift.offsetMs),
        NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --import ${shiftModule}`.trim(),
        II_E2E_OUTPUT_DIR: `${dir}/playwright`,
      },
    });
    const output = `${run.stdout ?? ''}\n${run.stderr ?? ''}`;
    writeFileSync(`${dir}/output.txt`, output);
    const seconds = Math.round((Date.now() - started) / 1000);
    const clockAt = new Date(now + shift.offsetMs).toISOString().slice(0, 16);
    if (run.status === 0) {
      console.log(`pass  ${shift.label} (clock ${clockAt}Z) ${command.name} in ${seconds} s`);
    } else {
      failures += 1;
      console.log(`FAIL  ${shift.label} (clock ${clockAt}Z) ${command.name} in ${seconds} s, exit ${run.status ?? run.signal}: ${dir}/output.txt`);
      for (const title of failedTitles(output)) console.log(`      ${title}`);
    }
  }
}
process.exitCode = failures === 0 ? 0 : 1;
