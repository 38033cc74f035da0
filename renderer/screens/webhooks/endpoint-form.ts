// The endpoint create/edit form as plain data + rules, so validation and the request bodies are
// tested without React. Header values are write-only (the server reads them back as null): in edit
// mode a stored header shows "value hidden", and the headers map is sent only when the operator
// changed it. The map replaces the server's set, so a stored header left empty is sent as `null`,
// which keeps its value (docs/api-contract.md §7, as the sandbox implements it): editing one header does not mean
// typing every other value again. A header renamed or added needs its value.
import type { WebhookEndpoint } from '../../../shared/api/webhooks';
import type { FieldError } from '../../../shared/settings-form';

export interface HeaderRow {
  name: string;
  value: string;
  /** Came from the server with a hidden value. */
  stored: boolean;
}

export interface EndpointFormValues {
  url: string;
  description: string;
  enabled: boolean;
  /** Event names; `['*']` means every event. */
  events: string[];
  headers: HeaderRow[];
  /** Text as typed; validated as an integer 1–30. */
  timeoutSeconds: string;
}

export const endpointErrorKeys = {
  urlRequired: 'webhooks.form.errors.urlRequired',
  urlInvalid: 'webhooks.form.errors.urlInvalid',
  urlNotHttps: 'webhooks.form.errors.urlNotHttps',
  eventsRequired: 'webhooks.form.errors.eventsRequired',
  timeout: 'webhooks.form.errors.timeout',
  headerName: 'webhooks.form.errors.headerName',
  headerDuplicate: 'webhooks.form.errors.headerDuplicate',
  headerValue: 'webhooks.form.errors.headerValue',
} as const;

export const DEFAULT_TIMEOUT_SECONDS = 10;
const HEADER_NAME = /^[A-Za-z0-9!#$%&'*+.^_`|~-]+$/;
/** Headers the platform sets itself; a custom one with these names would forge or break delivery. */
const RESERVED_HEADERS = new Set(['content-type', 'content-length', 'host', 'x-ii-signature', 'x-ii-event-id', 'x-ii-event-name', 'x-ii-attempt']);

export function emptyEndpointForm(): EndpointFormValues {
  return { url: '', description: '', enabled: true, events: ['*'], headers: [], timeoutSeconds: String(DEFAULT_TIMEOUT_SECONDS) };
}

export function endpointFormFrom(endpoint: WebhookEndpoint): EndpointFormValues {
  return {
    url: endpoint.url,
    description: endpoint.description ?? '',
    enabled: endpoint.enabled ?? true,
    events: endpoint.events?.length ? [...endpoint.events] : ['*'],
    headers: Object.keys(endpoint.headers ?? {}).map((name) => ({ name, value: '', stored: true })),
    timeoutSeconds: String(endpoint.timeout_seconds ?? DEFAULT_TIMEOUT_SECONDS),
  };
}

function isLoopback(hostname: string): boolean {
  return hostname === '127.0.0.1' || hostname === 'localhost' || hostname === '[::1]' || hostname.startsWith('127.');
}

/** https anywhere; plain http only to loopback (the sandbox's receiver). */
export function endpointUrlError(text: string): FieldError | null {
  const value = text.trim();
  if (value === '') return { key: endpointErrorKeys.urlRequired };
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return { key: endpointErrorKeys.urlInvalid };
  }
  if (url.protocol === 'https:' && url.hostname) return null;
  if (url.protocol === 'http:' && isLoopback(url.hostname)) return null;
  return { key: url.protocol === 'http:' ? endpointErrorKeys.urlNotHttps : endpointErrorKeys.urlInvalid };
}

/** Lower-cased names of the headers the server holds (their values are hidden). */
function storedHeaderNames(initial: EndpointFormValues | null): Set<string> {
  return new Set((initial?.headers ?? []).filter((row) => row.stored).map((row) => row.name.trim().toLowerCase()));
}

/** Whether this row, left empty, keeps a value the server already holds under the same name. */
export function keepsStoredValue(initial: EndpointFormValues | null, row: HeaderRow): boolean {
  return row.value === '' && storedHeaderNames(initial).has(row.name.trim().toLowerCase());
}

/** Whether the headers differ from what the server holds (names added, removed, or any value typed). */
export function headersChanged(initial: EndpointFormValues | null, values: EndpointFormValues): boolean {
  const before = (initial?.headers ?? []).map((row) => row.name.trim().toLowerCase()).sort();
  const after = values.headers.filter((row) => row.name.trim() !== '' || row.value !== '').map((row) => row.name.trim().toLowerCase()).sort();
  if (before.join('\n') !== after.join('\n')) return true;
  return values.headers.some((row) => row.value !== '');
}

export type EndpointFormErrors = Partial<Record<'url' | 'events' | 'timeoutSeconds', FieldError>> & { headers?: Record<number, FieldError> };

export function validateEndpointForm(values: EndpointFormValues, initial: EndpointFormValues | null = null): EndpointFormErrors {
  const errors: EndpointFormErrors = {};
  const urlError = endpointUrlError(values.url);
  if (urlError) errors.url = urlError;
  if (values.events.length === 0) errors.events = { key: endpointErrorKeys.eventsRequired };
  const timeout = values.timeoutSeconds.trim();
  if (!/^\d+$/.test(timeout) || Number(timeout) < 1 || Number(timeout) > 30) errors.timeoutSeconds = { key: endpointErrorKeys.timeout };
  const headerErrors: Record<number, FieldError> = {};
  const seen = new Set<string>();
  const stored = storedHeaderNames(initial);
  values.headers.forEach((row, index) => {
    const name = row.name.trim();
    if (name === '' && row.value === '') return;
    if (!HEADER_NAME.test(name) || RESERVED_HEADERS.has(name.toLowerCase())) {
      headerErrors[index] = { key: endpointErrorKeys.headerName, params: { name } };
    } else if (seen.has(name.toLowerCase())) {
      headerErrors[index] = { key: endpointErrorKeys.headerDuplicate, params: { name } };
    } else if (row.value === '' && !stored.has(name.toLowerCase())) {
      headerErrors[index] = { key: endpointErrorKeys.headerValue };
    }
    seen.add(name.toLowerCase());
  });
  if (Object.keys(headerErrors).length > 0) errors.headers = headerErrors;
  return errors;
}

export function hasEndpointErrors(errors: EndpointFormErrors): boolean {
  return Object.keys(errors).length > 0;
}

/** Events as the API wants them: `*` alone means all; otherwise the picked names. */
export function normalizeEvents(events: string[]): string[] {
  return events.includes('*') ? ['*'] : [...new Set(events)];
}

/** The headers map; with `keep`, a stored header left empty is `null` (keep its value). */
function headersObject(values: EndpointFormValues, keep: Set<string> = new Set()): Record<string, string | null> {
  const headers: Record<string, string | null> = {};
  for (const row of values.headers) {
    const name = row.name.trim();
    if (name !== '') headers[name] = row.value === '' && keep.has(name.toLowerCase()) ? null : row.value;
  }
  return headers;
}

export interface EndpointBody {
  url?: string;
  description?: string | null;
  enabled?: boolean;
  events?: string[];
  /** `null` keeps a stored header's value (edit only). */
  headers?: Record<string, string | null>;
  timeout_seconds?: number;
}

export function buildCreateEndpointBody(values: EndpointFormValues): EndpointBody & { url: string; headers?: Record<string, string> } {
  const body: EndpointBody & { url: string; headers?: Record<string, string> } = {
    url: values.url.trim(),
    description: values.description.trim() || null,
    enabled: values.enabled,
    events: normalizeEvents(values.events),
    timeout_seconds: Number(values.timeoutSeconds.trim()),
  };
  // No keep set: a new endpoint has no stored values, and validation demands every value.
  const headers = headersObject(values) as Record<string, string>;
  if (Object.keys(headers).length > 0) body.headers = headers;
  return body;
}

/** Only what changed; headers only when the operator changed them (then the whole set, stored values left empty as null). */
export function buildPatchEndpointBody(initial: EndpointFormValues, values: EndpointFormValues): EndpointBody {
  const body: EndpointBody = {};
  if (values.url.trim() !== initial.url) body.url = values.url.trim();
  if (values.description.trim() !== initial.description) body.description = values.description.trim() || null;
  if (values.enabled !== initial.enabled) body.enabled = values.enabled;
  const events = normalizeEvents(values.events);
  if (events.join('\n') !== normalizeEvents(initial.events).join('\n')) body.events = events;
  if (values.timeoutSeconds.trim() !== initial.timeoutSeconds) body.timeout_seconds = Number(values.timeoutSeconds.trim());
  if (headersChanged(initial, values)) body.headers = headersObject(values, storedHeaderNames(initial));
  return body;
}

/** Event choices: every driver's supported events, deduplicated and sorted, after `*`. */
export function eventChoices(drivers: { supported_events: string[] }[]): string[] {
  const names = new Set<string>();
  for (const driver of drivers) for (const name of driver.supported_events) names.add(name);
  return ['*', ...[...names].sort()];
}
