// Runs `npm start`'s script for real (without the build step) where no Electron binary exists and
// checks it explains why and what to do, exits 1, prints no stack trace and no token.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { findElectronBinary } from './electron-binary';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));

describe('npm start without an Electron binary', () => {
  it('prints why and what to do, exit 1, before building or starting anything', () => {
    const emptyDist = mkdtempSync(join(tmpdir(), 'ii-no-electron-'));
    try {
      const result = spawnSync(process.execPath, [join(repoRoot, 'node_modules', 'tsx', 'dist', 'cli.mjs'), 'scripts/start.ts', '--no-build'], {
        cwd: repoRoot,
        env: { ...process.env, ELECTRON_OVERRIDE_DIST_PATH: emptyDist, II_API_TOKEN: '' },
        encoding: 'utf8',
        timeout: 30_000,
      });
      const output = `${result.stdout}\n${result.stderr}`;
      expect(result.status).toBe(1);
      expect(output).not.toContain('Sandbox listening'); // nothing was started
      expect(output).toContain('the Electron binary is not installed');
      expect(output).toContain(join(emptyDist, 'electron'));
      expect(output).toContain('ELECTRON_OVERRIDE_DIST_PATH');
      expect(output).toContain('npx install-electron');
      expect(output).toContain('npm run sandbox');
      expect(output).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m); // no stack trace
      expect(output).not.toMatch(/eyJ[\w-]+\.[\w-]+\./); // no token
    } finally {
      rmSync(emptyDist, { recursive: true, force: true });
    }
  }, 90_000);

  it('finds the binary under ELECTRON_OVERRIDE_DIST_PATH without loading electron', () => {
    expect(findElectronBinary(repoRoot, { ELECTRON_OVERRIDE_DIST_PATH: '/nonexistent/dir' })).toEqual({ found: false, looked: '/nonexistent/dir/electron' });
  });
});
