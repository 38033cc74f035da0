// Profiles: the accounts/environments the console talks to, saved in the settings file, plus
// ephemeral ones that exist only for this run (the `npm start` Sandbox). Also the read-only rule
// the dispatcher applies to write channels.
import { randomUUID } from 'node:crypto';
import { AppError } from '../../shared/app-error';
import { DEFAULT_BASE_URL, normalizeBaseUrl } from '../../shared/base-url';
import type {
  Profile,
  ProfileCreate,
  ProfileEnvironment,
  ProfileUpdate,
  ProfileWithToken,
} from '../../shared/ipc/channels/profiles';
import type { Settings, SettingsPatch } from '../../shared/ipc/channels/settings';
import type { TokenVault } from '../vault/token-vault';
import type { SettingsStore } from './settings-store';

/** Production is red on purpose: the operator must never mistake it for a test account. */
export const ENVIRONMENT_COLORS: Record<ProfileEnvironment, string> = {
  production: '#e03131',
  staging: '#f08c00',
  sandbox: '#2f9e44',
  other: '#1c7ed6',
};

export interface ProfilesDeps {
  settings: SettingsStore;
  vault: TokenVault;
  now?: () => number;
  /** Told whenever profiles, the active profile or a token changed. */
  onChange?: (profileId: string | null) => void;
}

export interface Profiles {
  list(): Promise<{ profiles: ProfileWithToken[]; activeId: string | null }>;
  get(id: string): Profile;
  active(): Profile | null;
  create(input: ProfileCreate): Profile;
  update(input: ProfileUpdate): Profile;
  remove(id: string): Promise<void>;
  activate(id: string): Profile;
  unlockWrites(profileId: string, minutes: number): Profile;
  /** May a write run on this profile right now? */
  isWritable(profile: Profile): boolean;
  /** Adds or refreshes a profile that is never saved (and makes it active if asked). */
  upsertEphemeral(profile: Omit<Profile, 'ephemeral'>, options?: { activate?: boolean }): Profile;
  settings(): Settings;
  updateSettings(patch: SettingsPatch): Settings;
  saveWindowBounds(bounds: Settings['windowBounds']): void;
  /** Notifies listeners; for changes made elsewhere (a token import). */
  changed(profileId: string | null): void;
}

export function createProfiles(deps: ProfilesDeps): Profiles {
  const { settings: store, vault } = deps;
  const now = deps.now ?? (() => Date.now());
  const ephemeral = new Map<string, Profile>();
  // The active profile may be ephemeral, which the settings file must not point at.
  let ephemeralActiveId: string | null = null;
  const changed = (profileId: string | null) => deps.onChange?.(profileId);

  const all = (): Profile[] => [...store.read().profiles, ...ephemeral.values()];

  function find(id: string): Profile | undefined {
    return ephemeral.get(id) ?? store.read().profiles.find((profile) => profile.id === id);
  }

  function get(id: string): Profile {
    const profile = find(id);
    if (!profile) throw new AppError('not_found', 'No such profile. It may have been removed.');
    return profile;
  }

  function activeId(): string | null {
    if (ephemeralActiveId && ephemeral.has(ephemeralActiveId)) return ephemeralActiveId;
    const id = store.read().settings.activeProfileId;
    if (id && find(id)) return id;
    return all()[0]?.id ?? null;
  }

  function isWritable(profile: Profile): boolean {
    if (!profile.readOnly) return true;
    const until = profile.writesUnlockedUntil ? Date.parse(profile.writesUnlockedUntil) : NaN;
    return Number.isFinite(until) && until > now();
  }

  function modify(id: string, change: (profile: Profile) => void): Profile {
    const transient = ephemeral.get(id);
    if (transient) {
      const copy = { ...transient };
      change(copy);
      ephemeral.set(id, copy);
      return copy;
    }
    let result: Profile | undefined;
    store.update((draft) => {
      const profile = draft.profiles.find((p) => p.id === id);
      if (!profile) return;
      change(profile);
      result = { ...profile };
    });
    if (!result) throw new AppError('not_found', 'No such profile. It may have been removed.');
    return result;
  }

  return {
    async list() {
      const profiles = await Promise.all(
        all().map(async (profile) => ({ ...profile, token: await vault.describe(profile.id), writable: isWritable(profile) })),
      );
      return { profiles, activeId: activeId() };
    },
    get,
    active() {
      const id = activeId();
      return id ? get(id) : null;
    },
    create(input) {
      const environment = input.environment ?? 'production';
      const profile: Profile = {
        id: randomUUID(),
        name: input.name,
        baseUrl: normalizeBaseUrl(input.baseUrl ?? DEFAULT_BASE_URL),
        color: input.color ?? ENVIRONMENT_COLORS[environment],
        environment,
        readOnly: input.readOnly ?? false,
        writesUnlockedUntil: null,
        ...(input.maxResponseMb !== undefined ? { maxResponseMb: input.maxResponseMb } : {}),
      };
      store.update((draft) => {
        draft.profiles.push(profile);
        if (!draft.settings.activeProfileId && !ephemeralActiveId) draft.settings.activeProfileId = profile.id;
      });
      changed(profile.id);
      return profile;
    },
    update(input) {
      const { id, ...patch } = input;
      const profile = modify(id, (draft) => {
        if (patch.name !== undefined) draft.name = patch.name;
        if (patch.baseUrl !== undefined) draft.baseUrl = normalizeBaseUrl(patch.baseUrl);
        if (patch.color !== undefined) draft.color = patch.color;
        if (patch.environment !== undefined) draft.environment = patch.environment;
        if (patch.maxResponseMb !== undefined) draft.maxResponseMb = patch.maxResponseMb;
        if (patch.readOnly !== undefined) {
          draft.readOnly = patch.readOnly;
          draft.writesUnlockedUntil = null;
        }
      });
      changed(id);
      return profile;
    },
    async remove(id) {
      get(id);
      // The token goes first: a profile must never disappear while its ciphertext stays behind.
      await vault.remove(id);
      if (ephemeral.delete(id)) {
        if (ephemeralActiveId === id) ephemeralActiveId = null;
      } else {
        store.update((draft) => {
          draft.profiles = draft.profiles.filter((profile) => profile.id !== id);
          if (draft.settings.activeProfileId === id) draft.settings.activeProfileId = draft.profiles[0]?.id ?? null;
        });
      }
      changed(id);
    },
    activate(id) {
      const profile = get(id);
      if (profile.ephemeral) {
        ephemeralActiveId = id;
      } else {
        ephemeralActiveId = null;
        store.update((draft) => {
          draft.settings.activeProfileId = id;
        });
      }
      changed(id);
      return profile;
    },
    unlockWrites(profileId, minutes) {
      const until = minutes > 0 ? new Date(now() + minutes * 60_000).toISOString() : null;
      const profile = modify(profileId, (draft) => {
        draft.writesUnlockedUntil = until;
      });
      changed(profileId);
      return profile;
    },
    isWritable,
    upsertEphemeral(input, options = {}) {
      const profile: Profile = { ...input, baseUrl: normalizeBaseUrl(input.baseUrl), ephemeral: true };
      ephemeral.set(profile.id, profile);
      if (options.activate) ephemeralActiveId = profile.id;
      changed(profile.id);
      return profile;
    },
    settings() {
      return { ...store.read().settings, activeProfileId: activeId() };
    },
    updateSettings(patch) {
      store.update((draft) => {
        Object.assign(draft.settings, patch);
      });
      return { ...store.read().settings, activeProfileId: activeId() };
    },
    saveWindowBounds(bounds) {
      store.update((draft) => {
        draft.settings.windowBounds = bounds;
      });
    },
    changed,
  };
}
