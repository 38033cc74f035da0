// Drivers data for this screen. List, detail and the optimistic enable/disable toggle (with exact
// rollback) come from the shared query hooks in renderer/queries; this file adds what only this
// screen needs: how many installations use a driver.
import { useQuery, type QueryClient } from '@tanstack/react-query';
import { call } from '../../bridge/ipc';
import { queryKeys, useDriver, useDriverPages, useDrivers, useToggleDriver } from '../../queries';

export { useDriver, useToggleDriver, useDriverPages, useDrivers as useDriversList };

export const driverUsageKey = (driverId: string) => [...queryKeys.installations.all, 'count-by-driver', driverId] as const;

/** null when the server does not say (no count in its paging, or no installations list at all). */
async function countInstallations(driverId: string, signal?: AbortSignal): Promise<number | null> {
  const list = await call('installations:list', { filters: { driver_id: driverId }, limit: 1 }, { signal });
  if (list.pagination.kind === 'page' && list.pagination.total !== null) return list.pagination.total;
  return list.items.length === 0 ? 0 : null;
}

/** Installations using a driver: the page total of a one-item list filtered by driver id. */
export function useDriverUsage(driverId: string | undefined) {
  return useQuery({ queryKey: driverUsageKey(driverId ?? ''), enabled: !!driverId, queryFn: ({ signal }) => countInstallations(driverId ?? '', signal) });
}

/** A fresh count (never cached) for a confirmation that must state the current impact. */
export function fetchDriverUsageNow(queryClient: QueryClient, driverId: string): Promise<number | null> {
  return queryClient.fetchQuery({ queryKey: driverUsageKey(driverId), queryFn: ({ signal }) => countInstallations(driverId, signal), staleTime: 0 });
}
