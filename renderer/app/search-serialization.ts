// How the router reads and writes the `?…` part of a route. Every screen's search params are
// strings (ids, names, codes, `true`/`false`, ISO times), so the URL holds them as they are:
// `#/events?code=500&superseded=true`. TanStack Router's default JSON-parses each value, which
// turned a hand-written or shared `code=500` into the number 500 and `superseded=true` into a
// boolean; the screens' string schemas then dropped them, and the deep link opened a different view.

/** `?a=1&b=x` → `{ a: '1', b: 'x' }`. A repeated key keeps its first value. */
export function parseSearchAsStrings(searchStr: string): Record<string, string> {
  const search: Record<string, string> = {};
  for (const [key, value] of new URLSearchParams(searchStr.startsWith('?') ? searchStr.slice(1) : searchStr)) {
    if (key in search) continue;
    search[key] = unquoteLegacy(value);
  }
  return search;
}

/** The inverse: defined values as strings, in the object's order; `''` when there are none. */
export function stringifySearchAsStrings(search: Record<string, unknown>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(search)) {
    if (value === undefined || value === null) continue;
    params.set(key, typeof value === 'object' ? JSON.stringify(value) : String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

/**
 * Links written by earlier builds quoted any string that looked like JSON (`code=%22500%22`); read
 * them as the string inside, so those bookmarks still open the view they named.
 */
function unquoteLegacy(value: string): string {
  if (value.length < 2 || !value.startsWith('"') || !value.endsWith('"')) return value;
  try {
    const inner: unknown = JSON.parse(value);
    return typeof inner === 'string' ? inner : value;
  } catch {
    return value;
  }
}
