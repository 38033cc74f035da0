// Drivers (docs/api-contract.md §4). DOC fields are required in both modes; `auth_method` is OURS and optional
// even when strict, because the two documented example drivers must be served verbatim without it.
import { z } from 'zod';
import { jsonObject, opaqueId, openEnum, resourceObject, timestamp, type SchemaMode } from './schema-mode';

export const driverTypes = ['webhook'] as const;
export const driverAuthMethods = ['oauth', 'api_key', 'none'] as const;
/** `boolean`, `url`, `string` are documented; the rest are OURS. Unknown types render as text. */
export const settingTypes = ['boolean', 'url', 'string', 'secret', 'integer', 'enum'] as const;

export function buildDriverSchemas(mode: SchemaMode) {
  const setting = resourceObject(mode, {
    type: openEnum(mode, settingTypes),
    required: z.boolean().optional(),
    /** `"<other key>,<value>"`: required when that other setting has that value. */
    required_if: z.string().optional(),
    options: z.array(z.union([z.string(), z.number(), z.boolean()])).optional(),
    label: z.string().optional(),
    description: z.string().nullable().optional(),
  });
  const driver = resourceObject(mode, {
    id: opaqueId(mode),
    name: z.string(),
    slug: z.string(),
    description: z.string().nullable(),
    version: z.string(),
    type: openEnum(mode, driverTypes),
    available_settings: z.record(z.string(), setting),
    supported_events: z.array(z.string()),
    enabled: z.boolean(),
    enabled_at: timestamp(mode).nullable(),
    created_at: timestamp(mode),
    updated_at: timestamp(mode),
    auth_method: openEnum(mode, driverAuthMethods).optional(),
  });
  return { setting, driver };
}

const tolerant = buildDriverSchemas('tolerant');
export const driverSettingSchema = tolerant.setting;
export const driverSchema = tolerant.driver;
export const strictDriverSchemas = buildDriverSchemas('strict');

export type DriverSetting = z.infer<typeof driverSettingSchema>;
export type Driver = z.infer<typeof driverSchema>;
export type DriverType = (typeof driverTypes)[number];
export type SettingType = (typeof settingTypes)[number];

// Re-exported so callers that only need "some object" don't import schema-mode.
export { jsonObject };
