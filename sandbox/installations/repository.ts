// Installation rows ↔ API resources. `auth_url` is derived from the stored OAuth state and the
// sandbox's current origin, so it stays valid when the CLI restarts on another port.
import type { InstallationResource, SandboxContext } from '../context';
import type { SandboxDatabase } from '../db/connection';
import { publicSettings, type SettingDefinitions, type Settings } from './settings';

export const INSTALLATION_STATUSES = ['pending_auth', 'active', 'disabled', 'error'] as const;
export type InstallationStatus = (typeof INSTALLATION_STATUSES)[number];

export interface InstallationRow {
  id: string;
  driver_id: string;
  name: string;
  status: InstallationStatus;
  status_reason: string | null;
  method: string;
  oauth_state: string | null;
  authorized_at: string | null;
  meta: string;
  settings: string;
  created_at: string;
  updated_at: string;
  disabled_at: string | null;
  // joined from drivers
  driver_slug: string;
  driver_settings: string;
}

/** Select list + FROM for reading installations with what serialising them needs from the driver. */
export const INSTALLATION_SELECT = 'i.*, d.slug AS driver_slug, d.available_settings AS driver_settings';
export const INSTALLATION_FROM = 'installations i JOIN drivers d ON d.id = i.driver_id';

export function authUrl(ctx: SandboxContext, installationId: string, state: string): string {
  const query = new URLSearchParams({ installation_id: installationId, state });
  return `${ctx.origin}/_sandbox/oauth/authorize?${query.toString()}`;
}

export function toInstallationResource(ctx: SandboxContext, row: InstallationRow): InstallationResource {
  const definitions = JSON.parse(row.driver_settings) as SettingDefinitions;
  return {
    id: row.id,
    driver_id: row.driver_id,
    integration_driver_slug: row.driver_slug,
    name: row.name,
    status: row.status,
    status_reason: row.status_reason,
    method: row.method,
    auth_url: row.status === 'pending_auth' && row.oauth_state !== null ? authUrl(ctx, row.id, row.oauth_state) : null,
    meta: JSON.parse(row.meta) as Record<string, unknown>,
    settings: publicSettings(definitions, JSON.parse(row.settings) as Settings),
    created_at: row.created_at,
    updated_at: row.updated_at,
    disabled_at: row.disabled_at,
  };
}

export function findInstallationRow(db: SandboxDatabase, id: string): InstallationRow | undefined {
  return db.prepare(`SELECT ${INSTALLATION_SELECT} FROM ${INSTALLATION_FROM} WHERE i.id = ?`).get(id) as
    | InstallationRow
    | undefined;
}

export interface NewInstallation {
  id: string;
  driver_id: string;
  name: string;
  status: InstallationStatus;
  status_reason: string | null;
  method: string;
  oauth_state: string | null;
  authorized_at: string | null;
  meta: Record<string, unknown>;
  settings: Settings;
  created_at: string;
  updated_at: string;
  disabled_at: string | null;
}

export function insertInstallation(db: SandboxDatabase, installation: NewInstallation): void {
  db.prepare(
    `INSERT INTO installations (id, driver_id, name, status, status_reason, method, oauth_state, authorized_at,
                                meta, settings, created_at, updated_at, disabled_at)
     VALUES (@id, @driver_id, @name, @status, @status_reason, @method, @oauth_state, @authorized_at,
             @meta, @settings, @created_at, @updated_at, @disabled_at)`,
  ).run({ ...installation, meta: JSON.stringify(installation.meta), settings: JSON.stringify(installation.settings) });
}

/**
 * Tells the hooks about a committed change. A failing listener is logged, not thrown: the write
 * already happened, and turning it into a 500 would invite the client to repeat it.
 */
export function notifyInstallationUpdated(ctx: SandboxContext, installation: InstallationResource): void {
  try {
    ctx.hooks.onInstallationUpdated(installation);
  } catch (error) {
    console.error(`[sandbox] onInstallationUpdated failed for installation ${installation.id}:`, error);
  }
}
