// What only the Installations screen derives: an installation's recent health, and the
// invalidation after its writes (lists and the driver usage counts they change). The installation
// list and detail hooks are renderer/queries/installations.ts.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { call } from '../../bridge/ipc';
import { queryKeys } from '../../queries/keys';

export interface InstallationHealth {
  /** Events among the most recent page (at most 100). */
  recent: number;
  failed: number;
  lastEventAt: string | null;
  /** Events per hour bucket for the last 24 h (oldest first) from that page. */
  hourly: number[];
}

/** Recent volume and failure rate from the newest 100 events of the installation. */
export function useInstallationHealth(id: string | undefined) {
  return useQuery({
    queryKey: queryKeys.installations.health(id ?? ''),
    enabled: !!id,
    queryFn: async ({ signal }): Promise<InstallationHealth> => {
      const list = await call('events:list', { filters: { installation_id: id ?? '' }, limit: 100 }, { signal });
      const now = Date.now();
      const hourly = new Array<number>(24).fill(0);
      let failed = 0;
      for (const event of list.items) {
        if (event.status === 'failed') failed++;
        const age = now - Date.parse(event.created_at);
        const bucket = 23 - Math.floor(age / 3_600_000);
        if (bucket >= 0 && bucket < 24) hourly[bucket] = (hourly[bucket] ?? 0) + 1;
      }
      return { recent: list.items.length, failed, lastEventAt: list.items[0]?.created_at ?? null, hourly };
    },
  });
}

export function useInvalidateInstallations() {
  const queryClient = useQueryClient();
  return () => Promise.all([queryClient.invalidateQueries({ queryKey: queryKeys.installations.all }), queryClient.invalidateQueries({ queryKey: queryKeys.drivers.all })]);
}
