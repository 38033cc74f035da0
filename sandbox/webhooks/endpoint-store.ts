// Webhook endpoint rows and how the API shows them (docs/api-contract.md §7). The signing secret and custom
// header values are write-only: the resource carries only `secret_hint` and `null` header values.
import type { SandboxDatabase } from '../db/connection';
import { toApiTimestamp } from '../time';

export interface EndpointRow {
  id: string;
  url: string;
  description: string | null;
  enabled: number;
  events: string;
  headers: string;
  timeout_seconds: number;
  secret: string;
  previous_secret: string | null;
  previous_secret_expires_at: string | null;
  consecutive_failures: number;
  disabled_reason: string | null;
  created_at: string;
  updated_at: string;
}

export interface EndpointResource {
  id: string;
  url: string;
  description: string | null;
  enabled: boolean;
  events: string[];
  headers: Record<string, null>;
  timeout_seconds: number;
  secret_hint: string;
  created_at: string;
  updated_at: string;
  disabled_reason: string | null;
}

export function findEndpoint(db: SandboxDatabase, id: string): EndpointRow | undefined {
  return db.prepare('SELECT * FROM webhook_endpoints WHERE id = ?').get(id) as EndpointRow | undefined;
}

export function endpointEvents(row: EndpointRow): string[] {
  return JSON.parse(row.events) as string[];
}

export function endpointHeaders(row: EndpointRow): Record<string, string> {
  return JSON.parse(row.headers) as Record<string, string>;
}

export function endpointSubscribesTo(row: EndpointRow, eventName: string): boolean {
  const events = endpointEvents(row);
  return events.includes('*') || events.includes(eventName);
}

export function endpointResource(row: EndpointRow): EndpointResource {
  return {
    id: row.id,
    url: row.url,
    description: row.description,
    enabled: row.enabled === 1,
    events: endpointEvents(row),
    headers: Object.fromEntries(Object.keys(endpointHeaders(row)).map((name) => [name, null])),
    timeout_seconds: row.timeout_seconds,
    secret_hint: row.secret.slice(-4),
    created_at: row.created_at,
    updated_at: row.updated_at,
    disabled_reason: row.disabled_reason,
  };
}

/** The secrets a delivery made at `now` is signed with: the current one, plus the previous one while its overlap lasts. */
export function signingSecrets(row: EndpointRow, now: Date): string[] {
  const secrets = [row.secret];
  if (row.previous_secret !== null && row.previous_secret_expires_at !== null && row.previous_secret_expires_at > toApiTimestamp(now)) {
    secrets.push(row.previous_secret);
  }
  return secrets;
}
