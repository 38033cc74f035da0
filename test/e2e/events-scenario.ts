// The world the events specs run in: their own sandbox (empty seed, real dispatcher) with two
// installations, one webhook endpoint on the sandbox's switchable receiver (answering 500 until
// "fixed"), a retry policy of one attempt (so failures are final at once), and events created the
// real way: recent failed order.paid on installation A, others on B, one old enough to fall outside
// "last 24 h", and bulk rows for export and bulk redelivery.
import { startSandbox, type RunningSandbox } from '../../sandbox/server';
import { createProviderEvent } from '../../sandbox/processing/event-store';
import { insertTestInstallation } from '../../sandbox/processing/test-support';

export interface EventsScenario {
  sandbox: RunningSandbox;
  token: string;
  installationA: { id: string; slug: string };
  installationB: { id: string; slug: string };
  /** Ids of the failed order.paid events of installation A created in the last 24 h. */
  failedPaidA: string[];
  /** Text the failing receiver's 500 body contains. */
  failureBodyMarker: string;
  /** How many `customer.created` rows exist (no endpoint subscribes: discarded, never delivered). */
  exportRows: number;
  /** How many `order.refunded` rows exist (failed once each), for bulk redelivery. */
  refundedRows: number;
  fixReceiver(): Promise<void>;
  breakReceiver(): Promise<void>;
  close(): Promise<void>;
}

const SWITCH = 'e2e-orders';

async function api(sandbox: RunningSandbox, token: string, method: string, path: string, body?: unknown): Promise<unknown> {
  const res = await fetch(`${sandbox.baseUrl}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', accept: 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
  return res.json();
}

async function setSwitch(sandbox: RunningSandbox, status: number): Promise<void> {
  const res = await fetch(`${sandbox.origin}/_sandbox/receiver/switch/${SWITCH}`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json', 'x-sandbox-admin': sandbox.adminSecret },
    body: JSON.stringify({ status }),
  });
  if (!res.ok) throw new Error(`switch: ${res.status}`);
}

async function waitForStatus(sandbox: RunningSandbox, token: string, ids: string[], status: string): Promise<void> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const pending = [];
    for (const id of ids) {
      const { data } = (await api(sandbox, token, 'GET', `/processing/events/${id}`)) as { data: { status: string } };
      if (data.status !== status) pending.push(id);
    }
    if (pending.length === 0) return;
    if (Date.now() > deadline) throw new Error(`events not ${status} in time: ${pending.length} left`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

export async function startEventsScenario(options: { exportRows?: number; refundedRows?: number } = {}): Promise<EventsScenario> {
  const exportRows = options.exportRows ?? 10_000;
  const refundedRows = options.refundedRows ?? 150;
  const sandbox = await startSandbox({ port: 0, seed: 'empty' });
  const token = await sandbox.mintToken({ name: 'e2e-events-setup' });
  const installationA = insertTestInstallation(sandbox, 'shopify');
  const installationB = insertTestInstallation(sandbox, 'bling');
  await api(sandbox, token, 'PUT', '/webhooks/retry-policy', {
    max_attempts: 1,
    strategy: 'fixed',
    initial_delay_seconds: 30,
    max_delay_seconds: 36000,
    retry_on: ['5xx'],
    disable_endpoint_after_failures: null,
  });
  await api(sandbox, token, 'POST', '/webhooks/endpoints', {
    url: `${sandbox.origin}/_sandbox/receiver/switch/${SWITCH}`,
    description: 'Orders receiver (failing until fixed)',
    events: ['order.paid', 'order.created', 'order.refunded'],
  });
  await setSwitch(sandbox, 500);

  const now = Date.now();
  const failedPaidA: string[] = [];
  for (let i = 0; i < 3; i++) {
    failedPaidA.push(createProviderEvent(sandbox.ctx, { installationId: installationA.id, name: 'order.paid', payload: { order_id: `A-${i}`, total: 100 + i, customer: { name: 'Ana' } } }).id);
  }
  const others = [
    createProviderEvent(sandbox.ctx, { installationId: installationA.id, name: 'order.created', payload: { order_id: 'A-100' } }).id,
    createProviderEvent(sandbox.ctx, { installationId: installationB.id, name: 'order.paid', payload: { order_id: 'B-1' } }).id,
    // Older than 24 h: filtered out by "last 24 hours".
    createProviderEvent(sandbox.ctx, { installationId: installationA.id, name: 'order.paid', payload: { order_id: 'A-OLD' }, createdAt: new Date(now - 3 * 86_400_000) }).id,
  ];
  const refunded: string[] = [];
  for (let i = 0; i < refundedRows; i++) {
    refunded.push(createProviderEvent(sandbox.ctx, { installationId: installationB.id, name: 'order.refunded', payload: { order_id: `R-${i}` }, createdAt: new Date(now - 3_600_000 + i) }).id);
  }
  const base = now - 2 * 86_400_000;
  for (let i = 0; i < exportRows; i++) {
    createProviderEvent(sandbox.ctx, {
      installationId: i % 2 ? installationA.id : installationB.id,
      name: 'customer.created',
      payload: { customer: { id: `C-${i}`, name: i % 97 === 0 ? 'Silva, "Zé"' : `Customer ${i}` } },
      createdAt: new Date(base + i),
    });
  }
  await waitForStatus(sandbox, token, [...failedPaidA, ...others, ...(refunded.length ? [refunded[0]!, refunded.at(-1)!] : [])], 'failed');

  return {
    sandbox,
    token,
    installationA,
    installationB,
    failedPaidA,
    failureBodyMarker: 'SQLSTATE[HY000]',
    exportRows,
    refundedRows,
    fixReceiver: () => setSwitch(sandbox, 200),
    breakReceiver: () => setSwitch(sandbox, 500),
    close: () => sandbox.close(),
  };
}
