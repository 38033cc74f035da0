// The safety gates a renderer alone must not lift (docs/security.md): unlocking writes, turning
// read-only off, and changing a production profile's base URL or environment. Each is confirmed
// by the operator in a native message box raised by main — the renderer can ask for the change,
// but cannot answer the box. electron/main.ts backs `NativeConfirm` with dialog.showMessageBox;
// the tests pass a scripted one. No confirm at all means every gated change is refused.
import { AppError } from '../shared/app-error';
import { sameOrigin } from '../shared/origin';
import type { Profile, ProfileUpdate } from '../shared/ipc/channels/profiles';
import { normalizeBaseUrl } from '../shared/base-url';
import { englishTranslator, type MainTranslator } from './i18n';

export type GateKind = 'unlock_writes' | 'read_only_off' | 'production_base_url' | 'production_environment';

/** What the operator is asked. `cancelLabel` is the default button and what Escape answers. */
export interface ConfirmRequest {
  kinds: GateKind[];
  title: string;
  message: string;
  detail: string;
  confirmLabel: string;
  cancelLabel: string;
}

/** Resolves true only when the operator pressed the confirm button. */
export type NativeConfirm = (request: ConfirmRequest) => Promise<boolean>;


function originText(baseUrl: string): string {
  try {
    return new URL(baseUrl).origin;
  } catch {
    return baseUrl;
  }
}

/** The gated parts of a profile update (empty: it needs no confirmation). */
export function gatesForUpdate(current: Profile, input: ProfileUpdate): GateKind[] {
  const gates: GateKind[] = [];
  if (current.readOnly && input.readOnly === false) gates.push('read_only_off');
  if (current.environment === 'production') {
    if (input.baseUrl !== undefined && normalizeBaseUrl(input.baseUrl) !== current.baseUrl) gates.push('production_base_url');
    if (input.environment !== undefined && input.environment !== 'production') gates.push('production_environment');
  }
  return gates;
}

// The texts come from the `main.gates.*` catalogue keys, in the app's language (`t`).
export function updateConfirmation(current: Profile, input: ProfileUpdate, kinds: GateKind[], t: MainTranslator = englishTranslator): ConfirmRequest {
  const lines: string[] = [];
  const newBaseUrl = input.baseUrl === undefined ? current.baseUrl : normalizeBaseUrl(input.baseUrl);
  if (kinds.includes('read_only_off')) lines.push(t('gates.readOnlyOff', { origin: originText(current.baseUrl) }));
  if (kinds.includes('production_base_url')) {
    lines.push(t('gates.baseUrl', { from: current.baseUrl, to: newBaseUrl }));
    if (!sameOrigin(current.baseUrl, newBaseUrl)) {
      lines.push(t('gates.originChange', { from: originText(current.baseUrl), to: originText(newBaseUrl) }));
    }
  }
  if (kinds.includes('production_environment')) lines.push(t('gates.environment', { environment: input.environment ?? '' }));
  const profileLine = t('gates.profileLine', { name: current.name, environment: current.environment, origin: originText(current.baseUrl) });
  return {
    kinds,
    title: t('appTitle'),
    message: t('gates.updateMessage', { name: current.name, environment: current.environment }),
    detail: `${lines.join('\n')}\n\n${profileLine}\n${t('gates.onlyIf')}`,
    confirmLabel: t('gates.updateConfirm'),
    cancelLabel: t('cancel'),
  };
}

export function unlockConfirmation(profile: Profile, minutes: number, t: MainTranslator = englishTranslator): ConfirmRequest {
  return {
    kinds: ['unlock_writes'],
    title: t('appTitle'),
    message: t('gates.unlockMessage', { name: profile.name, environment: profile.environment, minutes }),
    detail: `${t('gates.unlockDetail', { minutes, origin: originText(profile.baseUrl) })}\n${t('gates.onlyIf')}`,
    confirmLabel: t('gates.unlockConfirm'),
    cancelLabel: t('cancel'),
  };
}

/** Asks; throws `not_confirmed` (nothing changed) unless the operator confirmed. */
export async function requireConfirmation(confirm: NativeConfirm | undefined, request: ConfirmRequest): Promise<void> {
  let confirmed = false;
  if (confirm) {
    try {
      confirmed = (await confirm(request)) === true;
    } catch {
      confirmed = false; // a dialog that failed to show is not a yes
    }
  }
  if (!confirmed) {
    throw new AppError('not_confirmed', 'The change was not confirmed in the system dialog; nothing changed.', { details: { gate: request.kinds.join(',') } });
  }
}
