// Migration 002 — processing and webhook configuration (owned by SANDBOX-PROCESSING).
//
// Column names are a stable interface: the seeders (sandbox/seed/events*.ts) insert rows directly.
// Timestamps are TEXT 'YYYY-MM-DDTHH:MM:SS.ffffffZ' (UTC, microseconds; see sandbox/processing/time.ts)
// so they sort correctly as text. JSON columns hold JSON text. Booleans are INTEGER 0/1.
//
// events — one row per provider event (docs/api-contract.md §6)
//   id                        UUID
//   installation_id           installations.id; NULL only for sandbox `ping` events (POST /webhooks/endpoints/{id}/test)
//   integration_driver_slug   driver slug of that installation; NULL for `ping`
//   name                      e.g. 'order.paid'
//   payload                   JSON object
//   created_at                timestamp
//   status                    'pending' | 'dispatching' | 'dispatched' | 'failed' | 'discarded'
//   order_key                 order id read from the payload (payload.order_id or payload.order.id), or NULL;
//                             superseding compares events of the same installation_id + order_key
//   weight                    integer rank of the name (sandbox/processing/supersede.ts); higher supersedes lower
//   superseded                0/1
//   superseded_by_id          events.id of the newer event, or NULL
//   superseded_by_name        that event's name (denormalized: the list never joins)
//   last_dispatch_id          dispatches.id of the newest attempt made (greatest attempted_at); when nothing was
//                             attempted yet, the newest pending dispatch; NULL without dispatches (denormalized)
//   last_dispatch_status      'pending' | 'succeeded' | 'failed' | NULL
//   last_dispatch_response_code   HTTP status of that attempt or NULL
//   last_dispatch_code_class  '2xx' | '3xx' | '4xx' | '5xx' | NULL (for filter[attempt_response_code]=4xx)
//   last_dispatch_attempted_at    timestamp or NULL (pending)
//
// dispatches — one row per delivery attempt of one event to one endpoint
//   id, event_id (events.id), endpoint_id (webhook_endpoints.id; kept after the endpoint is deleted),
//   url (the endpoint URL at the time), attempt (1-based per event+endpoint), trigger 'automatic' | 'manual',
//   status 'pending' | 'succeeded' | 'failed', attempt_response_code INTEGER or NULL (timeout/connection error),
//   response_code_class '2xx'…'5xx' or NULL, error TEXT or NULL ('timeout', 'connection_refused', 'connection_reset',
//   'dns_error', 'http_<code>', …), duration_ms, request_headers JSON, request_body TEXT, response_headers JSON,
//   response_body TEXT (each body at most 64 KiB), created_at (row created = scheduled), due_at (when a pending
//   attempt becomes due; the scheduler reads pending rows by due_at), attempted_at (NULL while pending),
//   next_retry_at (on a failed attempt: due time of the retry that follows, else NULL; on a pending row: its due_at)
//
// received_webhooks — webhooks the platform received from providers (docs/api-contract.md §6)
//   id UUID, installation_id, integration_driver_slug, received_at, headers JSON object, body TEXT (raw),
//   signature_valid 0/1, status 'processed' | 'rejected', status_reason TEXT or NULL, event_ids JSON array of events.id
//
// webhook_endpoints — delivery endpoints (docs/api-contract.md §7)
//   id UUID, url, description, enabled 0/1, events JSON array of names or ["*"], headers JSON object (values are
//   write-only in the API), timeout_seconds 1–30, secret (signing secret, 'whsec_…'), previous_secret +
//   previous_secret_expires_at (old secret still signs until then, after a rotation), consecutive_failures,
//   disabled_reason TEXT or NULL, created_at, updated_at
//
// retry_policy — exactly one row (id = 1): max_attempts, strategy, initial_delay_seconds, max_delay_seconds,
//   retry_on JSON array ⊆ ["5xx","429","timeout","connection_error"], disable_endpoint_after_failures INTEGER or NULL,
//   updated_at
//
// Indexes: every list filter has an index ending in the keyset order (created_at, id) / (received_at, id), so a
// filtered page is one index seek whatever its depth (never OFFSET). Two common pairs (driver + status,
// name + status) have their own; other pairs use one index and check the other filter per row.
// Bulk seeders: dropping the events_by_* indexes, inserting, then recreating them is much faster than
// inserting with them in place; sandbox/seed/bulk-indexes.ts does that from the lists below.

import type { Migration } from '../migrate';

// The secondary indexes of the two big tables, in one place: the migration creates them from these
// lists and the bulk loader (sandbox/seed/bulk-indexes.ts) drops and recreates exactly these, so the two
// cannot drift apart. Each entry is the full CREATE INDEX statement as SQLite stores it in sqlite_master.
/** Secondary indexes of `events` (the list filters and superseding). */
export const EVENTS_SECONDARY_INDEXES: readonly string[] = [
  'CREATE INDEX events_by_created ON events (created_at, id)',
  'CREATE INDEX events_by_name ON events (name, created_at, id)',
  'CREATE INDEX events_by_status ON events (status, created_at, id)',
  'CREATE INDEX events_by_installation ON events (installation_id, created_at, id)',
  'CREATE INDEX events_by_driver ON events (integration_driver_slug, created_at, id)',
  'CREATE INDEX events_by_driver_status ON events (integration_driver_slug, status, created_at, id)',
  'CREATE INDEX events_by_name_status ON events (name, status, created_at, id)',
  'CREATE INDEX events_by_superseded ON events (superseded, created_at, id)',
  'CREATE INDEX events_by_dispatch_status ON events (last_dispatch_status, created_at, id)',
  'CREATE INDEX events_by_response_code ON events (last_dispatch_response_code, created_at, id)',
  'CREATE INDEX events_by_code_class ON events (last_dispatch_code_class, created_at, id)',
  'CREATE INDEX events_by_order ON events (installation_id, order_key) WHERE order_key IS NOT NULL',
];

/** Secondary indexes of `dispatches` (the delivery-log filters and the scheduler). */
export const DISPATCHES_SECONDARY_INDEXES: readonly string[] = [
  'CREATE INDEX dispatches_by_created ON dispatches (created_at, id)',
  'CREATE INDEX dispatches_by_event ON dispatches (event_id, created_at, id)',
  'CREATE INDEX dispatches_by_endpoint ON dispatches (endpoint_id, created_at, id)',
  'CREATE INDEX dispatches_by_status ON dispatches (status, created_at, id)',
  'CREATE INDEX dispatches_by_response_code ON dispatches (attempt_response_code, created_at, id)',
  'CREATE INDEX dispatches_by_code_class ON dispatches (response_code_class, created_at, id)',
  "CREATE INDEX dispatches_due ON dispatches (due_at) WHERE status = 'pending'",
  // The attempts in a window of attempted_at, for the oldest created_at among them
  // (sandbox/processing/attempt-window.ts); added by migration 3 to databases made before it.
  'CREATE INDEX dispatches_by_attempted ON dispatches (attempted_at, created_at)',
];

export const processingMigrationSql = `
CREATE TABLE events (
  id TEXT PRIMARY KEY,
  installation_id TEXT,
  integration_driver_slug TEXT,
  name TEXT NOT NULL,
  payload TEXT NOT NULL DEFAULT '{}',
  created_at TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'pending',
  order_key TEXT,
  weight INTEGER NOT NULL DEFAULT 0,
  superseded INTEGER NOT NULL DEFAULT 0,
  superseded_by_id TEXT,
  superseded_by_name TEXT,
  last_dispatch_id TEXT,
  last_dispatch_status TEXT,
  last_dispatch_response_code INTEGER,
  last_dispatch_code_class TEXT,
  last_dispatch_attempted_at TEXT
);
${EVENTS_SECONDARY_INDEXES.map((sql) => `${sql};`).join('\n')}

CREATE TABLE dispatches (
  id TEXT PRIMARY KEY,
  event_id TEXT NOT NULL REFERENCES events (id) ON DELETE CASCADE,
  endpoint_id TEXT,
  url TEXT NOT NULL,
  attempt INTEGER NOT NULL,
  trigger TEXT NOT NULL,
  status TEXT NOT NULL,
  attempt_response_code INTEGER,
  response_code_class TEXT,
  error TEXT,
  duration_ms INTEGER,
  request_headers TEXT,
  request_body TEXT,
  response_headers TEXT,
  response_body TEXT,
  created_at TEXT NOT NULL,
  due_at TEXT,
  attempted_at TEXT,
  next_retry_at TEXT
);
${DISPATCHES_SECONDARY_INDEXES.map((sql) => `${sql};`).join('\n')}

CREATE TABLE received_webhooks (
  id TEXT PRIMARY KEY,
  installation_id TEXT,
  integration_driver_slug TEXT,
  received_at TEXT NOT NULL,
  headers TEXT NOT NULL DEFAULT '{}',
  body TEXT NOT NULL DEFAULT '',
  signature_valid INTEGER NOT NULL,
  status TEXT NOT NULL,
  status_reason TEXT,
  event_ids TEXT NOT NULL DEFAULT '[]'
);
CREATE INDEX received_by_received ON received_webhooks (received_at, id);
CREATE INDEX received_by_installation ON received_webhooks (installation_id, received_at, id);
CREATE INDEX received_by_driver ON received_webhooks (integration_driver_slug, received_at, id);
CREATE INDEX received_by_status ON received_webhooks (status, received_at, id);

CREATE TABLE webhook_endpoints (
  id TEXT PRIMARY KEY,
  url TEXT NOT NULL,
  description TEXT,
  enabled INTEGER NOT NULL DEFAULT 1,
  events TEXT NOT NULL DEFAULT '["*"]',
  headers TEXT NOT NULL DEFAULT '{}',
  timeout_seconds INTEGER NOT NULL DEFAULT 10,
  secret TEXT NOT NULL,
  previous_secret TEXT,
  previous_secret_expires_at TEXT,
  consecutive_failures INTEGER NOT NULL DEFAULT 0,
  disabled_reason TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX webhook_endpoints_by_created ON webhook_endpoints (created_at, id);

CREATE TABLE retry_policy (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  max_attempts INTEGER NOT NULL,
  strategy TEXT NOT NULL,
  initial_delay_seconds INTEGER NOT NULL,
  max_delay_seconds INTEGER NOT NULL,
  retry_on TEXT NOT NULL,
  disable_endpoint_after_failures INTEGER,
  updated_at TEXT NOT NULL
);
INSERT INTO retry_policy (id, max_attempts, strategy, initial_delay_seconds, max_delay_seconds, retry_on,
  disable_endpoint_after_failures, updated_at)
VALUES (1, 8, 'exponential', 30, 36000, '["5xx","429","timeout","connection_error"]', NULL,
  strftime('%Y-%m-%dT%H:%M:%S.000000Z', 'now'));
`;

export const migration002Processing: Migration = {
  version: 2,
  name: 'processing: events, dispatches, received webhooks, webhook endpoints, retry policy',
  up(db) {
    db.exec(processingMigrationSql);
  },
};
