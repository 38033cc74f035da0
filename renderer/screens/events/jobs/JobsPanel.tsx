// Running and recent jobs (exports, bulk redeliveries) with progress, cancel and, for a finished
// bulk redelivery, its summary (succeeded / failed / skipped) and "export summary".
import { Badge, Button, Card, Group, Menu, Progress, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import type { JobSnapshot } from '../../../../shared/ipc/channels/jobs';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { IpcCallError } from '../../../bridge/ipc';
import { errorMessage } from '../../../errors/error-message';
import { useCancelJob, useExportSummary, useJobs } from '../../../queries/jobs';

function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}

const stateColor: Record<JobSnapshot['state'], string> = {
  running: 'blue',
  cancelling: 'yellow',
  cancelled: 'gray',
  completed: 'green',
  failed: 'red',
};

function JobCard({ job }: { job: JobSnapshot }) {
  const { t } = useTranslation();
  const cancel = useCancelJob();
  const exportSummary = useExportSummary();
  const active = job.state === 'running' || job.state === 'cancelling';
  const percent = job.total ? Math.min(100, (job.processed / job.total) * 100) : null;
  const onExportSummary = (format: 'csv' | 'ndjson') =>
    exportSummary.mutate(
      { jobId: job.id, format },
      {
        onSuccess: (r) => r.saved && notifications.show({ color: 'teal', message: t('jobs.summarySaved', { file: r.fileName, count: r.count }) }),
        onError: (error) => notifications.show({ color: 'red', message: errorMessage(t, error) }),
      },
    );
  return (
    <Card withBorder p="xs" data-testid="job-card" data-job-id={job.id} data-job-kind={job.kind} data-job-state={job.state}>
      <Stack gap={4}>
        <Group justify="space-between" wrap="nowrap">
          <Group gap="xs" wrap="nowrap">
            <Text size="sm" fw={600}>
              {job.kind === 'export' ? t('jobs.export', { format: (job.format ?? '').toUpperCase() }) : t('jobs.bulkRedeliver')}
            </Text>
            <Badge size="xs" color={stateColor[job.state]} data-testid="job-state">
              {t(`jobs.state.${job.state}`)}
            </Badge>
            <Text size="xs" c="dimmed">
              {job.profileName}
            </Text>
          </Group>
          {active && (
            <Button size="compact-xs" variant="default" color="red" onClick={() => cancel.mutate(job.id)} disabled={job.state === 'cancelling'} data-testid="job-cancel">
              {t('jobs.cancel')}
            </Button>
          )}
        </Group>
        {active && <Progress value={percent ?? 100} animated={percent === null} striped={percent === null} size="sm" aria-label={t('jobs.progress')} />}
        <Text size="xs" data-testid="job-counts">
          {job.kind === 'export'
            ? t('jobs.exportCounts', { rows: job.processed, size: formatBytes(job.bytes), file: job.fileName ?? '' })
            : t('jobs.redeliverCounts', { processed: job.processed, total: job.total ?? '?', succeeded: job.succeeded, failed: job.failed, skipped: job.skipped })}
        </Text>
        {job.kind === 'bulk_redeliver' && job.pacing && (
          <Text size="xs" c="dimmed" data-testid="job-pacing">
            {t('jobs.pacing', {
              rate: job.pacing.requestsPerSecond,
              target: job.pacing.targetPerSecond,
              concurrency: job.pacing.concurrency,
              limited: job.pacing.rateLimited,
              waited: Math.round(job.pacing.waitedSeconds),
            })}
          </Text>
        )}
        {job.waitingSeconds !== null && (
          <Text size="xs" c="orange" data-testid="job-waiting">
            {t('jobs.waiting', { seconds: job.waitingSeconds })}
          </Text>
        )}
        {job.error && <ErrorAlert error={new IpcCallError('jobs', job.error)} testId="job-error" />}
        {job.kind === 'bulk_redeliver' && !active && job.processed > 0 && (
          <Menu>
            <Menu.Target>
              <Button size="compact-xs" variant="default" w="fit-content" data-testid="job-export-summary">
                {t('jobs.exportSummary')}
              </Button>
            </Menu.Target>
            <Menu.Dropdown>
              <Menu.Item onClick={() => onExportSummary('csv')}>CSV</Menu.Item>
              <Menu.Item onClick={() => onExportSummary('ndjson')}>NDJSON</Menu.Item>
            </Menu.Dropdown>
          </Menu>
        )}
      </Stack>
    </Card>
  );
}

/** Shows the jobs of the active session; nothing when there are none. */
export function JobsPanel({ limit = 4 }: { limit?: number }) {
  const jobs = useJobs();
  const list = (jobs.data ?? []).slice(0, limit);
  if (list.length === 0) return null;
  return (
    <Stack gap="xs" data-testid="jobs-panel">
      {list.map((job) => (
        <JobCard key={job.id} job={job} />
      ))}
    </Stack>
  );
}
