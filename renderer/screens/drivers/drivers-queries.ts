// Drivers data for this screen. List, detail and the optimistic enable/disable toggle (with exact
// rollback) come from the shared query hooks in renderer/queries; this file adds what only this
// screen needs: how many installations use a driver.
import { useQuery, type QueryClient } from '@tanstack/react-query';
import { call } from '../../bridge/ipc';
import { queryKeys, useDriver, useDrivers, useToggleDriver } from '../../queries';

export { useDriver, useToggleDriver, useDrivers as useDriversList };

export const driverUsageKey = (driverId: string) => [...queryKeys.installations.all, 'count-by-driver', driverId] as const;

async function countInstallations(driverId: string, signal?: AbortSignal): Promise<number> {
  const list = await call('installations:list', { filters: { driver_id: driverId }, limit: 1 }, { signal });
  // A server without page meta: what one page shows is a lower bound.
  return list.pagination.kind === 'page' ? list.pagination.total : list.items.length;
}

/** Installations using a driver: the page total of a one-item list filtered by driver id. */
export function useDriverUsage(driverId: string | undefined) {
  return useQuery({ queryKey: driverUsageKey(driverId ?? ''), enabled: !!driverId, queryFn: ({ signal }) => countInstallations(driverId ?? '', signal) });
}

/** A fresh count (never cached) for a confirmation that must state the current impact. */
export function fetchDriverUsageNow(queryClient: QueryClient, driverId: string): Promise<number> {
  return queryClient.fetchQuery({ queryKey: driverUsageKey(driverId), queryFn: ({ signal }) => countInstallations(driverId, signal), staleTime: 0 });
}
