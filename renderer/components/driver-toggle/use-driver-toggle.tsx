// Enable/disable a driver the safe way: a confirmation that names the profile (and, on disable,
// how many installations are affected), then the optimistic toggle; on failure the switch flips
// back and a notification explains what happened. Used by the Drivers screen and the
// installation wizard ("enable it from here").
import { Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { openConfirm } from '../confirm/ConfirmDialog';
import { newActionId } from '../../queries/action-id';
import { useWriteAccess } from '../confirm/WriteGuard';
import { IpcCallError } from '../../bridge/ipc';
import { errorMessage } from '../../errors/error-message';
import type { Driver } from '../../../shared/api/drivers';
import { fetchDriverUsageNow, useToggleDriver } from '../../queries/drivers';

export function useDriverToggleAction() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const access = useWriteAccess();
  const toggle = useToggleDriver();

  return {
    pending: toggle.isPending,
    async run(driver: Pick<Driver, 'id' | 'slug' | 'name' | 'enabled'>): Promise<boolean> {
      if (!access.writable || !access.profile) return false;
      const enable = !driver.enabled;
      let impact: string;
      if (enable) {
        impact = t('drivers.confirm.enableImpact', { name: driver.name });
      } else {
        // Ask the server now rather than trusting a cached count: the impact must be current.
        let count: number | null;
        try {
          count = await fetchDriverUsageNow(queryClient, driver.id);
        } catch {
          count = null;
        }
        impact = count === null ? t('drivers.confirm.disableImpactUnknown', { name: driver.name }) : t('drivers.confirm.disableImpact', { name: driver.name, count });
      }
      const confirmed = await openConfirm({
        profile: access.profile,
        title: enable ? t('drivers.confirm.enableTitle', { name: driver.name }) : t('drivers.confirm.disableTitle', { name: driver.name }),
        impact: <Text size="sm">{impact}</Text>,
        confirmLabel: enable ? t('drivers.enable') : t('drivers.disable'),
        danger: !enable,
      });
      if (!confirmed) return false;
      try {
        await toggle.mutateAsync({ id: driver.id, enable, actionId: newActionId() });
        notifications.show({ color: 'teal', message: enable ? t('drivers.enabled', { name: driver.name }) : t('drivers.disabled', { name: driver.name }) });
        return true;
      } catch (error) {
        const unsupported = error instanceof IpcCallError && error.code === 'unsupported';
        notifications.show({
          // The server has no such route: a fact about this API, not a failure (the switches turn read-only).
          color: unsupported ? 'gray' : 'red',
          title: unsupported ? t('errors.unsupportedTitle') : t('drivers.rolledBack', { name: driver.name }),
          message: errorMessage(t, error),
          autoClose: false,
          // Playwright finds the rollback explanation by this id.
          id: `driver-toggle-failed-${driver.id}`,
        });
        return false;
      }
    },
  };
}
