// `--events N`: appends N historical events fast (1,000,000 in under a minute is the target), for
// load, pagination and benchmark work. Speed comes from: one prepared statement per table, large
// transactions, payloads and headers precomputed per (driver, event name) and finished by string
// concatenation, time-ordered ids and timestamps (the primary keys grow at their end), and — for a
// load at least as big as what is already there — dropping the 19 secondary indexes of events and
// dispatches for the load and building each once afterwards (sandbox/seed/bulk-indexes.ts), with
// load-time PRAGMAs (no fsync, no foreign-key probe per dispatch row, a big page cache, sorts in
// memory) restored afterwards. Rows are final (dispatched / failed / discarded), so the dispatcher has
// nothing to do with them. To stay fast, bulk dispatch rows keep their headers but not the bodies —
// as if the delivery-log bodies had passed their retention.

import type { SandboxContext } from '../context';
import { toApiTimestamp } from '../time';
import { eventWeight } from '../processing/supersede';
import { newSigningSecret } from '../dispatcher/signature';
import { DAY_MS, RECEIVER_PATH } from './demo-endpoints';
import { buildPayload, eventFamily, randomPurchase } from './event-payloads';
import { seedTimestamp, uuidV7 } from './ids';
import { createPrng } from './prng';
import { dropProcessingIndexes, ensureProcessingIndexes } from './bulk-indexes';

const BATCH = 50_000;
/** Below this many rows, keeping the indexes in place is cheaper than rebuilding them. */
const REBUILD_INDEXES_FROM = 20_000;
const SPAN_DAYS = 30;
const VARIANTS_PER_NAME = 6;
const ORDER_PLACEHOLDER = '\u0000ORDER\u0000';


export interface BulkResult {
  inserted: number;
  seconds: number;
}

interface Template {
  installationId: string;
  slug: string;
  name: string;
  weight: number;
  /** Payload JSON split around the order id (one part when the event has no order). */
  payloadParts: string[];
  headersPrefix: string;
}

/** Finds (or creates) the endpoint bulk deliveries are recorded against. */
function sinkEndpoint(ctx: SandboxContext): { id: string; url: string } {
  const existing = ctx.db
    .prepare(`SELECT id, url FROM webhook_endpoints WHERE enabled = 1 AND instr(url, ?) > 0 ORDER BY created_at, id LIMIT 1`)
    .get(`${RECEIVER_PATH}ok`) as { id: string; url: string } | undefined;
  if (existing) return existing;
  const nowIso = toApiTimestamp(ctx.now());
  const id = crypto.randomUUID();
  const url = `${ctx.origin || 'http://127.0.0.1:4010'}${RECEIVER_PATH}ok?target=bulk`;
  ctx.db
    .prepare(
      `INSERT INTO webhook_endpoints (id, url, description, enabled, events, headers, timeout_seconds, secret, created_at, updated_at)
       VALUES (?, ?, 'Bulk load sink (sandbox --events)', 1, '["*"]', '{}', 10, ?, ?, ?)`,
    )
    .run(id, url, newSigningSecret(), nowIso, nowIso);
  return { id, url };
}

function buildTemplates(ctx: SandboxContext, seed: string): Template[] {
  const prng = createPrng(`${seed}-templates`);
  const installations = ctx.db
    .prepare(
      `SELECT i.id, d.slug, d.supported_events FROM installations i JOIN drivers d ON d.id = i.driver_id
       WHERE i.status <> 'pending_auth' ORDER BY i.created_at, i.id`,
    )
    .all() as { id: string; slug: string; supported_events: string }[];
  if (installations.length === 0) throw new Error('--events needs installations to attach events to; start with --seed demo.');
  const templates: Template[] = [];
  for (const installation of installations) {
    for (const name of JSON.parse(installation.supported_events) as string[]) {
      for (let v = 0; v < VARIANTS_PER_NAME; v++) {
        const isOrder = eventFamily(name) === 'order';
        const payload = buildPayload(prng, {
          driverSlug: installation.slug,
          name,
          occurredAt: toApiTimestamp(new Date(ctx.now().getTime() - prng.int(0, SPAN_DAYS * DAY_MS))),
          ...(isOrder ? { purchase: randomPurchase(prng, ORDER_PLACEHOLDER) } : {}),
        });
        templates.push({
          installationId: installation.id,
          slug: installation.slug,
          name,
          weight: eventWeight(name),
          payloadParts: JSON.stringify(payload).split(JSON.stringify(ORDER_PLACEHOLDER).slice(1, -1)),
          headersPrefix: `{"content-type":"application/json","user-agent":"II-Sandbox-Webhooks/1.0","x-ii-event-name":${JSON.stringify(name)},"x-ii-attempt":"1","x-ii-event-id":`,
        });
      }
    }
  }
  return templates;
}

/**
 * Appends `count` events spread over the last 30 days (or `spanMs`). Deterministic for a given seed and clock.
 * `onProgress` is called after each committed batch.
 */
export function addBulkEvents(
  ctx: SandboxContext,
  count: number,
  options: {
    seed?: string;
    onProgress?: (inserted: number) => void;
    /** Drop the secondary indexes for the load and rebuild them after; default: when the load is big relative to the table. */
    rebuildIndexes?: boolean;
    /** How far back the events go, ending now; default 30 days (a dense day is what the Overview's benchmark reads). */
    spanMs?: number;
  } = {},
): BulkResult {
  if (!Number.isInteger(count) || count < 0) throw new Error(`--events must be a non-negative integer, got ${count}.`);
  const started = performance.now();
  if (count === 0) return { inserted: 0, seconds: 0 };
  const { db } = ctx;
  const seed = options.seed ?? 'sandbox-bulk-events-v1';
  const prng = createPrng(seed);
  const templates = buildTemplates(ctx, seed);
  const sink = sinkEndpoint(ctx);
  const nowMs = ctx.now().getTime();
  const spanMs = options.spanMs ?? SPAN_DAYS * DAY_MS;
  if (!(spanMs > 0)) throw new Error(`The span of bulk events must be positive, got ${spanMs} ms.`);
  const fromMs = nowMs - spanMs;
  const stepMs = spanMs / count;
  const runId = prng.hex(6);

  const insertEvent = db.prepare(
    `INSERT INTO events (id, installation_id, integration_driver_slug, name, payload, created_at, status, order_key, weight,
       superseded, last_dispatch_id, last_dispatch_status, last_dispatch_response_code, last_dispatch_code_class, last_dispatch_attempted_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?, ?)`,
  );
  const insertDispatch = db.prepare(
    `INSERT INTO dispatches (id, event_id, endpoint_id, url, attempt, trigger, status, attempt_response_code, response_code_class,
       error, duration_ms, request_headers, response_headers, created_at, due_at, attempted_at)
     VALUES (?, ?, ?, ?, 1, 'automatic', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const okResponseHeaders = '{"content-type":"application/json; charset=utf-8","content-length":"17"}';
  const goneResponseHeaders = '{"content-type":"application/json; charset=utf-8","content-length":"57"}';

  const existingRows = (db.prepare('SELECT coalesce(max(rowid), 0) n FROM events').get() as { n: number }).n;
  const rebuildIndexes = options.rebuildIndexes ?? (count >= REBUILD_INDEXES_FROM && count >= existingRows);
  // Load-time settings, restored in `finally`. synchronous = OFF skips the fsyncs: a process crash loses
  // nothing committed, only a power loss could (acceptable for a dev sandbox's generated rows); missing
  // indexes after any crash are recreated at the next start. foreign_keys = OFF: every dispatch row
  // references the event inserted just before it, so the per-row parent lookup proves nothing.
  const previous = {
    cache_size: db.pragma('cache_size', { simple: true }) as number,
    synchronous: db.pragma('synchronous', { simple: true }) as number,
    foreign_keys: db.pragma('foreign_keys', { simple: true }) as number,
    temp_store: db.pragma('temp_store', { simple: true }) as number,
  };
  // A rollback journal instead of WAL for a big load: WAL writes every new page twice (to the log, then
  // again at the checkpoint), a rollback journal once (pages appended past the old end of the file need
  // no journal entry), the same crash safety (a hot journal is rolled back at the next open). Leaving
  // WAL needs the only connection; when another one is open (the token CLI) the load stays in WAL.
  const leftWal = rebuildIndexes && leaveWal(db);
  db.pragma('cache_size = -262144');
  db.pragma('synchronous = OFF');
  db.pragma('foreign_keys = OFF');
  db.pragma('temp_store = MEMORY');
  let inserted = 0;
  try {
    if (rebuildIndexes) dropProcessingIndexes(db);
    const insertBatch = db.transaction((from: number, to: number) => {
      for (let i = from; i < to; i++) {
        const createdMs = fromMs + i * stepMs + prng.next() * stepMs;
        const createdAt = seedTimestamp(createdMs);
        const template = templates[Math.floor(prng.next() * templates.length)]!;
        const id = uuidV7(createdMs, prng);
        const orderKey = template.payloadParts.length > 1 ? `BLK-${runId}-${i}` : null;
        const payload = orderKey === null ? template.payloadParts[0]! : template.payloadParts.join(orderKey);
        const roll = prng.next();
        if (roll < 0.06) {
          // Nobody subscribed at the time.
          insertEvent.run(id, template.installationId, template.slug, template.name, payload, createdAt, 'discarded', orderKey, template.weight, null, null, null, null, null);
          continue;
        }
        const failed = roll < 0.09;
        const attemptedMs = createdMs + 50 + prng.next() * 800;
        const attemptedAt = seedTimestamp(attemptedMs);
        const dispatchId = uuidV7(attemptedMs, prng);
        const code = failed ? 410 : 200;
        const codeClass = failed ? '4xx' : '2xx';
        insertEvent.run(
          id, template.installationId, template.slug, template.name, payload, createdAt, failed ? 'failed' : 'dispatched',
          orderKey, template.weight, dispatchId, failed ? 'failed' : 'succeeded', code, codeClass, attemptedAt,
        );
        insertDispatch.run(
          dispatchId, id, sink.id, sink.url, failed ? 'failed' : 'succeeded', code, codeClass, failed ? 'http_410' : null,
          Math.round(20 + prng.next() * 300), `${template.headersPrefix}"${id}"}`, failed ? goneResponseHeaders : okResponseHeaders,
          createdAt, createdAt, attemptedAt,
        );
      }
    });
    for (let from = 0; from < count; from += BATCH) {
      const to = Math.min(count, from + BATCH);
      insertBatch(from, to);
      inserted = to;
      options.onProgress?.(inserted);
    }
  } finally {
    try {
      // Also after a failed batch: the table must never be left without its indexes.
      if (rebuildIndexes) ensureProcessingIndexes(db);
    } finally {
      for (const [name, value] of Object.entries(previous)) db.pragma(`${name} = ${value}`);
      if (leftWal) db.pragma('journal_mode = WAL');
    }
  }
  return { inserted, seconds: (performance.now() - started) / 1000 };
}

/** Switches a WAL database to a rollback journal for a load; false (still WAL) when that is not possible now. */
function leaveWal(db: SandboxContext['db']): boolean {
  if (String(db.pragma('journal_mode', { simple: true })) !== 'wal') return false;
  try {
    return String(db.pragma('journal_mode = DELETE', { simple: true })) === 'delete';
  } catch {
    return false;
  }
}
