// After an OAuth installation is created (or re-authorized): confirm the host of `auth_url`, open it
// in the system browser (main applies its openExternal rules), then follow the installation until it
// is active. The operator can stop following (the installation stays pending) or open the page again.
import { Alert, Button, Code, CopyButton, Group, Loader, Stack, Text } from '@mantine/core';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../bridge/ipc';
import { errorMessage } from '../../errors/error-message';
import type { Installation } from '../../../shared/api/installations';
import { InstallationStatusBadge } from './StatusBadge';
import { useInstallation } from '../../queries/installations';
import { useInvalidateInstallations } from '../../queries/installations';

const FOLLOW_EVERY_MS = 1500;

export function authUrlHost(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    return new URL(url).host;
  } catch {
    return null;
  }
}

export function OAuthFollow({ installation, onActive }: { installation: Installation; onActive?: (installation: Installation) => void }) {
  const { t } = useTranslation();
  const [following, setFollowing] = useState(true);
  const live = useInstallation(installation.id, following ? FOLLOW_EVERY_MS : false);
  const invalidate = useInvalidateInstallations();
  const current = live.data ?? installation;
  const authUrl = current.auth_url ?? installation.auth_url ?? null;
  const host = authUrlHost(authUrl);
  const active = current.status === 'active';

  // Polling stops by itself once the installation is active (see useInstallation).
  useEffect(() => {
    if (!active) return;
    void invalidate();
    onActive?.(current);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once, when it becomes active
  }, [active]);

  const open = () => {
    if (!authUrl || !host) return;
    modals.openConfirmModal({
      title: t('installations.oauth.confirmTitle'),
      children: (
        <Stack gap="xs">
          <Text size="sm">{t('installations.oauth.confirmBody')}</Text>
          <Code data-testid="oauth-confirm-host">{host}</Code>
        </Stack>
      ),
      labels: { confirm: t('installations.oauth.open'), cancel: t('confirm.cancel') },
      confirmProps: { 'data-testid': 'oauth-confirm-open' } as Record<string, unknown>,
      onConfirm: () => {
        setFollowing(true);
        call('shell:openExternal', { url: authUrl }).then(
          (result) => {
            if (!result.opened) notifications.show({ color: 'yellow', message: t('installations.oauth.notOpened') });
          },
          (error: unknown) => notifications.show({ color: 'red', message: errorMessage(t, error) }),
        );
      },
    });
  };

  return (
    <Stack gap="sm" data-testid="oauth-follow" data-status={current.status ?? ''}>
      {active ? (
        <Alert color="teal" data-testid="oauth-active">
          {t('installations.oauth.active', { name: current.name ?? current.id })}
        </Alert>
      ) : (
        <>
          <Text size="sm">{t('installations.oauth.explain')}</Text>
          {host ? (
            <Group gap="xs">
              <Text size="sm">{t('installations.oauth.host')}</Text>
              <Code data-testid="oauth-host">{host}</Code>
              <CopyButton value={authUrl ?? ''}>
                {({ copied, copy }) => (
                  <Button size="compact-xs" variant="default" onClick={copy}>
                    {copied ? t('installations.oauth.copied') : t('installations.oauth.copyLink')}
                  </Button>
                )}
              </CopyButton>
            </Group>
          ) : (
            <Alert color="red">{t('installations.oauth.noAuthUrl')}</Alert>
          )}
          <Group gap="xs">
            <Button onClick={open} disabled={!host} data-testid="oauth-open">
              {t('installations.oauth.openInBrowser')}
            </Button>
            {following ? (
              <Button variant="default" onClick={() => setFollowing(false)} data-testid="oauth-stop">
                {t('installations.oauth.stopFollowing')}
              </Button>
            ) : (
              <Button variant="default" onClick={() => setFollowing(true)} data-testid="oauth-resume">
                {t('installations.oauth.resumeFollowing')}
              </Button>
            )}
          </Group>
          <Group gap="xs">
            <InstallationStatusBadge status={current.status} reason={current.status_reason ?? null} />
            {following && !active && <Loader size="xs" aria-label={t('installations.oauth.following')} />}
            <Text size="xs" c="dimmed">
              {following ? t('installations.oauth.following') : t('installations.oauth.notFollowing')}
            </Text>
          </Group>
        </>
      )}
    </Stack>
  );
}
