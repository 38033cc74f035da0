// An installation status as a badge: known statuses get their colour, unknown ones are shown as
// they came (docs/api-contract.md §8: never dropped, never a crash).
import { Badge, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { installationStatuses } from '../../../shared/api/installations';

const colors: Record<string, string> = { active: 'teal', pending_auth: 'yellow', disabled: 'gray', error: 'red' };

export function InstallationStatusBadge({ status, reason }: { status: string | undefined; reason?: string | null }) {
  const { t } = useTranslation();
  const value = status ?? 'unknown';
  const known = (installationStatuses as readonly string[]).includes(value);
  const badge = (
    <Badge color={colors[value] ?? 'violet'} variant={known ? 'light' : 'outline'} data-testid="installation-status" data-status={value} data-no-truncate="">
      {known ? t(`installations.status.${value}`) : value}
    </Badge>
  );
  return reason ? <Tooltip label={reason}>{badge}</Tooltip> : badge;
}
