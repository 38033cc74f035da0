// The one error type that crosses the main-process → IPC boundary. Handlers and services throw
// AppError; the dispatcher turns it into `{ ok: false, error }`. Anything else thrown becomes
// `internal` with a generic message, so a stray exception can never carry a secret to the renderer.
import type { IpcError, IpcErrorCode } from './ipc/kit';

export interface AppErrorOptions {
  status?: number;
  fields?: Record<string, string[]>;
  retryAfter?: number;
  details?: Record<string, string | number | boolean | null>;
  cause?: unknown;
}

export class AppError extends Error {
  readonly code: IpcErrorCode;
  readonly status: number | undefined;
  readonly fields: Record<string, string[]> | undefined;
  readonly retryAfter: number | undefined;
  readonly details: Record<string, string | number | boolean | null> | undefined;

  constructor(code: IpcErrorCode, message: string, options: AppErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'AppError';
    this.code = code;
    this.status = options.status;
    this.fields = options.fields;
    this.retryAfter = options.retryAfter;
    this.details = options.details;
  }

  toIpcError(): IpcError {
    const error: IpcError = { code: this.code, message: this.message };
    if (this.status !== undefined) error.status = this.status;
    if (this.fields !== undefined) error.fields = this.fields;
    if (this.retryAfter !== undefined) error.retryAfter = this.retryAfter;
    if (this.details !== undefined) error.details = this.details;
    return error;
  }
}

export function isAppError(value: unknown): value is AppError {
  return value instanceof AppError;
}
