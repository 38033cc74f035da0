// The main process, minus Electron: every service and the one dispatcher, built from injected
// Electron APIs. electron/main.ts passes the real ones; the end-to-end harness and the tests pass
// fakes and drive the same dispatcher. Nothing here imports `electron`.
import { join } from 'node:path';
import Conf from 'conf';
import { isAppError } from '../shared/app-error';
import type { AppInfo } from '../shared/ipc/channels/app';
import type { TokenDescription } from '../shared/ipc/channels/token';
import { contract, mainEvents } from '../shared/ipc/contract';
import { createActivityHandlers } from './activity/handlers';
import { createActivityLog } from './activity/activity-log';
import { createActivityRecorder } from './activity/activity-recorder';
import { createApiService } from './api/handlers';
import type { ApiLogEntry } from './api/http';
import { verifyToken as verifyTokenWithApi } from './api/verify-token';
import { createMainHandlers, type VerifyToken } from './handlers/main-handlers';
import { createOverviewHandlers } from './overview/handlers';
import { createPayloadIndexHandlers } from './payload-index/handlers';
import { createPayloadIndexService } from './payload-index/payload-index-service';
import { createDispatcher, type DispatchSpyEntry, type Dispatcher } from './ipc/dispatcher';
import { createEventHub, type EventListener } from './ipc/events';
import type { HandlerContext, PartialHandlers } from './ipc/handler-types';
import { createTrustedWindows, trustedSenderCheck, type TrustedWindows } from './ipc/sender';
import { createJobsHandlers } from './jobs/handlers';
import { createJobsService, type SaveDialogLike } from './jobs/jobs-service';
import { openFileOutcomeLog, sweepOutcomeLogs } from './jobs/outcome-log';
import { liveTranslator, type MainTranslator } from './i18n';
import type { NativeConfirm } from './native-confirm';
import type { ConfirmOpen, ShellLike } from './open-external';
import { createProfiles, ENVIRONMENT_COLORS, type Profiles } from './settings/profiles';
import { openSettingsStore, type OpenStore, type SettingsStore } from './settings/settings-store';
import { createSavedViewsHandlers, createSavedViewsStore } from './views/saved-views-store';
import { takeStartupToken } from './startup-token';
import type { SafeStorageLike } from './vault/safe-storage';
import type { ClipboardLike, OpenDialogLike } from './vault/token-sources';
import { createTokenVault, type TokenVault } from './vault/token-vault';

export interface MainServicesDeps {
  userDataDir: string;
  safeStorage: SafeStorageLike;
  clipboard: ClipboardLike;
  dialog: OpenDialogLike & SaveDialogLike;
  shell: ShellLike;
  /** Main passes `process.env` itself: II_API_TOKEN is deleted from it at start (electron/startup-token.ts). */
  env: Record<string, string | undefined>;
  appInfo: AppInfo;
  /** `app://console` in Electron; the harness passes the origin it serves the renderer from. */
  appOrigin: string;
  /** `process.platform` by default; decides whether the Linux backend check applies. */
  platform?: string;
  /** Opens the settings store; electron-store in the app, `conf` by default. */
  openStore?: OpenStore;
  /** Checks a new token against the API before rotation; the client's verifyToken by default. */
  verifyToken?: VerifyToken;
  /** Native confirmation before opening an unknown https host. Without it, such links are refused. */
  confirm?: ConfirmOpen;
  /** Native confirmation for the safety gates (docs/security.md). Without it, gated changes are refused. */
  confirmChange?: NativeConfirm;
  now?: () => number;
  fetch?: typeof fetch;
  /** Sees every IPC payload in and result out (token-secrecy test). */
  spy?: (entry: DispatchSpyEntry) => void;
  /** The API client's request log (already free of secrets); main sends it to electron-log. */
  apiLog?: (entry: ApiLogEntry) => void;
}

export interface MainServices {
  dispatcher: Dispatcher;
  /** The webContents ids the dispatcher answers: main adds its window's when it creates it. */
  windows: TrustedWindows;
  profiles: Profiles;
  vault: TokenVault;
  settingsStore: SettingsStore;
  /** Main's texts in the app's language, for the dialogs electron/main.ts raises itself. */
  translate: MainTranslator;
  onEvent(listener: EventListener): () => void;
  emit(name: string, payload: unknown): boolean;
  /** Checks every token and pushes `token:expiring` for those within 7 days. */
  checkExpiringTokens(): Promise<void>;
  close(): Promise<void>;
}

/** The `npm start` Sandbox profile: its id is fixed so each run refreshes the same one. */
export const SANDBOX_PROFILE_ID = 'sandbox-env';
const EXPIRY_CHECK_INTERVAL_MS = 6 * 60 * 60 * 1000;

const defaultOpenStore: OpenStore = ({ cwd, name }) =>
  new Conf<Record<string, unknown>>({ cwd, configName: name, projectName: 'ii-console' });

export async function createMainServices(deps: MainServicesDeps): Promise<MainServices> {
  // First, so the token leaves the environment even if anything below fails.
  const startupToken = takeStartupToken(deps.env, { isPackaged: deps.appInfo.isPackaged });
  const now = deps.now ?? (() => Date.now());
  const platform = deps.platform ?? process.platform;
  const hub = createEventHub(mainEvents);

  const settingsStore = openSettingsStore({ dir: deps.userDataDir, open: deps.openStore ?? defaultOpenStore, now: () => new Date(now()) });
  const vault = createTokenVault({ dir: join(deps.userDataDir, 'tokens'), safeStorage: deps.safeStorage, platform, now });
  const profiles = createProfiles({
    settings: settingsStore,
    vault,
    now,
    onChange: (profileId) => hub.emit('profiles:changed', { profileId }),
  });
  // Migration: tokens stored before they carried an origin are bound to their profile's origin as
  // saved, now, before any renderer can ask for a change (docs/security.md).
  await vault.bindUnboundOrigins((profileId) => safeGet(profiles, profileId)?.baseUrl ?? null);

  const warnIfExpiring = (description: TokenDescription | null) => {
    if (description?.expiringSoon && description.daysUntilExpiry !== null) {
      hub.emit('token:expiring', { profileId: description.profileId, daysUntilExpiry: description.daysUntilExpiry });
    }
  };

  // The platform API client (CLIENT's part) and the parts built on it.
  const api = createApiService({
    profiles: { getActive: () => profiles.active(), get: (id) => profiles.get(id) },
    vault,
    now,
    ...(deps.fetch ? { fetch: deps.fetch } : {}),
    ...(deps.apiLog ? { log: deps.apiLog } : {}),
  });
  // Main's dialogs follow the app's language setting (`system` = the OS locale), read at each use.
  const translate = liveTranslator(() => settingsStore.read().settings.language, deps.appInfo.locale);
  // Bulk redeliveries of a run that crashed left their outcome files behind (account data): remove
  // them first; a job of this run opens its log only after that.
  const outcomeLogDir = join(deps.userDataDir, 'redelivery-outcomes');
  const swept = sweepOutcomeLogs(outcomeLogDir).catch(() => 0);
  const openOutcomeLog = openFileOutcomeLog(outcomeLogDir);
  const jobs = createJobsService({
    activeProfile: () => profiles.active(),
    clientFor: (profileId) => api.clientFor(profileId),
    dialog: deps.dialog,
    t: translate,
    emit: (event, snapshot) => hub.emit(event, snapshot),
    now: () => new Date(now()),
    openOutcomeLog: async () => {
      await swept;
      return openOutcomeLog();
    },
  });
  const activityLog = createActivityLog({ dir: join(deps.userDataDir, 'activity') });
  const activity = createActivityRecorder({
    log: activityLog,
    now: () => new Date(now()),
    resolveProfile: (profileId) => {
      const profile = profileId ? safeGet(profiles, profileId) : profiles.active();
      return profile ? { id: profile.id, name: profile.name, environment: profile.environment } : null;
    },
    onAppended: (entry) => hub.emit('activity:appended', entry),
  });
  const views = createSavedViewsStore({ userDataDir: deps.userDataDir, activeProfileId: () => profiles.active()?.id ?? null, now: () => new Date(now()) });

  // Search inside payloads (docs/payload-index.md): opt-in per profile; deleted with its profile or token.
  const payloadIndex = createPayloadIndexService({
    dir: join(deps.userDataDir, 'payload-index'),
    safeStorage: deps.safeStorage,
    platform,
    clientFor: (profileId) => api.clientFor(profileId),
    emit: (event, status) => hub.emit(event, status),
    now,
  });
  const activeProfileId = () => profiles.active()?.id ?? null;
  const onSessionExpired = (profileId: string) => hub.emit('session:expired', { profileId });
  // Every part's handlers in one map; a channel claimed twice fails here, at startup.
  const handlers = mergeHandlers(
    createMainHandlers({
      appInfo: deps.appInfo,
      settingsStore,
      profiles,
      vault,
      clipboard: deps.clipboard,
      dialog: deps.dialog,
      env: deps.env,
      shell: deps.shell,
      confirm: deps.confirm,
      confirmChange: deps.confirmChange,
      t: translate,
      verifyToken: deps.verifyToken ?? ((baseUrl, token, signal) => verifyTokenWithApi(baseUrl, token, signal, deps.fetch ? { fetch: deps.fetch } : {})),
      onTokenDescribed: warnIfExpiring,
    }),
    reportExpiredSessions(api.handlers, activeProfileId, onSessionExpired),
    reportExpiredSessions(
      createOverviewHandlers({ clientFor: (profileId) => api.clientFor(profileId), emit: (event, progress) => hub.emit(event, progress) }),
      activeProfileId,
      onSessionExpired,
    ),
    createActivityHandlers({ log: activityLog, dialog: deps.dialog, now: () => new Date(now()), t: translate }),
    createJobsHandlers(jobs),
    createSavedViewsHandlers(views),
    reportExpiredSessions(
      createPayloadIndexHandlers(payloadIndex, { exists: (profileId) => safeGet(profiles, profileId) !== null, activeId: activeProfileId }),
      activeProfileId,
      onSessionExpired,
    ),
  );

  const windows = createTrustedWindows();
  const dispatcher = createDispatcher({
    contract,
    handlers,
    isTrustedSender: trustedSenderCheck(deps.appOrigin, windows),
    isWriteAllowed: ({ input }) => {
      // A write goes to the profile named in its input, or else to the active profile.
      const record = input && typeof input === 'object' ? (input as Record<string, unknown>) : {};
      const profile = typeof record.profileId === 'string' ? safeGet(profiles, record.profileId) : profiles.active();
      return profile ? profiles.isWritable(profile) : true;
    },
    onWrite: (report) => activity.onWrite(report),
    ...(deps.spy ? { spy: deps.spy } : {}),
  });

  // `npm start` hands a sandbox and a freshly minted token over through the environment (unpackaged only).
  if (startupToken) {
    profiles.upsertEphemeral(
      { id: SANDBOX_PROFILE_ID, name: 'Sandbox', baseUrl: startupToken.sandboxBaseUrl, color: ENVIRONMENT_COLORS.sandbox, environment: 'sandbox', readOnly: false, writesUnlockedUntil: null },
      { activate: true },
    );
    await vault.importToken(SANDBOX_PROFILE_ID, startupToken.token, 'env', { origin: startupToken.sandboxBaseUrl, sessionOnlyReason: 'environment' });
  }

  async function checkExpiringTokens() {
    for (const profile of (await profiles.list()).profiles) warnIfExpiring(profile.token);
  }
  // Indexes turned on in an earlier session continue from where they were. From now on, removing a
  // profile or its token deletes its index (after the `npm start` profile above got its token).
  await payloadIndex.resumeAll();
  hub.onEvent((event, payload) => {
    if (event !== 'profiles:changed') return;
    const profileId = (payload as { profileId: string | null }).profileId;
    if (!profileId) return;
    void (async () => {
      if (!safeGet(profiles, profileId) || !(await vault.describe(profileId))) await payloadIndex.forget(profileId);
    })().catch(() => undefined);
  });

  const expiryTimer = setInterval(() => void checkExpiringTokens().catch(() => undefined), EXPIRY_CHECK_INTERVAL_MS);
  expiryTimer.unref?.();

  return {
    dispatcher,
    windows,
    profiles,
    vault,
    settingsStore,
    translate,
    onEvent: hub.onEvent,
    emit: hub.emit,
    checkExpiringTokens,
    async close() {
      clearInterval(expiryTimer);
      await activity.flush().catch(() => undefined);
      await payloadIndex.close().catch(() => undefined);
      vault.clearSession();
      hub.clear();
    },
  };
}

/** Merges per-part handler maps; two parts claiming one channel is a wiring bug, caught at startup. */
export function mergeHandlers(...parts: PartialHandlers[]): PartialHandlers {
  const merged: Record<string, unknown> = {};
  for (const part of parts) {
    for (const [channel, handler] of Object.entries(part)) {
      if (Object.hasOwn(merged, channel)) throw new Error(`Two handlers for IPC channel ${channel}.`);
      merged[channel] = handler;
    }
  }
  return merged as PartialHandlers;
}

function safeGet(profiles: Profiles, id: string) {
  try {
    return profiles.get(id);
  } catch {
    return null;
  }
}

/** Wraps the API handlers so a 401 also tells the renderer the profile's session expired. */
function reportExpiredSessions(
  handlers: PartialHandlers,
  activeProfileId: () => string | null,
  onExpired: (profileId: string) => void,
): PartialHandlers {
  const wrapped: Record<string, unknown> = {};
  for (const [channel, handler] of Object.entries(handlers) as Array<[string, (input: unknown, ctx: HandlerContext) => Promise<unknown>]>) {
    wrapped[channel] = async (input: unknown, ctx: HandlerContext) => {
      try {
        return await handler(input, ctx);
      } catch (error) {
        const profileId = activeProfileId();
        if (isAppError(error) && error.code === 'unauthenticated' && profileId) onExpired(profileId);
        throw error;
      }
    };
  }
  return wrapped as PartialHandlers;
}
