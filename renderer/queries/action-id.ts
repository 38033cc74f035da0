// One id per operator action (a click), sent with every write; main derives the Idempotency-Key
// from it. A TanStack retry re-runs the mutation with the same variables, so the same id — and the
// server acts once however many times the write is sent.
export function newActionId(): string {
  return globalThis.crypto.randomUUID();
}
