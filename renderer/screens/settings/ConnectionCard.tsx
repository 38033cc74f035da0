// Test the connection (GET /drivers?limit=1 through main's client, no retries) and detect the base
// path (/v1, /api/v1, root on the profile's origin). Failures use the usual error messages, so the
// operator reads which case it is: invalid token shape, 401, network, or a base URL that does not
// point at the API. Detection saves nothing by itself; the operator applies the result.
import { Alert, Button, Card, Code, Group, List, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import type { ProfileWithToken } from '../../../shared/ipc/channels/profiles';
import { IpcCallError } from '../../bridge/ipc';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useConnectionTest, useDetectBasePath } from '../../queries/capabilities';
import { useSetProfileBaseUrl } from '../../session/session-queries';

export function ConnectionCard({ profile }: { profile: ProfileWithToken }) {
  const { t } = useTranslation();
  const test = useConnectionTest(profile.id);
  const detect = useDetectBasePath(profile.id);
  const applyBaseUrl = useSetProfileBaseUrl(profile.id, (saved) => {
    detect.reset();
    notifications.show({ color: 'green', message: t('settings.connection.saved', { baseUrl: saved.baseUrl }) });
  });

  const testFailure = test.data && !test.data.ok && test.data.failure ? new IpcCallError('connection:test', test.data.failure) : null;
  const detected = detect.data?.baseUrl ?? null;

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
          <Button
            variant="light"
            loading={test.isPending}
            onClick={() => {
              detect.reset();
              test.mutate();
            }}
            data-testid="test-connection"
          >
            {t('settings.connection.test')}
          </Button>
          <Button
            variant="default"
            loading={detect.isPending}
            onClick={() => {
              test.reset();
              detect.mutate();
            }}
            data-testid="detect-base-path"
          >
            {t('settings.connection.detect')}
          </Button>
        </Group>
        {test.data?.ok && (
          <Alert color="green" data-testid="connection-ok">
            {t('settings.connection.ok', { baseUrl: test.data.baseUrl, ms: Math.round(test.data.latencyMs) })}
          </Alert>
        )}
        {detect.data && detected && (
          <Alert color="green" data-testid="base-path-detected">
            <Stack gap="xs">
              <Text size="sm">{t(detected === profile.baseUrl ? 'settings.connection.detectedSame' : 'settings.connection.detected', { baseUrl: detected })}</Text>
              {detected !== profile.baseUrl && (
                <Button size="xs" w="fit-content" loading={applyBaseUrl.isPending} onClick={() => applyBaseUrl.mutate(detected)} data-testid="use-detected-base-url">
                  {t('settings.connection.useDetected')}
                </Button>
              )}
            </Stack>
          </Alert>
        )}
        {detect.data && !detected && (
          <Alert color="orange" data-testid="base-path-not-found">
            <Text size="sm">{t('settings.connection.notFound', { tried: detect.data.tried.map((c) => c.baseUrl).join(', ') })}</Text>
            <List size="xs" mt="xs">
              {detect.data.tried.map((c) => (
                <List.Item key={c.baseUrl}>
                  <Code>{c.baseUrl}</Code> → {c.status ?? c.code ?? '—'}
                </List.Item>
              ))}
            </List>
          </Alert>
        )}
        <ErrorAlert error={testFailure ?? test.error ?? detect.error} testId="connection-error" />
      </Stack>
    </Card>
  );
}
