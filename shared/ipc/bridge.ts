// The runtime half of the bridge the renderer gets on `window.ii`: built from channel and event
// NAMES only, with no zod, so the preload (one bundled file, run before the page loads) carries no
// schemas. Inputs are validated by main's dispatcher; outputs and event payloads by main before they
// are sent (electron/ipc/dispatcher.ts, electron/ipc/events.ts); the bridge only allow-lists names.
import type { Bridge, ContractShape, EventsShape, IpcRequest } from './kit';

/** The channel the renderer uses to cancel an in-flight request (fire-and-forget). */
export const CANCEL_CHANNEL = 'ipc:cancel';
/** The channel main uses to push allowlisted events to the renderer. */
export const EVENT_CHANNEL = 'ipc:event';

/**
 * The transport a bridge runs over. The preload implements it over Electron's renderer-side IPC; the end-to-end
 * harness implements it with Playwright's exposeBinding into the real dispatcher.
 */
export interface BridgeTransport {
  invoke(channel: string, request: IpcRequest): Promise<unknown>;
  cancel(requestId: string): void;
  subscribe(listener: (event: string, payload: unknown) => void): () => void;
}

/**
 * Builds the bridge object. Only the channels listed get a function; only the events listed reach
 * listeners (anything else main's side might send is dropped). Results and payloads are passed
 * through untouched: main parsed them against the contract before sending, and the renderer treats
 * them as data, never as code.
 */
export function buildBridge<C extends ContractShape, E extends EventsShape>(
  channels: readonly (keyof C & string)[],
  events: readonly (keyof E & string)[],
  transport: BridgeTransport,
): Bridge<C, E> {
  const invoke = {} as Record<string, (input: unknown, requestId: string) => Promise<unknown>>;
  for (const channel of channels) {
    invoke[channel] = (input: unknown, requestId: string) => transport.invoke(channel, { requestId: String(requestId), input });
  }
  Object.freeze(invoke);
  const allowedEvents = new Set<string>(events);
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  let unsubscribe: (() => void) | null = null;
  const ensureSubscribed = () => {
    if (unsubscribe) return;
    unsubscribe = transport.subscribe((event, payload) => {
      const set = listeners.get(event);
      if (!allowedEvents.has(event) || !set || set.size === 0) return;
      for (const listener of set) listener(payload);
    });
  };
  return Object.freeze({
    invoke: invoke as Bridge<C, E>['invoke'],
    cancel: (requestId: string) => transport.cancel(String(requestId)),
    on: (event: string, listener: (payload: never) => void) => {
      if (!allowedEvents.has(event)) throw new Error(`Unknown event: ${event}`);
      if (typeof listener !== 'function') throw new Error('Listener must be a function');
      ensureSubscribed();
      let set = listeners.get(event);
      if (!set) listeners.set(event, (set = new Set()));
      const wrapped = listener as (payload: unknown) => void;
      set.add(wrapped);
      return () => {
        set.delete(wrapped);
      };
    },
  }) as Bridge<C, E>;
}
