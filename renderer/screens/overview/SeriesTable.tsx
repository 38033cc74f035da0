// The charts' figures as a table, one row per bucket (time, success rate, failed attempts, p50, p95):
// what a screen reader or a keyboard user reads instead of the canvases. Folded by default.
import { Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { OverviewFigures } from '../../../shared/ipc/channels/overview';
import { formatDuration } from '../../components/time/format-time';
import { Time } from '../../components/time/Time';

export function SeriesTable({ series }: { series: OverviewFigures['series'] }) {
  const { t } = useTranslation();
  return (
    <details data-testid="overview-series-table">
      <summary style={{ cursor: 'pointer', fontSize: 'var(--mantine-font-size-sm)' }}>{t('overview.table.toggle')}</summary>
      <Table fz="xs" striped mt="xs" captionSide="top">
        <Table.Caption>{t('overview.table.caption')}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('overview.series.time')}</Table.Th>
            <Table.Th scope="col">{t('overview.series.rate')}</Table.Th>
            <Table.Th scope="col">{t('overview.series.failed')}</Table.Th>
            <Table.Th scope="col">{t('overview.series.p50')}</Table.Th>
            <Table.Th scope="col">{t('overview.series.p95')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {series.map((b) => (
            <Table.Tr key={b.start} data-testid="overview-series-row">
              <Table.Td>
                <Time value={b.start} withMillis={false} />
              </Table.Td>
              <Table.Td>{b.rate === null ? '—' : `${(b.rate * 100).toFixed(1)} %`}</Table.Td>
              <Table.Td>{b.failed}</Table.Td>
              <Table.Td data-testid="overview-series-p50" data-ms={b.p50 ?? ''}>{b.p50 === null ? '—' : formatDuration(b.p50)}</Table.Td>
              <Table.Td data-testid="overview-series-p95" data-ms={b.p95 ?? ''}>{b.p95 === null ? '—' : formatDuration(b.p95)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </details>
  );
}
