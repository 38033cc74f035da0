// An endpoint's recent delivery health from its newest attempts in the delivery log: the last
// result and the success rate. Cached under the dispatches key so a test ping refreshes it.
import { useQuery } from '@tanstack/react-query';
import { call } from '../bridge/ipc';
import { queryKeys } from './keys';

export interface EndpointHealth {
  attempts: number;
  succeeded: number;
  last: { status: string; code: number | null; error: string | null; at: string | null } | null;
}

export function useEndpointHealth(endpointId: string) {
  return useQuery({
    queryKey: [...queryKeys.dispatches.all, 'endpoint-health', endpointId],
    queryFn: async ({ signal }): Promise<EndpointHealth> => {
      const list = await call('events:dispatches', { filters: { endpoint_id: endpointId }, limit: 50 }, { signal });
      const done = list.items.filter((d) => d.status !== 'pending');
      const last = done[0];
      return {
        attempts: done.length,
        succeeded: done.filter((d) => d.status === 'succeeded').length,
        last: last ? { status: last.status ?? 'unknown', code: last.attempt_response_code ?? null, error: last.error ?? null, at: last.attempted_at ?? null } : null,
      };
    },
  });
}
