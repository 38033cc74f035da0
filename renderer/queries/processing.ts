// Events, their detail, redelivery, the delivery log and received webhooks. Lists are infinite
// queries over whatever pagination the server gives (cursor, page or a full bare list).
import { infiniteQueryOptions, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { call, IpcCallError } from '../bridge/ipc';
import { markOnce, perfMarks } from '../app/perf-marks';
import type { DispatchesListInput, EventsFilters } from '../../shared/ipc/channels/events';
import type { ReceivedWebhooksListInput } from '../../shared/ipc/channels/webhooks';
import { queryKeys } from './keys';
import { nextPageParam, type PageParam } from './list-pages';

type Unpaged<T> = Omit<T, 'cursor' | 'page'>;

/** The largest page the contract allows: the Events list loads 100 rows per request. */
export const EVENTS_PAGE_SIZE = 100;

/**
 * The Events list, newest first, as keyset pages. `anchor` (an ISO time) is part of the key: the
 * screen fixes relative ranges ("last 24 h") to it, and a new anchor is a new list. Pages are
 * anchored by cursor, so events arriving later never shift what is loaded (live tail adds them on top).
 * The same options serve the screen and the route's beforeLoad, which starts the first page while the
 * screen's code and first render are still under way (screens/events/route.tsx).
 */
export function eventPagesQuery(filters: EventsFilters, anchor: string) {
  const input = { filters, sort: '-created_at' as const, limit: EVENTS_PAGE_SIZE };
  return infiniteQueryOptions({
    queryKey: queryKeys.events.pages(input, anchor),
    initialPageParam: null as PageParam,
    queryFn: async ({ pageParam, signal }) => {
      // The first page is what the operator waits for on arriving: mark its IPC call (app/perf-marks.ts).
      if (!pageParam) markOnce(perfMarks.eventsQueryStart);
      const page = await call('events:list', { ...input, ...(pageParam ?? {}) }, { signal });
      if (!pageParam) markOnce(perfMarks.eventsIpcEnd);
      return page;
    },
    getNextPageParam: (last, pages) => nextPageParam(last, pages.length),
    // A loaded keyset page never changes; Refresh is a new anchor, not a refetch.
    staleTime: Infinity,
    // Structural sharing would deep-compare every loaded row on each new page: O(rows) per page,
    // minutes of work by 100,000 rows. Keyset pages are immutable, so there is nothing to share.
    structuralSharing: false,
    // Keep what is loaded on screen while a refetch of the same view runs.
    placeholderData: (previous) => previous,
  });
}

export function useEventPages(filters: EventsFilters, anchor: string) {
  return useInfiniteQuery(eventPagesQuery(filters, anchor));
}

/** Polls for events newer than `since` (live tail). Disabled when `since` is unknown or the tail is off. */
export function useNewerEvents(filters: EventsFilters, since: string | undefined, enabled: boolean, intervalMs = 3000) {
  return useQuery({
    queryKey: queryKeys.events.tail(filters, since ?? ''),
    enabled: enabled && !!since,
    refetchInterval: intervalMs,
    queryFn: ({ signal }) => {
      // The filter's own lower bound may be later than `since` (custom range): keep the tighter one.
      const lower = filters.created_at_greater_than && since && filters.created_at_greater_than > since ? filters.created_at_greater_than : since;
      // Oldest first: a burst of more than one page arrives over successive polls, with no gap.
      return call('events:list', { filters: { ...filters, created_at_greater_than: lower }, sort: 'created_at', limit: EVENTS_PAGE_SIZE }, { signal });
    },
  });
}

/** One event with its payload and every attempt; follows a pending attempt (e.g. a redelivery) until it settles. */
export function useEvent(id: string | undefined) {
  return useQuery({
    queryKey: queryKeys.events.detail(id ?? ''),
    queryFn: ({ signal }) => call('events:get', { id: id ?? '' }, { signal }),
    enabled: !!id,
    refetchInterval: (query) => {
      const data = query.state.data;
      // (A retry scheduled hours ahead is not worth polling for.)
      const soon = (at: string | null | undefined) => !at || Date.parse(at) - Date.now() < 60_000;
      const busy = data?.status === 'dispatching' || data?.dispatches?.some((d) => d.status === 'pending' && soon(d.next_retry_at));
      return busy ? 1500 : false;
    },
  });
}

export function useRedeliverEvent() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { id: string; actionId: string; endpointId?: string }) => call('events:redeliver', input),
    onSuccess: async (_dispatch, input) => {
      // The event gains an attempt (its detail follows it until it settles) and the delivery log a row.
      // The Events list is not refetched: that would reload every loaded page (thousands of rows)
      // and move the operator's place; its Refresh button does that on purpose.
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: queryKeys.events.detail(input.id) }),
        queryClient.invalidateQueries({ queryKey: queryKeys.dispatches.all }),
      ]);
    },
    onError: (error) => {
      // The server has no redeliver route: refresh the capabilities so the action hides itself.
      if (error instanceof IpcCallError && error.code === 'unsupported') void queryClient.invalidateQueries({ queryKey: queryKeys.capabilities.all });
    },
  });
}

export function useDispatches(input: Unpaged<DispatchesListInput> = {}, options: { enabled?: boolean } = {}) {
  return useInfiniteQuery({
    queryKey: queryKeys.dispatches.list(input),
    enabled: options.enabled ?? true,
    initialPageParam: null as PageParam,
    queryFn: ({ pageParam, signal }) => call('events:dispatches', { ...input, ...(pageParam ?? {}) }, { signal }),
    getNextPageParam: (last, pages) => nextPageParam(last, pages.length),
  });
}

export function useReceivedWebhooks(input: Unpaged<ReceivedWebhooksListInput> = {}, options: { enabled?: boolean } = {}) {
  return useInfiniteQuery({
    queryKey: queryKeys.receivedWebhooks.list(input),
    enabled: options.enabled ?? true,
    initialPageParam: null as PageParam,
    queryFn: ({ pageParam, signal }) => call('webhooks:received', { ...input, ...(pageParam ?? {}) }, { signal }),
    getNextPageParam: (last, pages) => nextPageParam(last, pages.length),
  });
}
