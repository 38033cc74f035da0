// `npm run dist`'s script run for real where no Electron binary can be had (a stand-in installer
// that fails, as electron's does here): the same explanation as `npm start`, exit 1, nothing built.
// The packaging itself needs downloads (Electron, electron-builder's tools) and cannot run here;
// test/unit/packaging.test.ts checks its configuration instead.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { makeStandInElectron, standInEnv } from './stand-in-electron';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));

describe('npm run dist without an Electron binary', () => {
  it('tries electron\'s installer, then explains and exits 1 before building or packaging', () => {
    const electron = makeStandInElectron('fails');
    try {
      const result = spawnSync(process.execPath, [join(repoRoot, 'node_modules', 'tsx', 'dist', 'cli.mjs'), 'scripts/dist.ts'], {
        cwd: repoRoot,
        env: standInEnv(electron),
        encoding: 'utf8',
        timeout: 60_000,
      });
      const output = `${result.stdout}\n${result.stderr}`;
      expect(result.status).toBe(1);
      expect(existsSync(electron.installerRan)).toBe(true);
      expect(output).toContain("downloading Electron 45.5.0 with the electron package's installer");
      expect(output).toContain('Cannot build packages: the Electron binary is not installed.');
      expect(output).toContain(`${join(electron.dir, 'install.js')} failed (exit code 1; its error is above).`);
      expect(output).toContain('on a machine with internet access, run `npm run dist`');
      expect(output).toContain('set ELECTRON_OVERRIDE_DIST_PATH to a folder holding an Electron 45 build, then run `npm run dist` again.');
      expect(output).not.toContain('npm run build');
      expect(output).not.toContain('electron-builder');
      expect(output).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m); // no stack trace
    } finally {
      electron.remove();
    }
  }, 90_000);
});
