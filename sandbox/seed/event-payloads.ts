// What provider events look like: a payload per event family (orders, customers, products,
// subscriptions, Mercado Livre style notifications), with Brazilian-shop realism (BRL amounts, Pix and
// boleto, Portuguese names), and the order lifecycles that produce superseded chains. Shared by the
// demo history, the bulk loader and the live simulator so every source of events looks alike.
// All data is invented; e-mails use the reserved example.com domain.

import { createHash } from 'node:crypto';
import type { Prng } from './prng';

export type EventFamily = 'order' | 'customer' | 'product' | 'subscription' | 'checkout' | 'notification';

const FIRST_NAMES = ['Ana', 'Bruno', 'Camila', 'Diego', 'Eduarda', 'Felipe', 'Gabriela', 'Heitor', 'Isabela', 'João',
  'Larissa', 'Lucas', 'Mariana', 'Matheus', 'Natália', 'Otávio', 'Patrícia', 'Rafael', 'Sofia', 'Thiago', 'Vitória', 'Yasmin'];
const LAST_NAMES = ['Silva', 'Santos', 'Oliveira', 'Souza', 'Rodrigues', 'Ferreira', 'Alves', 'Pereira', 'Lima', 'Gomes',
  'Costa', 'Ribeiro', 'Martins', 'Carvalho', 'Almeida', 'Lopes', 'Soares', 'Fernandes', 'Vieira', 'Barbosa'];
const PRODUCTS: readonly (readonly [string, string, number])[] = [
  ['CAM-BAS-PRT', 'Camiseta básica algodão preta', 4990],
  ['TEN-RUN-42', 'Tênis de corrida Pace 42', 34990],
  ['CUR-EXC-01', 'Curso Excel do zero ao avançado', 19700],
  ['EBK-FIN-PES', 'E-book Finanças pessoais na prática', 2990],
  ['CAF-ESP-1KG', 'Café especial em grãos 1 kg', 8990],
  ['FON-BT-X2', 'Fone Bluetooth X2', 15990],
  ['MOC-URB-20', 'Mochila urbana 20 L', 21900],
  ['KIT-SKN-03', 'Kit skincare 3 passos', 12990],
  ['MEN-ANL-12', 'Mentoria anual (12x)', 99700],
  ['GAR-TER-750', 'Garrafa térmica 750 ml', 7990],
];
const PAYMENT_METHODS: readonly (readonly [string, number])[] = [['pix', 45], ['credit_card', 40], ['boleto', 12], ['debit_card', 3]];
const PLANS = ['mensal', 'trimestral', 'anual'];

// Stages in the order a purchase moves through them; terminal stages end a lifecycle.
const PROGRESS_STAGES = ['created', 'pending', 'waiting_payment', 'approved', 'paid', 'payment-approved', 'invoiced',
  'fulfilled', 'shipped', 'delivered', 'completed'];
const TERMINAL_STAGES = ['canceled', 'cancelled', 'refunded', 'chargeback', 'payment_failed'];

function stageOf(name: string): string {
  return name.slice(name.lastIndexOf('.') + 1);
}

export function eventFamily(name: string): EventFamily {
  const head = name.split('.')[0] ?? name;
  if (['order', 'purchase', 'invoice', 'charge', 'refund'].includes(head)) return 'order';
  if (head === 'customer') return 'customer';
  if (head === 'product') return 'product';
  if (head === 'subscription' || head === 'contract') return 'subscription';
  if (head === 'checkout') return 'checkout';
  return 'notification';
}

export interface OrderLifecycle {
  /** Progress events in lifecycle order (created → paid → shipped …). */
  progress: string[];
  /** Events that end a purchase early (canceled, refunded, chargeback, payment_failed, refund.*). */
  terminal: string[];
}

/** Splits a driver's order-family events into its lifecycle; empty lists when it has none. */
export function orderLifecycle(supportedEvents: readonly string[]): OrderLifecycle {
  const orderEvents = supportedEvents.filter((name) => eventFamily(name) === 'order');
  const terminal = orderEvents.filter((name) => name.startsWith('refund.') || TERMINAL_STAGES.includes(stageOf(name)));
  const progress = orderEvents
    .filter((name) => !terminal.includes(name))
    .sort((a, b) => rank(a) - rank(b));
  return { progress, terminal };
}

function rank(name: string): number {
  const index = PROGRESS_STAGES.indexOf(stageOf(name));
  return index === -1 ? PROGRESS_STAGES.length : index;
}

/**
 * The event names one purchase produces, in order: usually one event, sometimes a few progress
 * steps, sometimes ending in a cancellation or refund. Later events supersede earlier ones.
 */
export function lifecycleNames(prng: Prng, lifecycle: OrderLifecycle): string[] {
  if (lifecycle.progress.length === 0) return lifecycle.terminal.length > 0 ? [prng.pick(lifecycle.terminal)] : [];
  const length = prng.weighted([[1, 62], [2, 26], [3, 9], [4, 3]] as const);
  const start = lifecycle.progress.length > 1 && prng.chance(0.35) ? 1 : 0;
  const names = lifecycle.progress.slice(start, start + length);
  // About one purchase in eight is canceled, refunded or charged back after its last step.
  if (lifecycle.terminal.length > 0 && prng.chance(0.12)) names.push(prng.pick(lifecycle.terminal));
  return names;
}

export interface Customer {
  name: string;
  email: string;
  phone: string;
}

export function randomCustomer(prng: Prng): Customer {
  const first = prng.pick(FIRST_NAMES);
  const last = prng.pick(LAST_NAMES);
  const plain = `${first}.${last}`.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
  return {
    name: `${first} ${last}`,
    email: `${plain}${prng.int(1, 999)}@example.com`,
    phone: `+55 11 9${prng.int(1000, 9999)}-${prng.int(1000, 9999)}`,
  };
}

export interface PurchaseFacts {
  orderId: string;
  customer: Customer;
  sku: string;
  product: string;
  quantity: number;
  unitCents: number;
  paymentMethod: string;
  installments: number;
}

/** The facts of one purchase, kept across its lifecycle events so they tell one consistent story. */
export function randomPurchase(prng: Prng, orderId: string): PurchaseFacts {
  const [sku, product, unitCents] = prng.pick(PRODUCTS);
  const paymentMethod = prng.weighted(PAYMENT_METHODS);
  return {
    orderId,
    customer: randomCustomer(prng),
    sku,
    product,
    quantity: prng.weighted([[1, 80], [2, 15], [3, 5]] as const),
    unitCents,
    paymentMethod,
    installments: paymentMethod === 'credit_card' ? prng.pick([1, 1, 2, 3, 6, 10, 12]) : 1,
  };
}

/**
 * Searchable shop values derived from the order id by a hash, not drawn from the PRNG, so adding
 * them left every other seeded value as it was: the shop's order number (`PED-12345`) and the
 * buyer's CPF (`123.456.789-09`, with valid check digits) or, for one order in five, a CNPJ.
 */
export function orderDocuments(orderId: string): { number: string; document: { type: 'cpf' | 'cnpj'; number: string } } {
  const digest = createHash('sha256').update(orderId).digest();
  const digits = (count: number, offset: number) => Array.from({ length: count }, (_, i) => digest[offset + i]! % 10);
  const number = `PED-${String(10_000 + (digest.readUInt32BE(0) % 90_000))}`;
  if (digest[4]! % 5 === 0) {
    const base = [...digits(8, 5), 0, 0, 0, 1];
    const d1 = checkDigit(base, [5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2]);
    const d2 = checkDigit([...base, d1], [6, 5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2]);
    const all = [...base, d1, d2].join('');
    return { number, document: { type: 'cnpj', number: `${all.slice(0, 2)}.${all.slice(2, 5)}.${all.slice(5, 8)}/${all.slice(8, 12)}-${all.slice(12)}` } };
  }
  const base = digits(9, 5);
  const d1 = checkDigit(base, [10, 9, 8, 7, 6, 5, 4, 3, 2]);
  const d2 = checkDigit([...base, d1], [11, 10, 9, 8, 7, 6, 5, 4, 3, 2]);
  const all = [...base, d1, d2].join('');
  return { number, document: { type: 'cpf', number: `${all.slice(0, 3)}.${all.slice(3, 6)}.${all.slice(6, 9)}-${all.slice(9)}` } };
}

function checkDigit(digits: number[], weights: number[]): number {
  const rest = digits.reduce((sum, digit, i) => sum + digit * weights[i]!, 0) % 11;
  return rest < 2 ? 0 : 11 - rest;
}

function reais(cents: number): string {
  return (cents / 100).toFixed(2);
}

/** A provider payload for `name`; `purchase` is required for order-family events. */
export function buildPayload(
  prng: Prng,
  input: { driverSlug: string; name: string; occurredAt: string; purchase?: PurchaseFacts },
): Record<string, unknown> {
  const family = eventFamily(input.name);
  const stage = stageOf(input.name);
  if (family === 'order') {
    const p = input.purchase ?? randomPurchase(prng, `ord_${prng.hex(10)}`);
    const total = p.unitCents * p.quantity;
    const shop = orderDocuments(p.orderId);
    return {
      order_id: p.orderId,
      order_number: shop.number,
      status: stage,
      occurred_at: input.occurredAt,
      amount: { value: reais(total), currency: 'BRL' },
      payment: { method: p.paymentMethod, installments: p.installments },
      customer: { name: p.customer.name, email: p.customer.email, document: shop.document },
      items: [{ sku: p.sku, name: p.product, quantity: p.quantity, unit_price: reais(p.unitCents) }],
    };
  }
  if (family === 'customer') {
    const c = randomCustomer(prng);
    return { customer: { id: `cus_${prng.hex(12)}`, name: c.name, email: c.email, phone: c.phone }, occurred_at: input.occurredAt };
  }
  if (family === 'product') {
    const [sku, product, unitCents] = prng.pick(PRODUCTS);
    return { product: { id: `prd_${prng.hex(10)}`, sku, name: product, price: reais(unitCents), stock: prng.int(0, 500) }, occurred_at: input.occurredAt };
  }
  if (family === 'subscription') {
    const c = randomCustomer(prng);
    return {
      subscription_id: `sub_${prng.hex(12)}`,
      status: stage,
      plan: prng.pick(PLANS),
      customer: { name: c.name, email: c.email },
      occurred_at: input.occurredAt,
    };
  }
  if (family === 'checkout') {
    const c = randomCustomer(prng);
    const [sku, product, unitCents] = prng.pick(PRODUCTS);
    return {
      checkout_id: `chk_${prng.hex(12)}`,
      customer: { name: c.name, email: c.email },
      items: [{ sku, name: product, quantity: 1, unit_price: reais(unitCents) }],
      recovery_url: `https://checkout.example.com/recover/${prng.hex(16)}`,
      occurred_at: input.occurredAt,
    };
  }
  // Mercado Livre style: a notification that names the resource to fetch, not the data itself.
  const resourceId = prng.int(2_000_000_000, 2_999_999_999);
  const resourcePath = input.name === 'questions' ? 'questions' : input.name === 'items' ? 'items/MLB' : input.name.replace(/_v2$/, '');
  return {
    resource: `/${resourcePath}/${resourceId}`,
    user_id: prng.int(100_000_000, 999_999_999),
    topic: input.name,
    application_id: 5_503_910_054_141_466,
    attempts: 1,
    sent: input.occurredAt,
    received: input.occurredAt,
  };
}

/** The headers a provider sends with its webhook (what the platform received), by driver. */
export function providerHeaders(prng: Prng, driverSlug: string, name: string): Record<string, string> {
  const signature = prng.hex(64);
  const base: Record<string, string> = { 'content-type': 'application/json', 'user-agent': `${driverSlug}-webhooks/1.0` };
  switch (driverSlug) {
    case 'shopify':
      return { ...base, 'x-shopify-topic': name.replace('.', '/'), 'x-shopify-hmac-sha256': Buffer.from(signature, 'hex').toString('base64'), 'x-shopify-shop-domain': 'loja-demo.myshopify.com' };
    case 'stripe':
      return { ...base, 'stripe-signature': `t=${prng.int(1_700_000_000, 1_800_000_000)},v1=${signature}` };
    case 'hotmart':
      return { ...base, 'x-hotmart-hottok': prng.hex(32) };
    default:
      return { ...base, 'x-webhook-signature': `sha256=${signature}` };
  }
}
