// Events, their detail, redelivery, the delivery log and received webhooks. Lists are infinite
// queries over whatever pagination the server gives (cursor, page or a full bare list).
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { call, IpcCallError } from '../bridge/ipc';
import type { DispatchesListInput, EventsListInput } from '../../shared/ipc/channels/events';
import type { ReceivedWebhooksListInput } from '../../shared/ipc/channels/webhooks';
import { queryKeys } from './keys';
import { nextPageParam, type PageParam } from './list-pages';

type Unpaged<T> = Omit<T, 'cursor' | 'page'>;

export function useEvents(input: Unpaged<EventsListInput> = {}) {
  return useInfiniteQuery({
    queryKey: queryKeys.events.list(input),
    initialPageParam: null as PageParam,
    queryFn: ({ pageParam, signal }) => call('events:list', { ...input, ...(pageParam ?? {}) }, { signal }),
    getNextPageParam: (last, pages) => nextPageParam(last, pages.length),
  });
}

export function useEvent(id: string | undefined) {
  return useQuery({
    queryKey: queryKeys.events.detail(id ?? ''),
    queryFn: ({ signal }) => call('events:get', { id: id ?? '' }, { signal }),
    enabled: !!id,
  });
}

export function useRedeliverEvent() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { id: string; actionId: string; endpointId?: string }) => call('events:redeliver', input),
    onSuccess: async (_dispatch, input) => {
      // The event gains an attempt and may change status; the delivery log gains a row.
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: queryKeys.events.detail(input.id) }),
        queryClient.invalidateQueries({ queryKey: queryKeys.events.lists() }),
        queryClient.invalidateQueries({ queryKey: queryKeys.dispatches.all }),
      ]);
    },
    onError: (error) => {
      if (error instanceof IpcCallError && error.code === 'unsupported') void queryClient.invalidateQueries({ queryKey: queryKeys.capabilities.all });
    },
  });
}

export function useDispatches(input: Unpaged<DispatchesListInput> = {}) {
  return useInfiniteQuery({
    queryKey: queryKeys.dispatches.list(input),
    initialPageParam: null as PageParam,
    queryFn: ({ pageParam, signal }) => call('events:dispatches', { ...input, ...(pageParam ?? {}) }, { signal }),
    getNextPageParam: (last, pages) => nextPageParam(last, pages.length),
  });
}

export function useReceivedWebhooks(input: Unpaged<ReceivedWebhooksListInput> = {}) {
  return useInfiniteQuery({
    queryKey: queryKeys.receivedWebhooks.list(input),
    initialPageParam: null as PageParam,
    queryFn: ({ pageParam, signal }) => call('webhooks:received', { ...input, ...(pageParam ?? {}) }, { signal }),
    getNextPageParam: (last, pages) => nextPageParam(last, pages.length),
  });
}
