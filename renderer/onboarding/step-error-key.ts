// Which catalogue message explains a failed onboarding step (pure, unit-tested).
import { IpcCallError } from '../bridge/ipc';

export type FailingStep = 'token' | 'test';

/** The most specific catalogue key for this error in this step, or null for the app's usual message. */
export function stepErrorKey(step: FailingStep, error: unknown, exists: (key: string) => boolean): string | null {
  if (!(error instanceof IpcCallError)) return null;
  const reason = error.code === 'unauthenticated' && typeof error.details?.reason === 'string' ? error.details.reason : null;
  const candidates = [...(reason ? [`onboarding.${step}.errors.${error.code}_${reason}`] : []), `onboarding.${step}.errors.${error.code}`];
  return candidates.find(exists) ?? null;
}
