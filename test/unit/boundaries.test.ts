// The process boundary, checked on the source: only electron/ imports `electron` (and inside it,
// only the thin wiring files), only the IPC wiring and the preload touch ipcMain/ipcRenderer, and
// shared/ uses no DOM globals. Logic that breaks these rules could not run in plain Node tests, or
// would blur what the renderer can reach.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const repo = fileURLToPath(new URL('../..', import.meta.url));
const SOURCE = /\.(ts|tsx|mts|cts|mjs|js)$/;
const SKIP_DIRS = new Set(['node_modules', 'dist', '.git', 'test-results', 'playwright-report', 'release', 'out']);

function walk(dir: string): string[] {
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return [];
  }
  return entries.flatMap((name) => {
    if (SKIP_DIRS.has(name)) return [];
    const full = join(dir, name);
    if (statSync(full).isDirectory()) return walk(full);
    return SOURCE.test(name) ? [full] : [];
  });
}

const files = ['electron', 'renderer', 'shared', 'sandbox', 'scripts', 'test'].flatMap((top) => walk(join(repo, top)));
const rel = (file: string) => relative(repo, file).split(sep).join('/');

/** Source without comments, so prose that names an API is not mistaken for its use. */
function code(file: string): string {
  return readFileSync(file, 'utf8')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/(^|[^:\\'"`])\/\/.*$/gm, '$1');
}

const ELECTRON_IMPORT = /(?:from\s+|import\s*\(\s*|require\s*\(\s*|import\s+)['"](electron|electron\/[^'"]+|electron-store|electron-log\/main)['"]/;
const isTest = (path: string) => /\.test\.tsx?$/.test(path) || /\.spec\.ts$/.test(path);

// The only files that may load Electron: they wire real APIs into the pure modules.
const ELECTRON_WIRING = new Set(['electron/main.ts', 'electron/preload.ts', 'electron/protocol.ts', 'electron/log.ts', 'electron/ipc/register.ts']);

describe('process boundaries', () => {
  it('finds the source files it checks', () => {
    expect(files.length).toBeGreaterThan(20);
    expect(files.map(rel)).toContain('electron/services.ts');
  });

  it('only electron/ imports electron, and there only the thin wiring files', () => {
    const offenders = files
      .map(rel)
      .filter((path) => !isTest(path) && path !== 'test/mocks/electron.ts')
      .filter((path) => ELECTRON_IMPORT.test(code(join(repo, path))))
      .filter((path) => !ELECTRON_WIRING.has(path));
    expect(offenders).toEqual([]);
  });

  it('ipcMain / ipcRenderer appear only in electron/ipc/* and electron/preload*', () => {
    const offenders = files
      .map(rel)
      // test/mocks/ stands in for Electron itself.
      .filter((path) => !path.startsWith('test/mocks/') && path !== 'test/unit/boundaries.test.ts')
      .filter((path) => /\b(ipcMain|ipcRenderer)\b/.test(code(join(repo, path))))
      .filter((path) => !/^electron\/ipc\/[^/]+$/.test(path) && !/^electron\/preload[^/]*\.ts$/.test(path));
    expect(offenders).toEqual([]);
  });

  it('shared/ uses no DOM globals and imports neither Electron nor React', () => {
    const offenders = files
      .map(rel)
      .filter((path) => path.startsWith('shared/'))
      .filter((path) => {
        const text = code(join(repo, path));
        return (
          /(?<![\w.])(window|document|localStorage|sessionStorage|navigator)\s*\./.test(text) ||
          ELECTRON_IMPORT.test(text) ||
          /from\s+['"](react|react-dom)(\/[^'"]*)?['"]/.test(text)
        );
      });
    expect(offenders).toEqual([]);
  });

  it('the checks themselves catch a violation', () => {
    expect(ELECTRON_IMPORT.test("import { app } from 'electron';")).toBe(true);
    expect(ELECTRON_IMPORT.test("const { shell } = require('electron')")).toBe(true);
    expect(ELECTRON_IMPORT.test("import Store from 'electron-store';")).toBe(true);
    expect(ELECTRON_IMPORT.test("import type { Bridge } from './electron-bridge';")).toBe(false);
  });
});
