// Installations data for this screen. Writes carry an actionId made once per operator click;
// every mutation invalidates the installations lists and the driver usage counts it changes.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { call } from '../../bridge/ipc';
import type { InstallationsListInput } from '../../../shared/ipc/channels/installations';

export const installationKeys = {
  all: ['installations'] as const,
  list: (input: InstallationsListInput) => ['installations', 'list', input] as const,
  detail: (id: string) => ['installations', 'detail', id] as const,
  health: (id: string) => ['installations', 'health', id] as const,
};

export function useInstallationsList(input: InstallationsListInput) {
  return useQuery({ queryKey: installationKeys.list(input), queryFn: ({ signal }) => call('installations:list', input, { signal }) });
}

/** One installation; `followMs` polls it until it is active (used while waiting for OAuth approval). */
export function useInstallation(id: string | undefined, followMs?: number | false) {
  return useQuery({
    queryKey: installationKeys.detail(id ?? ''),
    queryFn: ({ signal }) => call('installations:get', { id: id ?? '' }, { signal }),
    enabled: !!id,
    refetchInterval: (query) => (followMs && query.state.data?.status !== 'active' ? followMs : false),
  });
}

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
    queryKey: installationKeys.health(id ?? ''),
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
  return () => Promise.all([queryClient.invalidateQueries({ queryKey: installationKeys.all }), queryClient.invalidateQueries({ queryKey: ['drivers'] })]);
}
