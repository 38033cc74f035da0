// Finds the Electron executable WITHOUT require('electron') (that module downloads the binary as a
// side effect of loading it), and installs it with the electron package's own installer when it is
// missing. `npm start` and `npm run dist` both call ensureElectronBinary, so they fail the same way.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export function electronExecutableName(platform: NodeJS.Platform = process.platform): string {
  if (platform === 'darwin') return 'Electron.app/Contents/MacOS/Electron';
  if (platform === 'win32') return 'electron.exe';
  return 'electron';
}

// The installed `electron` package: its install.js downloads the binary into its dist/ and writes
// path.txt. II_ELECTRON_PACKAGE_DIR points elsewhere only in tests, at a stand-in package whose
// install.js writes a fake executable the same way (no test touches the real node_modules).
export function electronPackageDir(repoRoot: string, env: NodeJS.ProcessEnv = process.env): string {
  return env.II_ELECTRON_PACKAGE_DIR || join(repoRoot, 'node_modules', 'electron');
}

export type ElectronBinary = { found: true; path: string } | { found: false; looked: string };

export function findElectronBinary(repoRoot: string, env: NodeJS.ProcessEnv = process.env): ElectronBinary {
  const packageDir = electronPackageDir(repoRoot, env);
  // path.txt is written by electron's installer once the binary is downloaded.
  const pathFile = join(packageDir, 'path.txt');
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : electronExecutableName();
  const candidate = env.ELECTRON_OVERRIDE_DIST_PATH ? join(env.ELECTRON_OVERRIDE_DIST_PATH, relative) : join(packageDir, 'dist', relative);
  return existsSync(candidate) ? { found: true, path: candidate } : { found: false, looked: candidate };
}

export type EnsuredElectron = { ok: true; path: string } | { ok: false; message: string };

type EnsureOptions = {
  repoRoot: string;
  // What the caller could not do without the binary: 'start the console', 'build packages'.
  purpose: string;
  // The command to run again once the binary is there: 'npm start', 'npm run dist'.
  retry: string;
  env?: NodeJS.ProcessEnv;
  write?: (text: string) => void;
};

export function ensureElectronBinary({ repoRoot, purpose, retry, env = process.env, write = (text) => process.stdout.write(text) }: EnsureOptions): EnsuredElectron {
  const before = findElectronBinary(repoRoot, env);
  if (before.found) return { ok: true, path: before.path };

  // The installer always installs into the package's own dist/, never into an override folder, so
  // with ELECTRON_OVERRIDE_DIST_PATH set a download could not help: the operator chose that folder.
  if (env.ELECTRON_OVERRIDE_DIST_PATH) {
    return { ok: false, message: missingBinaryMessage({ purpose, retry, looked: before.looked, tried: `not run: ELECTRON_OVERRIDE_DIST_PATH is set, and the installer only installs into the electron package itself.` }) };
  }

  const packageDir = electronPackageDir(repoRoot, env);
  const installer = join(packageDir, 'install.js');
  const { version } = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')) as { version: string };
  // The installer is what electron itself runs when the binary is missing (node install.js, output
  // inherited): it prints a progress bar when the download takes longer than 30 s, and the
  // download's error if it fails. Its zip is cached (~/.cache/electron), so packaging reuses it.
  write(`The Electron binary is not installed yet: downloading Electron ${version} with the electron package's installer (${installer})…\n`);
  const started = Date.now();
  const run = spawnSync(process.execPath, [installer], { cwd: packageDir, env, stdio: 'inherit' });
  const after = findElectronBinary(repoRoot, env);
  if (run.status === 0 && after.found) {
    write(`Electron ${version} installed in ${Math.round((Date.now() - started) / 1000)} s: ${after.path}\n`);
    return { ok: true, path: after.path };
  }
  const outcome = run.error
    ? `could not be run (${run.error.message}).`
    : run.status === 0
      ? 'finished, but left no binary there.'
      : `failed (exit code ${run.status ?? run.signal}; its error is above).`;
  return { ok: false, message: missingBinaryMessage({ purpose, retry, looked: after.found ? after.path : after.looked, tried: `${installer} ${outcome}` }) };
}

function missingBinaryMessage({ purpose, retry, looked, tried }: { purpose: string; retry: string; looked: string; tried: string }): string {
  return [
    `Cannot ${purpose}: the Electron binary is not installed.`,
    `  Looked for: ${looked}`,
    `  Installer: ${tried}`,
    '  Why: the `electron` package installs without its binary and downloads it on first use; this machine',
    '  could not download it (where only the npm registry is reachable, it never can).',
    '  What to do:',
    `    - on a machine with internet access, run \`${retry}\` (or \`npx install-electron\`) in this folder, or`,
    `    - set ELECTRON_OVERRIDE_DIST_PATH to a folder holding an Electron 45 build, then run \`${retry}\` again.`,
  ].join('\n');
}
