// Installations: list, detail, names, recent health, create, patch, and the enable/disable/reauthorize
// actions, with the one invalidation every installation write uses.
import { useInfiniteQuery, useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { call } from '../bridge/ipc';
import type { CreateInstallationBody, Installation, PatchInstallationBody } from '../../shared/api/installations';
import type { InstallationsListInput } from '../../shared/ipc/channels/installations';
import { queryKeys } from './keys';
import { nextPageParam, type PageParam } from './list-pages';

export function useInstallations(input: InstallationsListInput = {}) {
  return useQuery({ queryKey: queryKeys.installations.list(input), queryFn: ({ signal }) => call('installations:list', input, { signal }) });
}

/** Every page of the installations list, the next one on demand ("load more"). */
export function useInstallationPages(input: Omit<InstallationsListInput, 'page'> = {}) {
  return useInfiniteQuery({
    queryKey: queryKeys.installations.pages(input),
    initialPageParam: null as PageParam,
    queryFn: ({ pageParam, signal }) => call('installations:list', { ...input, ...(pageParam && 'page' in pageParam ? pageParam : {}) }, { signal }),
    getNextPageParam: (last, pages) => {
      const next = nextPageParam(last, pages.length);
      return next && 'page' in next ? next : undefined;
    },
  });
}

/** One installation; `followMs` polls it until it is active (used while waiting for OAuth approval). */
export function useInstallation(id: string | undefined, followMs?: number | false) {
  return useQuery({
    queryKey: queryKeys.installations.detail(id ?? ''),
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

/**
 * After any installation write (or an OAuth approval seen by polling): every installation query
 * (lists, details, health, the per-driver usage counts) and every drivers query refetch.
 */
export function invalidateAfterInstallationWrite(queryClient: QueryClient) {
  return Promise.all([queryClient.invalidateQueries({ queryKey: queryKeys.installations.all }), queryClient.invalidateQueries({ queryKey: queryKeys.drivers.all })]);
}

export function useInvalidateInstallations() {
  const queryClient = useQueryClient();
  return () => invalidateAfterInstallationWrite(queryClient);
}

/** Create; the caller has the answer at once, the lists refresh behind it. */
export function useCreateInstallation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { body: CreateInstallationBody; actionId: string }) => call('installations:create', input),
    onSuccess: () => void invalidateAfterInstallationWrite(queryClient),
  });
}

/** Patch; settles once the refreshed lists are in, so an edit dialog closes onto current data. */
export function useUpdateInstallation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { id: string; body: PatchInstallationBody; actionId: string }) => call('installations:update', input),
    onSuccess: () => invalidateAfterInstallationWrite(queryClient),
  });
}

export type InstallationAction = 'enable' | 'disable' | 'reauthorize';

/** Enable, disable or reauthorize (the kind is the mutation's variable, so one button can say which is pending). */
export function useInstallationAction(callbacks: { onSuccess?: (installation: Installation, kind: InstallationAction) => void; onError?: (error: Error) => void } = {}) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, kind, actionId }: { id: string; kind: InstallationAction; actionId: string }) => call(`installations:${kind}`, { id, actionId }),
    onSuccess: (installation, { kind }) => {
      void invalidateAfterInstallationWrite(queryClient);
      callbacks.onSuccess?.(installation, kind);
    },
    onError: (error) => callbacks.onError?.(error),
  });
}
