// `--simulate R`: keeps producing provider events at R per second, the real way
// (createProviderEvent: insert, supersede, schedule deliveries, wake the dispatcher), so the console
// has live data to tail. Purchases progress over the following seconds (paid after created,
// canceled after paid…), so live superseding happens too. Stops cleanly on close.

import type { SandboxContext } from './context';
import { createProviderEvent } from './processing/event-store';
import { toApiTimestamp } from './time';
import { buildPayload, eventFamily, lifecycleNames, orderLifecycle, randomPurchase, type PurchaseFacts } from './seed/event-payloads';
import { createPrng } from './seed/prng';

export interface Simulator {
  /** Events created so far (for logs and tests). */
  produced(): number;
  stop(): void;
}

interface OpenPurchase {
  installationId: string;
  slug: string;
  remaining: string[];
  facts: PurchaseFacts;
  dueMs: number;
}

const TICK_MS = 100;
const MAX_OPEN_PURCHASES = 500;

export function startSimulator(ctx: SandboxContext, eventsPerSecond: number, options: { seed?: string } = {}): Simulator {
  if (!(eventsPerSecond > 0) || !Number.isFinite(eventsPerSecond)) throw new Error(`--simulate needs a positive rate, got ${eventsPerSecond}.`);
  const installations = (
    ctx.db
      .prepare(
        `SELECT i.id, d.slug, d.supported_events FROM installations i JOIN drivers d ON d.id = i.driver_id
         WHERE i.status = 'active' ORDER BY i.created_at, i.id`,
      )
      .all() as { id: string; slug: string; supported_events: string }[]
  ).map((row) => {
    const events = JSON.parse(row.supported_events) as string[];
    return { id: row.id, slug: row.slug, lifecycle: orderLifecycle(events), others: events.filter((name) => eventFamily(name) !== 'order') };
  });
  if (installations.length === 0) throw new Error('--simulate needs active installations; start with --seed demo.');

  const prng = createPrng(options.seed ?? `sandbox-simulate-${Date.now()}`);
  const open: OpenPurchase[] = [];
  let produced = 0;
  let owed = 0;
  let orderNumber = 900_000;
  let lastTickMs = performance.now();

  function emit(installationId: string, slug: string, name: string, purchase?: PurchaseFacts): void {
    const occurredAt = toApiTimestamp(ctx.now());
    const payload = buildPayload(prng, { driverSlug: slug, name, occurredAt, ...(purchase ? { purchase } : {}) });
    createProviderEvent(ctx, { installationId, name, payload });
    produced++;
  }

  function produceOne(): void {
    const nowMs = ctx.now().getTime();
    // Follow-ups of purchases already under way come first, when due.
    const dueIndex = open.findIndex((purchase) => purchase.dueMs <= nowMs);
    if (dueIndex !== -1) {
      const purchase = open[dueIndex]!;
      const name = purchase.remaining.shift()!;
      if (purchase.remaining.length === 0) open.splice(dueIndex, 1);
      else purchase.dueMs = nowMs + prng.int(2_000, 20_000);
      emit(purchase.installationId, purchase.slug, name, purchase.facts);
      return;
    }
    const installation = prng.pick(installations);
    const names = lifecycleNames(prng, installation.lifecycle);
    if (names.length > 0 && (installation.others.length === 0 || prng.chance(0.8))) {
      const facts = randomPurchase(prng, `SIM-${orderNumber++}`);
      const [first, ...rest] = names as [string, ...string[]];
      if (rest.length > 0 && open.length < MAX_OPEN_PURCHASES) {
        open.push({ installationId: installation.id, slug: installation.slug, remaining: rest, facts, dueMs: nowMs + prng.int(2_000, 20_000) });
      }
      emit(installation.id, installation.slug, first, facts);
    } else if (installation.others.length > 0) {
      emit(installation.id, installation.slug, prng.pick(installation.others));
    }
  }

  const timer = setInterval(() => {
    const now = performance.now();
    owed += ((now - lastTickMs) / 1000) * eventsPerSecond;
    lastTickMs = now;
    // Never try to catch up more than a second of backlog after a stall (e.g. a long seed).
    owed = Math.min(owed, Math.max(1, eventsPerSecond));
    while (owed >= 1) {
      owed -= 1;
      try {
        produceOne();
      } catch (error) {
        // An installation removed meanwhile, or the database closing: skip this one, keep going.
        if (!ctx.db.open) return;
        console.error(`[sandbox] simulate: ${(error as Error).message}`);
      }
    }
  }, TICK_MS);
  timer.unref();

  return {
    produced: () => produced,
    stop: () => clearInterval(timer),
  };
}
