// Live tail's merge rules, pure: new events (polled with created_at_greater_than) go on top, never
// twice, newest first; while the operator is scrolled away or has a row open they wait in a
// "N new" buffer instead, so the row under the cursor never moves.
import type { PlatformEvent } from '../../../shared/api/index';

export interface TailState {
  /** Shown above the loaded pages, newest first. */
  shown: PlatformEvent[];
  /** Arrived while paused; shown when the operator comes back to the top (the "N new" pill). */
  waiting: PlatformEvent[];
}

export const emptyTail: TailState = { shown: [], waiting: [] };

/** Newest first by (created_at, id) — the API's keyset order. */
function compareDesc(a: PlatformEvent, b: PlatformEvent): number {
  if (a.created_at !== b.created_at) return a.created_at < b.created_at ? 1 : -1;
  return a.id < b.id ? 1 : a.id > b.id ? -1 : 0;
}

/** Adds polled events, skipping any already known (in the tail or in `knownIds` from the pages). */
export function receive(state: TailState, incoming: readonly PlatformEvent[], paused: boolean, knownIds: ReadonlySet<string>): TailState {
  const seen = new Set<string>([...state.shown.map((e) => e.id), ...state.waiting.map((e) => e.id)]);
  const fresh = incoming.filter((e) => !seen.has(e.id) && !knownIds.has(e.id)).sort(compareDesc);
  if (fresh.length === 0) return state;
  if (paused) return { shown: state.shown, waiting: [...fresh, ...state.waiting].sort(compareDesc) };
  return { shown: [...fresh, ...state.shown], waiting: state.waiting };
}

/** The operator is back at the top: everything waiting goes on top. */
export function release(state: TailState): TailState {
  if (state.waiting.length === 0) return state;
  return { shown: [...state.waiting, ...state.shown].sort(compareDesc), waiting: [] };
}

/** The `created_at` the next poll asks for events newer than. */
export function newestCreatedAt(state: TailState, firstPageNewest: string | undefined): string | undefined {
  const candidates = [state.waiting[0]?.created_at, state.shown[0]?.created_at, firstPageNewest].filter((v): v is string => !!v);
  return candidates.sort().at(-1);
}
