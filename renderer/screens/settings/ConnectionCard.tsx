// Test the connection (GET /drivers?limit=1 through main's client) and detect the base path
// (/v1, /api/v1, root). Failures say which of the usual causes it is: invalid token shape, 401,
// network, or a base URL that does not point at the API.
import { Alert, Button, Card, Code, Group, Stack, Text, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { ProfileWithToken } from '../../../shared/ipc/channels/profiles';
import { call } from '../../bridge/ipc';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useRefreshProfiles } from '../../session/session-queries';

export function ConnectionCard({ profile }: { profile: ProfileWithToken }) {
  const { t } = useTranslation();
  const refreshProfiles = useRefreshProfiles();
  const test = useMutation({
    meta: { silentError: true },
    mutationFn: () => call('connection:test', { profileId: profile.id }),
  });
  const detect = useMutation({
    meta: { silentError: true },
    mutationFn: () => call('connection:detectBasePath', { profileId: profile.id, apply: true }),
    onSuccess: () => refreshProfiles(),
  });

  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="connection-title" data-testid="connection-card">
      <Title order={2} size="h3" id="connection-title" mb="xs">
        {t('settings.connection.title')}
      </Title>
      <Stack gap="sm">
        <Text size="sm">
          {t('settings.connection.baseUrl')}: <Code data-testid="connection-base-url">{profile.baseUrl}</Code>
        </Text>
        <Group gap="xs">
          <Button variant="light" loading={test.isPending} onClick={() => { detect.reset(); test.mutate(); }} data-testid="test-connection">
            {t('settings.connection.test')}
          </Button>
          <Button variant="default" loading={detect.isPending} onClick={() => { test.reset(); detect.mutate(); }} data-testid="detect-base-path">
            {t('settings.connection.detect')}
          </Button>
        </Group>
        {test.data && (
          <Alert color="green" data-testid="connection-ok">
            {t('settings.connection.ok', { ms: Math.round(test.data.latencyMs) })}
          </Alert>
        )}
        {detect.data &&
          (detect.data.baseUrl ? (
            <Alert color="green" data-testid="base-path-detected">
              {t(detect.data.changed ? 'settings.connection.detected' : 'settings.connection.detectedSame', { baseUrl: detect.data.baseUrl })}
            </Alert>
          ) : (
            <Alert color="orange" data-testid="base-path-not-found">
              {t('settings.connection.notFound', { tried: detect.data.tried.join(', ') })}
            </Alert>
          ))}
        <ErrorAlert error={test.error ?? detect.error} testId="connection-error" />
      </Stack>
    </Card>
  );
}
