import { describe, expect, it, vi } from 'vitest';
import { installWindowGuards, isInsideApp, mainWindowOptions, restoreBounds, trackWindowBounds } from './window';

function fakeWebContents() {
  const listeners = new Map<string, Array<(...args: unknown[]) => void>>();
  let openHandler: ((details: { url: string }) => { action: string }) | null = null;
  return {
    listeners,
    closeDevTools: vi.fn(),
    on(event: string, listener: (...args: never[]) => void) {
      listeners.set(event, [...(listeners.get(event) ?? []), listener as (...args: unknown[]) => void]);
    },
    setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' } | { action: 'allow' }) {
      openHandler = handler;
    },
    fire(event: string, ...args: unknown[]) {
      for (const listener of listeners.get(event) ?? []) listener(...args);
    },
    open(url: string) {
      return openHandler?.({ url });
    },
  };
}

function fakeSession() {
  const state: {
    request: ((wc: never, permission: string, cb: (granted: boolean) => void) => void) | null;
    check: ((wc: never, permission: string) => boolean) | null;
  } = { request: null, check: null };
  return {
    state,
    setPermissionRequestHandler: (handler: typeof state.request) => void (state.request = handler),
    setPermissionCheckHandler: (handler: typeof state.check) => void (state.check = handler),
  };
}

const navigation = (url: string) => ({ url, preventDefault: vi.fn() });

describe('mainWindowOptions', () => {
  it('turns on every isolation and turns off node, webviews, spellcheck; DevTools only unpackaged', () => {
    const options = mainWindowOptions({ preloadPath: '/app/dist/main/preload.cjs', bounds: { width: 1000, height: 700 }, isPackaged: true });
    expect(options.webPreferences).toMatchObject({
      preload: '/app/dist/main/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      spellcheck: false,
      devTools: false,
    });
    expect(mainWindowOptions({ preloadPath: 'p', bounds: { width: 1, height: 1 }, isPackaged: false }).webPreferences.devTools).toBe(true);
  });

  it('restores saved bounds when on a screen, drops an off-screen position', () => {
    const displays = [{ x: 0, y: 0, width: 1920, height: 1080 }];
    expect(restoreBounds(null, displays)).toEqual({ width: 1280, height: 820 });
    expect(restoreBounds({ x: 100, y: 50, width: 1200, height: 800 }, displays)).toEqual({ x: 100, y: 50, width: 1200, height: 800 });
    expect(restoreBounds({ x: 4000, y: 50, width: 1200, height: 800 }, displays)).toEqual({ width: 1200, height: 800 });
    expect(restoreBounds({ x: 10, y: 10, width: 300, height: 200 }, displays)).toEqual({ x: 10, y: 10, width: 960, height: 600 });
  });
});

describe('installWindowGuards', () => {
  function setup(isPackaged = true) {
    const wc = fakeWebContents();
    const ses = fakeSession();
    const opened: string[] = [];
    installWindowGuards(wc, ses, { appOrigin: 'app://console', isPackaged, openExternal: (url) => opened.push(url) });
    return { wc, ses, opened };
  }

  it('allows navigation inside app://console only', () => {
    const { wc } = setup();
    for (const event of ['will-navigate', 'will-redirect', 'will-frame-navigate']) {
      const inside = navigation('app://console/index.html#/events');
      wc.fire(event, inside, inside.url);
      expect(inside.preventDefault).not.toHaveBeenCalled();
      for (const url of ['https://evil.example/', 'file:///etc/passwd', 'app://other/index.html', 'javascript:alert(1)']) {
        const off = navigation(url);
        wc.fire(event, off, url);
        expect(off.preventDefault).toHaveBeenCalled();
      }
    }
  });

  it('denies every new window; https links go through openExternal', () => {
    const { wc, opened } = setup();
    expect(wc.open('https://docs.integracoesinteligentes.xyz/')).toEqual({ action: 'deny' });
    expect(wc.open('http://evil.example/')).toEqual({ action: 'deny' });
    expect(wc.open('app://console/index.html')).toEqual({ action: 'deny' });
    expect(opened).toEqual(['https://docs.integracoesinteligentes.xyz/']);
  });

  it('prevents webviews and denies every permission request and check', () => {
    const { wc, ses } = setup();
    const attach = { preventDefault: vi.fn() };
    wc.fire('will-attach-webview', attach, {}, {});
    expect(attach.preventDefault).toHaveBeenCalled();
    const answers: boolean[] = [];
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
      ses.state.request?.({} as never, permission, (granted) => answers.push(granted));
      expect(ses.state.check?.({} as never, permission)).toBe(false);
    }
    expect(answers).toEqual([false, false, false, false, false]);
  });

  it('closes DevTools when packaged, leaves them alone in development', () => {
    const packaged = setup(true);
    packaged.wc.fire('devtools-opened');
    expect(packaged.wc.closeDevTools).toHaveBeenCalled();
    const dev = setup(false);
    expect(dev.wc.listeners.has('devtools-opened')).toBe(false);
  });

  it('isInsideApp compares scheme and host exactly', () => {
    expect(isInsideApp('app://console/x', 'app://console')).toBe(true);
    expect(isInsideApp('app://console.evil/x', 'app://console')).toBe(false);
    expect(isInsideApp('not a url', 'app://console')).toBe(false);
  });
});

describe('trackWindowBounds', () => {
  it('saves once after moves settle and on close', async () => {
    const listeners = new Map<string, () => void>();
    const saved: unknown[] = [];
    trackWindowBounds(
      {
        on: (event, listener) => listeners.set(event, listener),
        getNormalBounds: () => ({ x: 10.4, y: 20, width: 1200, height: 800 }),
        isMaximized: () => false,
      },
      (bounds) => saved.push(bounds),
      10,
    );
    listeners.get('move')!();
    listeners.get('resize')!();
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(saved).toEqual([{ x: 10, y: 20, width: 1200, height: 800, maximized: false }]);
    listeners.get('close')!();
    expect(saved).toHaveLength(2);
  });
});
