// Driver rows ↔ API resources. The resource's key order is the vendor's documented order,
// with our `auth_method` appended.
import type { SandboxDatabase } from '../db/connection';
import type { AuthMethod, DriverSeed, SettingDefinition } from '../seed/drivers';

export interface DriverRow {
  id: string;
  name: string;
  slug: string;
  description: string;
  version: string;
  type: string;
  available_settings: string;
  supported_events: string;
  enabled: 0 | 1;
  enabled_at: string | null;
  created_at: string;
  updated_at: string;
  auth_method: AuthMethod;
  credential_setting: string | null;
}

/** A driver as the API serves it: the seed row without the sandbox-internal `credential_setting`. */
export type DriverResource = Omit<DriverSeed, 'credential_setting'>;

export function toDriverResource(row: DriverRow): DriverResource {
  return {
    id: row.id,
    name: row.name,
    slug: row.slug,
    description: row.description,
    version: row.version,
    type: row.type,
    available_settings: JSON.parse(row.available_settings) as Record<string, SettingDefinition>,
    supported_events: JSON.parse(row.supported_events) as string[],
    enabled: row.enabled === 1,
    enabled_at: row.enabled_at,
    created_at: row.created_at,
    updated_at: row.updated_at,
    auth_method: row.auth_method,
  };
}

/** By id or by slug (docs/api-contract.md §4: `GET /drivers/{id}` accepts either). */
export function findDriverRow(db: SandboxDatabase, idOrSlug: string): DriverRow | undefined {
  return db.prepare('SELECT * FROM drivers WHERE id = ? OR slug = ? LIMIT 1').get(idOrSlug, idOrSlug) as DriverRow | undefined;
}

export function insertDrivers(db: SandboxDatabase, drivers: readonly DriverSeed[]): void {
  const insert = db.prepare(`
    INSERT INTO drivers (id, name, slug, description, version, type, available_settings, supported_events,
                         enabled, enabled_at, created_at, updated_at, auth_method, credential_setting)
    VALUES (@id, @name, @slug, @description, @version, @type, @available_settings, @supported_events,
            @enabled, @enabled_at, @created_at, @updated_at, @auth_method, @credential_setting)`);
  db.transaction(() => {
    for (const driver of drivers) {
      insert.run({
        ...driver,
        available_settings: JSON.stringify(driver.available_settings),
        supported_events: JSON.stringify(driver.supported_events),
        enabled: driver.enabled ? 1 : 0,
      });
    }
  })();
}
