// One place that turns any error into words for the operator: what happened and what to do.
// IPC errors carry a code (shared/ipc/kit.ts) and each code has an `errors.<code>` message in both
// catalogues; 401 picks a more specific message from `details.reason`, 429 says how long to wait.
import type { TFunction } from 'i18next';
import { IpcCallError } from '../bridge/ipc';

export interface ErrorText {
  message: string;
  /** 422 (or invalid IPC input) per-field messages, shown as a list under the message. */
  fields: Array<{ field: string; messages: string[] }>;
}

const unauthenticatedReasons = new Set(['expired', 'revoked', 'invalid']);

export function errorText(t: TFunction, error: unknown): ErrorText {
  if (!(error instanceof IpcCallError)) {
    return { message: t('errors.internal'), fields: [] };
  }
  const fields = Object.entries(error.fields ?? {}).map(([field, messages]) => ({ field, messages }));
  switch (error.code) {
    case 'unauthenticated': {
      const reason = error.details?.reason;
      const key = typeof reason === 'string' && unauthenticatedReasons.has(reason) ? `errors.unauthenticated_${reason}` : 'errors.unauthenticated';
      return { message: t(key), fields };
    }
    case 'rate_limited':
      return {
        message: error.retryAfter !== undefined ? t('errors.rate_limited', { seconds: Math.ceil(error.retryAfter) }) : t('errors.rate_limited_unknown'),
        fields,
      };
    case 'bad_request':
      // The server's own words are the explanation (an unknown filter, a malformed parameter).
      return { message: t('errors.bad_request', { message: error.message }), fields: [] };
    case 'server':
      return { message: t('errors.server', { status: error.status ?? '5xx' }), fields };
    case 'response_too_large':
      return { message: t('errors.response_too_large', { limitMb: error.details?.limitMb ?? '?' }), fields };
    default:
      return { message: t(`errors.${error.code}`), fields };
  }
}

/** Single-line form for notifications. */
export function errorMessage(t: TFunction, error: unknown): string {
  const text = errorText(t, error);
  if (text.fields.length === 0) return text.message;
  return `${text.message} ${text.fields.map((f) => `${f.field}: ${f.messages.join(' ')}`).join(' · ')}`;
}
