// The one place a platform request is made. It enforces the token's scope (the profile's exact
// origin, https or loopback http, same-origin redirects only), puts a timeout on every attempt,
// retries what is safe to retry, waits out 429s, and turns every failure into an AppError.
// The token is touched only inside `vault.withToken`, around the fetch itself.
import { createHash } from 'node:crypto';
import { AppError, isAppError } from '../../shared/app-error';
import { baseUrlProblem, normalizeBaseUrl } from '../../shared/base-url';
// A body larger than the profile's limit is not read: a server (or anything between) cannot make
// main buffer an unbounded body. The API's largest answer, a page of 100 events, is a few hundred KB.
import { DEFAULT_MAX_RESPONSE_MB } from '../../shared/ipc/channels/profiles';
import { resourceIdProblem } from '../../shared/resource-id';
import { abortableSleep } from './abortable-sleep';
import type { RequestScheduler } from './scheduler';
import { tokenRejectionReason, type TokenRejection } from './token-claims';
import {
  cancelledError,
  errorFromStatus,
  errorFromTransport,
  malformedError,
  parseRetryAfter,
  timeoutError,
  type FailedRequest,
} from './wire-errors';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
export type QueryValue = string | number | boolean | null | undefined;

/** Structural: MAIN's TokenVault satisfies it. `origin` is where the request goes; the vault refuses any other than the token's. */
export interface TokenAccess {
  withToken<T>(profileId: string, origin: string, use: (token: string) => Promise<T>): Promise<T>;
}

export interface ApiProfile {
  id: string;
  baseUrl: string;
  readOnly?: boolean;
  /** The largest response body main reads, in MB (1 MB = 2^20 bytes); default DEFAULT_MAX_RESPONSE_MB. */
  maxResponseMb?: number | undefined;
}


/** What the client may log: never headers, bodies or the full URL's secrets (there are none in it). */
export interface ApiLogEntry {
  level: 'debug' | 'warn';
  message: string;
  method: string;
  path: string;
  status?: number;
  attempt?: number;
  durationMs?: number;
  code?: string;
}

export interface RetryTuning {
  /** Per-attempt timeout, headers and body included. */
  timeoutMs: number;
  /** Attempts for a request that may be retried (reads, and writes carrying an Idempotency-Key). */
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** No retry starts after this much time since the first attempt. */
  totalBudgetMs: number;
  /** The longest Retry-After the client waits by itself; longer → `rate_limited` to the caller. */
  maxRetryAfterSeconds: number;
  /** How many 429s one request may wait out (they do not count as attempts). */
  maxRateLimitWaits: number;
  maxRedirects: number;
}

export const defaultRetryTuning: RetryTuning = {
  timeoutMs: 15_000,
  maxAttempts: 4,
  baseDelayMs: 250,
  maxDelayMs: 4_000,
  totalBudgetMs: 45_000,
  maxRetryAfterSeconds: 20,
  maxRateLimitWaits: 5,
  maxRedirects: 3,
};

export interface HttpDeps {
  vault: TokenAccess;
  scheduler: RequestScheduler;
  fetch?: typeof fetch;
  now?: () => number;
  random?: () => number;
  log?: (entry: ApiLogEntry) => void;
  tuning?: Partial<RetryTuning>;
}

export interface ApiRequest {
  method: HttpMethod;
  /** Relative to the base URL, starting with '/'. Ids inside must already be encoded. */
  path: string;
  query?: Record<string, QueryValue>;
  body?: unknown;
  /** Writes: the key that makes a retried write act once. Its presence makes the write retryable. */
  idempotencyKey?: string;
  signal?: AbortSignal;
  /** Override the per-attempt timeout. */
  timeoutMs?: number;
  /** Attempts override (e.g. 1 for a connection test that must report the first failure). */
  maxAttempts?: number;
}

export interface ApiResponse {
  status: number;
  headers: Headers;
  body: unknown;
}

/**
 * Encodes one id for a path segment. Ids are opaque, but never a dot segment, a separator or a
 * line break, however encoded (shared/resource-id.ts): such an id would point at another resource.
 */
export function pathId(id: string): string {
  const problem = resourceIdProblem(id);
  if (problem) throw new AppError('invalid_input', `Refused an id that could change the request's path: ${problem}`, { details: { reason: 'unsafe_id' } });
  return encodeURIComponent(id);
}

/**
 * The Idempotency-Key for one operator action on one operation: the renderer sends the same
 * `actionId` when it retries the same click, so a retried write repeats the key. Hashing the
 * operation in keeps two different operations that reuse an actionId by mistake from colliding.
 */
export function idempotencyKeyFor(profileId: string, operation: string, actionId: string): string {
  return createHash('sha256').update(`${profileId}\u0000${operation}\u0000${actionId}`).digest('hex').slice(0, 40);
}

function originOf(url: URL): string {
  return `${url.protocol}//${url.host}`;
}

const RETRYABLE_STATUSES = new Set([500, 502, 503, 504]);

/** The body was larger than the profile allows; reading stopped (final, not retried). */
class ResponseTooLarge extends Error {
  constructor(readonly limitBytes: number) {
    super('response too large');
  }
}

/**
 * Reads a body as text, never holding more than `limitBytes` of it: a `Content-Length` above the
 * limit is refused before reading, and the bytes are counted as they stream (a chunked body has no
 * length, and a length may lie), cancelling the stream as soon as the count passes the limit.
 */
async function readBoundedText(response: Response, limitBytes: number): Promise<string> {
  const declared = Number(response.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > limitBytes) {
    await response.body?.cancel().catch(() => undefined);
    throw new ResponseTooLarge(limitBytes);
  }
  if (!response.body) return '';
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let received = 0;
  let text = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    received += value.byteLength;
    if (received > limitBytes) {
      await reader.cancel().catch(() => undefined);
      throw new ResponseTooLarge(limitBytes);
    }
    text += decoder.decode(value, { stream: true });
  }
  return text + decoder.decode();
}

/** A fetch or body read that failed at the transport level (never carries the request's headers out). */
class TransportFailure extends Error {
  constructor(readonly original: unknown) {
    super('transport failure');
  }
}

type AttemptOutcome =
  | { kind: 'response'; status: number; headers: Headers; text: string; tokenRejection?: TokenRejection }
  | { kind: 'error'; error: AppError; retryable: boolean };

export class PlatformHttp {
  readonly baseUrl: string;
  private readonly base: URL;
  private readonly fetchImpl: typeof fetch;
  private readonly now: () => number;
  private readonly random: () => number;
  private readonly tuning: RetryTuning;
  private readonly maxResponseBytes: number;

  constructor(
    readonly profile: ApiProfile,
    private readonly deps: HttpDeps,
  ) {
    const problem = baseUrlProblem(profile.baseUrl);
    if (problem) throw new AppError('invalid_input', `The profile's base URL is refused: ${problem}`);
    this.baseUrl = normalizeBaseUrl(profile.baseUrl);
    this.base = new URL(this.baseUrl);
    this.fetchImpl = deps.fetch ?? fetch;
    this.now = deps.now ?? Date.now;
    this.random = deps.random ?? Math.random;
    this.tuning = { ...defaultRetryTuning, ...deps.tuning };
    this.maxResponseBytes = Math.round((profile.maxResponseMb ?? DEFAULT_MAX_RESPONSE_MB) * 1024 * 1024);
  }

  /** This profile's scheduler (its pace is shown in tests and could be in a status bar). */
  get scheduler(): RequestScheduler {
    return this.deps.scheduler;
  }

  /** The exact origin the token may be sent to. */
  get origin(): string {
    return originOf(this.base);
  }

  buildUrl(path: string, query?: Record<string, QueryValue>): URL {
    if (!path.startsWith('/')) throw new Error(`API paths start with '/': ${path}`);
    const url = new URL(this.baseUrl + path);
    // Checked after resolution: a path can never move the request off the profile's origin
    // ('//evil'), above its base path, or to another resource by dot segments ('/../', '%2e%2e').
    const basePath = this.base.pathname === '/' ? '' : this.base.pathname;
    const underBase = url.pathname === basePath || url.pathname.startsWith(`${basePath}/`);
    const resolvedAsWritten = url.pathname === basePath + path && !path.includes('//');
    if (originOf(url) !== this.origin || !underBase || !resolvedAsWritten) {
      throw new AppError('invalid_input', 'Refused a request outside the profile’s base URL.', { details: { reason: 'path_outside_base' } });
    }
    for (const [key, value] of Object.entries(query ?? {})) {
      if (value === undefined || value === null || value === '') continue;
      url.searchParams.set(key, String(value));
    }
    return url;
  }

  async send(request: ApiRequest): Promise<ApiResponse> {
    const url = this.buildUrl(request.path, request.query);
    const info: FailedRequest = { method: request.method, path: request.path };
    const retryable = request.method === 'GET' || request.idempotencyKey !== undefined;
    const maxAttempts = request.maxAttempts ?? (retryable ? this.tuning.maxAttempts : 1);
    // The time budget starts with the first attempt, not while queued behind other requests.
    let started: number | null = null;
    // 429s are counted apart: the server refused before acting, and its Retry-After paces us.
    let rateLimitWaits = 0;
    for (let attempt = 1; ; attempt++) {
      if (request.signal?.aborted) throw cancelledError();
      let attemptStarted = this.now();
      const outcome = await this.deps.scheduler.run(() => {
        attemptStarted = this.now();
        started ??= attemptStarted;
        return this.attempt(url, request, info);
      }, request.signal, { first: attempt > 1 || rateLimitWaits > 0 });
      const withinBudget = this.now() - (started ?? attemptStarted) < this.tuning.totalBudgetMs;
      const canRetry = attempt < maxAttempts && withinBudget;

      if (outcome.kind === 'error') {
        this.log({ level: 'warn', message: 'request failed', ...info, attempt, code: outcome.error.code, durationMs: this.now() - attemptStarted });
        if (outcome.retryable && canRetry) {
          await abortableSleep(this.backoffMs(attempt), request.signal);
          continue;
        }
        throw outcome.error;
      }

      this.deps.scheduler.observe(outcome.headers);
      const { status } = outcome;
      this.log({ level: 'debug', message: 'request answered', ...info, attempt, status, durationMs: this.now() - attemptStarted });

      if (status === 429) {
        const waitSeconds = parseRetryAfter(outcome.headers.get('retry-after'), this.now()) ?? 1;
        this.deps.scheduler.pauseFor(waitSeconds);
        rateLimitWaits++;
        const mayWait = request.maxAttempts === undefined || attempt < request.maxAttempts;
        if (mayWait && withinBudget && rateLimitWaits <= this.tuning.maxRateLimitWaits && waitSeconds <= this.tuning.maxRetryAfterSeconds) {
          // A 429 was never processed, so even a write without a key may wait and go again.
          await abortableSleep(waitSeconds * 1000 + this.random() * 250, request.signal);
          attempt--; // a 429 does not use up one of the attempts
          continue;
        }
        throw errorFromStatus(info, { status, body: parseJsonLoosely(outcome.text), retryAfterSeconds: waitSeconds });
      }
      // 409 on a keyed write: the first attempt is still being processed; its stored answer follows.
      const inProgress = status === 409 && request.idempotencyKey !== undefined;
      if ((RETRYABLE_STATUSES.has(status) && retryable && canRetry) || (inProgress && canRetry)) {
        await abortableSleep(this.backoffMs(attempt), request.signal);
        continue;
      }
      if (status >= 400) {
        throw errorFromStatus(info, {
          status,
          body: parseJsonLoosely(outcome.text),
          retryAfterSeconds: parseRetryAfter(outcome.headers.get('retry-after'), this.now()),
          tokenRejection: outcome.tokenRejection,
        });
      }
      if (status >= 300) {
        throw new AppError('server', `Unexpected redirect answer ${status} on ${info.method} ${info.path}.`, { status });
      }
      return { status, headers: outcome.headers, body: parseJsonStrictly(outcome.text, info) };
    }
  }

  /** Exponential backoff with full jitter, capped. */
  private backoffMs(attempt: number): number {
    const ceiling = Math.min(this.tuning.maxDelayMs, this.tuning.baseDelayMs * 2 ** (attempt - 1));
    return Math.round(ceiling / 2 + (this.random() * ceiling) / 2);
  }

  /** One attempt: timeout, token, same-origin redirects, body read. Never throws except on cancel. */
  private async attempt(url: URL, request: ApiRequest, info: FailedRequest): Promise<AttemptOutcome> {
    const timeoutMs = request.timeoutMs ?? this.tuning.timeoutMs;
    // One controller for both the caller's cancel and this attempt's timeout: cheaper per request
    // than AbortSignal.any, which links a new composite signal to the caller's long-lived one (an
    // export's) on every request.
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, timeoutMs);
    const onCancel = () => controller.abort();
    request.signal?.addEventListener('abort', onCancel, { once: true });
    if (request.signal?.aborted) controller.abort();
    const signal = controller.signal;
    const headers: Record<string, string> = { Accept: 'application/json' };
    let body: string | undefined;
    if (request.body !== undefined) {
      headers['Content-Type'] = 'application/json';
      body = JSON.stringify(request.body);
    }
    if (request.idempotencyKey !== undefined) headers['Idempotency-Key'] = request.idempotencyKey;
    try {
      const { response, tokenRejection } = await this.deps.vault.withToken(this.profile.id, originOf(url), async (token) => {
        const response = await this.fetchFollowingSameOrigin(url, request.method, headers, body, token, signal);
        // Only the verdict leaves this scope, never the token or its claims.
        const rejection = response.status === 401 ? tokenRejectionReason(token, this.now()) : undefined;
        return { response, tokenRejection: rejection };
      });
      let text: string;
      try {
        text = await readBoundedText(response, this.maxResponseBytes);
      } catch (error) {
        if (error instanceof ResponseTooLarge) throw error;
        throw new TransportFailure(error);
      }
      return { kind: 'response', status: response.status, headers: response.headers, text, ...(tokenRejection ? { tokenRejection } : {}) };
    } catch (error) {
      if (request.signal?.aborted) throw cancelledError();
      if (timedOut) return { kind: 'error', error: timeoutError(info, timeoutMs), retryable: true };
      if (error instanceof TransportFailure) return { kind: 'error', error: errorFromTransport(info, error.original), retryable: true };
      if (error instanceof ResponseTooLarge) {
        const limitMb = Math.round((error.limitBytes / (1024 * 1024)) * 100) / 100;
        return {
          kind: 'error',
          error: new AppError('response_too_large', `The answer to ${info.method} ${info.path} is larger than this profile's limit of ${limitMb} MB; it was not read.`, {
            details: { limitMb },
          }),
          retryable: false,
        };
      }
      // Errors we raised ourselves (cross-origin redirect) or the vault's (no token) are final.
      if (isAppError(error)) return { kind: 'error', error, retryable: false };
      // Anything else (a vault bug…) is not a network problem; its text is not passed on.
      return { kind: 'error', error: new AppError('internal', 'The request could not be prepared.'), retryable: false };
    } finally {
      clearTimeout(timer);
      request.signal?.removeEventListener('abort', onCancel);
    }
  }

  private async fetchFollowingSameOrigin(
    url: URL,
    method: HttpMethod,
    baseHeaders: Record<string, string>,
    body: string | undefined,
    token: string,
    signal: AbortSignal,
  ): Promise<Response> {
    let current = url;
    for (let hop = 0; ; hop++) {
      // The Authorization header is built for exactly one origin: the profile's.
      if (originOf(current) !== this.origin) {
        throw new AppError('server', `The server redirected to another origin (${originOf(current)}); the request was stopped so the token stays with ${this.origin}.`, {
          details: { reason: 'cross_origin_redirect' },
        });
      }
      let response: Response;
      try {
        response = await this.fetchImpl(current, {
          method,
          headers: { ...baseHeaders, Authorization: `Bearer ${token}` },
          ...(body !== undefined ? { body } : {}),
          redirect: 'manual',
          signal,
        });
      } catch (error) {
        throw new TransportFailure(error);
      }
      const location = response.headers.get('location');
      if (response.status < 300 || response.status >= 400 || location === null) return response;
      // Only method-preserving redirects are followed for writes; 301/302/303 would turn them into GETs.
      if (method !== 'GET' && response.status !== 307 && response.status !== 308) return response;
      if (hop >= this.tuning.maxRedirects) return response;
      await response.body?.cancel();
      current = new URL(location, current);
    }
  }

  private log(entry: ApiLogEntry): void {
    try {
      this.deps.log?.(entry);
    } catch {
      // Logging must never change a request's outcome.
    }
  }
}

function parseJsonLoosely(text: string): unknown {
  if (text.trim() === '') return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}

function parseJsonStrictly(text: string, info: FailedRequest): unknown {
  if (text.trim() === '') return null; // 204 and empty 200s
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw malformedError(info, 'the body is not valid JSON');
  }
}
