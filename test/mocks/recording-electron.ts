// A stand-in for the `electron` module that RECORDS what main does with it, in order, for the
// start-up test of electron/main.ts (electron/main.test.ts mocks `electron` with it). It behaves
// just enough like Electron for main to start: `app.whenReady()` waits until the test calls
// `fireReady()`, `new BrowserWindow` emits `web-contents-created` as Electron does, and ipcMain keeps
// its handlers so the test can call them as the window would.
import { createFakeSafeStorage } from '../support/fake-safe-storage';

type Listener = (...args: unknown[]) => unknown;

/** Everything main did to Electron, in order: `app.enableSandbox`, `webContents.on:will-navigate`, … */
export const calls: string[] = [];
const record = (name: string) => void calls.push(name);

function emitter(prefix: string) {
  const listeners = new Map<string, Listener[]>();
  return {
    listeners,
    on(event: string, listener: Listener) {
      record(`${prefix}.on:${event}`);
      listeners.set(event, [...(listeners.get(event) ?? []), listener]);
      return this;
    },
    once(event: string, listener: Listener) {
      record(`${prefix}.once:${event}`);
      listeners.set(event, [...(listeners.get(event) ?? []), listener]);
      return this;
    },
    emit(event: string, ...args: unknown[]) {
      for (const listener of listeners.get(event) ?? []) listener(...args);
    },
  };
}

let resolveReady: () => void = () => undefined;
const ready = new Promise<void>((resolve) => {
  resolveReady = resolve;
});
const appEvents = emitter('app');
let userDataDir = '';

export const app = {
  ...appEvents,
  isPackaged: false,
  enableSandbox: () => record('app.enableSandbox'),
  requestSingleInstanceLock: () => (record('app.requestSingleInstanceLock'), true),
  whenReady: () => (record('app.whenReady'), ready),
  quit: () => record('app.quit'),
  getAppPath: () => userDataDir,
  getPath: (name: string) => (record(`app.getPath:${name}`), userDataDir),
  getVersion: () => '0.0.0-test',
  getLocale: () => 'en-US',
};

/** The test's part: where userData lives, and the moment Electron would emit `ready`. */
export const control = {
  setUserDataDir: (dir: string) => void (userDataDir = dir),
  fireReady() {
    record('ready');
    resolveReady();
  },
  emitApp: (event: string, ...args: unknown[]) => appEvents.emit(event, ...args),
  /** Calls the handler main registered for an IPC channel, as Electron would for `event`. */
  invoke(channel: string, event: { sender: { id: number }; senderFrame: { url: string; parent: null } | null }, payload: unknown) {
    const handler = ipcMain.handlers.get(channel);
    if (!handler) throw new Error(`No IPC handler for ${channel}`);
    return handler(event, payload);
  },
};

export const protocol = {
  registerSchemesAsPrivileged: (schemes: Array<{ scheme: string }>) => record(`protocol.registerSchemesAsPrivileged:${schemes.map((s) => s.scheme).join(',')}`),
  handlers: new Map<string, (request: Request) => Promise<Response>>(),
  handle(scheme: string, handler: (request: Request) => Promise<Response>) {
    record(`protocol.handle:${scheme}`);
    protocol.handlers.set(scheme, handler);
  },
};

export const ipcMain = {
  handlers: new Map<string, Listener>(),
  handle(channel: string, handler: Listener) {
    record('ipc.handle');
    ipcMain.handlers.set(channel, handler);
  },
  on: (channel: string) => record(`ipc.on:${channel}`),
  removeHandler: (channel: string) => void ipcMain.handlers.delete(channel),
  removeListener: () => undefined,
};

export const session = {
  defaultSession: {
    setPermissionRequestHandler: () => record('session.setPermissionRequestHandler'),
    setPermissionCheckHandler: () => record('session.setPermissionCheckHandler'),
  },
};

let nextWebContentsId = 41;

export class BrowserWindow {
  static created: BrowserWindow[] = [];
  readonly events = emitter('window');
  readonly webContents;
  constructor(readonly options: Record<string, unknown>) {
    record('new BrowserWindow');
    const contentsEvents = emitter('webContents');
    this.webContents = {
      ...contentsEvents,
      id: nextWebContentsId++,
      setWindowOpenHandler: () => record('webContents.setWindowOpenHandler'),
      isDestroyed: () => false,
      send: () => undefined,
      closeDevTools: () => undefined,
    };
    BrowserWindow.created.push(this);
    // Electron emits this while constructing the window, before main can load anything into it.
    appEvents.emit('web-contents-created', {}, this.webContents);
  }
  on(event: string, listener: Listener) {
    return this.events.on(event, listener);
  }
  once(event: string, listener: Listener) {
    return this.events.once(event, listener);
  }
  async loadURL(url: string) {
    record(`window.loadURL:${url}`);
  }
  show = () => record('window.show');
  maximize = () => undefined;
  isMinimized = () => false;
  restore = () => undefined;
  focus = () => undefined;
  isMaximized = () => false;
  getNormalBounds = () => ({ x: 0, y: 0, width: 1280, height: 800 });
}

export const safeStorage = createFakeSafeStorage();
export const clipboard = { readText: () => '', clear: () => undefined };
export const dialog = {
  showOpenDialog: async () => ({ canceled: true, filePaths: [] }),
  showSaveDialog: async () => ({ canceled: true }),
  showMessageBox: async () => ({ response: 0 }),
};
export const screen = { getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }] };
export const shell = { openExternal: async () => undefined };

export default { app, protocol, ipcMain, session, BrowserWindow, safeStorage, clipboard, dialog, screen, shell };
