// The main window's options and its guards. Pure: Electron objects are passed in through the
// small structural interfaces below, so tests check them with fakes. electron/main.ts wires them.
import type { WindowBounds } from '../shared/ipc/channels/settings';
import { originOf } from './ipc/sender';

export const DEFAULT_WINDOW_SIZE = { width: 1280, height: 820 };
const MIN_SIZE = { width: 960, height: 600 };

export interface DisplayArea {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Saved bounds, minus a position that would put the window off every screen (a monitor was unplugged). */
export function restoreBounds(saved: WindowBounds | null, displays: DisplayArea[]): { x?: number; y?: number; width: number; height: number } {
  if (!saved) return { ...DEFAULT_WINDOW_SIZE };
  const size = { width: Math.max(saved.width, MIN_SIZE.width), height: Math.max(saved.height, MIN_SIZE.height) };
  if (saved.x === undefined || saved.y === undefined) return size;
  const { x, y } = saved;
  // Visible if at least a 100×50 corner of the title bar area lies on some display.
  const visible = displays.some((d) => x + 100 > d.x && x < d.x + d.width - 100 && y >= d.y && y < d.y + d.height - 50);
  return visible ? { ...size, x, y } : size;
}

export function mainWindowOptions(options: { preloadPath: string; bounds: ReturnType<typeof restoreBounds>; isPackaged: boolean }) {
  return {
    ...options.bounds,
    minWidth: MIN_SIZE.width,
    minHeight: MIN_SIZE.height,
    show: false,
    title: 'Integrações Inteligentes Console',
    backgroundColor: '#1a1b1e',
    webPreferences: {
      preload: options.preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      devTools: !options.isPackaged,
    },
  } as const;
}

interface PreventableEvent {
  preventDefault(): void;
}

/** The parts of WebContents the guards use (Electron's WebContents satisfies it). */
export interface GuardedWebContents {
  on(event: string, listener: (...args: never[]) => void): unknown;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' } | { action: 'allow' }): void;
  closeDevTools(): void;
}

/** The parts of Session the guards use. */
export interface GuardedSession {
  setPermissionRequestHandler(handler: (webContents: never, permission: string, callback: (granted: boolean) => void) => void): void;
  setPermissionCheckHandler(handler: (webContents: never, permission: string) => boolean): void;
}

export interface GuardOptions {
  appOrigin: string;
  isPackaged: boolean;
  /** https links the renderer tries to open in a new window go through main's openExternal rules. */
  openExternal: (url: string) => void;
}

/** True when `url` stays inside the app (same app:// origin). */
export function isInsideApp(url: string, appOrigin: string): boolean {
  const origin = originOf(url);
  return origin !== null && origin === originOf(appOrigin);
}

export function installWindowGuards(webContents: GuardedWebContents, session: GuardedSession, options: GuardOptions): void {
  const blockOffApp = (event: PreventableEvent & { url?: string }, url?: string) => {
    const target = event.url ?? url ?? '';
    if (!isInsideApp(target, options.appOrigin)) event.preventDefault();
  };
  webContents.on('will-navigate', blockOffApp as (...args: never[]) => void);
  webContents.on('will-redirect', blockOffApp as (...args: never[]) => void);
  webContents.on('will-frame-navigate', blockOffApp as (...args: never[]) => void);
  webContents.on('will-attach-webview', ((event: PreventableEvent) => event.preventDefault()) as (...args: never[]) => void);
  webContents.setWindowOpenHandler(({ url }) => {
    if (url.startsWith('https:')) options.openExternal(url);
    return { action: 'deny' };
  });
  if (options.isPackaged) {
    webContents.on('devtools-opened', (() => webContents.closeDevTools()) as (...args: never[]) => void);
  }
  session.setPermissionRequestHandler((_webContents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}

/** Saves bounds shortly after the window stops moving/resizing (not on every pixel). */
export function trackWindowBounds(
  window: {
    on(event: 'move' | 'resize' | 'close', listener: () => void): unknown;
    getNormalBounds(): { x: number; y: number; width: number; height: number };
    isMaximized(): boolean;
  },
  save: (bounds: WindowBounds) => void,
  delayMs = 400,
): void {
  let timer: ReturnType<typeof setTimeout> | null = null;
  const saveNow = () => {
    if (timer) clearTimeout(timer);
    timer = null;
    const b = window.getNormalBounds();
    save({ x: Math.round(b.x), y: Math.round(b.y), width: Math.round(b.width), height: Math.round(b.height), maximized: window.isMaximized() });
  };
  const schedule = () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(saveNow, delayMs);
  };
  window.on('move', schedule);
  window.on('resize', schedule);
  window.on('close', saveNow);
}
