// Request bodies for /webhooks/endpoints (docs/api-contract.md §7), validated with zod → 422 per field.
import { z } from 'zod';
import { isLoopbackHost } from '../dispatcher/http-delivery';

const EVENT_NAME = /^(\*|[a-z0-9_-]+(\.[a-z0-9_-]+)*)$/;
const HEADER_NAME = /^[A-Za-z0-9][A-Za-z0-9-]{0,63}$/;
// Headers the dispatcher sets itself (or the HTTP stack owns) cannot be overridden by custom ones.
const RESERVED_HEADERS = new Set(['content-type', 'content-length', 'host', 'user-agent', 'connection', 'transfer-encoding', 'expect']);

/** null when the URL is acceptable, else why not: https anywhere, or http to a loopback host only. */
export function endpointUrlProblem(value: string): string | null {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return 'The url must be a valid absolute URL.';
  }
  if (url.username !== '' || url.password !== '') return 'The url must not contain credentials.';
  if (url.protocol === 'https:') return null;
  if (url.protocol === 'http:' && isLoopbackHost(url.hostname)) return null;
  return 'The url must use https, or http to a loopback address (127.0.0.1, localhost, ::1).';
}

const url = z
  .string('The url must be a string.')
  .max(2048, 'The url may not be longer than 2048 characters.')
  .superRefine((value, ctx) => {
    const problem = endpointUrlProblem(value);
    if (problem !== null) ctx.addIssue({ code: 'custom', message: problem });
  });

const description = z.string('The description must be a string.').max(500, 'The description may not be longer than 500 characters.').nullable();

const events = z
  .array(
    z.string('Each event must be a string.').max(100, 'Event names may not be longer than 100 characters.').regex(EVENT_NAME, 'Each event must be an event name like order.paid, or "*".'),
    'The events must be an array of event names, or ["*"].',
  )
  .min(1, 'The events must list at least one event name, or ["*"].')
  .max(100, 'The events may list at most 100 names.')
  .refine((names) => !names.includes('*') || names.length === 1, 'Use ["*"] alone to subscribe to every event.')
  .refine((names) => new Set(names).size === names.length, 'The events must be distinct.');

const timeoutSeconds = z
  .int('The timeout_seconds must be an integer.')
  .min(1, 'The timeout_seconds must be at least 1.')
  .max(30, 'The timeout_seconds may not be greater than 30.');

function headersSchema(allowNullValues: boolean) {
  const value = z
    .string('Header values must be strings.')
    .max(1024, 'Header values may not be longer than 1024 characters.')
    .refine((text) => !/[\r\n\0]/.test(text), 'Header values may not contain line breaks.');
  return z
    .record(z.string(), allowNullValues ? value.nullable() : value, 'The headers must be an object of header names to values.')
    .superRefine((headers, ctx) => {
      const names = Object.keys(headers);
      if (names.length > 20) ctx.addIssue({ code: 'custom', message: 'At most 20 custom headers are allowed.' });
      const seen = new Set<string>();
      for (const name of names) {
        const lower = name.toLowerCase();
        if (!HEADER_NAME.test(name)) {
          ctx.addIssue({ code: 'custom', path: [name], message: `"${name}" is not a valid header name.` });
        } else if (RESERVED_HEADERS.has(lower) || lower.startsWith('x-ii-')) {
          ctx.addIssue({ code: 'custom', path: [name], message: `The header "${name}" is set by the platform and cannot be overridden.` });
        } else if (seen.has(lower)) {
          ctx.addIssue({ code: 'custom', path: [name], message: `The header "${name}" is given twice.` });
        }
        seen.add(lower);
      }
    });
}

export const createEndpointInput = z.strictObject(
  {
    url,
    description: description.default(null),
    enabled: z.boolean('The enabled field must be true or false.').default(true),
    events: events.default(['*']),
    headers: headersSchema(false).default({}),
    timeout_seconds: timeoutSeconds.default(10),
  },
  'The body must be a JSON object.',
);
export type CreateEndpointInput = z.infer<typeof createEndpointInput>;

/**
 * PATCH: every field optional. `headers` replaces the whole set; a `null` value keeps that header's
 * current (write-only) value, so a client can send back what it read without knowing the values.
 */
export const patchEndpointInput = z.strictObject(
  {
    url: url.optional(),
    description: description.optional(),
    enabled: z.boolean('The enabled field must be true or false.').optional(),
    events: events.optional(),
    headers: headersSchema(true).optional(),
    timeout_seconds: timeoutSeconds.optional(),
  },
  'The body must be a JSON object.',
);
export type PatchEndpointInput = z.infer<typeof patchEndpointInput>;
