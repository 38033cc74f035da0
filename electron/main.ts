// The Electron entry point: wires real Electron APIs into the pure services, the window and the
// app:// protocol. Everything with logic lives in modules that run in plain Node tests.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, clipboard, dialog, safeStorage, screen, session, shell } from 'electron';
import Store from 'electron-store';
import { channelNames, mainEvents } from '../shared/ipc/contract';
import { pushEvent, registerIpc } from './ipc/register';
import { apiLogTo, setupLog } from './log';
import type { ConfirmRequest } from './native-confirm';
import { englishTranslator } from './i18n';
import { openExternalDialogText, openExternalSafely } from './open-external';
import { APP_ORIGIN } from './protocol-handler';
import { registerAppScheme, serveRenderer } from './protocol';
import { createMainServices, type MainServices } from './services';
import { installWindowGuards, mainWindowOptions, restoreBounds, trackWindowBounds } from './window';

const log = setupLog();
const here = dirname(fileURLToPath(import.meta.url));
let mainWindow: BrowserWindow | null = null;
let services: MainServices | null = null;

// Every renderer is sandboxed, even ones we did not create on purpose.
app.enableSandbox();
registerAppScheme();

if (!app.requestSingleInstanceLock()) {
  // Another console is running: it gets focused (below, in that process) and this one leaves.
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.whenReady().then(start, (error: unknown) => {
    log.error('Startup failed', error);
    app.quit();
  });
}

// Anything that tries to create web contents we did not plan for (webviews, popups) is blocked.
app.on('web-contents-created', (_event, contents) => {
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
});

app.on('window-all-closed', () => app.quit());

app.on('will-quit', () => {
  void services?.close();
});

async function confirmOpen(host: string, url: string): Promise<boolean> {
  const options = {
    type: 'question' as const,
    ...openExternalDialogText(host, url, services?.translate ?? englishTranslator),
    defaultId: 0,
    cancelId: 0,
  };
  const result = mainWindow ? await dialog.showMessageBox(mainWindow, options) : await dialog.showMessageBox(options);
  return result.response === 1;
}

/** The safety gates' native box: Cancel is the default and what Escape or closing answers. */
async function confirmChange(request: ConfirmRequest): Promise<boolean> {
  const options = {
    type: 'warning' as const,
    title: request.title,
    buttons: [request.cancelLabel, request.confirmLabel],
    defaultId: 0,
    cancelId: 0,
    noLink: true,
    message: request.message,
    detail: request.detail,
  };
  const result = mainWindow ? await dialog.showMessageBox(mainWindow, options) : await dialog.showMessageBox(options);
  return result.response === 1;
}

async function start(): Promise<void> {
  serveRenderer(join(app.getAppPath(), 'dist', 'renderer'));

  services = await createMainServices({
    userDataDir: app.getPath('userData'),
    safeStorage,
    clipboard,
    dialog: {
      showOpenDialog: (options) => (mainWindow ? dialog.showOpenDialog(mainWindow, options) : dialog.showOpenDialog(options)),
      showSaveDialog: (options) => (mainWindow ? dialog.showSaveDialog(mainWindow, options) : dialog.showSaveDialog(options)),
    },
    shell,
    // process.env itself: services take the `npm start` token out of it (electron/startup-token.ts).
    env: process.env,
    appInfo: { version: app.getVersion(), platform: process.platform, locale: app.getLocale(), isPackaged: app.isPackaged },
    appOrigin: APP_ORIGIN,
    openStore: ({ cwd, name }) => new Store<Record<string, unknown>>({ cwd, name }),
    confirm: confirmOpen,
    apiLog: apiLogTo(log),
    confirmChange,
  });
  if (services.settingsStore.recovery) log.warn('Settings file was unreadable and was moved aside', services.settingsStore.recovery);

  registerIpc(services.dispatcher, channelNames);
  createMainWindow(services);
  await services.checkExpiringTokens();
}

function createMainWindow(current: MainServices): void {
  const saved = current.profiles.settings().windowBounds;
  const displays = screen.getAllDisplays().map((display) => display.workArea);
  const options = mainWindowOptions({ preloadPath: join(here, 'preload.cjs'), bounds: restoreBounds(saved, displays), isPackaged: app.isPackaged });
  // contextIsolation and sandbox are restated in a literal at the constructor, where static checks
  // (npm run scan:electron) look for them; mainWindowOptions sets the same (window.test.ts).
  const window = new BrowserWindow({ ...options, webPreferences: { ...options.webPreferences, contextIsolation: true, sandbox: true } });
  mainWindow = window;
  const guardedSession = {
    setPermissionRequestHandler: (handler: (webContents: never, permission: string, callback: (granted: boolean) => void) => void) =>
      session.defaultSession.setPermissionRequestHandler((contents, permission, callback) => handler(contents as never, permission, callback)),
    setPermissionCheckHandler: (handler: (webContents: never, permission: string) => boolean) =>
      session.defaultSession.setPermissionCheckHandler((contents, permission) => handler(contents as never, permission)),
  };
  installWindowGuards(window.webContents, guardedSession, {
    appOrigin: APP_ORIGIN,
    isPackaged: app.isPackaged,
    openExternal: (url) => {
      void openExternalSafely(url, { shell, confirm: confirmOpen, activeBaseUrl: current.profiles.active()?.baseUrl ?? null }).catch(() => undefined);
    },
  });
  trackWindowBounds(window, (bounds) => current.profiles.saveWindowBounds(bounds));
  if (saved?.maximized) window.maximize();

  const webContents = window.webContents;
  const senderId = webContents.id;
  // The dispatcher answers this window's webContents and no other (electron/ipc/sender.ts).
  current.windows.add(senderId);
  const stopEvents = current.onEvent((name, payload) => pushEvent(webContents, mainEvents, name, payload));
  window.on('closed', () => {
    current.windows.remove(senderId);
    stopEvents();
    current.dispatcher.cancelAll({ id: senderId });
    mainWindow = null;
  });
  window.once('ready-to-show', () => window.show());
  void window.loadURL(`${APP_ORIGIN}/index.html`);
}
