// The error model: every way a platform request can fail becomes one AppError code (the same codes
// cross IPC; the renderer has an i18n message per code). Messages here are English fallbacks and
// never contain the token, headers or the request body.
import { AppError } from '../../shared/app-error';
import { errorBodySchema, validationErrorBodySchema } from '../../shared/api/errors';
import type { TokenRejection } from './token-claims';

/** Route facts the error mapping needs. */
export interface FailedRequest {
  method: string;
  /** Path relative to the base URL, without the query (safe to show). */
  path: string;
}

function serverMessage(body: unknown): string | undefined {
  const parsed = errorBodySchema.safeParse(body);
  return parsed.success && parsed.data.message.trim() !== '' ? parsed.data.message.slice(0, 300) : undefined;
}

const UNAUTHENTICATED_MESSAGES: Record<TokenRejection, string> = {
  expired: 'The API token has expired. Generate a new token in the Dashboard and replace it in this profile.',
  malformed: 'The stored API token is not a valid JWT. Paste the token again exactly as the Dashboard showed it.',
  rejected: 'The server refused the API token (revoked, or issued for another account or server). Replace it in this profile.',
};

/** Seconds from a `Retry-After` header (delta-seconds or an HTTP date); null when absent or unreadable. */
export function parseRetryAfter(value: string | null, nowMs: number): number | null {
  if (value === null || value.trim() === '') return null;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Number(trimmed);
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return null;
  return Math.max(0, (date - nowMs) / 1000);
}

export interface HttpFailure {
  status: number;
  body: unknown;
  retryAfterSeconds: number | null;
  /** Set for 401, decided from the token's claims inside the vault scope. */
  tokenRejection?: TokenRejection | undefined;
}

/** Maps an HTTP error status (≥ 400) onto an AppError. */
export function errorFromStatus(request: FailedRequest, failure: HttpFailure): AppError {
  const { status, body } = failure;
  const said = serverMessage(body);
  const route = `${request.method} ${request.path}`;
  if (status === 401) {
    const reason = failure.tokenRejection ?? 'rejected';
    return new AppError('unauthenticated', UNAUTHENTICATED_MESSAGES[reason], { status, details: { reason } });
  }
  if (status === 403) {
    return new AppError('forbidden', `The token is not allowed to do this (${route}).`, { status });
  }
  if (status === 404 || status === 410) {
    return new AppError('not_found', `Not found: ${route}. It may have been deleted, or the id is wrong.`, { status });
  }
  if (status === 405) {
    return new AppError('unsupported', `This server does not support ${route}.`, { status });
  }
  if (status === 409) {
    return new AppError('conflict', said ?? `The server reported a conflict for ${route}.`, { status });
  }
  if (status === 422) {
    const parsed = validationErrorBodySchema.safeParse(body);
    const fields = parsed.success ? parsed.data.errors : undefined;
    return new AppError('validation', said ?? 'The server rejected the data sent.', { status, ...(fields ? { fields } : {}) });
  }
  if (status === 400) {
    // A 400 is a bad request (an unknown filter or sort, a malformed parameter), never field
    // validation: the server's own message is what the operator needs to read (docs/api-contract.md §8).
    return new AppError('bad_request', said ?? `The server refused the request ${route} as malformed (400).`, { status });
  }
  if (status === 429) {
    const retryAfter = Math.ceil(failure.retryAfterSeconds ?? 1);
    return new AppError('rate_limited', `Too many requests: the server asks to wait ${retryAfter} s before trying again.`, {
      status,
      retryAfter,
    });
  }
  if (status >= 500) {
    return new AppError('server', `The server failed (${status}) on ${route}. Try again in a moment.`, { status });
  }
  return new AppError('server', `Unexpected answer ${status} from the server on ${route}.`, { status });
}

// Error codes from Node's network stack that mean "this machine has no route out" rather than
// "that server misbehaved".
const OFFLINE_CODES = new Set(['ENOTFOUND', 'EAI_AGAIN', 'ENETUNREACH', 'ENETDOWN', 'EHOSTUNREACH']);

function networkCode(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current && typeof current === 'object'; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

/** A fetch that threw (no HTTP answer): offline or network. The original error is not attached. */
export function errorFromTransport(request: FailedRequest, error: unknown): AppError {
  const code = networkCode(error);
  if (code && OFFLINE_CODES.has(code)) {
    return new AppError('offline', 'The server cannot be reached: check the network connection and the base URL.', {
      details: { cause: code },
    });
  }
  return new AppError('network', `The connection failed during ${request.method} ${request.path}${code ? ` (${code})` : ''}.`, {
    details: { cause: code ?? 'connection_failed' },
  });
}

export function timeoutError(request: FailedRequest, timeoutMs: number): AppError {
  return new AppError('timeout', `The server did not answer ${request.method} ${request.path} within ${Math.round(timeoutMs / 1000)} s.`, {
    details: { timeoutMs },
  });
}

export function cancelledError(): AppError {
  return new AppError('cancelled', 'The request was cancelled.');
}

export function malformedError(request: FailedRequest, what: string): AppError {
  return new AppError('malformed_response', `The server's answer to ${request.method} ${request.path} could not be read: ${what}.`);
}
