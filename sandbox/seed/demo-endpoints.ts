// The demo's webhook endpoints, all pointing at the built-in receiver on the sandbox's own origin,
// each with a health story the delivery history tells:
//   erp          healthy; all order, customer, subscription and checkout events
//   warehouse    healthy; cancellations, refunds and chargebacks (the finance team's loader)
//   fulfillment  the flaky one: intermittent 503s and timeouts (receiver /flaky)
//   crm          failing since yesterday: connection refused for a few hours, then 500s (receiver
//                /switch/legacy-crm, which answers 500 until an operator "fixes" it with PUT …/switch/legacy-crm)
//   zapier       disabled three weeks ago by an operator after answering 410 Gone
import { newSigningSecret } from '../dispatcher/signature';
import type { SandboxContext } from '../context';
import { toApiTimestamp } from '../time';
import { eventFamily } from './event-payloads';
import { uuidV7 } from './ids';
import type { Prng } from './prng';

export type DemoEndpointKey = 'erp' | 'warehouse' | 'fulfillment' | 'crm' | 'zapier';

export interface DemoEndpoint {
  key: DemoEndpointKey;
  id: string;
  url: string;
  secret: string;
  timeoutSeconds: number;
  /** Event names, or ['*']. */
  events: string[];
  customHeaderNames: string[];
  /** Deliveries happen only while the endpoint existed and was enabled. */
  activeFromMs: number;
  activeUntilMs: number;
}

export const DAY_MS = 24 * 3600 * 1000;
export const HOUR_MS = 3600 * 1000;
/** The switch the failing endpoint uses; tests and demos "fix" it with PUT /_sandbox/receiver/switch/legacy-crm. */
export const FAILING_SWITCH = 'legacy-crm';
/** Where a receiver URL starts, so a restarted sandbox on another port can retarget its endpoints. */
export const RECEIVER_PATH = '/_sandbox/receiver/';

// Subscriptions are by event name. They are chosen so each endpoint's share of the traffic is
// plausible (and the seed stays small enough to build in seconds): the ERP takes almost everything,
// the others a few names each.
const FULFILLMENT_EVENTS = ['order.fulfilled', 'order.invoiced', 'order.payment-approved', 'purchase.approved', 'charge.paid', 'shipments'];
const CRM_EVENTS = ['customer.created', 'checkout.abandoned', 'subscription.canceled', 'subscription.created', 'purchase.approved', 'order.approved', 'invoice.paid'];
const ZAPIER_EVENTS = ['purchase.approved', 'invoice.paid', 'order.approved'];

function isReversal(name: string): boolean {
  return /\.(canceled|cancelled|refunded|chargeback)$/.test(name) || name.startsWith('refund.');
}

/** Inserts the demo endpoints; returns them with the health windows the delivery history uses. */
export function insertDemoEndpoints(ctx: SandboxContext, prng: Prng, allEventNames: readonly string[]): DemoEndpoint[] {
  const nowMs = ctx.now().getTime();
  const origin = ctx.origin;
  const receiver = `${origin}${RECEIVER_PATH}`;
  const erpEvents = allEventNames.filter((name) => ['order', 'customer', 'subscription', 'checkout'].includes(eventFamily(name)) || ['orders_v2', 'payments', 'shipments'].includes(name));
  const plans: (Omit<DemoEndpoint, 'id' | 'secret'> & { description: string; createdMs: number; disabledReason: string | null; headers: Record<string, string> })[] = [
    {
      key: 'erp', url: `${receiver}ok?target=erp`, description: 'ERP — sincronização de pedidos e clientes', timeoutSeconds: 10,
      events: erpEvents, customHeaderNames: [], headers: {}, activeFromMs: nowMs - 90 * DAY_MS, activeUntilMs: Infinity,
      createdMs: nowMs - 90 * DAY_MS, disabledReason: null,
    },
    {
      key: 'warehouse', url: `${receiver}ok?target=finance`, description: 'Financeiro — cancelamentos, reembolsos e chargebacks', timeoutSeconds: 15,
      events: allEventNames.filter((name) => eventFamily(name) === 'order' && isReversal(name)), customHeaderNames: ['x-loader-token'],
      headers: { 'X-Loader-Token': `ldr_${prng.hex(24)}` }, activeFromMs: nowMs - 60 * DAY_MS, activeUntilMs: Infinity,
      createdMs: nowMs - 60 * DAY_MS, disabledReason: null,
    },
    {
      key: 'fulfillment', url: `${receiver}flaky`, description: 'Logística — integração com a transportadora (instável)', timeoutSeconds: 5,
      events: allEventNames.filter((name) => FULFILLMENT_EVENTS.includes(name)), customHeaderNames: [], headers: {},
      activeFromMs: nowMs - 45 * DAY_MS, activeUntilMs: Infinity, createdMs: nowMs - 45 * DAY_MS, disabledReason: null,
    },
    {
      key: 'crm', url: `${receiver}switch/${FAILING_SWITCH}`, description: 'CRM legado (falhando desde ontem)', timeoutSeconds: 10,
      events: allEventNames.filter((name) => CRM_EVENTS.includes(name)),
      customHeaderNames: ['authorization'], headers: { Authorization: `Bearer crm_${prng.hex(32)}` },
      activeFromMs: nowMs - 120 * DAY_MS, activeUntilMs: Infinity, createdMs: nowMs - 120 * DAY_MS, disabledReason: null,
    },
    {
      key: 'zapier', url: `${receiver}status/410`, description: 'Zapier (automação antiga)', timeoutSeconds: 10,
      events: allEventNames.filter((name) => ZAPIER_EVENTS.includes(name)), customHeaderNames: [], headers: {},
      activeFromMs: nowMs - 150 * DAY_MS, activeUntilMs: nowMs - 21 * DAY_MS, createdMs: nowMs - 150 * DAY_MS,
      disabledReason: 'Desativado por um operador: o Zap foi excluído e o endpoint responde 410 Gone.',
    },
  ];

  const insert = ctx.db.prepare(
    `INSERT INTO webhook_endpoints (id, url, description, enabled, events, headers, timeout_seconds, secret,
       consecutive_failures, disabled_reason, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  return plans.map((plan) => {
    const id = uuidV7(plan.createdMs, prng);
    // Signing secrets are credentials: truly random, never derived from the seed.
    const secret = newSigningSecret();
    const disabled = plan.activeUntilMs !== Infinity;
    insert.run(
      id, plan.url, plan.description, disabled ? 0 : 1, JSON.stringify(plan.events), JSON.stringify(plan.headers),
      plan.timeoutSeconds, secret, 0, plan.disabledReason, toApiTimestamp(new Date(plan.createdMs)),
      toApiTimestamp(new Date(disabled ? plan.activeUntilMs : plan.createdMs)),
    );
    return {
      key: plan.key, id, url: plan.url, secret, timeoutSeconds: plan.timeoutSeconds, events: plan.events,
      customHeaderNames: plan.customHeaderNames, activeFromMs: plan.activeFromMs, activeUntilMs: plan.activeUntilMs,
    };
  });
}

/**
 * Points endpoints that target the built-in receiver at this run's origin. A database file seeded on
 * one port and reopened on another would otherwise deliver to a port nobody listens on.
 */
export function retargetReceiverEndpoints(ctx: SandboxContext): number {
  const rows = ctx.db
    .prepare(`SELECT id, url FROM webhook_endpoints WHERE instr(url, ?) > 0`)
    .all(RECEIVER_PATH) as { id: string; url: string }[];
  const update = ctx.db.prepare('UPDATE webhook_endpoints SET url = ? WHERE id = ?');
  let changed = 0;
  for (const row of rows) {
    let url: URL;
    try {
      url = new URL(row.url);
    } catch {
      continue;
    }
    if (url.origin === ctx.origin || !['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname)) continue;
    update.run(`${ctx.origin}${url.pathname}${url.search}`, row.id);
    changed++;
  }
  return changed;
}
