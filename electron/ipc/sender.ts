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

/** The sender check for one app origin: a top frame whose URL is on exactly that origin. */
export function trustedSenderCheck(appOrigin: string): (sender: IpcSender) => boolean {
  const expected = originOf(appOrigin);
  if (!expected) throw new Error(`Not an origin: ${appOrigin}`);
  return (sender) => sender.isTopFrame === true && originOf(sender.frameUrl) === expected;
}
