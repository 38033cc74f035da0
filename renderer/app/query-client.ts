// The one TanStack Query client. Main's API client already retries transient failures with
// backoff and honours Retry-After, so the renderer does not retry on top of it — except once for
// a dropped network, which may have been the machine waking up. Errors a retry cannot fix
// (401, 403, 404, 422, 429, invalid token, read-only…) never retry.
//
// networkMode 'always': the renderer makes no network calls, only IPC to main, so the browser's
// online flag says nothing about whether a request can succeed. With TanStack's default ('online')
// every query and mutation paused while the machine was offline — even a theme switch, and even
// against the sandbox on loopback, which offline does not touch. Main answers an unreachable API
// with an `offline` or `network` error, which the screens show (and refetchOnReconnect retries).
import { MutationCache, QueryClient } from '@tanstack/react-query';
import { notifications } from '@mantine/notifications';
import { IpcCallError } from '../bridge/ipc';
import { errorMessage } from '../errors/error-message';
import { i18next } from '../i18n';

const retryableCodes = new Set(['network', 'offline']);

export function shouldRetry(failureCount: number, error: unknown): boolean {
  return error instanceof IpcCallError && retryableCodes.has(error.code) && failureCount < 1;
}

declare module '@tanstack/react-query' {
  interface Register {
    /** `meta.silentError: true`: the mutation shows its own error inline; skip the toast. */
    mutationMeta: { silentError?: boolean };
  }
}

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { retry: shouldRetry, refetchOnWindowFocus: false, staleTime: 15_000, networkMode: 'always' },
      mutations: { retry: false, networkMode: 'always' },
    },
    mutationCache: new MutationCache({
      onError: (error, _variables, _context, mutation) => {
        if (mutation.meta?.silentError) return;
        if (error instanceof IpcCallError && error.code === 'cancelled') return;
        notifications.show({ color: 'red', title: i18next.t('errors.title'), message: errorMessage(i18next.t, error), autoClose: 10_000 });
      },
    }),
  });
}
