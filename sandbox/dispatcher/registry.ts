// Which dispatcher serves which sandbox. Kept apart from the dispatcher itself so event-creating
// code can wake it without importing the delivery machinery (and without a cycle).
import type { SandboxContext } from '../context';

export interface WakeableDispatcher {
  wake(): void;
  /** Runs every attempt due at ctx.now() and resolves when none is left (fake-clock tests). */
  runDue(): Promise<void>;
}

const dispatchers = new WeakMap<SandboxContext, WakeableDispatcher>();

export function setDispatcher(ctx: SandboxContext, dispatcher: WakeableDispatcher | undefined): void {
  if (dispatcher === undefined) dispatchers.delete(ctx);
  else dispatchers.set(ctx, dispatcher);
}

export function getDispatcher(ctx: SandboxContext): WakeableDispatcher | undefined {
  return dispatchers.get(ctx);
}

/** New deliveries were scheduled: let the dispatcher (if delivery is on) look now rather than at its next poll. */
export function wakeDispatcher(ctx: SandboxContext): void {
  dispatchers.get(ctx)?.wake();
}
