// The payload index lives in main; the renderer mirrors each profile's status (`payloadIndex:status`
// once, then every `payloadIndex:progress` event replaces it) and asks for searches. The search
// term stays in component state and in this query's key only: it is never put in the URL, a saved
// view or any setting, so it is not written anywhere (docs/payload-index.md).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { bridge, call } from '../bridge/ipc';
import type { EventsFilters } from '../../shared/ipc/channels/events';
import type { PayloadIndexStatus } from '../../shared/ipc/channels/payload-index';

const statusKey = (profileId: string) => ['session', 'payload-index', profileId] as const;

export function usePayloadIndexStatus(profileId: string | null) {
  const queryClient = useQueryClient();
  useEffect(
    () => bridge().on('payloadIndex:progress', (status) => queryClient.setQueryData<PayloadIndexStatus>(statusKey(status.profileId), status)),
    [queryClient],
  );
  return useQuery({
    queryKey: statusKey(profileId ?? ''),
    queryFn: ({ signal }) => call('payloadIndex:status', { profileId: profileId! }, { signal }),
    enabled: profileId !== null,
    staleTime: Infinity,
  });
}

type Action = 'payloadIndex:disable' | 'payloadIndex:pause' | 'payloadIndex:resume' | 'payloadIndex:forget';

export function usePayloadIndexAction() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { action: Action; profileId: string } | { action: 'payloadIndex:enable'; profileId: string; windowDays: 7 | 30 }) =>
      input.action === 'payloadIndex:enable'
        ? call(input.action, { profileId: input.profileId, windowDays: input.windowDays })
        : call(input.action, { profileId: input.profileId }),
    onSuccess: (status) => {
      queryClient.setQueryData(statusKey(status.profileId), status);
      void queryClient.invalidateQueries({ queryKey: ['session', 'payload-search'] });
    },
  });
}

export function usePayloadSearch(query: string, filters: EventsFilters, enabled: boolean) {
  return useQuery({
    queryKey: ['session', 'payload-search', query, filters] as const,
    queryFn: ({ signal }) => call('payloadIndex:search', { query, filters }, { signal }),
    enabled: enabled && query.trim().length > 0,
    // Results are a snapshot of the index; a new search or a change of filters asks again.
    staleTime: 10_000,
    gcTime: 0,
  });
}
