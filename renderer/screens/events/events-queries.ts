// Server state for the Events screen, over IPC. Query keys start with 'events' so a profile switch
// (which drops all non-session queries) clears them. The list is a keyset infinite query: pages are
// anchored by cursor, so events arriving later never shift what is loaded (live tail adds them on top).
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { call } from '../../bridge/ipc';
import type { EventFilter } from '../../../shared/ipc/channels/jobs';
import { filterKey } from './events-search';

export const PAGE_SIZE = 100;

export const eventsKeys = {
  all: ['events'] as const,
  list: (filter: EventFilter, anchor: string) => ['events', 'list', filterKey(filter), anchor] as const,
  detail: (id: string) => ['events', 'detail', id] as const,
  dispatches: (filterJson: string) => ['events', 'dispatches', filterJson] as const,
  received: (filterJson: string) => ['events', 'received', filterJson] as const,
  capabilities: ['events', 'capabilities'] as const,
  drivers: ['events', 'drivers'] as const,
  installations: (driver: string | undefined) => ['events', 'installations', driver ?? ''] as const,
};

type PageParam = { cursor?: string; page?: number } | null;

export function useEventsList(filter: EventFilter, anchor: string) {
  return useInfiniteQuery({
    queryKey: eventsKeys.list(filter, anchor),
    initialPageParam: null as PageParam,
    queryFn: ({ pageParam, signal }) =>
      call('events:list', { filters: filter, sort: '-created_at', limit: PAGE_SIZE, ...(pageParam ?? {}) }, { signal }),
    getNextPageParam: (last, pages): PageParam | undefined => {
      const p = last.pagination;
      if (p.kind === 'cursor') return p.nextCursor ? { cursor: p.nextCursor } : undefined;
      if (p.kind === 'page') return p.nextPage ? { page: p.nextPage } : undefined;
      // A bare list (contract §8): one page, unless it came back full — then try the next page.
      return p.full ? { page: pages.length + 1 } : undefined;
    },
    staleTime: Infinity,
    // Keep what is loaded on screen while a refetch of the same view runs.
    placeholderData: (previous) => previous,
  });
}

/** Polls for events newer than `since` (live tail). Disabled when `since` is unknown or the tail is off. */
export function useNewerEvents(filter: EventFilter, since: string | undefined, enabled: boolean, intervalMs = 3000) {
  return useQuery({
    queryKey: ['events', 'tail', filterKey(filter), since ?? ''],
    enabled: enabled && !!since,
    refetchInterval: intervalMs,
    queryFn: ({ signal }) => {
      // The filter's own lower bound may be later than `since` (custom range): keep the tighter one.
      const lower = filter.created_at_greater_than && since && filter.created_at_greater_than > since ? filter.created_at_greater_than : since;
      // Oldest first: a burst of more than one page arrives over successive polls, with no gap.
      return call('events:list', { filters: { ...filter, created_at_greater_than: lower }, sort: 'created_at', limit: PAGE_SIZE }, { signal });
    },
  });
}

export function useEventDetail(id: string | undefined) {
  return useQuery({
    queryKey: eventsKeys.detail(id ?? ''),
    enabled: !!id,
    queryFn: ({ signal }) => call('events:get', { id: id! }, { signal }),
    // While an attempt is still pending (e.g. right after a redelivery), follow it until it settles.
    refetchInterval: (query) => {
      const data = query.state.data;
      // (A retry scheduled hours ahead is not worth polling for.)
      const soon = (at: string | null | undefined) => !at || Date.parse(at) - Date.now() < 60_000;
      const busy = data?.status === 'dispatching' || data?.dispatches?.some((d) => d.status === 'pending' && soon(d.next_retry_at));
      return busy ? 1500 : false;
    },
  });
}

export function useCapabilities() {
  return useQuery({ queryKey: eventsKeys.capabilities, queryFn: ({ signal }) => call('capabilities:get', { probe: true }, { signal }), staleTime: 60_000 });
}

/** A fresh id per operator action (the Idempotency-Key in main comes from it). */
export function newActionId(prefix: string): string {
  return `${prefix}-${crypto.randomUUID()}`;
}

export function useRedeliver() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { id: string; actionId: string }) => call('events:redeliver', input),
    onSettled: async (_data, _error, input) => {
      await queryClient.invalidateQueries({ queryKey: eventsKeys.detail(input.id) });
      // A 404/405 marks the capability unsupported: refresh so the action hides itself.
      await queryClient.invalidateQueries({ queryKey: eventsKeys.capabilities });
    },
  });
}

export function useDriverOptions() {
  return useQuery({
    queryKey: eventsKeys.drivers,
    queryFn: ({ signal }) => call('drivers:list', { limit: 100 }, { signal }),
    staleTime: 5 * 60_000,
  });
}

export function useInstallationOptions(driver: string | undefined) {
  return useQuery({
    queryKey: eventsKeys.installations(driver),
    queryFn: ({ signal }) => call('installations:list', { limit: 100, ...(driver ? { filters: { integration_driver_slug: driver } } : {}) }, { signal }),
    staleTime: 5 * 60_000,
  });
}
