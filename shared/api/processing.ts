// Processing (docs/api-contract.md §6): events, delivery attempts (dispatches) and received webhooks.
// Event list fields are DOC [APROC] (required); the detail, dispatches and received webhooks are OURS.
import { z } from 'zod';
import { jsonObject, opaqueId, openEnum, oursField, resourceObject, timestamp, type SchemaMode } from './schema-mode';

export const eventStatuses = ['pending', 'dispatching', 'dispatched', 'failed', 'discarded'] as const;
export const dispatchStatuses = ['pending', 'succeeded', 'failed'] as const;
export const dispatchTriggers = ['automatic', 'manual'] as const;
export const receivedWebhookStatuses = ['processed', 'rejected'] as const;

export function buildProcessingSchemas(mode: SchemaMode) {
  const lastDispatch = resourceObject(mode, {
    id: opaqueId(mode),
    status: openEnum(mode, dispatchStatuses),
    attempt_response_code: z.number().int().nullable(),
    attempted_at: timestamp(mode).nullable(),
  });
  // OURS: `{id, name}` of the event that replaced this one. Tolerant: a bare id string too.
  const supersededBy =
    mode === 'strict'
      ? resourceObject(mode, { id: opaqueId(mode), name: z.string() }).nullable()
      : z.union([resourceObject(mode, { id: opaqueId(mode), name: z.string().optional() }), z.string()]).nullable();
  const eventFields = {
    id: opaqueId(mode),
    installation_id: opaqueId(mode).nullable(),
    integration_driver_slug: z.string().nullable(),
    name: z.string(),
    created_at: timestamp(mode),
    status: openEnum(mode, eventStatuses),
    superseded: z.boolean(),
    superseded_by: supersededBy,
    last_dispatch: lastDispatch.nullable(),
  };
  const event = resourceObject(mode, eventFields);

  const headers = z.record(z.string(), z.union([z.string(), z.array(z.string())]));
  const dispatch = resourceObject(mode, {
    id: opaqueId(mode),
    event_id: oursField(mode, opaqueId(mode)),
    endpoint_id: oursField(mode, opaqueId(mode).nullable()),
    url: oursField(mode, z.string()),
    attempt: oursField(mode, z.number().int()),
    trigger: oursField(mode, openEnum(mode, dispatchTriggers)),
    status: openEnum(mode, dispatchStatuses),
    /** null on timeout or connection error. */
    attempt_response_code: oursField(mode, z.number().int().nullable()),
    /** e.g. `timeout`, `connection_refused`. */
    error: oursField(mode, z.string().nullable()),
    duration_ms: oursField(mode, z.number().nullable()),
    request_headers: oursField(mode, headers.nullable()),
    request_body: oursField(mode, z.string().nullable()),
    response_headers: oursField(mode, headers.nullable()),
    /** First 64 KiB of the endpoint's answer. */
    response_body: oursField(mode, z.string().nullable()),
    attempted_at: oursField(mode, timestamp(mode).nullable()),
    next_retry_at: oursField(mode, timestamp(mode).nullable()),
  });

  const eventDetail = resourceObject(mode, {
    ...eventFields,
    payload: oursField(mode, mode === 'strict' ? jsonObject : z.unknown()),
    dispatches: oursField(mode, z.array(dispatch)),
  });

  const receivedWebhook = resourceObject(mode, {
    id: opaqueId(mode),
    installation_id: oursField(mode, opaqueId(mode).nullable()),
    integration_driver_slug: oursField(mode, z.string().nullable()),
    received_at: oursField(mode, timestamp(mode)),
    headers: oursField(mode, headers),
    body: oursField(mode, z.unknown()),
    signature_valid: oursField(mode, z.boolean().nullable()),
    status: oursField(mode, openEnum(mode, receivedWebhookStatuses)),
    status_reason: oursField(mode, z.string().nullable()),
    event_ids: oursField(mode, z.array(opaqueId(mode))),
  });

  return { lastDispatch, event, eventDetail, dispatch, receivedWebhook };
}

const tolerant = buildProcessingSchemas('tolerant');
export const eventSchema = tolerant.event;
export const eventDetailSchema = tolerant.eventDetail;
export const dispatchSchema = tolerant.dispatch;
export const receivedWebhookSchema = tolerant.receivedWebhook;
export const strictProcessingSchemas = buildProcessingSchemas('strict');

export type PlatformEvent = z.infer<typeof eventSchema>;
export type PlatformEventDetail = z.infer<typeof eventDetailSchema>;
export type Dispatch = z.infer<typeof dispatchSchema>;
export type ReceivedWebhook = z.infer<typeof receivedWebhookSchema>;
export type EventStatus = (typeof eventStatuses)[number];
export type DispatchStatus = (typeof dispatchStatuses)[number];
