// The selected profile's token: import (clipboard / file / II_API_TOKEN — main reads it, the
// renderer only ever gets a description), the description with a live expiry countdown, rotate,
// remove, and a link to the Dashboard where tokens are created and revoked.
import { Alert, Button, Card, Group, Modal, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useInterval } from '@mantine/hooks';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProfileWithToken } from '../../../shared/ipc/channels/profiles';
import type { TokenDescription } from '../../../shared/ipc/channels/token';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Time } from '../../components/time/Time';
import { useOpenDashboard, useRemoveToken, useRotateToken } from '../../session/session-queries';
import { countdownTo } from './token-countdown';
import { sourceButtonKey, tokenSources as sources, TokenImportButtons, useImportToken } from './TokenImport';

function Countdown({ expiresAt }: { expiresAt: string }) {
  const { t } = useTranslation();
  const [now, setNow] = useState(() => Date.now());
  const interval = useInterval(() => setNow(Date.now()), 1000);
  useEffect(() => {
    interval.start();
    return interval.stop;
  }, [interval]);
  const left = countdownTo(Date.parse(expiresAt), now);
  if (left.expired) return null;
  return (
    <Text size="sm" c="dimmed" data-testid="token-countdown" aria-live="off">
      {t('settings.token.countdown', { days: left.days, hours: left.hours, minutes: left.minutes, seconds: left.seconds })}
    </Text>
  );
}

function Field({ label, children, testId }: { label: string; children: React.ReactNode; testId?: string }) {
  return (
    <div>
      <Text size="xs" c="dimmed" fw={600}>
        {label}
      </Text>
      <Text size="sm" data-testid={testId} component="div">
        {children}
      </Text>
    </div>
  );
}

function TokenDescriptionView({ token }: { token: TokenDescription }) {
  const { t } = useTranslation();
  const claims = token.claims;
  return (
    <Stack gap="sm" data-testid="token-description">
      {token.expired && (
        <Alert color="red" data-testid="token-expired">
          {t('settings.token.expired')}
        </Alert>
      )}
      {token.expiringSoon && !token.expired && (
        <Alert color="yellow" data-testid="token-expiring-soon">
          {t('settings.token.expiringSoon', { days: token.daysUntilExpiry ?? 0 })}
        </Alert>
      )}
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
        <Field label={t('settings.token.last4')} testId="token-last4">
          <code>…{token.last4}</code>
        </Field>
        <Field label={t('settings.token.subject')} testId="token-sub">
          {claims.sub ?? t('common.unknown')}
        </Field>
        {claims.tenant && (
          <Field label={t('settings.token.tenant', { claim: claims.tenant.claim })} testId="token-tenant">
            {claims.tenant.value}
          </Field>
        )}
        <Field label={t('settings.token.issued')} testId="token-issued">
          {claims.iat !== null ? <Time value={new Date(claims.iat * 1000).toISOString()} withMillis={false} /> : t('common.unknown')}
        </Field>
        <Field label={t('settings.token.expires')} testId="token-expires">
          {token.expiresAt ? <Time value={token.expiresAt} withMillis={false} /> : t('settings.token.noExpiry')}
          {token.expiresAt && <Countdown expiresAt={token.expiresAt} />}
        </Field>
        <Field label={t('settings.token.source')} testId="token-source">
          {t(`settings.token.sources.${token.source}`)}
        </Field>
      </SimpleGrid>
      <Field label={t('settings.token.storage')} testId="token-storage">
        <span data-storage={token.storage}>{t(token.storage === 'keychain' ? 'settings.token.storageKeychain' : 'settings.token.storageSessionOnly')}</span>
        {token.sessionOnlyReason && (
          <Text size="sm" c="dimmed" component="span">
            {' '}
            {t(`settings.token.sessionReason.${token.sessionOnlyReason}`)}
          </Text>
        )}
      </Field>
    </Stack>
  );
}

export function TokenCard({ profile }: { profile: ProfileWithToken }) {
  const { t } = useTranslation();
  const [rotateOpen, setRotateOpen] = useState(false);
  const [revokeReminder, setRevokeReminder] = useState<string | null>(null);
  const token = profile.token;

  const openDashboard = useOpenDashboard(() => notifications.show({ message: t('settings.token.dashboardOpened') }));

  const importToken = useImportToken(profile.id);

  const rotate = useRotateToken(profile.id, (result) => {
    if (!result) {
      notifications.show({ message: t('settings.token.fileCancelled') });
      return;
    }
    setRotateOpen(false);
    setRevokeReminder(result.previousLast4);
    notifications.show({ color: 'green', message: t('settings.token.rotated', { last4: result.description.last4 }) });
  });

  const remove = useRemoveToken(profile.id, () => {
    setRevokeReminder(null);
    notifications.show({ message: t('settings.token.removed') });
  });

  const confirmRemove = () =>
    modals.openConfirmModal({
      title: t('settings.token.removeTitle'),
      children: <Text size="sm">{t('settings.token.removeBody')}</Text>,
      labels: { confirm: t('settings.token.removeConfirm'), cancel: t('settings.token.cancel') },
      confirmProps: { color: 'red', 'data-testid': 'confirm-remove-token' } as Record<string, unknown>,
      onConfirm: () => remove.mutate(),
    });

  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="token-title" data-testid="token-card">
      <Title order={2} size="h3" id="token-title" mb="xs">
        {t('settings.token.forProfile', { name: profile.name })}
      </Title>
      <Stack gap="md">
        {revokeReminder && (
          <Alert color="blue" withCloseButton onClose={() => setRevokeReminder(null)} closeButtonLabel={t('common.close')} data-testid="revoke-reminder">
            <Stack gap="xs">
              <Text size="sm">{t('settings.token.revokeReminder', { last4: revokeReminder })}</Text>
              <Button size="xs" variant="light" w="fit-content" onClick={() => openDashboard.mutate()}>
                {t('settings.token.openDashboardKeys')}
              </Button>
            </Stack>
          </Alert>
        )}
        {token ? (
          <TokenDescriptionView token={token} />
        ) : (
          <Stack gap="xs">
            <Text size="sm" data-testid="token-none">
              {t('settings.token.none')}
            </Text>
            <Text size="sm" c="dimmed">
              {t('settings.token.importHint')}
            </Text>
            <TokenImportButtons importToken={importToken} />
          </Stack>
        )}
        <ErrorAlert error={importToken.error} testId="token-error" />
        <Group gap="xs">
          {token && (
            <>
              <Button variant="light" onClick={() => setRotateOpen(true)} data-testid="rotate-token">
                {t('settings.token.rotate')}
              </Button>
              <Button variant="subtle" color="red" onClick={confirmRemove} data-testid="remove-token">
                {t('settings.token.remove')}
              </Button>
            </>
          )}
          <Button variant="subtle" onClick={() => openDashboard.mutate()} data-testid="open-dashboard">
            {t('settings.token.openDashboard')}
          </Button>
        </Group>
      </Stack>
      <Modal opened={rotateOpen} onClose={() => setRotateOpen(false)} title={t('settings.token.rotateTitle')} size="lg">
        <Stack gap="sm">
          <Text size="sm">{t('settings.token.rotateBody', { last4: token?.last4 ?? '' })}</Text>
          <Button variant="subtle" w="fit-content" onClick={() => openDashboard.mutate()}>
            {t('settings.token.openDashboardKeys')}
          </Button>
          <Text size="sm" fw={600}>
            {t('settings.token.rotateFrom')}
          </Text>
          <Group gap="xs">
            {sources.map((source) => (
              <Button key={source} variant="light" loading={rotate.isPending && rotate.variables === source} onClick={() => rotate.mutate(source)} data-testid={`rotate-from-${source}`}>
                {t(`settings.token.${sourceButtonKey[source]}`)}
              </Button>
            ))}
          </Group>
          <ErrorAlert error={rotate.error} testId="rotate-error" />
        </Stack>
      </Modal>
    </Card>
  );
}
