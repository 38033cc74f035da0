// "Copy as cURL": turns a request the console made (or a delivery the platform made) into a shell
// command an operator can paste. The API token is NEVER written out: the Authorization header is
// always `Bearer $II_API_TOKEN`, expanded by the operator's own shell from their environment.
// Pure (no Node, no DOM): the renderer builds these strings from data it already has.

/** The environment variable the command expects the token in. */
export const TOKEN_ENV_VAR = 'II_API_TOKEN';

/** Quotes one word for a POSIX shell: inside single quotes nothing expands, so only `'` needs care. */
export function shellQuote(value: string): string {
  if (value !== '' && /^[A-Za-z0-9_@%+=:,./-]+$/.test(value)) return value;
  return `'${value.replaceAll("'", `'\\''`)}'`;
}

export interface CurlRequest {
  method: string;
  url: string;
  headers?: Record<string, string | null | undefined> | undefined;
  body?: string | null | undefined;
}

// Header names that could carry a credential; dropped from copied requests whatever their value.
const CREDENTIAL_HEADERS = new Set(['authorization', 'proxy-authorization', 'cookie']);

function buildCurl(request: CurlRequest, withToken: boolean): string {
  const method = request.method.toUpperCase();
  const parts: string[] = ['curl'];
  if (method !== 'GET' || request.body) parts.push('-X', shellQuote(method));
  parts.push(shellQuote(request.url));
  if (withToken) {
    // Double quotes on purpose: the shell expands the variable, so the token stays in the environment.
    parts.push('-H', `"Authorization: Bearer $${TOKEN_ENV_VAR}"`);
  }
  for (const [name, value] of Object.entries(request.headers ?? {})) {
    if (value === null || value === undefined) continue;
    if (CREDENTIAL_HEADERS.has(name.toLowerCase())) continue;
    parts.push('-H', shellQuote(`${name}: ${value}`));
  }
  if (request.body) parts.push('--data-raw', shellQuote(request.body));
  return parts.join(' \\\n  ');
}

/**
 * A request to the platform API (e.g. fetch this event, redeliver it). The token is the placeholder.
 * `path` is relative to the profile's base URL; `query` values are URL-encoded here.
 */
export function curlForApiRequest(options: {
  baseUrl: string;
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: string;
  query?: Record<string, string | undefined>;
  body?: unknown;
}): string {
  const base = options.baseUrl.replace(/\/+$/, '');
  const path = options.path.startsWith('/') ? options.path : `/${options.path}`;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(options.query ?? {})) {
    if (value !== undefined && value !== '') params.append(key, value);
  }
  const search = params.toString();
  const headers: Record<string, string> = { Accept: 'application/json' };
  let body: string | undefined;
  if (options.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(options.body);
  }
  return buildCurl({ method: options.method, url: `${base}${path}${search ? `?${search}` : ''}`, headers, body }, true);
}

/**
 * Replays one recorded delivery attempt to the receiver's endpoint, with the body the platform sent
 * and its headers AS THE RENDERER HAS THEM: main masked every value outside a short allow-list
 * (custom headers, the signature's HMACs — shared/api/ipc-views.ts), so the command carries `••••`
 * there and never a credential. No API token is involved.
 */
export function curlForDelivery(attempt: {
  url: string;
  request_headers?: Record<string, unknown> | null;
  request_body?: string | null;
}): string {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(attempt.request_headers ?? {})) {
    if (typeof value === 'string') headers[name] = value;
    else if (Array.isArray(value)) headers[name] = value.map(String).join(', ');
    else if (typeof value === 'number') headers[name] = String(value);
  }
  return buildCurl({ method: 'POST', url: attempt.url, headers, body: attempt.request_body ?? '' }, false);
}
