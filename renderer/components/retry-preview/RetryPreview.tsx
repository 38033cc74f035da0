// The retry policy's schedule, drawn: a timeline with one dot per attempt (square-root scale so
// early retries stay readable next to long late gaps) and a list "attempt n at +t (waits d)",
// plus the total span. Built from shared/retry-schedule.ts, the formula the dispatcher really uses.
import { Group, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { RetryTiming } from '../../../shared/retry-schedule';
import { formatDuration } from '../time/format-time';
import { retryPreviewModel } from './retry-preview-model';

const WIDTH = 560;
const HEIGHT = 48;
const PAD = 16;

export function RetryPreview({ policy }: { policy: RetryTiming }) {
  const { t } = useTranslation();
  const { schedule, points } = retryPreviewModel(policy);
  const x = (position: number) => PAD + position * (WIDTH - 2 * PAD);
  return (
    <Stack gap="xs" data-testid="retry-preview" data-total-seconds={schedule.totalSeconds}>
      <Group justify="space-between">
        <Text fw={600} size="sm">
          {t('webhooks.retry.previewTitle')}
        </Text>
        <Text size="sm" data-testid="retry-preview-total">
          {t('webhooks.retry.totalSpan', { count: schedule.attempts.length, span: formatDuration(schedule.totalSeconds * 1000) })}
        </Text>
      </Group>
      <svg width="100%" viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={t('webhooks.retry.previewChart', { count: schedule.attempts.length, span: formatDuration(schedule.totalSeconds * 1000) })}>
        <line x1={PAD} x2={WIDTH - PAD} y1={HEIGHT / 2} y2={HEIGHT / 2} stroke="currentColor" strokeOpacity={0.3} strokeWidth={2} />
        {points.map((point) => (
          <g key={point.attempt}>
            <circle cx={x(point.position)} cy={HEIGHT / 2} r={5} fill="var(--mantine-color-blue-filled)">
              <title>{t('webhooks.retry.attemptAt', { attempt: point.attempt, at: formatDuration(point.atSeconds * 1000) })}</title>
            </circle>
            {(point.attempt === 1 || point.attempt === points.length) && (
              <text x={x(point.position)} y={HEIGHT - 4} textAnchor={point.attempt === 1 ? 'start' : 'end'} fontSize={10} fill="currentColor">
                {point.attempt === 1 ? '0' : `+${formatDuration(point.atSeconds * 1000)}`}
              </text>
            )}
          </g>
        ))}
      </svg>
      <Table withTableBorder striped fz="xs" data-testid="retry-preview-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('webhooks.retry.attempt')}</Table.Th>
            <Table.Th>{t('webhooks.retry.at')}</Table.Th>
            <Table.Th>{t('webhooks.retry.wait')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {points.map((point) => (
            <Table.Tr key={point.attempt} data-testid="retry-preview-row" data-at-seconds={point.atSeconds} data-delay-seconds={point.delaySeconds}>
              <Table.Td>{point.attempt}</Table.Td>
              <Table.Td>+{formatDuration(point.atSeconds * 1000)}</Table.Td>
              <Table.Td>{point.attempt === 1 ? '—' : formatDuration(point.delaySeconds * 1000)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}
