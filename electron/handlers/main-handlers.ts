// Handlers for the namespaces main itself owns: app, settings, profiles, token, shell.
// Each is a few lines over the services; the rules live in the services. The safety gates
// (electron/native-confirm.ts) and the token's origin binding are applied here, in main.
import { AppError } from '../../shared/app-error';
import { sameOrigin } from '../../shared/origin';
import type { AppInfo } from '../../shared/ipc/channels/app';
import type { TokenDescription, TokenSource } from '../../shared/ipc/channels/token';
import type { HandlerMap } from '../ipc/handler-types';
import type { Contract } from '../../shared/ipc/contract';
import { gatesForUpdate, requireConfirmation, unlockConfirmation, updateConfirmation, type NativeConfirm } from '../native-confirm';
import { DASHBOARD_URLS, openExternalSafely, type ConfirmOpen, type ShellLike } from '../open-external';
import type { Profiles } from '../settings/profiles';
import type { SettingsStore } from '../settings/settings-store';
import { withTokenFromSource, type TokenSourceDeps } from '../vault/token-sources';
import type { TokenVault } from '../vault/token-vault';

export type VerifyToken = (baseUrl: string, token: string, signal?: AbortSignal) => Promise<void>;

export interface MainHandlerDeps extends TokenSourceDeps {
  appInfo: AppInfo;
  settingsStore: SettingsStore;
  profiles: Profiles;
  vault: TokenVault;
  shell: ShellLike;
  confirm?: ConfirmOpen | undefined;
  /** The native message box for the safety gates. Without it, every gated change is refused. */
  confirmChange?: NativeConfirm | undefined;
  verifyToken?: VerifyToken | undefined;
  /** Push `token:expiring` when a freshly imported token is close to its end. */
  onTokenDescribed?: (description: TokenDescription) => void;
}

type MainChannel =
  | `app:${string}`
  | `settings:${string}`
  | `profiles:${string}`
  | `token:${string}`
  | `shell:${string}`;
type MainHandlers = { [K in keyof HandlerMap<Contract> & MainChannel]: HandlerMap<Contract>[K] };

export function createMainHandlers(deps: MainHandlerDeps): MainHandlers {
  const { profiles, vault } = deps;

  const settingsView = () => ({ settings: profiles.settings(), recovery: deps.settingsStore.recovery });

  const imported = (description: TokenDescription) => {
    profiles.changed(description.profileId);
    deps.onTokenDescribed?.(description);
    return description;
  };

  const importFrom = async (profileId: string, source: TokenSource) => {
    const profile = profiles.get(profileId); // not_found before touching the clipboard or opening a dialog
    // The token is bound to this profile's origin as it is now; it is never sent anywhere else.
    const description = await withTokenFromSource(source, deps, (raw) => vault.importToken(profileId, raw, source, { origin: profile.baseUrl }));
    return description ? imported(description) : null;
  };

  return {
    'app:info': async () => deps.appInfo,

    'settings:get': async () => settingsView(),
    'settings:update': async (patch) => {
      profiles.updateSettings(patch);
      return settingsView();
    },

    'profiles:list': () => profiles.list(),
    'profiles:create': async (input) => profiles.create(input),
    'profiles:update': async (input) => {
      const current = profiles.get(input.id);
      const gates = gatesForUpdate(current, input);
      if (gates.length > 0) await requireConfirmation(deps.confirmChange, updateConfirmation(current, input, gates, deps.t));
      const updated = profiles.update(input);
      // A token belongs to one origin: pointing the profile at another one leaves it behind (the
      // vault would refuse to send it there anyway). The path may change freely.
      const bound = await vault.boundOrigin(updated.id);
      if (bound !== null && !sameOrigin(bound, updated.baseUrl)) {
        await vault.remove(updated.id);
        profiles.changed(updated.id);
      }
      return updated;
    },
    'profiles:remove': async ({ id }) => {
      await profiles.remove(id);
      return { id };
    },
    'profiles:activate': async ({ id }) => profiles.activate(id),
    'profiles:unlockWrites': async ({ profileId, minutes }) => {
      const profile = profiles.get(profileId);
      // Locking again (0) is always allowed; opening a read-only profile needs the operator.
      if (minutes > 0 && profile.readOnly) await requireConfirmation(deps.confirmChange, unlockConfirmation(profile, minutes, deps.t));
      return profiles.unlockWrites(profileId, minutes);
    },

    'token:importFromClipboard': async ({ profileId }) => (await importFrom(profileId, 'clipboard'))!,
    'token:importFromFile': ({ profileId }) => importFrom(profileId, 'file'),
    'token:importFromEnv': async ({ profileId }) => (await importFrom(profileId, 'env'))!,
    'token:describe': async ({ profileId }) => {
      profiles.get(profileId);
      return vault.describe(profileId);
    },
    'token:rotate': async ({ profileId, source }, ctx) => {
      const profile = profiles.get(profileId);
      const verify = deps.verifyToken;
      if (!verify) throw new AppError('unsupported', 'Rotation needs the API client to verify the new token first.');
      const result = await withTokenFromSource(source, deps, (raw) =>
        vault.rotate(profileId, raw, source, (token) => verify(profile.baseUrl, token, ctx.signal), { origin: profile.baseUrl }),
      );
      if (!result) return null;
      imported(result.description);
      return result;
    },
    'token:remove': async ({ profileId }) => {
      profiles.get(profileId);
      const removed = await vault.remove(profileId);
      profiles.changed(profileId);
      return { removed };
    },

    'shell:openExternal': ({ url }) =>
      openExternalSafely(url, { shell: deps.shell, confirm: deps.confirm, activeBaseUrl: profiles.active()?.baseUrl ?? null }),
    'shell:openDashboard': async ({ page }) => {
      await deps.shell.openExternal(DASHBOARD_URLS[page ?? 'home']);
      return { opened: true };
    },
  };
}
