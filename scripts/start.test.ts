// Runs `npm start`'s script for real (without the build step) where no Electron binary exists and
// checks it explains why and what to do, exits 1, prints no stack trace and no token.
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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

  it('with a binary: launches it with the sandbox URL and token in its environment, then stops the sandbox', async () => {
    // A stand-in "Electron" that calls the sandbox with what it was given and records the outcome.
    const dist = mkdtempSync(join(tmpdir(), 'ii-fake-electron-'));
    const out = join(dist, 'out.json');
    const fake = join(dist, 'electron');
    writeFileSync(
      fake,
      [
        '#!/bin/sh',
        `exec "${process.execPath}" -e '`,
        'const base = process.env.II_SANDBOX_BASE_URL;',
        'fetch(base + "/drivers?limit=1", { headers: { authorization: "Bearer " + process.env.II_API_TOKEN } })',
        '  .then((r) => require("fs").writeFileSync(process.env.FAKE_OUT, JSON.stringify({ base, status: r.status, args: process.argv.slice(1), runAsNode: process.env.ELECTRON_RUN_AS_NODE ?? null })));',
        `' -- "$@"`,
      ].join('\n'),
    );
    chmodSync(fake, 0o755);
    try {
      const result = spawnSync(process.execPath, [join(repoRoot, 'node_modules', 'tsx', 'dist', 'cli.mjs'), 'scripts/start.ts', '--no-build', '--demo-events=0'], {
        cwd: repoRoot,
        env: { ...process.env, ELECTRON_OVERRIDE_DIST_PATH: dist, FAKE_OUT: out, ELECTRON_RUN_AS_NODE: '1' },
        encoding: 'utf8',
        timeout: 120_000,
      });
      expect(result.status).toBe(0);
      const seen = JSON.parse(readFileSync(out, 'utf8')) as { base: string; status: number; args: string[]; runAsNode: string | null };
      expect(seen.base).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/v1$/);
      expect(seen.status).toBe(200); // the minted token works
      expect(seen.args).toEqual(['.']);
      expect(seen.runAsNode).toBeNull();
      expect(`${result.stdout}${result.stderr}`).not.toMatch(/eyJ[\w-]+\.[\w-]+\./);
      // The sandbox was stopped when "Electron" exited.
      await expect(fetch(`${seen.base}/drivers`)).rejects.toThrow();
    } finally {
      rmSync(dist, { recursive: true, force: true });
    }
  }, 150_000);
});
