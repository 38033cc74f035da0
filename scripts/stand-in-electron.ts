// Test helper: a stand-in for the installed `electron` package (II_ELECTRON_PACKAGE_DIR), so the
// start and dist scripts run their real install-then-launch path without a network or the real
// node_modules. Its install.js behaves like electron's: it prints progress, then either writes the
// executable into dist/ plus path.txt and exits 0, or prints a download error and exits 1. The
// "executable" is a shell script that records its arguments and what it was given, and exits 0.
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export type StandInElectron = {
  dir: string;
  // Written by the fake executable: its argv and what reached it through the environment.
  launchRecord: string;
  // Written by install.js each time it runs.
  installerRan: string;
  launched(): { args: string[]; sandboxBaseUrl: string | null; hasToken: boolean; runAsNode: string | null } | null;
  remove(): void;
};

export function makeStandInElectron(installer: 'succeeds' | 'fails', { installed = false } = {}): StandInElectron {
  const dir = mkdtempSync(join(tmpdir(), 'ii-stand-in-electron-'));
  const launchRecord = join(dir, 'launched.json');
  const installerRan = join(dir, 'installer-ran');
  // The fake binary: node (this test's) records what it got; the token's presence only, never its value.
  const fakeBinary = [
    '#!/bin/sh',
    `exec "${process.execPath}" -e '`,
    'const e = process.env;',
    `require("fs").writeFileSync(${JSON.stringify(launchRecord)}, JSON.stringify({ args: process.argv.slice(1), sandboxBaseUrl: e.II_SANDBOX_BASE_URL ?? null, hasToken: Boolean(e.II_API_TOKEN), runAsNode: e.ELECTRON_RUN_AS_NODE ?? null }));`,
    `' -- "$@"`,
    '',
  ].join('\n');
  const installScript =
    installer === 'succeeds'
      ? [
          'const fs = require("fs"); const path = require("path");',
          `fs.writeFileSync(${JSON.stringify(installerRan)}, "yes");`,
          'console.log("Downloading electron-v45.5.0-linux-x64.zip: [=====     ] 50%");',
          'console.log("Downloading electron-v45.5.0-linux-x64.zip: [==========] 100%");',
          'fs.mkdirSync(path.join(__dirname, "dist"), { recursive: true });',
          `fs.writeFileSync(path.join(__dirname, "dist", "electron"), ${JSON.stringify(fakeBinary)}, { mode: 0o755 });`,
          'fs.writeFileSync(path.join(__dirname, "path.txt"), "electron");',
        ].join('\n')
      : [
          `require("fs").writeFileSync(${JSON.stringify(installerRan)}, "yes");`,
          'console.error("TypeError: fetch failed");',
          'process.exit(1);',
        ].join('\n');
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'electron', version: '45.5.0' }));
  writeFileSync(join(dir, 'install.js'), installScript);
  if (installed) {
    mkdirSync(join(dir, 'dist'));
    writeFileSync(join(dir, 'dist', 'electron'), fakeBinary);
    chmodSync(join(dir, 'dist', 'electron'), 0o755);
    writeFileSync(join(dir, 'path.txt'), 'electron');
  }
  return {
    dir,
    launchRecord,
    installerRan,
    launched: () => (existsSync(launchRecord) ? JSON.parse(readFileSync(launchRecord, 'utf8')) : null),
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

// The environment for a script run against the stand-in: the real package and any override unset.
export function standInEnv(standIn: StandInElectron, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, II_ELECTRON_PACKAGE_DIR: standIn.dir, ...extra };
  delete env.ELECTRON_OVERRIDE_DIST_PATH;
  return env;
}
