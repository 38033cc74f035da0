// Turns whatever stopped a job into the IPC error shape the renderer already knows how to show.
// Only AppErrors keep their message: anything else becomes a generic `internal` (a stray error
// text could hold something it should not).
import { isAppError } from '../../shared/app-error';
import type { IpcError } from '../../shared/ipc/kit';

export function toIpcError(error: unknown): IpcError {
  if (isAppError(error)) return error.toIpcError();
  if (error instanceof Error && error.name === 'AbortError') return { code: 'cancelled', message: 'Cancelled.' };
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && ['EACCES', 'ENOENT', 'ENOSPC', 'EROFS', 'EEXIST', 'EISDIR'].includes(code)) {
    return { code: 'internal', message: `Could not write the file (${code}). Check the folder exists, is writable and has free space.` };
  }
  return { code: 'internal', message: 'The job stopped because of an unexpected error.' };
}

/** A short English reason for one event's outcome line in a summary. */
export function outcomeReason(error: unknown): string {
  const ipc = toIpcError(error);
  return `${ipc.code}: ${ipc.message}`;
}
