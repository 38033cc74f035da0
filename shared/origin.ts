// The exact origin a token belongs to: scheme, host and port, compared as text after one careful
// normalisation. Two spellings of one server compare equal (upper case, default port, one trailing
// dot on the host); two different names never do, even when they reach the same machine:
// `localhost`, `127.0.0.1` and `[::1]` are three origins, as they are to a browser.
import { AppError } from './app-error';

const DEFAULT_PORTS: Record<string, string> = { 'http:': '80', 'https:': '443' };

/** Why `value` has no usable origin, or null. */
export function originProblem(value: string): string | null {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return 'Not a valid URL.';
  }
  if (url.username || url.password) return 'A URL with a user name or password is refused.';
  if (!(url.protocol in DEFAULT_PORTS)) return 'Only http and https URLs have an origin a token may be sent to.';
  if (url.hostname === '' || url.hostname === '.') return 'The URL has no host.';
  return null;
}

/**
 * `https://API.Example.com.:443/v1` → `https://api.example.com`. The URL parser already lower-cases
 * the scheme and host, drops the default port and brackets IPv6; this also drops one trailing dot
 * (a fully qualified name is the same host) and refuses user info. Throws `invalid_input`.
 */
export function canonicalOrigin(value: string): string {
  const problem = originProblem(value);
  if (problem) throw new AppError('invalid_input', problem, { details: { reason: 'bad_origin' } });
  const url = new URL(value);
  const host = url.hostname.endsWith('.') ? url.hostname.slice(0, -1) : url.hostname;
  const port = url.port && url.port !== DEFAULT_PORTS[url.protocol] ? `:${url.port}` : '';
  return `${url.protocol}//${host}${port}`;
}

/** Same origin after normalisation; false when either has none. */
export function sameOrigin(a: string, b: string): boolean {
  if (originProblem(a) || originProblem(b)) return false;
  return canonicalOrigin(a) === canonicalOrigin(b);
}
