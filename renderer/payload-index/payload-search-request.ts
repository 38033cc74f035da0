// A payload search asked for from outside the Events screen (the command palette's "Search payloads
// for …"): held in memory until the Events screen's PayloadSearch takes it, once. Not passed in the
// URL, because the search term is never written anywhere (docs/payload-index.md).
import { useEffect, useRef } from 'react';

let pending: string | null = null;
const listeners = new Set<() => void>();

/** Asks the (mounted or next mounted) payload search box to search for `term`. */
export function requestPayloadSearch(term: string): void {
  pending = term;
  for (const listener of listeners) listener();
}

/** Calls `onRequest` with a requested term, once per request, while the caller is mounted. */
export function usePayloadSearchRequest(onRequest: (term: string) => void): void {
  const latest = useRef(onRequest);
  useEffect(() => {
    latest.current = onRequest;
  });
  useEffect(() => {
    const take = () => {
      if (pending === null) return;
      const term = pending;
      pending = null;
      latest.current(term);
    };
    take();
    listeners.add(take);
    return () => {
      listeners.delete(take);
    };
  }, []);
}
