// When the onboarding replaces a screen, and at which step it starts. Pure, so it is unit-tested.
// Every screen that needs the API leads to the onboarding while there is no active profile (first
// run) or the active profile has no token; Settings stays itself (profiles and preferences are
// managed there by hand), and so does a path that is no screen (it shows "not found").
import type { ProfileWithToken } from '../../shared/ipc/channels/profiles';

export type OnboardingStep = 'profile' | 'token';

export interface OnboardingStart {
  step: OnboardingStep;
  /** The active profile the token step is for (null when a profile is still to be created). */
  profileId: string | null;
}

/** null: the console is ready (an active profile with a token), or the list is not known yet. */
export function onboardingStart(list: { profiles: ProfileWithToken[]; activeId: string | null } | undefined): OnboardingStart | null {
  if (!list) return null;
  const active = list.profiles.find((p) => p.id === list.activeId);
  if (!active) return { step: 'profile', profileId: null };
  if (!active.token) return { step: 'token', profileId: active.id };
  return null;
}

/** Screens that stay themselves without a ready profile. */
const UNGATED_PATHS = ['/settings'];

/** Whether `pathname` is a screen (from the route registry's paths) that the onboarding stands in for. */
export function leadsToOnboarding(pathname: string, screenPaths: string[]): boolean {
  const screen = screenPaths.find((path) => pathname === path || pathname.startsWith(`${path}/`));
  return screen !== undefined && !UNGATED_PATHS.includes(screen);
}
