// Server state for the Overview. Keys start with 'overview' so a profile switch drops them. The
// summary is keyed by the preset (not by the moving "now") and refreshed each minute; the last-events
// strip polls. TanStack Query passes its signal, so leaving the screen cancels the walk in main.
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { OverviewProgress } from '../../shared/ipc/channels/overview';
import { bridge, call } from '../bridge/ipc';
import { windowFor, type OverviewSearch } from '../screens/overview/overview-search';

export const overviewKeys = {
  all: ['overview'] as const,
  summary: (search: OverviewSearch) => ['overview', 'summary', search.range ?? '24h', search.from ?? '', search.to ?? ''] as const,
  lastEvents: ['overview', 'last-events'] as const,
};

const SUMMARY_REFRESH_MS = 60_000;
const LAST_EVENTS_POLL_MS = 5_000;
export const LAST_EVENTS_COUNT = 8;

export function useOverviewSummary(search: OverviewSearch) {
  const valid = windowFor(search).ok;
  return useQuery({
    queryKey: overviewKeys.summary(search),
    enabled: valid,
    queryFn: ({ signal }) => {
      const window = windowFor(search);
      if (!window.ok) throw new Error('invalid window');
      return call('overview:summary', { from: window.from, to: window.to }, { signal });
    },
    // A fixed custom range does not change; a preset moves with the clock.
    refetchInterval: (search.range ?? '24h') === 'custom' ? false : SUMMARY_REFRESH_MS,
    placeholderData: (previous) => previous,
  });
}

export function useLastEvents() {
  return useQuery({
    queryKey: overviewKeys.lastEvents,
    queryFn: ({ signal }) => call('events:list', { sort: '-created_at', limit: LAST_EVENTS_COUNT }, { signal }),
    refetchInterval: LAST_EVENTS_POLL_MS,
  });
}

/**
 * How far main's walk for the summary got (`overview:progress`), for the loader of a first visit.
 * Transient screen state, not server data: the newest event wins, and it is forgotten on unmount.
 */
export function useOverviewProgress(): OverviewProgress | null {
  const [progress, setProgress] = useState<OverviewProgress | null>(null);
  useEffect(() => bridge().on('overview:progress', setProgress), []);
  return progress;
}
