// What the active profile's server supports, and the connection checks of the Settings screen.
import { useMutation, useQuery } from '@tanstack/react-query';
import { call } from '../bridge/ipc';
import type { ConnectionTestResult } from '../../shared/ipc/channels/connection';
import { queryKeys } from './keys';

/** Probes the optional read routes once; write-only routes become known on first use. */
export function useCapabilities() {
  return useQuery({
    queryKey: queryKeys.capabilities.all,
    queryFn: ({ signal }) => call('capabilities:get', { probe: true }, { signal }),
    staleTime: 5 * 60_000,
  });
}

/**
 * A connection test of a saved profile is an action (it reports latency now), not cached state.
 * Its failures are shown inline by the caller (Settings, onboarding), so no error toast.
 */
export function useConnectionTest(profileId: string, callbacks: { onSuccess?: (result: ConnectionTestResult) => void } = {}) {
  return useMutation({
    meta: { silentError: true },
    mutationFn: () => call('connection:test', { profileId }),
    onSuccess: (result) => callbacks.onSuccess?.(result),
  });
}

/** Where the API answers under a saved profile's URL (shown inline by Settings). */
export function useDetectBasePath(profileId: string) {
  return useMutation({ meta: { silentError: true }, mutationFn: () => call('connection:detectBasePath', { profileId }) });
}
