// Server state that is about the console itself rather than the remote API: app info, settings,
// profiles (with their token descriptions). It comes from main over IPC like everything else and
// lives in TanStack Query under the `session` key, which survives a profile switch (API data does not).
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { QueryClient } from '@tanstack/react-query';
import { call } from '../bridge/ipc';
import type { Profile, ProfileWithToken } from '../../shared/ipc/channels/profiles';
import type { TokenSource } from '../../shared/ipc/channels/token';
import type { SettingsPatch } from '../../shared/ipc/channels/settings';

/** What `token:rotate` answers: the new token's description, or null when the operator cancelled. */
export type TokenRotateResult = Awaited<ReturnType<typeof call<'token:rotate'>>>;

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

/** The profiles list: the shell waits for it before showing any screen, so start-up fetches it early (main.tsx). */
export const profilesQuery = queryOptions({ queryKey: sessionKeys.profiles, queryFn: ({ signal }) => call('profiles:list', {}, { signal }) });

export function useProfiles() {
  return useQuery(profilesQuery);
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

/**
 * A write to profiles or tokens: the screen's own reaction first (a notification, closing a
 * dialog), then the profile list is refetched so every screen sees the new descriptions.
 */
function useProfilesWrite<TInput, TResult>(write: (input: TInput) => Promise<TResult>, onSuccess?: (result: TResult) => void, options: { silentError?: boolean } = {}) {
  const refreshProfiles = useRefreshProfiles();
  return useMutation({
    ...(options.silentError ? { meta: { silentError: true } } : {}),
    mutationFn: write,
    onSuccess: async (result) => {
      onSuccess?.(result);
      await refreshProfiles();
    },
  });
}

export function useRemoveProfile(onSuccess?: () => void) {
  return useProfilesWrite((id: string) => call('profiles:remove', { id }), onSuccess);
}

/** Saves a new base URL for a profile (e.g. the one detection found). */
export function useSetProfileBaseUrl(profileId: string, onSuccess?: (saved: Profile) => void) {
  return useProfilesWrite((baseUrl: string) => call('profiles:update', { id: profileId, baseUrl }), onSuccess);
}

/** Rotates the profile's token from a source main reads (null: the operator cancelled the file dialog). Errors are shown by the rotate dialog itself. */
export function useRotateToken(profileId: string, onSuccess?: (result: TokenRotateResult) => void) {
  return useProfilesWrite((source: TokenSource) => call('token:rotate', { profileId, source }), onSuccess, { silentError: true });
}

export function useRemoveToken(profileId: string, onSuccess?: () => void) {
  return useProfilesWrite(() => call('token:remove', { profileId }), onSuccess);
}

/** Opens the vendor dashboard's API-keys page in the browser (main decides the URL; `opened` false when the operator declined). */
export function useOpenDashboard(onOpened?: () => void) {
  return useMutation({
    mutationFn: () => call('shell:openDashboard', { page: 'api-keys' }),
    onSuccess: (result) => {
      if (result.opened) onOpened?.();
    },
  });
}
