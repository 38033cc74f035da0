// One installation: status and reason, settings (secrets as stored / not set), meta, recent event
// volume and failure rate with a small hourly chart, last event, links to its events; actions:
// edit, disable/enable and re-authorize (each confirms; re-authorize gets a new auth_url, followed until active).
import { Anchor, Badge, Code, Group, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { openConfirm } from '../../components/confirm/ConfirmDialog';
import { newActionId } from '../../queries/action-id';
import { useWriteAccess, WriteButton } from '../../components/confirm/WriteGuard';
import { Time } from '../../components/time/Time';
import { errorMessage } from '../../errors/error-message';
import type { Installation } from '../../../shared/api/installations';
import { buildSettingsForm, isSecretSet } from '../../../shared/settings-form';
import { useDriver } from '../../queries/drivers';
import { EditInstallationModal } from './EditInstallationModal';
import { useInstallationAction, useInstallationHealth, type InstallationAction, type InstallationHealth } from '../../queries/installations';
import { OAuthFollow } from './OAuthFollow';
import { InstallationStatusBadge } from './StatusBadge';

function HourlyChart({ health }: { health: InstallationHealth }) {
  const { t } = useTranslation();
  const max = Math.max(1, ...health.hourly);
  return (
    <svg width={240} height={40} viewBox="0 0 240 40" role="img" aria-label={t('installations.detail.chartLabel', { count: health.recent })}>
      {health.hourly.map((count, index) => (
        <rect key={index} x={index * 10} y={40 - (count / max) * 38} width={8} height={(count / max) * 38} fill="var(--mantine-color-blue-filled)" />
      ))}
    </svg>
  );
}

function displayValue(value: unknown): string {
  if (value === null || value === undefined) return '—';
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

export function InstallationDetail({ installation }: { installation: Installation }) {
  const { t } = useTranslation();
  const access = useWriteAccess();
  const driver = useDriver(installation.driver_id ?? installation.integration_driver_slug);
  const health = useInstallationHealth(installation.id);
  const [editing, setEditing] = useState(false);
  const [reauthorized, setReauthorized] = useState<Installation | null>(null);
  const model = buildSettingsForm(driver.data?.available_settings ?? {});
  const settings = installation.settings ?? {};
  const extraKeys = Object.keys(settings).filter((key) => !model.byKey.has(key));
  const disabled = installation.status === 'disabled';

  const action = useInstallationAction({
    onSuccess: (result, kind) => {
      if (kind === 'reauthorize') setReauthorized(result);
      else notifications.show({ color: 'teal', message: t(`installations.detail.${kind}d`, { name: installation.name ?? installation.id }) });
    },
    onError: (error) => notifications.show({ color: 'red', message: errorMessage(t, error) }),
  });
  const runAction = (kind: InstallationAction) => action.mutate({ id: installation.id, kind, actionId: newActionId() });

  // Every state change confirms, naming the profile: disabling stops the customer's events,
  // enabling starts them again, re-authorizing sends the installation back to "awaiting
  // authorization" until the customer approves the new link.
  const run = async (kind: 'disable' | 'enable' | 'reauthorize') => {
    if (!access.profile) return;
    const name = installation.name ?? installation.id;
    const ok = await openConfirm({
      profile: access.profile,
      title: t(`installations.detail.${kind}Title`, { name }),
      impact: t(`installations.detail.${kind}Impact`),
      confirmLabel: t(`installations.detail.${kind}`),
      danger: kind === 'disable',
    });
    if (ok) runAction(kind);
  };

  return (
    <Stack gap="sm" data-testid="installation-detail" data-installation-id={installation.id}>
      <Group gap="xs">
        <Title order={2} size="h3">
          {installation.name ?? installation.id}
        </Title>
        <InstallationStatusBadge status={installation.status} />
      </Group>
      {installation.status_reason && (
        <Text size="sm" c="red" data-testid="installation-status-reason">
          {installation.status_reason}
        </Text>
      )}
      <Text size="sm">
        {t('installations.fields.driver')}: <Code>{installation.integration_driver_slug ?? installation.driver_id ?? '—'}</Code> · {t('installations.fields.id')}:{' '}
        <Code>{installation.id}</Code>
      </Text>
      <Group gap="xs">
        <WriteButton size="xs" variant="default" onClick={() => setEditing(true)} disabled={!driver.data} data-testid="installation-edit">
          {t('installations.detail.edit')}
        </WriteButton>
        <WriteButton size="xs" variant="default" color={disabled ? undefined : 'red'} onClick={() => void run(disabled ? 'enable' : 'disable')} loading={action.isPending && action.variables?.kind !== 'reauthorize'} data-testid="installation-toggle">
          {disabled ? t('installations.detail.enable') : t('installations.detail.disable')}
        </WriteButton>
        {(installation.method === 'oauth' || driver.data?.auth_method === 'oauth') && (
          <WriteButton size="xs" variant="default" onClick={() => void run('reauthorize')} loading={action.isPending && action.variables?.kind === 'reauthorize'} data-testid="installation-reauthorize">
            {t('installations.detail.reauthorize')}
          </WriteButton>
        )}
      </Group>
      {(reauthorized || installation.status === 'pending_auth') && (
        <OAuthFollow key={reauthorized?.auth_url ?? installation.auth_url ?? ''} installation={reauthorized ?? installation} onActive={() => setReauthorized(null)} />
      )}
      <Title order={3} size="h5">
        {t('installations.detail.health')}
      </Title>
      <ErrorAlert error={health.error} />
      {health.data && (
        <Group gap="lg" data-testid="installation-health">
          <HourlyChart health={health.data} />
          <Stack gap={2}>
            <Text size="sm">{t('installations.detail.volume', { count: health.data.recent })}</Text>
            <Text size="sm">
              {t('installations.detail.failureRate', { rate: health.data.recent ? Math.round((health.data.failed / health.data.recent) * 100) : 0 })}
            </Text>
            <Text size="sm">
              {t('installations.detail.lastEvent')}: <Time value={health.data.lastEventAt} withMillis={false} />
            </Text>
            {/* The Events screen's `installation` search param (its URL state, see events-search.ts). */}
            <Anchor component={Link} to="/events" search={{ installation: installation.id } as never} size="sm" data-testid="installation-events-link">
              {t('installations.detail.seeEvents')}
            </Anchor>
          </Stack>
        </Group>
      )}
      <Title order={3} size="h5">
        {t('installations.detail.settings')}
      </Title>
      <Table withTableBorder fz="sm" data-testid="installation-settings">
        <Table.Tbody>
          {model.fields.map((field) => (
            <Table.Tr key={field.key} data-testid={`installation-setting-${field.key}`}>
              <Table.Td>
                <Code>{field.key}</Code>
              </Table.Td>
              <Table.Td>
                {field.writeOnly ? (
                  <Badge size="sm" variant="light" color={isSecretSet(settings, field.key) ? 'teal' : 'gray'} data-set={isSecretSet(settings, field.key)}>
                    {isSecretSet(settings, field.key) ? t('installations.settingsForm.secretSet') : t('installations.settingsForm.secretNotSet')}
                  </Badge>
                ) : (
                  displayValue(settings[field.key])
                )}
              </Table.Td>
            </Table.Tr>
          ))}
          {extraKeys.map((key) => (
            <Table.Tr key={key}>
              <Table.Td>
                <Code>{key}</Code>
              </Table.Td>
              <Table.Td>{displayValue(settings[key])}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Title order={3} size="h5">
        {t('installations.meta.title')}
      </Title>
      {Object.keys(installation.meta ?? {}).length === 0 ? (
        <Text size="sm">{t('installations.meta.empty')}</Text>
      ) : (
        <Table withTableBorder fz="sm" data-testid="installation-meta">
          <Table.Tbody>
            {Object.entries(installation.meta ?? {}).map(([key, value]) => (
              <Table.Tr key={key}>
                <Table.Td>
                  <Code>{key}</Code>
                </Table.Td>
                <Table.Td>{displayValue(value)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Text size="xs" c="dimmed">
        {t('installations.fields.created')}: <Time value={installation.created_at} withMillis={false} /> · {t('installations.fields.updated')}:{' '}
        <Time value={installation.updated_at} withMillis={false} />
      </Text>
      {editing && <EditInstallationModal installation={installation} driver={driver.data ?? null} onClose={() => setEditing(false)} />}
    </Stack>
  );
}
