// The profile form's values and validation, kept pure so it is unit-tested without a browser.
// The rules mirror main's (shared/base-url.ts, profileSchema); here they produce i18n keys so the
// operator reads why a URL is refused before main refuses it.
import { DEFAULT_BASE_URL, isLoopbackHost } from '../../../shared/base-url';
import { DEFAULT_MAX_RESPONSE_MB, type Profile, type ProfileEnvironment } from '../../../shared/ipc/channels/profiles';

export interface ProfileFormValues {
  name: string;
  baseUrl: string;
  color: string;
  environment: ProfileEnvironment;
  readOnly: boolean;
  /** The largest API answer main reads for this profile, in MB (a NumberInput gives '' when empty). */
  maxResponseMb: number | string;
}

export const profileColors = ['#1c7ed6', '#2f9e44', '#f08c00', '#e03131', '#7048e8', '#0c8599', '#c2255c', '#495057'];

export function emptyProfileForm(): ProfileFormValues {
  return { name: '', baseUrl: DEFAULT_BASE_URL, color: profileColors[0] ?? '#1c7ed6', environment: 'production', readOnly: false, maxResponseMb: DEFAULT_MAX_RESPONSE_MB };
}

export function profileToForm(profile: Profile): ProfileFormValues {
  return { name: profile.name, baseUrl: profile.baseUrl, color: profile.color, environment: profile.environment, readOnly: profile.readOnly, maxResponseMb: profile.maxResponseMb ?? DEFAULT_MAX_RESPONSE_MB };
}

/** i18n key (under settings.profileForm.errors) for a base URL problem, or null when it is fine. */
export function baseUrlErrorKey(value: string): string | null {
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    return 'urlInvalid';
  }
  if (url.username || url.password) return 'urlCredentials';
  if (url.search || url.hash) return 'urlQuery';
  if (url.protocol === 'https:') return url.hostname ? null : 'urlInvalid';
  if (url.protocol === 'http:') return isLoopbackHost(url.hostname) ? null : 'urlHttpRemote';
  return 'urlScheme';
}

export function nameErrorKey(value: string): string | null {
  const trimmed = value.trim();
  if (trimmed.length === 0) return 'nameRequired';
  if (trimmed.length > 80) return 'nameTooLong';
  return null;
}

/** Same bounds as main's maxResponseMbSchema: a whole number of MB from 1 to 200. */
export function maxResponseMbErrorKey(value: number | string): string | null {
  const number = typeof value === 'number' ? value : Number(value.trim() === '' ? NaN : value);
  return Number.isInteger(number) && number >= 1 && number <= 200 ? null : 'maxResponseMbInvalid';
}

export function colorErrorKey(value: string): string | null {
  return /^#[0-9a-fA-F]{6}$/.test(value) ? null : 'colorInvalid';
}
