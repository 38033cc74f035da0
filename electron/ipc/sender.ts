// Who sent an IPC request, as far as main's checks are concerned. In Electron it comes from
// `event.senderFrame`; in the end-to-end harness from the Playwright frame that called the binding.
export interface IpcSender {
  /** webContents id: cancellations are scoped to it so one window cannot cancel another's work. */
  id: number;
  frameUrl: string;
  isTopFrame: boolean;
}

/**
 * `scheme://host[:port]` of a URL. WHATWG `URL.origin` is the string "null" for non-special
 * schemes such as `app:`, so it cannot be used to compare `app://console` origins.
 */
export function originOf(url: string): string | null {
  try {
    const parsed = new URL(url);
    if (!parsed.host) return null;
    return `${parsed.protocol}//${parsed.host}`;
  } catch {
    return null;
  }
}

/**
 * The webContents main created on purpose (its one window). main.ts adds a window's id when it
 * creates it and removes it when the window closes; ids are never reused within a run, so a
 * closed window's id stays refused.
 */
export interface TrustedWindows {
  add(webContentsId: number): void;
  remove(webContentsId: number): void;
  has(webContentsId: number): boolean;
}

export function createTrustedWindows(): TrustedWindows {
  const ids = new Set<number>();
  return {
    add: (id) => void ids.add(id),
    remove: (id) => void ids.delete(id),
    has: (id) => ids.has(id),
  };
}

/**
 * The sender check: a top frame whose URL is on exactly the app origin, in a webContents main
 * created. The origin alone is not enough: any other webContents that reaches app://console (a
 * window opened by mistake, a future helper window) would otherwise get the whole API.
 */
export function trustedSenderCheck(appOrigin: string, windows: Pick<TrustedWindows, 'has'>): (sender: IpcSender) => boolean {
  const expected = originOf(appOrigin);
  if (!expected) throw new Error(`Not an origin: ${appOrigin}`);
  return (sender) => windows.has(sender.id) && sender.isTopFrame === true && originOf(sender.frameUrl) === expected;
}
