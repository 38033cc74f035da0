// Installations (docs/api-contract.md §5). Only `id` is documented for certain (DOC [PROV] shows a bare
// `{id, status, auth_url}` answer to create), so tolerant parsing requires just that.
import { z } from 'zod';
import { jsonObject, opaqueId, openEnum, oursField, resourceObject, timestamp, type SchemaMode } from './schema-mode';

export const installationStatuses = ['pending_auth', 'active', 'disabled', 'error'] as const;
export const installationMethods = ['oauth', 'api_key', 'none'] as const;

export function buildInstallationSchemas(mode: SchemaMode) {
  const installation = resourceObject(mode, {
    id: opaqueId(mode),
    driver_id: oursField(mode, opaqueId(mode)),
    integration_driver_slug: oursField(mode, z.string()),
    name: oursField(mode, z.string()),
    status: oursField(mode, openEnum(mode, installationStatuses)),
    status_reason: z.string().nullable().optional(),
    method: oursField(mode, openEnum(mode, installationMethods).nullable()),
    auth_url: oursField(mode, z.string().nullable()),
    meta: oursField(mode, jsonObject.nullable()),
    /** Setting values by dot-path key; secrets read back as `null`. */
    settings: oursField(mode, z.record(z.string(), z.unknown())),
    created_at: oursField(mode, timestamp(mode)),
    updated_at: oursField(mode, timestamp(mode)),
    disabled_at: oursField(mode, timestamp(mode).nullable()),
  });
  return { installation };
}

const tolerant = buildInstallationSchemas('tolerant');
export const installationSchema = tolerant.installation;
export const strictInstallationSchemas = buildInstallationSchemas('strict');
export type Installation = z.infer<typeof installationSchema>;
export type InstallationStatus = (typeof installationStatuses)[number];

/** What `POST /installations` and `/reauthorize` answer: an installation, wrapped or bare. */
export const createInstallationResponseSchema = installationSchema;

/** Request bodies (what the client sends; checked before sending). */
export const createInstallationBodySchema = z.object({
  driver_id: z.string().min(1),
  name: z.string().min(1),
  meta: jsonObject.optional(),
  settings: z.record(z.string(), z.unknown()).optional(),
});
export type CreateInstallationBody = z.infer<typeof createInstallationBodySchema>;

export const patchInstallationBodySchema = z.object({
  name: z.string().min(1).optional(),
  meta: jsonObject.optional(),
  /** Partial: omitted keys (and omitted secrets) keep their value. */
  settings: z.record(z.string(), z.unknown()).optional(),
});
export type PatchInstallationBody = z.infer<typeof patchInstallationBodySchema>;
