// The rules behind confirmations and read-only guards, kept pure so they are tested directly.
// Why typed names on production: a misclick on a live account is the costly mistake, so the
// operator must show they know which account they are acting on.

export interface ConfirmProfile {
  name: string;
  environment: string;
}

/** On a production profile the operator must type the profile's name to confirm. */
export function requiresTypedName(profile: ConfirmProfile): boolean {
  return profile.environment === 'production';
}

/** Exact match after trimming the ends; case matters (it is a name, not a search). */
export function typedNameMatches(typed: string, profileName: string): boolean {
  return typed.trim() === profileName.trim() && profileName.trim().length > 0;
}

export interface WritableProfile {
  readOnly: boolean;
  writesUnlockedUntil?: string | null;
}

export type WriteBlockReason = 'no_profile' | 'read_only';

export interface WriteAccess {
  writable: boolean;
  reason: WriteBlockReason | null;
  /** While a read-only profile is unlocked: when it locks again (ms since epoch). */
  unlockedUntilMs: number | null;
}

/** Whether writes are allowed now; mirrors main's check so the UI never offers what main refuses. */
export function writeAccess(profile: WritableProfile | null, nowMs: number): WriteAccess {
  if (!profile) return { writable: false, reason: 'no_profile', unlockedUntilMs: null };
  if (!profile.readOnly) return { writable: true, reason: null, unlockedUntilMs: null };
  const until = profile.writesUnlockedUntil ? Date.parse(profile.writesUnlockedUntil) : Number.NaN;
  if (Number.isFinite(until) && until > nowMs) return { writable: true, reason: null, unlockedUntilMs: until };
  return { writable: false, reason: 'read_only', unlockedUntilMs: null };
}
