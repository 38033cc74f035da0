// webhooks:* — delivery endpoints, the retry policy (docs/api-contract.md §7) and the log of webhooks received
// from providers (docs/api-contract.md §6, GET /processing/webhooks).
import { z } from 'zod';
import { op } from '../kit';
import { dispatchSchema, receivedWebhookSchema } from '../../api/processing';
import {
  createWebhookEndpointBodySchema,
  patchWebhookEndpointBodySchema,
  retryPolicyBodySchema,
  retryPolicySchema,
  webhookEndpointSchema,
  webhookEndpointWithSecretSchema,
} from '../../api/webhooks';
import { actionIdSchema, cursorListInput, listOutput, optionalFilterText, pageListInput, resourceIdSchema } from '../../api/ipc-lists';

export const receivedWebhooksFiltersSchema = z
  .object({
    installation_id: optionalFilterText,
    integration_driver_slug: optionalFilterText,
    status: optionalFilterText,
    received_at_greater_than: z.string().min(1).max(64).optional(),
    received_at_less_than: z.string().min(1).max(64).optional(),
  })
  .strict();
export type ReceivedWebhooksFilters = z.infer<typeof receivedWebhooksFiltersSchema>;
export const receivedWebhooksListInputSchema = cursorListInput(receivedWebhooksFiltersSchema);
export type ReceivedWebhooksListInput = z.infer<typeof receivedWebhooksListInputSchema>;

export const endpointsListInputSchema = pageListInput(z.object({}).strict());
export type EndpointsListInput = z.infer<typeof endpointsListInputSchema>;

const idInput = z.object({ id: resourceIdSchema }).strict();
const writeInput = z.object({ id: resourceIdSchema, actionId: actionIdSchema }).strict();

export const webhooksChannels = {
  'webhooks:endpointsList': op(endpointsListInputSchema, listOutput(webhookEndpointSchema)),
  'webhooks:endpointGet': op(idInput, webhookEndpointSchema),
  /** The answer carries the signing secret, shown once. */
  'webhooks:endpointCreate': op(z.object({ actionId: actionIdSchema, body: createWebhookEndpointBodySchema }).strict(), webhookEndpointWithSecretSchema, {
    write: true,
  }),
  'webhooks:endpointUpdate': op(
    z.object({ id: resourceIdSchema, actionId: actionIdSchema, body: patchWebhookEndpointBodySchema }).strict(),
    webhookEndpointSchema,
    { write: true },
  ),
  'webhooks:endpointDelete': op(writeInput, z.object({ id: z.string(), deleted: z.literal(true) }), { write: true }),
  /** Sends a `ping`; answers with its dispatch (optional route). */
  'webhooks:endpointTest': op(writeInput, dispatchSchema, { write: true }),
  /** New signing secret, shown once; the old one verifies for 24 h more (optional route). */
  'webhooks:endpointRotateSecret': op(writeInput, webhookEndpointWithSecretSchema, { write: true }),
  'webhooks:retryPolicyGet': op(z.object({}).strict(), retryPolicySchema),
  'webhooks:retryPolicyPut': op(z.object({ actionId: actionIdSchema, body: retryPolicyBodySchema }).strict(), retryPolicySchema, { write: true }),
  /** Webhooks received from providers (optional route). */
  'webhooks:received': op(receivedWebhooksListInputSchema, listOutput(receivedWebhookSchema)),
};

export const webhooksEvents = {};
