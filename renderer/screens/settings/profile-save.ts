// Saving a profile with detect on save: when the base URL is new (a new profile, or an edited URL),
// main first probes that URL's own origin, without any token, for the API's base path (root, /v1,
// /api/v1, as typed) and the profile is saved with what it found. When nothing is found the save
// stops and says so; the operator may then keep the URL as typed (`keepTypedUrl`). Shared by the
// Settings profile form and the onboarding.
import { useMutation } from '@tanstack/react-query';
import type { BasePathDetection } from '../../../shared/ipc/channels/connection';
import type { Profile } from '../../../shared/ipc/channels/profiles';
import { call } from '../../bridge/ipc';
import { useRefreshProfiles } from '../../session/session-queries';
import type { ProfileFormValues } from './profile-form';

export interface SaveProfileInput {
  values: ProfileFormValues;
  /** Save the URL as typed even though detection found nothing there. */
  keepTypedUrl?: boolean;
}

export type SaveProfileResult =
  | { kind: 'saved'; profile: Profile; created: boolean; detection: BasePathDetection | null }
  /** Nothing answered like the API: nothing was saved. */
  | { kind: 'not_found'; detection: BasePathDetection; typedUrl: string };

/** Whether saving these values must detect first: the URL is new for this profile. */
export function needsDetection(profile: Pick<Profile, 'baseUrl'> | null, typedUrl: string): boolean {
  return profile === null || profile.baseUrl !== typedUrl;
}

/** The trimmed values main receives. */
export function profileBody(values: ProfileFormValues) {
  return { ...values, name: values.name.trim(), baseUrl: values.baseUrl.trim(), maxResponseMb: Number(values.maxResponseMb) };
}

/** `profile` null: create; otherwise update that profile. */
export function useSaveProfile(profile: Profile | null) {
  const refreshProfiles = useRefreshProfiles();
  return useMutation({
    meta: { silentError: true },
    mutationFn: async ({ values, keepTypedUrl = false }: SaveProfileInput): Promise<SaveProfileResult> => {
      const body = profileBody(values);
      let detection: BasePathDetection | null = null;
      if (!keepTypedUrl && needsDetection(profile, body.baseUrl)) {
        detection = await call('connection:detectBasePath', { baseUrl: body.baseUrl });
        if (detection.baseUrl === null) return { kind: 'not_found', detection, typedUrl: body.baseUrl };
        body.baseUrl = detection.baseUrl;
      }
      const saved = profile ? await call('profiles:update', { id: profile.id, ...body }) : await call('profiles:create', body);
      await refreshProfiles();
      return { kind: 'saved', profile: saved, created: profile === null, detection };
    },
  });
}
