// Activity log queries. The log is local (main's NDJSON), so it stays under the `session` key and
// survives a profile switch; `activity:appended` from main refreshes it.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { bridge, call } from '../bridge/ipc';
import type { ActivityFilters } from '../../shared/ipc/channels/activity';

const activityKeys = {
  all: ['session', 'activity'] as const,
  list: (filters: ActivityFilters) => ['session', 'activity', 'list', filters] as const,
};

export function useActivityList(filters: ActivityFilters) {
  return useQuery({ queryKey: activityKeys.list(filters), queryFn: ({ signal }) => call('activity:list', { ...filters, limit: 1000 }, { signal }) });
}

/** Refetch whenever main records a write. */
export function useActivityLiveRefresh() {
  const queryClient = useQueryClient();
  useEffect(() => bridge().on('activity:appended', () => void queryClient.invalidateQueries({ queryKey: activityKeys.all })), [queryClient]);
}

export function useExportActivity() {
  return useMutation({ mutationFn: (input: { format: 'csv' | 'ndjson'; filters: ActivityFilters }) => call('activity:export', input) });
}
