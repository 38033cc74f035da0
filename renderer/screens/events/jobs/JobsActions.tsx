// "Export" and "Redeliver all matching" for the current filter. Bulk redelivery counts first and
// shows the number (and the profile) in the confirmation; it is a write, so read-only profiles get
// a disabled button explaining how to unlock, and servers without redeliver get a note instead.
import { Button, Group, Menu, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import type { EventFilter } from '../../../../shared/ipc/channels/jobs';
import { openConfirm } from '../../../components/confirm/ConfirmDialog';
import { WriteButton } from '../../../components/confirm/WriteGuard';
import { errorMessage } from '../../../errors/error-message';
import { usePaletteActions } from '../../../palette/registry';
import { useActiveProfile } from '../../../session/session-queries';
import { newActionId, useCapabilities } from '../../../queries/index';
import { useCountEvents, useStartBulkRedeliver, useStartExport } from '../../../queries/jobs';

export function JobsActions({ filter }: { filter: EventFilter }) {
  const { t } = useTranslation();
  const profile = useActiveProfile();
  const capabilities = useCapabilities();
  const startExport = useStartExport();
  const count = useCountEvents();
  const startBulk = useStartBulkRedeliver();
  const redeliverUnsupported = capabilities.data?.capabilities.redeliver === 'unsupported';
  const fail = (error: unknown) => notifications.show({ color: 'red', message: errorMessage(t, error) });

  const onExport = (format: 'csv' | 'ndjson') => startExport.mutate({ filters: filter, format }, { onError: fail });
  usePaletteActions([
    { id: 'events.exportCsv', label: t('palette.actions.exportAs', { format: 'CSV' }), run: () => onExport('csv') },
    { id: 'events.exportNdjson', label: t('palette.actions.exportAs', { format: 'NDJSON' }), run: () => onExport('ndjson') },
  ]);

  const onBulk = async () => {
    if (!profile) return;
    let counted;
    try {
      counted = await count.mutateAsync(filter);
    } catch (error) {
      return fail(error);
    }
    if (counted.count === 0) {
      notifications.show({ message: t('jobs.nothingToRedeliver') });
      return;
    }
    const confirmed = await openConfirm({
      profile,
      title: t('jobs.bulkTitle'),
      impact: (
        <Text size="sm" data-testid="bulk-count" data-count={counted.count}>
          {counted.capped ? t('jobs.bulkImpactCapped', { count: counted.count }) : t('jobs.bulkImpact', { count: counted.count })}
        </Text>
      ),
      confirmLabel: t('jobs.bulkConfirm', { count: counted.count }),
      danger: true,
    });
    if (!confirmed) return;
    startBulk.mutate({ filters: filter, asOf: counted.asOf, expected: counted.count, actionId: newActionId() }, { onError: fail });
  };

  return (
    <Group gap="xs">
      <Menu>
        <Menu.Target>
          <Button size="xs" variant="default" loading={startExport.isPending} data-testid="export-button">
            {t('jobs.exportButton')}
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Item onClick={() => onExport('csv')} data-testid="export-csv">
            CSV
          </Menu.Item>
          <Menu.Item onClick={() => onExport('ndjson')} data-testid="export-ndjson">
            NDJSON
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
      {redeliverUnsupported ? (
        <Text size="xs" c="dimmed" data-testid="bulk-unsupported">
          {t('events.redeliver.unsupported')}
        </Text>
      ) : (
        <WriteButton size="xs" variant="light" color="orange" onClick={() => void onBulk()} loading={count.isPending || startBulk.isPending} data-testid="bulk-redeliver-button">
          {t('jobs.bulkButton')}
        </WriteButton>
      )}
    </Group>
  );
}
