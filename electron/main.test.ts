// electron/main.ts itself, against a recording stand-in for `electron` (test/mocks/recording-electron.ts):
// the start-up order that the sandbox and the guards depend on, and the wiring of the IPC window
// allow-list and of the II_API_TOKEN hand-over. main.ts runs its side effects at import time, so it
// is imported only after the mocks are in place.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => import('../test/mocks/recording-electron'));
// electron-log and electron-store load the real `electron` package themselves (not through the
// alias), so they get stand-ins: a silent logger that records errors, and `conf`, which
// electron-store is built on.
vi.mock('electron-log/main', async () => {
  const { calls } = await import('../test/mocks/recording-electron');
  const quiet = () => undefined;
  return {
    default: {
      hooks: [],
      transports: { file: { level: 'info' }, console: { level: 'info' } },
      errorHandler: { startCatching: quiet },
      error: (...args: unknown[]) => calls.push(`log.error:${String(args[0])}`),
      warn: quiet,
      info: quiet,
      debug: quiet,
    },
  };
});
vi.mock('electron-store', async () => {
  const { default: Conf } = await import('conf');
  class Store extends Conf<Record<string, unknown>> {
    constructor(options: { cwd: string; name: string }) {
      super({ cwd: options.cwd, configName: options.name, projectName: 'ii-console' });
    }
  }
  return { default: Store };
});

const electron = await import('../test/mocks/recording-electron');
const { calls, control, BrowserWindow } = electron;
let userData: string;
const FAKE_TOKEN = ['not', 'a', 'token'].join('.');

beforeAll(async () => {
  userData = await mkdtemp(join(tmpdir(), 'ii-main-start-'));
  control.setUserDataDir(userData);
  // No II_SANDBOX_BASE_URL: the hand-over does not run, but main must still take the token out.
  process.env.II_API_TOKEN = FAKE_TOKEN;
  await import('./main');
  control.fireReady();
  await vi.waitFor(() => expect(calls.some((call) => call.startsWith('window.loadURL:'))).toBe(true), { timeout: 20_000 });
});

afterAll(async () => {
  control.emitApp('will-quit');
  delete process.env.II_API_TOKEN;
  await rm(userData, { recursive: true, force: true });
});

const indexOf = (name: string) => {
  const index = calls.indexOf(name);
  expect(index, `${name} in ${JSON.stringify(calls)}`).toBeGreaterThanOrEqual(0);
  return index;
};

describe('electron/main.ts start-up', () => {
  it('started without an error', () => {
    expect(calls.filter((call) => call.startsWith('log.error') || call === 'app.quit')).toEqual([]);
  });

  it('enables the sandbox and registers the app:// scheme before ready', () => {
    expect(indexOf('app.enableSandbox')).toBeLessThan(indexOf('ready'));
    expect(indexOf('protocol.registerSchemesAsPrivileged:app')).toBeLessThan(indexOf('ready'));
  });

  it('installs every guard, the protocol handler and the IPC handlers before the first load', () => {
    const firstLoad = calls.findIndex((call) => call.startsWith('window.loadURL:'));
    expect(calls[firstLoad]).toBe('window.loadURL:app://console/index.html');
    for (const guard of [
      'app.on:web-contents-created',
      'protocol.handle:app',
      'ipc.handle',
      'session.setPermissionRequestHandler',
      'session.setPermissionCheckHandler',
      'webContents.on:will-navigate',
      'webContents.on:will-redirect',
      'webContents.on:will-frame-navigate',
      'webContents.on:will-attach-webview',
      'webContents.setWindowOpenHandler',
    ]) {
      expect(indexOf(guard), guard).toBeLessThan(firstLoad);
    }
  });

  it('creates a sandboxed, isolated window', () => {
    const window = BrowserWindow.created[0]!;
    expect(window.options).toMatchObject({ webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false } });
  });

  it('took II_API_TOKEN out of process.env', () => {
    expect('II_API_TOKEN' in process.env).toBe(false);
  });

  it("answers IPC from its window's webContents only, and not after the window closed", async () => {
    const window = BrowserWindow.created[0]!;
    const topFrame = { url: 'app://console/index.html', parent: null };
    const ask = (id: number) => control.invoke('app:info', { sender: { id }, senderFrame: topFrame }, { requestId: `r-${id}-${calls.length}`, input: {} });
    expect(await ask(window.webContents.id)).toMatchObject({ ok: true, data: { version: '0.0.0-test' } });
    expect(await ask(window.webContents.id + 100)).toMatchObject({ ok: false, error: { code: 'forbidden_sender' } });
    window.events.emit('closed');
    expect(await ask(window.webContents.id)).toMatchObject({ ok: false, error: { code: 'forbidden_sender' } });
  });
});
