// Superseding (docs/api-contract.md §6): a newer event about the same order, with a higher weight, replaces
// the older ones — e.g. `order.refunded` supersedes a still-undelivered `order.paid`. The weight
// comes from the last segment of the event name, so every driver's `order.*`/`purchase.*`/… events
// rank the same way. Names with an unknown last segment weigh 0 and never supersede anything.

const WEIGHT_BY_STAGE: Record<string, number> = {
  created: 10,
  pending: 20,
  waiting_payment: 20,
  updated: 25,
  approved: 30,
  paid: 30,
  invoiced: 40,
  shipped: 50,
  delivered: 60,
  completed: 60,
  canceled: 70,
  cancelled: 70,
  refunded: 80,
  chargeback: 90,
};

export function eventWeight(name: string): number {
  const stage = name.split('.').pop() ?? '';
  return WEIGHT_BY_STAGE[stage] ?? 0;
}

/** The order the event is about: `payload.order_id`, else `payload.order.id`; null when there is none. */
export function orderKeyOf(payload: Record<string, unknown>): string | null {
  const direct = payload.order_id;
  if (typeof direct === 'string' || typeof direct === 'number') return String(direct);
  const order = payload.order;
  if (order !== null && typeof order === 'object' && !Array.isArray(order)) {
    const id = (order as Record<string, unknown>).id;
    if (typeof id === 'string' || typeof id === 'number') return String(id);
  }
  return null;
}
