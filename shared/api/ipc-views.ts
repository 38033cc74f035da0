// What main hands the renderer for each platform resource: allow-lists, not the client's tolerant
// reading. The renderer is untrusted (an XSS in a payload viewer, a compromised dependency), so
// anything derived from a credential stays in main:
//  - unknown fields are dropped (SchemaMode 'allowlist'): a server that adds `api_key`,
//    `client_secret` or `secret` to an object cannot push it across IPC;
//  - webhook endpoints: the signing secret only in the create / rotate answers (shown once);
//    `secret_hint` at most its last 4 characters; custom header values always `null` (they are
//    write-only: the form shows "stored (hidden)");
//  - installation settings whose key names a secret are `null` (main also nulls the ones the
//    driver types `secret`/`password`, electron/api/installation-secrets.ts);
//  - request / response headers of delivery attempts and received webhooks: values masked, except
//    the short allow-list below; `x-ii-signature` keeps its `t=` timestamp, its HMACs are masked.
// "Copy as cURL" (shared/curl.ts) is built from these masked values. Exports use the same views.
import { isSecretName } from '../redact';
import { buildDriverSchemas } from './drivers';
import { buildInstallationSchemas } from './installations';
import { buildProcessingSchemas } from './processing';
import { buildWebhookSchemas } from './webhooks';

/** What a masked header value reads as. */
export const MASKED = '••••';

/** Header names whose values are shown as sent: none of them can carry a credential. */
export const VISIBLE_HEADERS: ReadonlySet<string> = new Set([
  'accept',
  'content-length',
  'content-type',
  'date',
  'user-agent',
  'x-request-id',
  'x-ii-event-id',
  'x-ii-event-name',
  'x-ii-attempt',
]);

const SIGNATURE_HEADER = 'x-ii-signature';

function maskValue(name: string, value: string): string {
  const lower = name.toLowerCase();
  if (VISIBLE_HEADERS.has(lower)) return value;
  if (lower === SIGNATURE_HEADER) {
    // `t=<unix>,v1=<hmac>[,v1=…]`: the timestamp helps debugging; an HMAC would let a copied
    // request be replayed against the receiver.
    const timestamp = /(?:^|,)\s*t=(\d{1,12})\s*(?:,|$)/.exec(value)?.[1];
    return timestamp ? `t=${timestamp},v1=${MASKED}` : MASKED;
  }
  return MASKED;
}

type HeaderMap = Record<string, string | string[]>;

/** Masks every header value except the allow-listed ones. */
export function maskHeaders<T extends HeaderMap | null | undefined>(headers: T): T {
  if (!headers) return headers;
  const out: HeaderMap = {};
  for (const [name, value] of Object.entries(headers)) {
    out[name] = Array.isArray(value) ? value.map((item) => maskValue(name, item)) : maskValue(name, value);
  }
  return out as T;
}

/**
 * Setting values whose key names a secret are replaced by `null` ("stored, hidden"). Only values
 * that can hold a credential (text, objects, lists): a `verify_signature: true` flag stays readable.
 */
export function hideSecretNamedSettings<T extends Record<string, unknown> | undefined>(settings: T, alsoHide: ReadonlySet<string> = new Set()): T {
  if (!settings) return settings;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(settings)) {
    const canHoldSecret = typeof value === 'string' || (typeof value === 'object' && value !== null);
    out[key] = alsoHide.has(key) || (canHoldSecret && isSecretName(key)) ? null : hideNested(value, 0);
  }
  return out as T;
}

/** Settings are flat dot-path keys, but a server may nest: secret-named keys inside are nulled too. */
function hideNested(value: unknown, depth: number): unknown {
  if (typeof value !== 'object' || value === null) return value;
  if (depth > 16) return null;
  if (Array.isArray(value)) return value.map((item) => hideNested(item, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    const canHoldSecret = typeof item === 'string' || (typeof item === 'object' && item !== null);
    out[key] = canHoldSecret && isSecretName(key) ? null : hideNested(item, depth + 1);
  }
  return out;
}

const drivers = buildDriverSchemas('allowlist');
const installations = buildInstallationSchemas('allowlist');
const processing = buildProcessingSchemas('allowlist');
const webhooks = buildWebhookSchemas('allowlist');

type DispatchLike = { request_headers?: HeaderMap | null | undefined; response_headers?: HeaderMap | null | undefined };
function maskDispatch<T extends DispatchLike>(dispatch: T): T {
  return { ...dispatch, request_headers: maskHeaders(dispatch.request_headers), response_headers: maskHeaders(dispatch.response_headers) };
}

type EndpointLike = { headers?: Record<string, string | null> | undefined; secret_hint?: string | null | undefined };
function maskEndpoint<T extends EndpointLike>(endpoint: T): T {
  const out = { ...endpoint };
  if (endpoint.headers) out.headers = Object.fromEntries(Object.keys(endpoint.headers).map((name) => [name, null]));
  if (typeof endpoint.secret_hint === 'string') out.secret_hint = endpoint.secret_hint.slice(-4);
  return out;
}

export const driverView = drivers.driver;
export const installationView = installations.installation.transform((installation) => ({
  ...installation,
  settings: hideSecretNamedSettings(installation.settings),
}));
export const eventView = processing.event;
export const dispatchView = processing.dispatch.transform(maskDispatch);
export const eventDetailView = processing.eventDetail.transform((event) => ({
  ...event,
  dispatches: event.dispatches?.map(maskDispatch),
}));
export const receivedWebhookView = processing.receivedWebhook.transform((received) => ({ ...received, headers: maskHeaders(received.headers) }));
export const webhookEndpointView = webhooks.endpoint.transform(maskEndpoint);
/** Only the create and rotate-secret answers: the signing secret, shown once. */
export const webhookEndpointWithSecretView = webhooks.endpointWithSecret.transform(maskEndpoint);
export const retryPolicyView = webhooks.retryPolicy;
