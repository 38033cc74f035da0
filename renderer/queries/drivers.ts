// Drivers: list, detail, how many installations use one, and the enable/disable toggle — optimistic
// in every cached drivers query, rolled back exactly on failure, then refreshed from the server's answer.
import { useInfiniteQuery, useMutation, useQuery, useQueryClient, type InfiniteData, type QueryClient, type QueryKey } from '@tanstack/react-query';
import { call, IpcCallError } from '../bridge/ipc';
import type { Driver } from '../../shared/api/drivers';
import type { DriversListInput } from '../../shared/ipc/channels/drivers';
import { queryKeys } from './keys';
import { nextPageParam, type PageParam } from './list-pages';

type DriversList = Awaited<ReturnType<typeof call<'drivers:list'>>>;

export function useDrivers(input: DriversListInput = {}) {
  return useQuery({ queryKey: queryKeys.drivers.list(input), queryFn: ({ signal }) => call('drivers:list', input, { signal }) });
}

/** Every page of the drivers list, the next one on demand (the Drivers screen: the whole catalogue). */
export function useDriverPages(input: Omit<DriversListInput, 'page'> = {}) {
  return useInfiniteQuery({
    queryKey: queryKeys.drivers.pages(input),
    initialPageParam: null as PageParam,
    queryFn: ({ pageParam, signal }) => call('drivers:list', { ...input, ...(pageParam && 'page' in pageParam ? pageParam : {}) }, { signal }),
    getNextPageParam: (last, pages) => {
      const next = nextPageParam(last, pages.length);
      return next && 'page' in next ? next : undefined;
    },
  });
}

export function useDriver(id: string | undefined) {
  return useQuery({
    queryKey: queryKeys.drivers.detail(id ?? ''),
    queryFn: ({ signal }) => call('drivers:get', { id: id ?? '' }, { signal }),
    enabled: !!id,
  });
}

/** null when the server does not say (no count in its paging, or no installations list at all). */
async function countInstallations(driverId: string, signal?: AbortSignal): Promise<number | null> {
  const list = await call('installations:list', { filters: { driver_id: driverId }, limit: 1 }, { signal });
  if (list.pagination.kind === 'page' && list.pagination.total !== null) return list.pagination.total;
  return list.items.length === 0 ? 0 : null;
}

/** Installations using a driver: the page total of a one-item list filtered by driver id. */
export function useDriverUsage(driverId: string | undefined) {
  return useQuery({ queryKey: queryKeys.installations.countByDriver(driverId ?? ''), enabled: !!driverId, queryFn: ({ signal }) => countInstallations(driverId ?? '', signal) });
}

/** A fresh count (never cached) for a confirmation that must state the current impact. */
export function fetchDriverUsageNow(queryClient: QueryClient, driverId: string): Promise<number | null> {
  return queryClient.fetchQuery({ queryKey: queryKeys.installations.countByDriver(driverId), queryFn: ({ signal }) => countInstallations(driverId, signal), staleTime: 0 });
}

export interface DriverToggle {
  id: string;
  enable: boolean;
  /** From `newActionId()` at the click; reused by retries. */
  actionId: string;
}

interface ToggleContext {
  snapshots: Array<[QueryKey, unknown]>;
}

/** The toggle's mutation options, separate from React so they can be tested with a plain QueryClient. */
export function driverToggleOptions(queryClient: QueryClient) {
  return {
    mutationFn: ({ id, enable, actionId }: DriverToggle) => call(enable ? 'drivers:enable' : 'drivers:disable', { id, actionId }),
    onMutate: async ({ id, enable }: DriverToggle): Promise<ToggleContext> => {
      await queryClient.cancelQueries({ queryKey: queryKeys.drivers.all });
      const snapshots = queryClient.getQueriesData({ queryKey: queryKeys.drivers.all });
      const patch = (driver: Driver): Driver => (driver.id === id || driver.slug === id ? { ...driver, enabled: enable } : driver);
      // Lists are single pages (`useDrivers`) or every page loaded so far (`useDriverPages`).
      queryClient.setQueriesData<DriversList | InfiniteData<DriversList>>({ queryKey: queryKeys.drivers.lists() }, (data) => {
        if (!data) return data;
        if ('pages' in data) return { ...data, pages: data.pages.map((page) => ({ ...page, items: page.items.map(patch) })) };
        return { ...data, items: data.items.map(patch) };
      });
      queryClient.setQueriesData<Driver>({ queryKey: queryKeys.drivers.details() }, (data) => (data ? patch(data) : data));
      return { snapshots };
    },
    onError: (error: unknown, _toggle: DriverToggle, context: ToggleContext | undefined) => {
      for (const [key, data] of context?.snapshots ?? []) queryClient.setQueryData(key, data);
      // The server has no enable/disable route: refresh the capabilities so the switches say so.
      if (error instanceof IpcCallError && error.code === 'unsupported') void queryClient.invalidateQueries({ queryKey: queryKeys.capabilities.all });
    },
    onSuccess: (driver: Driver) => {
      queryClient.setQueryData(queryKeys.drivers.detail(driver.id), driver);
    },
    // Lists may be filtered by `enabled`: refetch them rather than guess membership.
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.drivers.lists() }),
  };
}

export function useToggleDriver() {
  const queryClient = useQueryClient();
  return useMutation(driverToggleOptions(queryClient));
}
