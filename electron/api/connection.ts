// Connection test, base-path detection and token verification: all three ask `GET /drivers?limit=1`,
// which the vendor documents as needing no special permission.
import { AppError, isAppError } from '../../shared/app-error';
import { normalizeBaseUrl } from '../../shared/base-url';
import { sameOrigin } from '../../shared/origin';
import type { IpcError } from '../../shared/ipc/kit';
import { PlatformHttp, type HttpDeps, type TokenAccess } from './http';
import { RequestScheduler } from './scheduler';
import { cancelledError, errorFromTransport, timeoutError } from './wire-errors';

const PROBE = { method: 'GET', path: '/drivers', query: { limit: 1 } } as const;

export interface ConnectionTestResult {
  ok: boolean;
  baseUrl: string;
  latencyMs: number;
  /** HTTP status of the answer, when there was one. */
  status: number | null;
  /** What failed, in the same shape as an IPC error. */
  failure: IpcError | null;
  /** From the answer's headers, when the server sends them. */
  rateLimit: { limit: number; remaining: number } | null;
}

function toIpcError(error: unknown): IpcError {
  if (isAppError(error)) return error.toIpcError();
  return { code: 'internal', message: 'The connection test failed unexpectedly.' };
}

/** One honest attempt (no retries, so the first failure is what the operator sees). */
export async function testConnection(http: PlatformHttp, signal?: AbortSignal, now: () => number = Date.now): Promise<ConnectionTestResult> {
  const started = now();
  try {
    const response = await http.send({ ...PROBE, signal, maxAttempts: 1 });
    const limit = Number(response.headers.get('x-ratelimit-limit'));
    const remaining = Number(response.headers.get('x-ratelimit-remaining'));
    const hasRate = response.headers.has('x-ratelimit-limit') && Number.isFinite(limit) && Number.isFinite(remaining);
    return {
      ok: true,
      baseUrl: http.baseUrl,
      latencyMs: now() - started,
      status: response.status,
      failure: null,
      rateLimit: hasRate ? { limit, remaining } : null,
    };
  } catch (error) {
    if (isAppError(error) && error.code === 'cancelled') throw error;
    const failure = toIpcError(error);
    return { ok: false, baseUrl: http.baseUrl, latencyMs: now() - started, status: failure.status ?? null, failure, rateLimit: null };
  }
}

export interface BasePathCandidate {
  baseUrl: string;
  status: number | null;
  code: string | null;
}

export interface BasePathDetection {
  /** The first candidate that answered 200, or null. */
  baseUrl: string | null;
  tried: BasePathCandidate[];
}

/**
 * Tries `<origin>`, `<origin>/v1`, `<origin>/api/v1` on the profile's own origin (the token is
 * never sent anywhere else) and keeps the first that answers 200 (docs/api-contract.md §2: the API
 * reference pages use the root, so it goes first).
 */
export async function detectBasePath(
  profile: { id: string; baseUrl: string },
  deps: Omit<HttpDeps, 'scheduler'>,
  signal?: AbortSignal,
): Promise<BasePathDetection> {
  const origin = new URL(normalizeBaseUrl(profile.baseUrl)).origin;
  const candidates = [origin, `${origin}/v1`, `${origin}/api/v1`];
  const tried: BasePathCandidate[] = [];
  for (const baseUrl of candidates) {
    const http = new PlatformHttp({ id: profile.id, baseUrl }, { ...deps, scheduler: new RequestScheduler({ maxConcurrency: 1 }) });
    const result = await testConnection(http, signal, deps.now);
    tried.push({ baseUrl, status: result.status, code: result.failure?.code ?? null });
    if (result.ok && result.status === 200) return { baseUrl, tried };
    // A refused token will be refused under every path: no point trying the others.
    if (result.failure?.code === 'unauthenticated' || result.failure?.code === 'no_token') break;
  }
  return { baseUrl: null, tried };
}

/** Per candidate, so a server that never answers does not hold the operator for long. */
const ANONYMOUS_PROBE_TIMEOUT_MS = 10_000;

/**
 * Without a token, "the API answers here" means: the contract's `401 {"message": …}` (every API
 * route needs a token, and an unknown route is a 404 on the vendor's Laravel backend and on the
 * sandbox's default prefix), or a `200 {"data": [...]}`.
 */
function answersLikeTheApi(status: number, text: string): boolean {
  let body: unknown;
  try {
    body = JSON.parse(text) as unknown;
  } catch {
    return false;
  }
  if (typeof body !== 'object' || body === null) return false;
  if (status === 401) return typeof (body as { message?: unknown }).message === 'string';
  if (status === 200) return Array.isArray((body as { data?: unknown }).data);
  return false;
}

/**
 * Detection for a URL that is not saved yet (a new profile, an edited base URL), so there is no
 * token for it and NONE is sent: `GET /drivers?limit=1` without Authorization. Tries the root of
 * the URL's own origin first (the vendor's reference pages use the root), then `/v1`, `/api/v1`,
 * then the URL as typed; never another origin, and redirects are not followed. Stops at the first
 * transport failure: every candidate is on the same host, so nothing else would answer either.
 */
export async function detectBasePathWithoutToken(
  baseUrl: string,
  deps: { fetch?: typeof fetch; timeoutMs?: number } = {},
  signal?: AbortSignal,
): Promise<BasePathDetection> {
  const typed = normalizeBaseUrl(baseUrl);
  const origin = new URL(typed).origin;
  const candidates = [...new Set([origin, `${origin}/v1`, `${origin}/api/v1`, typed])];
  const fetchImpl = deps.fetch ?? fetch;
  const timeoutMs = deps.timeoutMs ?? ANONYMOUS_PROBE_TIMEOUT_MS;
  const tried: BasePathCandidate[] = [];
  for (const candidate of candidates) {
    if (signal?.aborted) throw cancelledError();
    const url = new URL(`${candidate}${PROBE.path}`);
    url.searchParams.set('limit', String(PROBE.query.limit));
    const attempt = AbortSignal.timeout(timeoutMs);
    try {
      const response = await fetchImpl(url, {
        method: PROBE.method,
        headers: { Accept: 'application/json' },
        redirect: 'manual',
        signal: signal ? AbortSignal.any([signal, attempt]) : attempt,
      });
      const text = await response.text();
      tried.push({ baseUrl: candidate, status: response.status, code: null });
      if (answersLikeTheApi(response.status, text)) return { baseUrl: candidate, tried };
    } catch (error) {
      if (signal?.aborted) throw cancelledError();
      const failure = attempt.aborted ? timeoutError({ method: PROBE.method, path: PROBE.path }, timeoutMs) : errorFromTransport({ method: PROBE.method, path: PROBE.path }, error);
      tried.push({ baseUrl: candidate, status: null, code: failure.code });
      break;
    }
  }
  return { baseUrl: null, tried };
}

/**
 * Checks a token against a base URL before it is stored (MAIN's token rotation). Resolves when the
 * server accepts it; throws AppError (`unauthenticated` with `details.reason`, `network`,
 * `not_found` for a wrong base path, …) otherwise. The token is used only for this one request.
 */
export async function verifyToken(baseUrl: string, token: string, signal?: AbortSignal, deps: { fetch?: typeof fetch; now?: () => number } = {}): Promise<void> {
  // Bound like a stored token: it may go only to this base URL's origin.
  const vault: TokenAccess = {
    withToken: (_profileId, origin, use) => {
      if (!sameOrigin(origin, baseUrl)) throw new AppError('token_origin_mismatch', 'The token being checked is sent only to the profile’s own origin.');
      return use(token);
    },
  };
  const http = new PlatformHttp(
    { id: 'token-check', baseUrl },
    { vault, scheduler: new RequestScheduler({ maxConcurrency: 1 }), ...deps },
  );
  try {
    await http.send({ ...PROBE, signal, maxAttempts: 2 });
  } catch (error) {
    if (isAppError(error)) throw error;
    throw new AppError('internal', 'The token check failed unexpectedly.');
  }
}
