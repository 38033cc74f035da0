// The demo's processing history: 50,000 provider events over the last 30 days across the demo
// installations, the webhooks they came from, and every delivery attempt to the demo endpoints —
// inserted directly (nothing is sent), deterministic for a given clock. Patterns an operator should
// find: mostly delivered; a flaky endpoint; one failing since yesterday (its events `failed` or waiting
// on retries); superseded order chains; events nobody subscribes to (`discarded`); a few minutes of
// `pending`; received webhooks (kept for the last 7 days) rejected for bad signatures, mostly during
// one incident three days ago.

import type { SandboxContext } from '../context';
import { toApiTimestamp } from '../time';
import { REDACTED } from '../dispatcher/attempt';
import { signatureHeader } from '../dispatcher/signature';
import { eventWeight, orderKeyOf } from '../processing/supersede';
import { loadRetryPolicy } from '../webhooks/retry-policy';
import { insertDemoEndpoints, DAY_MS, HOUR_MS, type DemoEndpoint } from './demo-endpoints';
import { crmHealthTimeline, replayDeliveries, type HistoricalAttempt } from './delivery-history';
import { buildPayload, eventFamily, lifecycleNames, orderLifecycle, providerHeaders, randomPurchase, type OrderLifecycle } from './event-payloads';
import { seedTimestamp, uuidV7 } from './ids';
import { createPrng, type Prng } from './prng';

/** What `npm run sandbox` seeds (the CLI passes it). */
export const DEMO_EVENT_COUNT = 50_000;
/** startSandbox's default: the same patterns at a size that seeds in about a second, for tests. */
export const LIBRARY_DEMO_EVENT_COUNT = 2_000;
const HISTORY_DAYS = 30;
const SEED_META_KEY = 'demo_events';
const USER_AGENT = 'II-Sandbox-Webhooks/1.0';
const RECEIVED_RETENTION_DAYS = 7;

interface SourceInstallation {
  id: string;
  slug: string;
  supportedEvents: string[];
  lifecycle: OrderLifecycle;
  others: string[];
  fromMs: number;
  untilMs: number;
  weight: number;
}

interface PlannedEvent {
  id: string;
  installation: SourceInstallation;
  name: string;
  createdMs: number;
  payload: Record<string, unknown>;
  chain: PlannedEvent[] | null;
  supersededBy: PlannedEvent | null;
}

interface RejectedWebhook {
  installation: SourceInstallation;
  receivedMs: number;
  name: string;
  reason: string;
}

/** Share of the day's traffic per UTC hour: Brazilian shops sell from morning to late evening (UTC−3). */
const HOURLY_SHAPE = [0.55, 0.45, 0.3, 0.2, 0.15, 0.12, 0.12, 0.15, 0.2, 0.3, 0.45, 0.6, 0.75, 0.85, 0.9, 0.95, 1, 1, 0.95, 0.9, 0.9, 0.95, 0.9, 0.75];

function loadInstallations(ctx: SandboxContext, nowMs: number): SourceInstallation[] {
  const rows = ctx.db
    .prepare(
      `SELECT i.id, i.status, i.created_at, i.disabled_at, d.slug, d.supported_events
       FROM installations i JOIN drivers d ON d.id = i.driver_id
       WHERE i.status <> 'pending_auth' ORDER BY i.created_at, i.id`,
    )
    .all() as { id: string; status: string; created_at: string; disabled_at: string | null; slug: string; supported_events: string }[];
  return rows.map((row, index) => {
    const supportedEvents = JSON.parse(row.supported_events) as string[];
    const lifecycle = orderLifecycle(supportedEvents);
    return {
      id: row.id,
      slug: row.slug,
      supportedEvents,
      lifecycle,
      others: supportedEvents.filter((name) => eventFamily(name) !== 'order'),
      fromMs: Math.max(nowMs - HISTORY_DAYS * DAY_MS, Date.parse(row.created_at)),
      untilMs: row.disabled_at === null ? nowMs : Math.min(nowMs, Date.parse(row.disabled_at)),
      // A few big shops and a long tail, as on any platform.
      weight: 1 / Math.pow(1 + (index * 7919) % rows.length, 0.8),
    };
  }).filter((installation) => installation.untilMs > installation.fromMs && installation.supportedEvents.length > 0);
}

/** A moment in [fromMs, untilMs) following the daily traffic shape. */
function trafficTime(prng: Prng, fromMs: number, untilMs: number): number {
  for (let tries = 0; tries < 20; tries++) {
    const t = fromMs + prng.next() * (untilMs - fromMs);
    const hour = new Date(t).getUTCHours();
    if (prng.next() < (HOURLY_SHAPE[hour] ?? 1)) return Math.floor(t);
  }
  return Math.floor(fromMs + prng.next() * (untilMs - fromMs));
}

/** Gap before the next step of a purchase: payment within minutes, shipping within days, refunds later. */
function stepGapMs(prng: Prng, name: string): number {
  if (/(canceled|cancelled|refunded|chargeback|payment_failed)$/.test(name) || name.startsWith('refund.')) return prng.int(20 * 60_000, 6 * DAY_MS);
  if (/(shipped|fulfilled|invoiced|delivered|completed)$/.test(name)) return prng.int(2 * HOUR_MS, 3 * DAY_MS);
  return prng.int(15_000, 40 * 60_000);
}

export function hasDemoEvents(ctx: SandboxContext): boolean {
  return ctx.db.prepare('SELECT 1 FROM meta WHERE key = ?').get(SEED_META_KEY) !== undefined;
}

/**
 * Seeds the demo history once per database. Needs ctx.origin (endpoint URLs point at the built-in
 * receiver), so it runs after the server listens. Returns the number of events inserted.
 */
export function seedDemoEvents(ctx: SandboxContext, options: { count?: number } = {}): number {
  if (hasDemoEvents(ctx)) return 0;
  if (ctx.origin === '') throw new Error('seedDemoEvents needs ctx.origin: call it after the server listens.');
  const target = options.count ?? LIBRARY_DEMO_EVENT_COUNT;
  const prng = createPrng('sandbox-demo-events-v1');
  const nowMs = ctx.now().getTime();
  const installations = loadInstallations(ctx, nowMs);
  if (installations.length === 0) throw new Error('The demo event history needs the demo installations (seed "demo").');
  const weighted = installations.map((installation) => [installation, installation.weight] as const);
  const health = crmHealthTimeline(nowMs);

  // A signing incident: one store's provider rotated its secret and, for five hours three days ago,
  // every webhook it sent was rejected — so no events came from it in that window.
  const incidentInstallation = installations.find((i) => i.slug === 'shopify') ?? installations[0]!;
  const incidentFromMs = Math.floor(nowMs / DAY_MS) * DAY_MS - 3 * DAY_MS + 15 * HOUR_MS;
  const incidentUntilMs = incidentFromMs + 5 * HOUR_MS;
  const inIncident = (installation: SourceInstallation, t: number): boolean =>
    installation === incidentInstallation && t >= incidentFromMs && t < incidentUntilMs;

  // 1. Plan the events: purchases (chains) and one-off events, until the target count.
  const events: PlannedEvent[] = [];
  let orderNumber = 100_000;
  // The last few arrived a moment ago and are still `pending` (nothing attempted yet).
  const justArrived = Math.min(3, target);
  while (events.length < target - justArrived) {
    const installation = prng.weighted(weighted);
    const startMs = trafficTime(prng, installation.fromMs, installation.untilMs);
    if (inIncident(installation, startMs)) continue;
    const purchase = installation.lifecycle.progress.length + installation.lifecycle.terminal.length > 0 && (installation.others.length === 0 || prng.chance(0.78));
    if (purchase) {
      const facts = randomPurchase(prng, `${installation.slug.slice(0, 3).toUpperCase()}-${orderNumber++}`);
      const chain: PlannedEvent[] = [];
      let t = startMs;
      for (const name of lifecycleNames(prng, installation.lifecycle)) {
        if (chain.length > 0) t += stepGapMs(prng, name);
        if (t >= installation.untilMs || events.length + chain.length >= target - justArrived || inIncident(installation, t)) break;
        const occurredAt = toApiTimestamp(new Date(t));
        chain.push({ id: '', installation, name, createdMs: t, payload: buildPayload(prng, { driverSlug: installation.slug, name, occurredAt, purchase: facts }), chain, supersededBy: null });
      }
      events.push(...chain);
    } else {
      const name = prng.pick(installation.others);
      const payload = buildPayload(prng, { driverSlug: installation.slug, name, occurredAt: toApiTimestamp(new Date(startMs)) });
      events.push({ id: '', installation, name, createdMs: startMs, payload, chain: null, supersededBy: null });
    }
  }
  const live = installations.filter((i) => i.untilMs === nowMs && i.lifecycle.progress.length > 0);
  for (let i = 0; i < justArrived && live.length > 0; i++) {
    const installation = prng.pick(live);
    const name = installation.lifecycle.progress[0]!;
    const createdMs = nowMs - prng.int(0, 30);
    const purchase = randomPurchase(prng, `${installation.slug.slice(0, 3).toUpperCase()}-${orderNumber++}`);
    const payload = buildPayload(prng, { driverSlug: installation.slug, name, occurredAt: toApiTimestamp(new Date(createdMs)), purchase });
    events.push({ id: '', installation, name, createdMs, payload, chain: null, supersededBy: null });
  }
  events.sort((a, b) => a.createdMs - b.createdMs);
  for (const event of events) event.id = uuidV7(event.createdMs, prng);

  // 2. Superseding, by the platform's rule (sandbox/processing/supersede.ts): a newer event about the
  // same order with a higher weight supersedes the older, lower-weight ones not yet superseded.
  for (const event of events) {
    if (event.chain === null || orderKeyOf(event.payload) === null) continue;
    const weight = eventWeight(event.name);
    if (weight <= 0) continue;
    for (const older of event.chain) {
      if (older === event) break;
      if (older.supersededBy === null && eventWeight(older.name) < weight && older.createdMs <= event.createdMs) older.supersededBy = event;
    }
  }

  // 3. Rejected webhooks: the incident, plus a trickle of unsigned or badly signed ones.
  const rejected: RejectedWebhook[] = [];
  // One rejected webhook every 20–110 s at full size; proportionally fewer in a smaller history.
  const incidentGapScale = Math.max(1, DEMO_EVENT_COUNT / target);
  for (let t = incidentFromMs + prng.int(0, 120_000); t < incidentUntilMs && t < nowMs; t += prng.int(20_000, 110_000) * incidentGapScale) {
    rejected.push({ installation: incidentInstallation, receivedMs: t, name: prng.pick(incidentInstallation.supportedEvents), reason: 'Invalid signature: the HMAC does not match the installation\'s webhook secret (was it rotated at the provider?).' });
  }
  for (let i = 0; i < Math.ceil(target / 400); i++) {
    const installation = prng.weighted(weighted);
    rejected.push({
      installation,
      receivedMs: trafficTime(prng, installation.fromMs, installation.untilMs),
      name: prng.pick(installation.supportedEvents),
      reason: prng.chance(0.5) ? 'Missing signature header.' : 'Invalid signature: timestamp outside the 5-minute tolerance.',
    });
  }

  ctx.db.transaction(() => {
    const endpoints = insertDemoEndpoints(ctx, prng, [...new Set(installations.flatMap((i) => i.supportedEvents))]);
    insertHistory(ctx, prng, { events, rejected, endpoints, nowMs, health });
    ctx.db.prepare('INSERT INTO meta (key, value) VALUES (?, ?)').run(SEED_META_KEY, String(events.length));
  })();
  return events.length;
}

function insertHistory(
  ctx: SandboxContext,
  prng: Prng,
  input: { events: PlannedEvent[]; rejected: RejectedWebhook[]; endpoints: DemoEndpoint[]; nowMs: number; health: ReturnType<typeof crmHealthTimeline> },
): void {
  const { db } = ctx;
  const policy = loadRetryPolicy(db);
  const ts = seedTimestamp;
  // Received webhooks are kept for a week (as delivery-log bodies would be on a real platform).
  const receivedKeptFromMs = input.nowMs - RECEIVED_RETENTION_DAYS * DAY_MS;
  const insertEvent = db.prepare(
    `INSERT INTO events (id, installation_id, integration_driver_slug, name, payload, created_at, status, order_key, weight,
       superseded, superseded_by_id, superseded_by_name, last_dispatch_id, last_dispatch_status, last_dispatch_response_code,
       last_dispatch_code_class, last_dispatch_attempted_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertDispatch = db.prepare(
    `INSERT INTO dispatches (id, event_id, endpoint_id, url, attempt, trigger, status, attempt_response_code, response_code_class,
       error, duration_ms, request_headers, request_body, response_headers, response_body, created_at, due_at, attempted_at, next_retry_at)
     VALUES (?, ?, ?, ?, ?, 'automatic', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertReceived = db.prepare(
    `INSERT INTO received_webhooks (id, installation_id, integration_driver_slug, received_at, headers, body, signature_valid,
       status, status_reason, event_ids) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );

  for (const event of input.events) {
    const createdAt = ts(event.createdMs);
    const payloadText = JSON.stringify(event.payload);
    const supersededAtMs = event.supersededBy?.createdMs ?? null;

    // The webhook the provider sent, a moment before the event existed.
    const receivedMs = event.createdMs - prng.int(30, 900);
    if (receivedMs >= receivedKeptFromMs) insertReceived.run(
      uuidV7(receivedMs, prng), event.installation.id, event.installation.slug, ts(receivedMs),
      JSON.stringify(providerHeaders(prng, event.installation.slug, event.name)), payloadText, 1, 'processed', null, JSON.stringify([event.id]),
    );

    // Deliveries to every endpoint subscribed (and enabled) when the event arrived.
    const body = JSON.stringify({ id: event.id, event: event.name, created_at: createdAt, installation_id: event.installation.id, payload: event.payload });
    const rows: { endpoint: DemoEndpoint; attempt: HistoricalAttempt; id: string }[] = [];
    for (const endpoint of input.endpoints) {
      if (event.createdMs < endpoint.activeFromMs || event.createdMs >= endpoint.activeUntilMs) continue;
      if (!endpoint.events.includes('*') && !endpoint.events.includes(event.name)) continue;
      const attempts = replayDeliveries(prng, { eventCreatedMs: event.createdMs, supersededAtMs, endpoint, policy, nowMs: input.nowMs, health: input.health });
      for (const attempt of attempts) rows.push({ endpoint, attempt, id: uuidV7(attempt.createdMs, prng) });
    }
    // Same order as the dispatcher's rows would have: by creation time.
    rows.sort((a, b) => a.attempt.createdMs - b.attempt.createdMs);

    const state = eventState(event.supersededBy !== null, rows.map((row) => ({ endpointId: row.endpoint.id, status: row.attempt.status, attempted: row.attempt.attemptedMs !== null })));
    const last = rows[lastDispatchIndex(rows.map((row) => row.attempt))];
    const lastOutcome = last?.attempt.outcome ?? null;
    insertEvent.run(
      event.id, event.installation.id, event.installation.slug, event.name, payloadText, createdAt, state,
      orderKeyOf(event.payload), eventWeight(event.name), event.supersededBy ? 1 : 0, event.supersededBy?.id ?? null,
      event.supersededBy?.name ?? null, last?.id ?? null, last?.attempt.status ?? null, lastOutcome?.code ?? null,
      codeClass(lastOutcome?.code ?? null), last?.attempt.attemptedMs == null ? null : ts(last.attempt.attemptedMs),
    );

    for (const { endpoint, attempt, id } of rows) {
      const outcome = attempt.outcome;
      let requestHeaders: string | null = null;
      if (attempt.attemptedMs !== null) {
        const unix = Math.floor(attempt.attemptedMs / 1000);
        requestHeaders = JSON.stringify({
          ...Object.fromEntries(endpoint.customHeaderNames.map((name) => [name, REDACTED])),
          'content-type': 'application/json',
          'user-agent': USER_AGENT,
          'x-ii-event-id': event.id,
          'x-ii-event-name': event.name,
          'x-ii-attempt': String(attempt.attempt),
          'x-ii-signature': signatureHeader([endpoint.secret], unix, body),
        });
      }
      const pending = attempt.status === 'pending';
      insertDispatch.run(
        id, event.id, endpoint.id, endpoint.url, attempt.attempt, attempt.status, outcome?.code ?? null, codeClass(outcome?.code ?? null),
        attempt.status === 'failed' ? outcome?.error ?? null : null, outcome?.durationMs ?? null, requestHeaders,
        pending ? null : body, outcome?.responseHeaders ? JSON.stringify(outcome.responseHeaders) : null, outcome?.responseBody ?? null,
        ts(attempt.createdMs), ts(attempt.dueMs), attempt.attemptedMs === null ? null : ts(attempt.attemptedMs),
        pending ? ts(attempt.dueMs) : attempt.nextRetryMs === null ? null : ts(attempt.nextRetryMs),
      );
    }
  }

  for (const webhook of input.rejected) {
    if (webhook.receivedMs < receivedKeptFromMs) continue;
    const payload = buildPayload(prng, { driverSlug: webhook.installation.slug, name: webhook.name, occurredAt: ts(webhook.receivedMs) });
    const headers = providerHeaders(prng, webhook.installation.slug, webhook.name);
    if (webhook.reason.startsWith('Missing')) {
      for (const name of Object.keys(headers)) if (/signature|hmac|hottok/.test(name)) delete headers[name];
    }
    insertReceived.run(
      uuidV7(webhook.receivedMs, prng), webhook.installation.id, webhook.installation.slug, ts(webhook.receivedMs),
      JSON.stringify(headers), JSON.stringify(payload), 0, 'rejected', webhook.reason, '[]',
    );
  }
}

/**
 * Which row is the event's last_dispatch, by the rule of refreshEventState: the newest attempt made
 * (latest attempted_at; on a tie, the newest row), or the newest row when nothing was attempted.
 * `rows` are in insertion order, oldest first.
 */
function lastDispatchIndex(rows: HistoricalAttempt[]): number {
  let best = -1;
  // Walk newest row first, as refreshEventState does (created_at DESC, rowid DESC).
  const order = rows.map((_, i) => i).sort((a, b) => rows[b]!.createdMs - rows[a]!.createdMs || b - a);
  for (const i of order) {
    const attemptedMs = rows[i]!.attemptedMs;
    if (attemptedMs === null) continue;
    if (best === -1 || attemptedMs > rows[best]!.attemptedMs!) best = i;
  }
  return best === -1 ? (order[0] ?? -1) : best;
}

function codeClass(code: number | null): string | null {
  return code === null ? null : `${Math.floor(code / 100)}xx`;
}

/** The event status rule of sandbox/processing/event-store.ts refreshEventState, over in-memory rows (oldest first). */
export function eventState(superseded: boolean, rows: { endpointId: string; status: string; attempted: boolean }[]): string {
  if (rows.length === 0) return 'discarded';
  const latest = new Map<string, string>();
  for (const row of rows) latest.set(row.endpointId, row.status);
  const allSucceeded = [...latest.values()].every((status) => status === 'succeeded');
  if (superseded) return allSucceeded ? 'dispatched' : 'discarded';
  if (rows.some((row) => row.status === 'pending')) return rows.some((row) => row.attempted) ? 'dispatching' : 'pending';
  return allSucceeded ? 'dispatched' : 'failed';
}
