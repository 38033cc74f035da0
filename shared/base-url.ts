// Which base URLs a profile may point at. The token is sent to this origin, so: https anywhere,
// plain http only to this machine (the local sandbox). Shared so the Settings form can explain the
// rule before main refuses it.
// The root, as both API reference pages use it (docs/api-contract.md §2); `/v1` only where detection finds it.
export const DEFAULT_BASE_URL = 'https://api.integracoesinteligentes.com';

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

export function isLoopbackHost(hostname: string): boolean {
  return LOOPBACK_HOSTS.has(hostname.toLowerCase());
}

/** Why a base URL is refused, or null when it is acceptable. */
export function baseUrlProblem(value: string): string | null {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return 'Not a valid URL.';
  }
  if (url.username || url.password) return 'The base URL must not contain a user name or password.';
  if (url.search || url.hash) return 'The base URL must not have a query string or fragment.';
  if (url.protocol === 'https:') return null;
  if (url.protocol === 'http:' && isLoopbackHost(url.hostname)) return null;
  if (url.protocol === 'http:') return 'Plain http is allowed only to this machine (127.0.0.1 or localhost); use https.';
  return 'The base URL must start with https://.';
}

/** Canonical form: no trailing slash, so `${baseUrl}/drivers` is always right. */
export function normalizeBaseUrl(value: string): string {
  const url = new URL(value);
  const path = url.pathname.replace(/\/+$/, '');
  return `${url.protocol}//${url.host}${path}`;
}
