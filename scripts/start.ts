// `npm start`: build, start the sandbox (demo data, simulator on, free loopback port), mint a
// token, and launch Electron with a ready "Sandbox" profile. The token reaches main only through
// Electron's environment (session-only there) and is never printed. Where the Electron binary is
// missing, electron's own installer downloads it; where that fails too (machines that reach only
// the npm registry) it stops with a clear message, exit 1.
// The binary is checked FIRST: building and seeding a demo sandbox (tens of seconds) is wasted
// work when nothing can be launched.
//   --no-build            skip `npm run build` (the tests use it)
//   --demo-events=<n>     history size of the demo seed (default 50,000; the tests use 0)
import { spawn, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { startSandbox } from '../sandbox/server';
import { ensureElectronBinary } from './electron-binary';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));
const args = new Set(process.argv.slice(2));
const demoEventsArg = [...args].find((arg) => arg.startsWith('--demo-events='));
const demoEvents = demoEventsArg ? Number(demoEventsArg.split('=')[1]) : 50_000;

function fail(message: string): never {
  process.stderr.write(`\n${message}\n\n`);
  process.exit(1);
}

async function main(): Promise<void> {
  if (!Number.isInteger(demoEvents) || demoEvents < 0) fail('--demo-events takes a whole number, e.g. --demo-events=1000.');
  const electron = ensureElectronBinary({ repoRoot, purpose: 'start the console', retry: 'npm start' });
  if (!electron.ok) {
    fail(`${electron.message}\n  Meanwhile the API sandbox works on its own: \`npm run sandbox\` (and \`npm run sandbox:token\` for a token).`);
  }

  if (!args.has('--no-build')) {
    process.stdout.write('Building the console (npm run build)…\n');
    const built = spawnSync('npm', ['run', 'build'], { cwd: repoRoot, stdio: 'inherit' });
    if (built.status !== 0) fail('The build failed (see above). Fix it and run `npm start` again.');
  }

  process.stdout.write('Starting the sandbox API (demo data, simulator on)…\n');
  const sandbox = await startSandbox({ seed: 'demo', demoEvents, simulate: 2, port: 0 });
  const token = await sandbox.mintToken({ name: 'npm-start' });
  process.stdout.write(`Sandbox listening at ${sandbox.baseUrl}\n`);

  process.stdout.write('Launching Electron with a session-only "Sandbox" profile…\n');
  const env: NodeJS.ProcessEnv = { ...process.env, II_SANDBOX_BASE_URL: sandbox.baseUrl, II_API_TOKEN: token };
  delete env.ELECTRON_RUN_AS_NODE;
  const child = spawn(electron.path, ['.'], { cwd: repoRoot, env, stdio: 'inherit' });
  const forward = (signal: NodeJS.Signals) => child.kill(signal);
  process.on('SIGINT', forward);
  process.on('SIGTERM', forward);
  child.on('error', async () => {
    await sandbox.close();
    fail(`Electron could not be started from ${electron.path}.`);
  });
  child.on('exit', async (code) => {
    await sandbox.close();
    process.exit(code ?? 0);
  });
}

main().catch((error: unknown) => {
  // One line, no stack: the sandbox and build print their own details above.
  fail(`npm start failed: ${error instanceof Error ? error.message : String(error)}`);
});
