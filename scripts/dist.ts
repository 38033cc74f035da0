// `npm run dist`: installable packages for this OS with electron-builder (electron-builder.yml):
// AppImage and deb on Linux, an nsis installer on Windows, a dmg on macOS, into release/.
// Like `npm start` it first makes sure the Electron binary is there (electron's own installer, which
// leaves the zip in the download cache electron-builder reads too), and where none can be had it
// stops with the same explanation, exit 1, before building anything.
// Packaging itself downloads electron-builder's tools (AppImage runtime, fpm, nsis) on first use.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureElectronBinary } from './electron-binary';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));

function fail(message: string): never {
  process.stderr.write(`\n${message}\n\n`);
  process.exit(1);
}

const platformFlag: Partial<Record<NodeJS.Platform, string>> = { linux: '--linux', win32: '--win', darwin: '--mac' };
const flag = platformFlag[process.platform];
if (!flag) fail(`npm run dist builds for Linux, Windows and macOS; this is ${process.platform}.`);

const electron = ensureElectronBinary({ repoRoot, purpose: 'build packages', retry: 'npm run dist' });
if (!electron.ok) fail(electron.message);

process.stdout.write('Building the console (npm run build)…\n');
const built = spawnSync('npm', ['run', 'build'], { cwd: repoRoot, stdio: 'inherit', shell: process.platform === 'win32' });
if (built.status !== 0) fail('The build failed (see above). Fix it and run `npm run dist` again.');

// With ELECTRON_OVERRIDE_DIST_PATH the operator chose an Electron build: package that one rather
// than letting electron-builder download its own.
const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
const builderArgs = [flag, '--publish', 'never', ...(override ? [`--config.electronDist=${override}`] : [])];
process.stdout.write(`Packaging with electron-builder ${builderArgs.join(' ')}…\n`);
const packaged = spawnSync(process.execPath, [join(repoRoot, 'node_modules', 'electron-builder', 'cli.js'), ...builderArgs], { cwd: repoRoot, stdio: 'inherit' });
if (packaged.status !== 0) fail('electron-builder failed (see above).');
process.stdout.write(`Packages written to ${join(repoRoot, 'release')}\n`);
