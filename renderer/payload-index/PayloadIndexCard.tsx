// Settings → "Search inside payloads" for the selected profile: opt in with a window (7 or 30
// days), watch the walk's progress, pause/resume, forget. Says where the index lives: encrypted
// on disk under a key in the OS keychain, or in memory only when the keychain cannot protect it.
import { Alert, Button, Card, Group, Stack, Switch, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProfileWithToken } from '../../shared/ipc/channels/profiles';
import { ChoiceChips } from '../components/choice/ChoiceChips';
import { ErrorAlert } from '../components/ErrorAlert';
import { TimeText } from '../components/time/Time';
import { usePayloadIndexAction, usePayloadIndexStatus } from '../queries/payload-index';

export function PayloadIndexCard({ profile }: { profile: ProfileWithToken }) {
  const { t } = useTranslation();
  const status = usePayloadIndexStatus(profile.id);
  const action = usePayloadIndexAction();
  const [windowDays, setWindowDays] = useState<7 | 30>(7);
  const data = status.data;
  const on = !!data && data.state !== 'off';
  const chosenWindow = data?.windowDays ?? windowDays;
  const profileId = profile.id;

  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="payload-index-title" data-testid="payload-index-card">
      <Title order={2} size="h3" id="payload-index-title" mb="xs">
        {t('payloadIndex.settings.title')}
      </Title>
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {t('payloadIndex.settings.intro')}
        </Text>
        <ErrorAlert error={status.error ?? action.error} testId="payload-index-error" />
        <Group gap="lg" align="center">
          <Switch
            checked={on}
            disabled={!data || action.isPending}
            label={t('payloadIndex.settings.toggle')}
            onChange={(event) =>
              action.mutate(
                event.currentTarget.checked ? { action: 'payloadIndex:enable', profileId, windowDays: chosenWindow } : { action: 'payloadIndex:disable', profileId },
              )
            }
            data-testid="payload-index-toggle"
          />
          <Stack gap={2}>
            <Text size="xs" id="payload-index-window-label">
              {t('payloadIndex.settings.window')}
            </Text>
            <ChoiceChips
              labelledBy="payload-index-window-label"
              value={chosenWindow === 30 ? '30' : '7'}
              disabled={action.isPending}
              onChange={(value) => {
                const days = value === '30' ? 30 : 7;
                setWindowDays(days);
                if (on) action.mutate({ action: 'payloadIndex:enable', profileId, windowDays: days });
              }}
              options={[
                { value: '7', label: t('payloadIndex.settings.days', { count: 7 }) },
                { value: '30', label: t('payloadIndex.settings.days', { count: 30 }) },
              ]}
              testId="payload-index-window"
            />
          </Stack>
        </Group>
        {data && on && (
          <>
            <Text size="sm" data-testid="payload-index-progress" data-state={data.state} data-indexed={data.indexedEvents}>
              {t(`payloadIndex.settings.state.${data.state}`, { count: data.indexedEvents, scanned: data.scannedEvents })}
              {data.lastSyncAt && (
                <>
                  {' · '}
                  {t('payloadIndex.settings.lastSync')} <TimeText value={data.lastSyncAt} withMillis={false} />
                </>
              )}
            </Text>
            {data.error && (
              <Alert color="red" data-testid="payload-index-walk-error">
                {data.error.message}
              </Alert>
            )}
            <Alert color={data.storage === 'memory' ? 'yellow' : 'gray'} data-testid="payload-index-storage">
              {data.storage === 'memory' ? t('payloadIndex.settings.storageMemory') : t('payloadIndex.settings.storageEncrypted')}
            </Alert>
            <Group gap="xs">
              {data.state === 'paused' ? (
                <Button size="xs" variant="default" onClick={() => action.mutate({ action: 'payloadIndex:resume', profileId })} data-testid="payload-index-resume">
                  {t('payloadIndex.settings.resume')}
                </Button>
              ) : (
                <Button size="xs" variant="default" onClick={() => action.mutate({ action: 'payloadIndex:pause', profileId })} data-testid="payload-index-pause">
                  {t('payloadIndex.settings.pause')}
                </Button>
              )}
              <Button size="xs" color="red" variant="light" onClick={() => action.mutate({ action: 'payloadIndex:forget', profileId })} data-testid="payload-index-forget">
                {t('payloadIndex.settings.forget')}
              </Button>
            </Group>
          </>
        )}
      </Stack>
    </Card>
  );
}
