// The receiver's in-memory log of the last N deliveries it answered, newest first. It exists so demos
// can show "what the customer's server saw" and tests can assert on what was really sent over HTTP.

export type SignatureCheck = 'valid' | 'invalid' | 'missing' | 'unchecked';

export interface ReceivedDelivery {
  id: number;
  received_at: string;
  method: string;
  path: string;
  behaviour: string;
  event_id: string | null;
  event_name: string | null;
  attempt: number | null;
  signature: SignatureCheck;
  response_status: number;
  /** Request headers; values of headers that may carry customer credentials are redacted. */
  headers: Record<string, string>;
  /** Raw request body, capped. */
  body: string;
  body_truncated: boolean;
}

export const MAX_LOGGED_BODY_CHARS = 16 * 1024;

// Custom endpoint headers are write-only in the API (they may carry the customer's credentials),
// so the log keeps values only for headers known to be harmless.
const VISIBLE_HEADERS = new Set([
  'content-type',
  'content-length',
  'user-agent',
  'accept',
  'accept-encoding',
  'host',
  'connection',
  'x-ii-signature',
  'x-ii-event-id',
  'x-ii-event-name',
  'x-ii-attempt',
  'x-ii-delivery-id',
  'x-ii-dispatch-id',
]);

export function redactHeaders(headers: Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    const lower = name.toLowerCase();
    out[lower] = VISIBLE_HEADERS.has(lower) ? (Array.isArray(value) ? value.join(', ') : value) : '[redacted]';
  }
  return out;
}

export class DeliveryLog {
  private readonly entries: ReceivedDelivery[] = [];
  private nextId = 1;

  constructor(private readonly capacity: number) {}

  add(entry: Omit<ReceivedDelivery, 'id'>): ReceivedDelivery {
    const stored = { id: this.nextId++, ...entry };
    this.entries.push(stored);
    if (this.entries.length > this.capacity) this.entries.shift();
    return stored;
  }

  /** Newest first, optionally only one behaviour (e.g. "flaky") or one event. */
  list(filter: { behaviour?: string; eventId?: string; limit: number }): ReceivedDelivery[] {
    const out: ReceivedDelivery[] = [];
    for (let i = this.entries.length - 1; i >= 0 && out.length < filter.limit; i--) {
      const entry = this.entries[i];
      if (!entry) continue;
      if (filter.behaviour !== undefined && entry.behaviour !== filter.behaviour) continue;
      if (filter.eventId !== undefined && entry.event_id !== filter.eventId) continue;
      out.push(entry);
    }
    return out;
  }

  clear(): void {
    this.entries.length = 0;
  }
}
