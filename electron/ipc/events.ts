// Main → renderer events: only names in the contract's event allowlist, only payloads that parse.
// Pure so the harness and tests share it with electron/ipc/register.ts.
import type { EventsShape } from '../../shared/ipc/kit';

export type EventListener = (event: string, payload: unknown) => void;

/** The payload to send, or null when the event is not allowlisted or its payload is wrong. */
export function parseEvent(events: EventsShape, name: string, payload: unknown): { name: string; payload: unknown } | null {
  if (!Object.hasOwn(events, name)) return null;
  const parsed = events[name]!.safeParse(payload);
  return parsed.success ? { name, payload: parsed.data } : null;
}

/** A tiny fan-out used by services: emit(name, payload) reaches every subscribed window/harness. */
export function createEventHub(events: EventsShape) {
  const listeners = new Set<EventListener>();
  return {
    emit(name: string, payload: unknown): boolean {
      const event = parseEvent(events, name, payload);
      if (!event) return false;
      for (const listener of listeners) {
        try {
          listener(event.name, event.payload);
        } catch {
          // One broken listener must not stop the others.
        }
      }
      return true;
    },
    onEvent(listener: EventListener): () => void {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    clear() {
      listeners.clear();
    },
  };
}
export type EventHub = ReturnType<typeof createEventHub>;
