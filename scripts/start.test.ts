// Runs `npm start`'s script for real (without the build step): where no Electron binary exists and
// none can be installed it explains why and what to do, exits 1, prints no stack trace and no token;
// where electron's installer can fetch it (a stand-in installer here), it installs it and launches.
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { findElectronBinary } from './electron-binary';
import { makeStandInElectron, standInEnv } from './stand-in-electron';

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

describe('npm start installs a missing Electron binary with the electron package\'s installer', () => {
  const runStart = (env: NodeJS.ProcessEnv) =>
    spawnSync(process.execPath, [join(repoRoot, 'node_modules', 'tsx', 'dist', 'cli.mjs'), 'scripts/start.ts', '--no-build', '--demo-events=0'], {
      cwd: repoRoot,
      env,
      encoding: 'utf8',
      timeout: 120_000,
    });

  it('binary missing, installer succeeds: its progress shows, then the installed binary is launched', () => {
    const electron = makeStandInElectron('succeeds');
    try {
      const result = runStart(standInEnv(electron));
      const output = `${result.stdout}\n${result.stderr}`;
      expect(result.status).toBe(0);
      expect(output).toContain(`downloading Electron 45.5.0 with the electron package's installer (${join(electron.dir, 'install.js')})`);
      expect(output).toContain('Downloading electron-v45.5.0-linux-x64.zip: [==========] 100%'); // the installer's own progress
      expect(output).toContain(`Electron 45.5.0 installed in`);
      const launched = electron.launched();
      expect(launched).toEqual({ args: ['.'], sandboxBaseUrl: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+\/v1$/), hasToken: true, runAsNode: null });
      expect(output).not.toMatch(/eyJ[\w-]+\.[\w-]+\./);
    } finally {
      electron.remove();
    }
  }, 150_000);

  it('binary missing, installer fails: the explanation and the two ways out, exit 1, nothing started', () => {
    const electron = makeStandInElectron('fails');
    try {
      const result = runStart(standInEnv(electron));
      const output = `${result.stdout}\n${result.stderr}`;
      expect(result.status).toBe(1);
      expect(existsSync(electron.installerRan)).toBe(true);
      expect(output).toContain('TypeError: fetch failed'); // the installer's own error stays visible
      expect(output).toContain('Cannot start the console: the Electron binary is not installed.');
      expect(output).toContain(`Looked for: ${join(electron.dir, 'dist', 'electron')}`);
      expect(output).toContain(`${join(electron.dir, 'install.js')} failed (exit code 1; its error is above).`);
      expect(output).toContain('on a machine with internet access, run `npm start`');
      expect(output).toContain('ELECTRON_OVERRIDE_DIST_PATH');
      expect(output).toContain('npm run sandbox');
      expect(output).not.toContain('Sandbox listening');
      expect(electron.launched()).toBeNull();
    } finally {
      electron.remove();
    }
  }, 90_000);

  it('binary present: no installer runs, the binary is launched', () => {
    const electron = makeStandInElectron('succeeds', { installed: true });
    try {
      const result = runStart(standInEnv(electron));
      expect(result.status).toBe(0);
      expect(existsSync(electron.installerRan)).toBe(false);
      expect(`${result.stdout}${result.stderr}`).not.toContain('downloading Electron');
      expect(electron.launched()).toMatchObject({ args: ['.'], hasToken: true });
    } finally {
      electron.remove();
    }
  }, 150_000);

  it('ELECTRON_OVERRIDE_DIST_PATH set to a folder without Electron: the installer is not run (it cannot install there)', () => {
    const electron = makeStandInElectron('succeeds');
    const emptyDist = mkdtempSync(join(tmpdir(), 'ii-no-electron-'));
    try {
      const result = runStart({ ...standInEnv(electron), ELECTRON_OVERRIDE_DIST_PATH: emptyDist });
      expect(result.status).toBe(1);
      expect(existsSync(electron.installerRan)).toBe(false);
      expect(`${result.stdout}${result.stderr}`).toContain('Installer: not run: ELECTRON_OVERRIDE_DIST_PATH is set');
    } finally {
      electron.remove();
      rmSync(emptyDist, { recursive: true, force: true });
    }
  }, 90_000);
});
