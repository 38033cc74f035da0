// Resource ids are opaque, but they become one path segment of a request URL. An id that a URL
// parser or a server could read as a path step (`.`, `..`, or those spelled `%2e`, `%2E%2e`,
// `%252e`…), as a separator (`/`, `\`, encoded or not) or as a line break must never get there: it
// would steer the request to another resource under the token. Shared by the IPC schemas (the
// first refusal) and the client's path builder (the last).

/** Decodes percent-escapes until nothing changes (a server may decode more than once). */
function decodeFully(value: string): string {
  let current = value;
  for (let round = 0; round < 5; round++) {
    let next: string;
    try {
      next = decodeURIComponent(current);
    } catch {
      return current; // a lone `%` is just a character
    }
    if (next === current) return current;
    current = next;
  }
  return current;
}

// C0 controls (CR, LF, NUL…) and DEL: header or log injection, never part of a real id.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/;

/** Why `id` cannot name a resource in a path, or null when it can. */
export function resourceIdProblem(id: string): string | null {
  if (id.trim() === '') return 'An id cannot be empty.';
  for (const form of [id, decodeFully(id)]) {
    if (CONTROL.test(form)) return 'An id cannot contain control characters or line breaks.';
    if (form.includes('/') || form.includes('\\')) return 'An id cannot contain / or \\.';
    if (/^\.+$/.test(form.trim())) return 'An id cannot be "." or "..".';
  }
  return null;
}
