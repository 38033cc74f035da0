// Installations: list, detail, create, patch, and the enable/disable/reauthorize actions.
import { useInfiniteQuery, useMutation, useQueries, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
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

/**
 * Names for a few installation ids (e.g. a top-N breakdown), from the same cached detail queries
 * as useInstallation: id → name once known; an id whose detail is loading or failed is absent.
 */
export function useInstallationNames(ids: readonly string[]): ReadonlyMap<string, string> {
  return useQueries({
    queries: ids.map((id) => ({
      queryKey: queryKeys.installations.detail(id),
      queryFn: ({ signal }: { signal: AbortSignal }) => call('installations:get', { id }, { signal }),
      staleTime: 5 * 60_000,
    })),
    combine: (results) => {
      const names = new Map<string, string>();
      results.forEach((r, i) => {
        if (r.data?.name) names.set(ids[i]!, r.data.name);
      });
      return names;
    },
  });
}

/** After any installation write: its detail is the answer; lists (status, name, order) refetch. */
function settleInstallation(queryClient: QueryClient, installation: Installation) {
  queryClient.setQueryData(queryKeys.installations.detail(installation.id), installation);
  return queryClient.invalidateQueries({ queryKey: queryKeys.installations.lists() });
}

export function useCreateInstallation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { body: CreateInstallationBody; actionId: string }) => call('installations:create', input),
    onSuccess: (installation) => settleInstallation(queryClient, installation),
  });
}

export function useUpdateInstallation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { id: string; body: PatchInstallationBody; actionId: string }) => call('installations:update', input),
    onSuccess: (installation) => settleInstallation(queryClient, installation),
  });
}

export type InstallationAction = 'enable' | 'disable' | 'reauthorize';

export function useInstallationAction(action: InstallationAction) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { id: string; actionId: string }) => call(`installations:${action}`, input),
    onSuccess: (installation) => settleInstallation(queryClient, installation),
  });
}
