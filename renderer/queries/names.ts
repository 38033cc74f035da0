// Installation and driver names for the ids other answers carry, from main's per-profile lookup
// (names:get, electron/api/name-lookup.ts). One small query every screen shares; a profile switch
// drops it with the rest of the non-session data.
import { useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useEffect, useMemo } from 'react';
import { call } from '../bridge/ipc';
import type { Names } from '../../shared/ipc/channels/names';

export const namesQueryKey = ['names'] as const;

export interface NameLookup {
  installation(id: string): { name: string; driverSlug: string | null } | undefined;
  driver(slug: string): { name: string; id: string } | undefined;
  /** True once main's answer is here: an id missing then is really unknown (not just loading). */
  loaded: boolean;
}

function lookupOf(names: Names | undefined): NameLookup {
  const installations = new Map(names?.installations.map((i) => [i.id, { name: i.name, driverSlug: i.driverSlug }]));
  const drivers = new Map(names?.drivers.map((d) => [d.slug, { name: d.name, id: d.id }]));
  return { installation: (id) => installations.get(id), driver: (slug) => drivers.get(slug), loaded: names !== undefined };
}

export function useNames() {
  const query = useQuery({
    queryKey: namesQueryKey,
    queryFn: ({ signal }) => call('names:get', {}, { signal }),
    // Main keeps the lists fresh (its own TTL); this only bounds how often the renderer asks it.
    staleTime: 60_000,
  });
  const lookup = useMemo(() => lookupOf(query.data), [query.data]);
  return lookup;
}

/** At most one forced re-read of the lists per this long, however many ids are unknown. */
const MISS_REFRESH_INTERVAL_MS = 60_000;
let lastMissRefresh = 0;

function refreshAfterMiss(client: QueryClient, now = Date.now()) {
  if (now - lastMissRefresh < MISS_REFRESH_INTERVAL_MS) return;
  lastMissRefresh = now;
  // An unknown id is most likely an installation created since the last read: ask main to re-read.
  void client.fetchQuery({ queryKey: namesQueryKey, queryFn: ({ signal }) => call('names:get', { refresh: true }, { signal }), staleTime: 0 }).catch(() => undefined);
}

/** Refreshes the lookup (rate-limited) when it is loaded and still does not know `missing`. */
export function useRefreshOnMiss(missing: boolean) {
  const client = useQueryClient();
  useEffect(() => {
    if (missing) refreshAfterMiss(client);
  }, [missing, client]);
}
