// Server state that is about the console itself rather than the remote API: app info, settings,
// profiles (with their token descriptions). It comes from main over IPC like everything else and
// lives in TanStack Query under the `session` key, which survives a profile switch (API data does not).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { QueryClient } from '@tanstack/react-query';
import { call } from '../bridge/ipc';
import type { ProfileWithToken } from '../../shared/ipc/channels/profiles';
import type { SettingsPatch } from '../../shared/ipc/channels/settings';

export const sessionKeys = {
  all: ['session'] as const,
  appInfo: ['session', 'appInfo'] as const,
  settings: ['session', 'settings'] as const,
  profiles: ['session', 'profiles'] as const,
};

export function useAppInfo() {
  return useQuery({ queryKey: sessionKeys.appInfo, queryFn: ({ signal }) => call('app:info', {}, { signal }), staleTime: Infinity });
}

export function useSettings() {
  return useQuery({ queryKey: sessionKeys.settings, queryFn: ({ signal }) => call('settings:get', {}, { signal }), staleTime: Infinity });
}

export function useUpdateSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (patch: SettingsPatch) => call('settings:update', patch),
    onSuccess: (view) => queryClient.setQueryData(sessionKeys.settings, view),
  });
}

export function useProfiles() {
  return useQuery({ queryKey: sessionKeys.profiles, queryFn: ({ signal }) => call('profiles:list', {}, { signal }) });
}

/** The active profile with its token description, or null when there is none (first run). */
export function useActiveProfile(): ProfileWithToken | null {
  const { data } = useProfiles();
  if (!data?.activeId) return null;
  return data.profiles.find((p) => p.id === data.activeId) ?? null;
}

/**
 * Everything fetched from the API belongs to one profile. After a switch, drop it all so no screen
 * shows the previous account's data for even one frame; session data stays.
 */
export function forgetApiData(queryClient: QueryClient): void {
  queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== sessionKeys.all[0] });
}

export function useActivateProfile() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => call('profiles:activate', { id }),
    onSuccess: async () => {
      forgetApiData(queryClient);
      await queryClient.invalidateQueries({ queryKey: sessionKeys.profiles });
      await queryClient.invalidateQueries({ queryKey: sessionKeys.settings });
    },
  });
}

/** Any mutation that changes profiles or tokens refreshes the list (descriptions included). */
export function useRefreshProfiles() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: sessionKeys.profiles });
}
