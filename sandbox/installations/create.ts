// Creating an installation, shared by both dialects (docs/api-contract.md §5): settings checked against
// the driver, OAuth drivers start `pending_auth` with an approval `auth_url`, API-key drivers are checked
// and activated at once (an update the platform announces). Each dialect validates its own request body
// and driver lookup first, with its own messages; from here on the data and its rules are the same.
import { randomBytes, randomUUID } from 'node:crypto';
import type { InstallationResource, SandboxContext } from '../context';
import type { DriverRow } from '../drivers/repository';
import { validationError, type FieldErrors } from '../http/errors';
import { toApiTimestamp } from '../time';
import { credentialProblem } from './credentials';
import { findInstallationRow, insertInstallation, notifyInstallationUpdated, toInstallationResource } from './repository';
import { mergeAndValidateSettings, type SettingDefinitions, type Settings } from './settings';

export interface NewInstallationInput {
  name: string;
  meta: Record<string, unknown>;
  settings: Settings;
}

/** A fresh OAuth `state`, which the approval page checks. */
export function newOAuthState(): string {
  return randomBytes(24).toString('base64url');
}

/** Creates the installation for an enabled `driver` (422 on bad settings) and returns it as the API serves it. */
export function createInstallation(ctx: SandboxContext, driver: DriverRow, input: NewInstallationInput): InstallationResource {
  const { db } = ctx;
  const settings = checkSettings(driver, {}, input.settings);
  const id = randomUUID();
  const now = toApiTimestamp(ctx.now());
  const oauth = driver.auth_method === 'oauth';
  db.transaction(() => {
    insertInstallation(db, {
      id,
      driver_id: driver.id,
      name: input.name,
      status: oauth ? 'pending_auth' : 'active',
      status_reason: null,
      method: driver.auth_method,
      oauth_state: oauth ? newOAuthState() : null,
      authorized_at: oauth ? null : now,
      meta: input.meta,
      settings,
      created_at: now,
      updated_at: now,
      disabled_at: null,
    });
  })();
  const resource = toInstallationResource(ctx, findInstallationRow(db, id)!);
  // An API-key installation is activated at once: that is an update the platform announces.
  if (!oauth) notifyInstallationUpdated(ctx, resource);
  return resource;
}

/** Validated, merged settings — or a 422 with one entry per offending key. */
export function checkSettings(driver: DriverRow, existing: Settings, input: Settings): Settings {
  const definitions = JSON.parse(driver.available_settings) as SettingDefinitions;
  const { settings, errors } = mergeAndValidateSettings(definitions, existing, input);
  const credentialKey = driver.credential_setting;
  if (driver.auth_method === 'api_key' && credentialKey !== null && errors[`settings.${credentialKey}`] === undefined) {
    // Only a key sent in this request is checked; a stored one was accepted before.
    const problem = credentialKey in input && input[credentialKey] !== null ? credentialProblem(settings[credentialKey]) : null;
    if (problem !== null) {
      const fieldErrors: FieldErrors = errors;
      (fieldErrors[`settings.${credentialKey}`] ??= []).push(`The settings.${credentialKey} field ${problem}`);
    }
  }
  if (Object.keys(errors).length > 0) throw validationError(errors);
  return settings;
}
