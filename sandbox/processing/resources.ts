// Rows of the processing tables → the API's JSON (docs/api-contract.md §6).
import type { EndpointRow } from '../webhooks/endpoint-store';

export const EVENT_LIST_COLUMNS = `id, installation_id, integration_driver_slug, name, created_at, status, superseded,
  superseded_by_id, superseded_by_name, last_dispatch_id, last_dispatch_status, last_dispatch_response_code,
  last_dispatch_attempted_at`;

export interface EventListRow extends Record<string, unknown> {
  id: string;
  installation_id: string | null;
  integration_driver_slug: string | null;
  name: string;
  created_at: string;
  status: string;
  superseded: number;
  superseded_by_id: string | null;
  superseded_by_name: string | null;
  last_dispatch_id: string | null;
  last_dispatch_status: string | null;
  last_dispatch_response_code: number | null;
  last_dispatch_attempted_at: string | null;
}

export function eventResource(row: EventListRow) {
  return {
    id: row.id,
    installation_id: row.installation_id,
    integration_driver_slug: row.integration_driver_slug,
    name: row.name,
    created_at: row.created_at,
    status: row.status,
    superseded: row.superseded === 1,
    superseded_by: row.superseded_by_id === null ? null : { id: row.superseded_by_id, name: row.superseded_by_name ?? '' },
    last_dispatch:
      row.last_dispatch_id === null
        ? null
        : {
            id: row.last_dispatch_id,
            status: row.last_dispatch_status ?? 'pending',
            attempt_response_code: row.last_dispatch_response_code,
            attempted_at: row.last_dispatch_attempted_at,
          },
  };
}

/**
 * `eventResource` as an SQL expression over the same columns, for the events list's serialized
 * path (queryCursorPageJson): SQLite builds the JSON text. Keys in the same order, booleans as
 * JSON booleans, the nested objects or null. Written as concatenated `json_quote`s rather than
 * `json_object` (which would need `json()` around each nested CASE to keep it an object, parsing
 * that text again): the same escaping in about two thirds of the time, the largest share of a list
 * request's CPU (docs/benchmarks.md, Sandbox). resources.test.ts holds it byte-identical to
 * JSON.stringify(eventResource(row)); change both together.
 */
export const EVENT_RESOURCE_JSON = `'{"id":' || json_quote(id)
  || ',"installation_id":' || json_quote(installation_id)
  || ',"integration_driver_slug":' || json_quote(integration_driver_slug)
  || ',"name":' || json_quote(name)
  || ',"created_at":' || json_quote(created_at)
  || ',"status":' || json_quote(status)
  || ',"superseded":' || CASE WHEN superseded = 1 THEN 'true' ELSE 'false' END
  || ',"superseded_by":' || CASE WHEN superseded_by_id IS NULL THEN 'null'
    ELSE '{"id":' || json_quote(superseded_by_id) || ',"name":' || json_quote(coalesce(superseded_by_name, '')) || '}' END
  || ',"last_dispatch":' || CASE WHEN last_dispatch_id IS NULL THEN 'null'
    ELSE '{"id":' || json_quote(last_dispatch_id) || ',"status":' || json_quote(coalesce(last_dispatch_status, 'pending'))
      || ',"attempt_response_code":' || json_quote(last_dispatch_response_code)
      || ',"attempted_at":' || json_quote(last_dispatch_attempted_at) || '}' END
  || '}'`;

export interface DispatchFullRow extends Record<string, unknown> {
  id: string;
  event_id: string;
  endpoint_id: string | null;
  url: string;
  attempt: number;
  trigger: string;
  status: string;
  attempt_response_code: number | null;
  error: string | null;
  duration_ms: number | null;
  request_headers: string | null;
  request_body: string | null;
  response_headers: string | null;
  response_body: string | null;
  created_at: string;
  attempted_at: string | null;
  next_retry_at: string | null;
}

export function dispatchResource(row: DispatchFullRow) {
  return {
    id: row.id,
    event_id: row.event_id,
    endpoint_id: row.endpoint_id,
    url: row.url,
    attempt: row.attempt,
    trigger: row.trigger,
    status: row.status,
    attempt_response_code: row.attempt_response_code,
    error: row.error,
    duration_ms: row.duration_ms,
    request_headers: parseJsonOrNull(row.request_headers) as Record<string, string> | null,
    request_body: row.request_body,
    response_headers: parseJsonOrNull(row.response_headers) as Record<string, string> | null,
    response_body: row.response_body,
    attempted_at: row.attempted_at,
    next_retry_at: row.next_retry_at,
  };
}

export interface ReceivedWebhookRow extends Record<string, unknown> {
  id: string;
  installation_id: string | null;
  integration_driver_slug: string | null;
  received_at: string;
  headers: string;
  body: string;
  signature_valid: number | null;
  status: string;
  status_reason: string | null;
  event_ids: string;
}

/** `body` is the raw text as received (what a signature is computed over). */
export function receivedWebhookResource(row: ReceivedWebhookRow) {
  return {
    id: row.id,
    installation_id: row.installation_id,
    integration_driver_slug: row.integration_driver_slug,
    received_at: row.received_at,
    headers: (parseJsonOrNull(row.headers) ?? {}) as Record<string, string>,
    body: row.body,
    signature_valid: row.signature_valid === null ? null : row.signature_valid === 1,
    status: row.status,
    status_reason: row.status_reason,
    event_ids: (parseJsonOrNull(row.event_ids) ?? []) as string[],
  };
}

export type EndpointRowForDispatch = EndpointRow;

function parseJsonOrNull(text: string | null): unknown {
  if (text === null) return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}
