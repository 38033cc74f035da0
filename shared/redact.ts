// Removes credentials from anything before it is logged: JWT-shaped text and Bearer credentials
// anywhere, and the value of anything whose NAME says it is secret (`token`, `client_secret`,
// `Authorization`, `api_key`, `cookie`, `signature`, …, case-insensitive) — as an object key at any
// depth, inside arrays, and in `key=value` / `key: value` / `"key":"value"` text.
// Used by main's electron-log hook; pure so it can be tested and reused by the harness.
export const REDACTED = '[redacted]';

// header.payload.signature, each base64url; JWT headers and payloads start with `eyJ` ("{"").
const JWT_PATTERN = /eyJ[A-Za-z0-9_-]{2,}\.[A-Za-z0-9_-]{2,}\.[A-Za-z0-9_-]*/g;
const BEARER_PATTERN = /(Bearer\s+)[A-Za-z0-9._~+/=-]+/gi;

// A name is secret when it contains one of these words (so `X-Api-Key`, `access_token`,
// `webhookSecret`, `Set-Cookie`, `x-ii-signature` all are). Deliberately broad: in a log, hiding
// a harmless `token_expired` flag costs nothing, printing a credential costs everything.
const SECRET_NAME = /token|secret|authori[sz]ation|passw(?:or)?d|passphrase|api[_-]?key|cookie|signature|credential|private[_-]?key/i;

// `name=value`, `name: value`, `"name":"value"` (JSON inside a message). The name is a run of word
// characters and dashes containing a secret word; the value runs to the next separator, and an
// auth scheme (`Bearer x`, `Basic x`) counts as part of it.
const SECRET_PAIR = new RegExp(
  String.raw`([\w-]*(?:${SECRET_NAME.source})[\w-]*)("?\s*[=:]\s*"?)((?:Bearer|Basic|Token|Digest)\s+)?([^\s"'&,;}\]]+)`,
  'gi',
);

/** Deeper than this a value is replaced, not walked: a log line is never that deep on purpose. */
const MAX_DEPTH = 32;

export function isSecretName(name: string): boolean {
  return SECRET_NAME.test(name);
}

export function redactText(text: string): string {
  return text
    .replace(SECRET_PAIR, (_match, name: string, separator: string, scheme: string | undefined) => `${name}${separator}${scheme ?? ''}${REDACTED}`)
    .replace(JWT_PATTERN, REDACTED)
    .replace(BEARER_PATTERN, `$1${REDACTED}`);
}

/** Redacts strings anywhere inside a value (log arguments may be objects, arrays or errors). */
export function redactValue(value: unknown): unknown {
  return redactWalk(value, 0, new WeakSet());
}

function redactWalk(value: unknown, depth: number, seen: WeakSet<object>): unknown {
  if (typeof value === 'string') return redactText(value);
  if (value === null || typeof value !== 'object') return value;
  if (depth > MAX_DEPTH) return '[too deep]';
  if (seen.has(value)) return '[circular]';
  seen.add(value);
  if (value instanceof Error) {
    const copy = new Error(redactText(value.message));
    copy.name = value.name;
    if (value.stack) copy.stack = redactText(value.stack);
    return copy;
  }
  if (Array.isArray(value)) return value.map((item) => redactWalk(item, depth + 1, seen));
  if (value instanceof Map) return redactWalk(Object.fromEntries(value), depth, seen);
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    out[key] = isSecretName(key) && item !== null && item !== undefined ? REDACTED : redactWalk(item, depth + 1, seen);
  }
  return out;
}
