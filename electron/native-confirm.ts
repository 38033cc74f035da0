// The safety gates a renderer alone must not lift (docs/security.md): unlocking writes, turning
// read-only off, and changing a production profile's base URL or environment. Each is confirmed
// by the operator in a native message box raised by main — the renderer can ask for the change,
// but cannot answer the box. electron/main.ts backs `NativeConfirm` with dialog.showMessageBox;
// the tests pass a scripted one. No confirm at all means every gated change is refused.
import { AppError } from '../shared/app-error';
import { sameOrigin } from '../shared/origin';
import type { Profile, ProfileUpdate } from '../shared/ipc/channels/profiles';
import { normalizeBaseUrl } from '../shared/base-url';

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

const TITLE = 'Integrações Inteligentes console';
const ONLY_IF = 'Confirm only if you asked for this in the console just now.';

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

export function updateConfirmation(current: Profile, input: ProfileUpdate, kinds: GateKind[]): ConfirmRequest {
  const lines: string[] = [];
  const newBaseUrl = input.baseUrl === undefined ? current.baseUrl : normalizeBaseUrl(input.baseUrl);
  if (kinds.includes('read_only_off')) lines.push(`• Turn read-only off: changes to ${originText(current.baseUrl)} will be allowed at any time.`);
  if (kinds.includes('production_base_url')) {
    lines.push(`• Base URL: ${current.baseUrl} → ${newBaseUrl}`);
    if (!sameOrigin(current.baseUrl, newBaseUrl)) {
      lines.push(`  The server changes from ${originText(current.baseUrl)} to ${originText(newBaseUrl)}; the token stays with ${originText(current.baseUrl)} and is removed from this profile.`);
    }
  }
  if (kinds.includes('production_environment')) lines.push(`• Environment: production → ${input.environment}`);
  return {
    kinds,
    title: TITLE,
    message: `Change the production safety settings of "${current.name}" (${current.environment})?`,
    detail: `${lines.join('\n')}\n\nProfile: ${current.name} · ${current.environment} · ${originText(current.baseUrl)}\n${ONLY_IF}`,
    confirmLabel: 'Change profile',
    cancelLabel: 'Cancel',
  };
}

export function unlockConfirmation(profile: Profile, minutes: number): ConfirmRequest {
  return {
    kinds: ['unlock_writes'],
    title: TITLE,
    message: `Allow changes on "${profile.name}" (${profile.environment}) for ${minutes} minutes?`,
    detail: `This profile is read-only. For ${minutes} minutes the console may change the account at ${originText(profile.baseUrl)}.\n${ONLY_IF}`,
    confirmLabel: 'Allow changes',
    cancelLabel: 'Cancel',
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
