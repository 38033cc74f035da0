// Alternating A/B of renderer builds: the first page after navigation and the cold start, measured
// for each build in turn, round after round, in one process against one sandbox. These machines'
// speed drifts by a third between runs (docs/benchmarks.md), so two `npm run bench` runs cannot say
// whether a change helped; builds measured side by side in the same minutes can.
//
//   npm run bench:ab -- <build> <build> [...]   (a build: a git ref, or a folder holding a built index.html)
//
// Env: AB_ROUNDS (default 3), AB_RUNS per measure per round (default 7), AB_EVENTS in the sandbox (default 50,000).
// Prints the figures; writes nothing to docs/.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import os from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startBrowserApp, type BrowserApp } from './browser-app';
import { measureColdStart, measureFirstPageStages } from './renderer-bench';
import { eventsSandboxOptions, startSandboxProcess } from './sandbox-process';
import { settleAfterSeed } from './settle';
import { median, round } from './stats';

const root = fileURLToPath(new URL('../..', import.meta.url));
const ROUNDS = Number(process.env.AB_ROUNDS ?? 3);
const RUNS = Number(process.env.AB_RUNS ?? 7);
const EVENTS = Number(process.env.AB_EVENTS ?? 50_000);

/** A folder with a built renderer, or a git ref built in a temporary worktree (sharing this checkout's node_modules). */
function rendererDir(build: string, cleanups: Array<() => void>): string {
  const folder = resolve(build);
  if (existsSync(join(folder, 'index.html'))) return folder;
  const worktree = mkdtempSync(join(os.tmpdir(), 'bench-ab-'));
  execFileSync('git', ['worktree', 'add', '--detach', worktree, build], { cwd: root, stdio: 'ignore' });
  cleanups.push(() => {
    execFileSync('git', ['worktree', 'remove', '--force', worktree], { cwd: root, stdio: 'ignore' });
    rmSync(worktree, { recursive: true, force: true });
  });
  symlinkSync(join(root, 'node_modules'), join(worktree, 'node_modules'));
  console.log(`building ${build} in ${worktree}…`);
  execFileSync('npx', ['vite', 'build', '--config', 'vite.config.ts', '--logLevel', 'warn'], { cwd: worktree, stdio: 'inherit' });
  return join(worktree, 'dist/renderer');
}

async function main() {
  const builds = process.argv.slice(2);
  if (builds.length < 2) throw new Error('usage: npm run bench:ab -- <build> <build> [...] (a git ref, or a folder holding a built index.html)');
  if (!Number.isInteger(ROUNDS) || ROUNDS < 1 || !Number.isInteger(RUNS) || RUNS < 1) throw new Error('AB_ROUNDS and AB_RUNS must be whole numbers ≥ 1');
  const cleanups: Array<() => void> = [];
  try {
    const dirs = builds.map((build) => rendererDir(build, cleanups));
    const sandbox = await startSandboxProcess(eventsSandboxOptions(EVENTS, join(mkdtempSync(join(os.tmpdir(), 'bench-ab-db-')), 'ab.db')));
    const apps: BrowserApp[] = [];
    try {
      await settleAfterSeed(sandbox);
      for (const dir of dirs) apps.push(await startBrowserApp(sandbox, dir));
      const firstPage: number[][] = builds.map(() => []);
      const coldStart: number[][] = builds.map(() => []);
      for (let r = 0; r < ROUNDS; r++) {
        for (let i = 0; i < apps.length; i++) {
          const fp = await measureFirstPageStages(apps[i]!, RUNS);
          const cs = await measureColdStart(apps[i]!, RUNS);
          firstPage[i]!.push(fp.medianMs);
          coldStart[i]!.push(cs.medianMs);
          console.log(`round ${r + 1} ${builds[i]}: first page ${fp.medianMs} ms ${JSON.stringify(fp.stages)}; cold start ${cs.medianMs} ms ${JSON.stringify(cs.stages)}`);
        }
      }
      console.log(`\nmedians of ${RUNS} runs per round, ${ROUNDS} rounds, builds alternating:`);
      builds.forEach((build, i) => {
        console.log(`${build}: first page ${round(median(firstPage[i]!))} ms (rounds ${firstPage[i]!.join(', ')}); cold start ${round(median(coldStart[i]!))} ms (rounds ${coldStart[i]!.join(', ')})`);
      });
    } finally {
      for (const app of apps) await app.close();
      await sandbox.close();
    }
  } finally {
    for (const cleanup of cleanups) cleanup();
  }
}

await main();
