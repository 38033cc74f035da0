// The Events list's anchor (the time its relative ranges are fixed to; EventsScreen) handed from the
// route's beforeLoad to the screen. beforeLoad picks the anchor and starts the first page under it as
// soon as the route is entered; the screen, mounting moments later with the same filters, takes the
// same anchor and so finds that page already on its way instead of asking for it after its first
// render. An anchor for other filters, or older than FRESH_MS, is not taken: the screen picks its own.
const FRESH_MS = 2_000;

let handed: { key: string; at: string; pickedAt: number } | null = null;

/** The route's beforeLoad: a new anchor for these filters (`key`: the screen's filter JSON). */
export function handAnchor(key: string, now = Date.now()): string {
  const at = new Date(now).toISOString();
  handed = { key, at, pickedAt: now };
  return at;
}

/**
 * The screen: beforeLoad's anchor for these filters if it is fresh, else null. Not consumed: a
 * component's state initializer may run twice (StrictMode), and both runs must agree.
 */
export function handedAnchor(key: string, now = Date.now()): string | null {
  if (!handed || handed.key !== key || now - handed.pickedAt > FRESH_MS) return null;
  return handed.at;
}
