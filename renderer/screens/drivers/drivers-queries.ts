// Drivers data for this screen: the filtered list, one driver, how many installations use a
// driver, and the enable/disable toggle — optimistic in every cached list, rolled back on failure.
import { useMutation, useQuery, useQueryClient, type QueryKey } from '@tanstack/react-query';
import { call } from '../../bridge/ipc';
import type { Driver } from '../../../shared/api/drivers';
import type { DriversListInput } from '../../../shared/ipc/channels/drivers';

export const driverKeys = {
  all: ['drivers'] as const,
  list: (input: DriversListInput) => ['drivers', 'list', input] as const,
  detail: (id: string) => ['drivers', 'detail', id] as const,
  usage: (id: string) => ['installations', 'count-by-driver', id] as const,
};

export function useDriversList(input: DriversListInput) {
  return useQuery({ queryKey: driverKeys.list(input), queryFn: ({ signal }) => call('drivers:list', input, { signal }) });
}

export function useDriver(id: string | undefined) {
  return useQuery({
    queryKey: driverKeys.detail(id ?? ''),
    queryFn: ({ signal }) => call('drivers:get', { id: id ?? '' }, { signal }),
    enabled: !!id,
  });
}

/** Installations using a driver: the page total of a one-item list filtered by driver id. */
export function useDriverUsage(driverId: string | undefined) {
  return useQuery({
    queryKey: driverKeys.usage(driverId ?? ''),
    enabled: !!driverId,
    queryFn: async ({ signal }) => {
      const list = await call('installations:list', { filters: { driver_id: driverId ?? '' }, limit: 1 }, { signal });
      if (list.pagination.kind === 'page') return list.pagination.total;
      // A server without page meta: count what one full page shows (a lower bound, flagged as such).
      return list.items.length;
    },
  });
}

type DriversListData = Awaited<ReturnType<typeof call<'drivers:list'>>>;

export interface ToggleInput {
  driver: Pick<Driver, 'id' | 'slug'>;
  enable: boolean;
  actionId: string;
}

export function useToggleDriver() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ driver, enable, actionId }: ToggleInput) => call(enable ? 'drivers:enable' : 'drivers:disable', { id: driver.id, actionId }),
    onMutate: async ({ driver, enable }) => {
      await queryClient.cancelQueries({ queryKey: driverKeys.all });
      const snapshots: [QueryKey, unknown][] = queryClient.getQueriesData({ queryKey: driverKeys.all });
      const patch = (d: Driver): Driver => (d.id === driver.id ? { ...d, enabled: enable } : d);
      queryClient.setQueriesData<DriversListData>({ queryKey: ['drivers', 'list'] }, (data) => (data ? { ...data, items: data.items.map(patch) } : data));
      queryClient.setQueriesData<Driver>({ queryKey: ['drivers', 'detail'] }, (data) => (data ? patch(data) : data));
      return { snapshots };
    },
    onError: (_error, _input, context) => {
      for (const [key, data] of context?.snapshots ?? []) queryClient.setQueryData(key, data);
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: driverKeys.all }),
  });
}
