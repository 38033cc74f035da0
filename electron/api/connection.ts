// Connection test, base-path detection and token verification: all three ask `GET /drivers?limit=1`,
// which the vendor documents as needing no special permission.
import { AppError, isAppError } from '../../shared/app-error';
import { normalizeBaseUrl } from '../../shared/base-url';
import type { IpcError } from '../../shared/ipc/kit';
import { PlatformHttp, type HttpDeps, type TokenAccess } from './http';
import { RequestScheduler } from './scheduler';

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

/**
 * Checks a token against a base URL before it is stored (MAIN's token rotation). Resolves when the
 * server accepts it; throws AppError (`unauthenticated` with `details.reason`, `network`,
 * `not_found` for a wrong base path, …) otherwise. The token is used only for this one request.
 */
export async function verifyToken(baseUrl: string, token: string, signal?: AbortSignal, deps: { fetch?: typeof fetch; now?: () => number } = {}): Promise<void> {
  const vault: TokenAccess = { withToken: (_profileId, use) => use(token) };
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
