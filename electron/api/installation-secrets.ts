// Installation settings the driver types as secret never leave main. The API should read them back
// as `null`, but a server that echoes `client_secret` must not put it in front of the untrusted
// renderer: before an installation crosses IPC, main looks up its driver's `available_settings`
// (cached per profile for a few minutes) and nulls every setting typed `secret` or `password`.
// Keys whose NAME says secret are nulled by the IPC view itself (shared/api/ipc-views.ts).
// When the driver cannot be read, every setting value is hidden: failing closed costs the operator
// a form to retype, failing open could cost a credential.
import { isAppError } from '../../shared/app-error';
import type { Installation } from '../../shared/api/index';
import type { PlatformClient } from './platform-client';

/** Setting types whose values are credentials (`secret` is ours; `password` is common elsewhere). */
const SECRET_SETTING_TYPES = new Set(['secret', 'password']);
const CACHE_MS = 5 * 60_000;

/** `null` = the driver could not be read: hide everything. */
type SecretKeys = ReadonlySet<string> | null;

export class SecretSettingsLookup {
  private readonly cache = new Map<string, { keys: ReadonlySet<string>; until: number }>();

  constructor(private readonly now: () => number = Date.now) {}

  async secretKeys(client: PlatformClient, driverRef: string, signal: AbortSignal | undefined): Promise<SecretKeys> {
    const cached = this.cache.get(driverRef);
    if (cached && cached.until > this.now()) return cached.keys;
    try {
      const driver = await client.getDriver(driverRef, { signal });
      const keys = new Set(
        Object.entries(driver.available_settings ?? {})
          .filter(([, setting]) => SECRET_SETTING_TYPES.has(String(setting.type).toLowerCase()))
          .map(([key]) => key),
      );
      this.cache.set(driverRef, { keys, until: this.now() + CACHE_MS });
      return keys;
    } catch (error) {
      if (isAppError(error) && error.code === 'cancelled') throw error;
      return null;
    }
  }

  /** The installation with its secret-typed settings as `null`. */
  async hide<T extends Pick<Installation, 'settings' | 'driver_id' | 'integration_driver_slug'>>(client: PlatformClient, installation: T, signal?: AbortSignal): Promise<T> {
    const settings = installation.settings;
    if (!settings || Object.keys(settings).length === 0) return installation;
    const driverRef = installation.driver_id ?? installation.integration_driver_slug;
    const keys = driverRef ? await this.secretKeys(client, driverRef, signal) : null;
    const hidden: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(settings)) hidden[key] = keys === null || keys.has(key) ? null : value;
    return { ...installation, settings: hidden };
  }

  async hideAll<T extends Pick<Installation, 'settings' | 'driver_id' | 'integration_driver_slug'>>(client: PlatformClient, installations: T[], signal?: AbortSignal): Promise<T[]> {
    const out: T[] = [];
    for (const installation of installations) out.push(await this.hide(client, installation, signal));
    return out;
  }
}
