// Jobs live in main; the renderer mirrors them: `jobs:list` once, then every `jobs:progress` event
// replaces that job's snapshot in the query cache, so any screen (or the same screen after
// navigating away and back) sees the current state.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { bridge, call } from '../bridge/ipc';
import type { ExportFormat } from '../../shared/export-format';
import type { EventFilter, JobSnapshot } from '../../shared/ipc/channels/jobs';

const jobsKey = ['session', 'jobs'] as const;

function upsert(list: JobSnapshot[] | undefined, job: JobSnapshot): JobSnapshot[] {
  const rest = (list ?? []).filter((j) => j.id !== job.id);
  return [job, ...rest].sort((a, b) => (a.startedAt < b.startedAt ? 1 : -1));
}

export function useJobs() {
  const queryClient = useQueryClient();
  useEffect(
    () => bridge().on('jobs:progress', (job) => queryClient.setQueryData<JobSnapshot[]>(jobsKey, (list) => upsert(list, job))),
    [queryClient],
  );
  return useQuery({ queryKey: jobsKey, queryFn: async ({ signal }) => (await call('jobs:list', {}, { signal })).jobs, staleTime: Infinity });
}

export function useStartExport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { filters: EventFilter; format: ExportFormat }) => call('jobs:startExport', input),
    onSuccess: ({ job }) => {
      if (job) queryClient.setQueryData<JobSnapshot[]>(jobsKey, (list) => upsert(list, job));
    },
  });
}

export function useCountEvents() {
  return useMutation({ mutationFn: (filters: EventFilter) => call('jobs:countEvents', { filters }) });
}

export function useStartBulkRedeliver() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { filters: EventFilter; asOf: string; expected: number; actionId: string }) => call('jobs:startBulkRedeliver', input),
    onSuccess: ({ job }) => queryClient.setQueryData<JobSnapshot[]>(jobsKey, (list) => upsert(list, job)),
  });
}

export function useCancelJob() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (jobId: string) => call('jobs:cancel', { jobId }),
    onSuccess: ({ job }) => queryClient.setQueryData<JobSnapshot[]>(jobsKey, (list) => upsert(list, job)),
  });
}

export function useExportSummary() {
  return useMutation({ mutationFn: (input: { jobId: string; format: ExportFormat }) => call('jobs:exportSummary', input) });
}
