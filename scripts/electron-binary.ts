// Finds the Electron executable WITHOUT require('electron'): that module tries to download the
// binary when it is missing, which cannot work on machines without internet access.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export function electronExecutableName(platform: NodeJS.Platform = process.platform): string {
  if (platform === 'darwin') return 'Electron.app/Contents/MacOS/Electron';
  if (platform === 'win32') return 'electron.exe';
  return 'electron';
}

export type ElectronBinary = { found: true; path: string } | { found: false; looked: string };

export function findElectronBinary(repoRoot: string, env: NodeJS.ProcessEnv = process.env): ElectronBinary {
  const packageDir = join(repoRoot, 'node_modules', 'electron');
  // path.txt is written by electron's installer once the binary is downloaded.
  const pathFile = join(packageDir, 'path.txt');
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : electronExecutableName();
  const candidate = env.ELECTRON_OVERRIDE_DIST_PATH ? join(env.ELECTRON_OVERRIDE_DIST_PATH, relative) : join(packageDir, 'dist', relative);
  return existsSync(candidate) ? { found: true, path: candidate } : { found: false, looked: candidate };
}
