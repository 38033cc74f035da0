// Webhook configuration (docs/api-contract.md §7): delivery endpoints and the account's retry policy.
import { z } from 'zod';
import { opaqueId, openEnum, oursField, resourceObject, timestamp, type SchemaMode } from './schema-mode';

export const retryStrategies = ['exponential', 'linear', 'fixed'] as const;
export const retryOnValues = ['5xx', '429', 'timeout', 'connection_error'] as const;

export function buildWebhookSchemas(mode: SchemaMode) {
  const endpointFields = {
    id: opaqueId(mode),
    url: z.string(),
    description: oursField(mode, z.string().nullable()),
    enabled: oursField(mode, z.boolean()),
    /** Event names, or `["*"]` for all. */
    events: oursField(mode, z.array(z.string())),
    /** Custom headers; values are write-only, so a server may read them back masked or null. */
    headers: oursField(mode, z.record(z.string(), z.string().nullable())),
    timeout_seconds: oursField(mode, z.number().int()),
    /** Last 4 characters of the signing secret. */
    secret_hint: oursField(mode, z.string().nullable()),
    created_at: oursField(mode, timestamp(mode)),
    updated_at: oursField(mode, timestamp(mode)),
    disabled_reason: oursField(mode, z.string().nullable()),
  };
  const endpoint = resourceObject(mode, endpointFields);
  /** Create and rotate-secret are the only answers that carry the signing secret. */
  const endpointWithSecret = resourceObject(mode, { ...endpointFields, secret: z.string() });
  const retryPolicy = resourceObject(mode, {
    max_attempts: z.number().int(),
    strategy: openEnum(mode, retryStrategies),
    initial_delay_seconds: z.number(),
    max_delay_seconds: z.number(),
    retry_on: z.array(openEnum(mode, retryOnValues)),
    disable_endpoint_after_failures: z.number().int().nullable(),
  });
  return { endpoint, endpointWithSecret, retryPolicy };
}

const tolerant = buildWebhookSchemas('tolerant');
export const webhookEndpointSchema = tolerant.endpoint;
export const webhookEndpointWithSecretSchema = tolerant.endpointWithSecret;
export const retryPolicySchema = tolerant.retryPolicy;
export const strictWebhookSchemas = buildWebhookSchemas('strict');

export type WebhookEndpoint = z.infer<typeof webhookEndpointSchema>;
export type WebhookEndpointWithSecret = z.infer<typeof webhookEndpointWithSecretSchema>;
export type RetryPolicy = z.infer<typeof retryPolicySchema>;

/** Request bodies the client sends (validated before sending, so bad input fails locally). */
export const createWebhookEndpointBodySchema = z.object({
  url: z.string().url(),
  description: z.string().nullable().optional(),
  enabled: z.boolean().optional(),
  events: z.array(z.string().min(1)).min(1).optional(),
  headers: z.record(z.string(), z.string()).optional(),
  timeout_seconds: z.number().int().min(1).max(30).optional(),
});
export type CreateWebhookEndpointBody = z.infer<typeof createWebhookEndpointBodySchema>;
/** PATCH replaces the header set; a `null` value keeps that header's stored (write-only) value. */
export const patchWebhookEndpointBodySchema = createWebhookEndpointBodySchema
  .extend({ headers: z.record(z.string(), z.string().nullable()).optional() })
  .partial();
export type PatchWebhookEndpointBody = z.infer<typeof patchWebhookEndpointBodySchema>;

export const retryPolicyBodySchema = z.object({
  max_attempts: z.number().int().min(1).max(20),
  strategy: z.enum(retryStrategies),
  initial_delay_seconds: z.number().int().min(0),
  max_delay_seconds: z.number().int().min(0),
  retry_on: z.array(z.enum(retryOnValues)),
  disable_endpoint_after_failures: z.number().int().min(1).nullable(),
});
export type RetryPolicyBody = z.infer<typeof retryPolicyBodySchema>;
