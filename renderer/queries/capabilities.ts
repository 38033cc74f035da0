// What the active profile's server supports, and the connection checks of the Settings screen.
import { useMutation, useQuery } from '@tanstack/react-query';
import { call } from '../bridge/ipc';
import { queryKeys } from './keys';

/** Probes the optional read routes once; write-only routes become known on first use. */
export function useCapabilities() {
  return useQuery({
    queryKey: queryKeys.capabilities.all,
    queryFn: ({ signal }) => call('capabilities:get', { probe: true }, { signal }),
    staleTime: 5 * 60_000,
  });
}

/** A connection test is an action (it reports latency now), not cached state. */
export function useConnectionTest() {
  return useMutation({ mutationFn: (input: { profileId?: string }) => call('connection:test', input) });
}

export function useDetectBasePath() {
  return useMutation({ mutationFn: (input: { profileId?: string }) => call('connection:detectBasePath', input) });
}
