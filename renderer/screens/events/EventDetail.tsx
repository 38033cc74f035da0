// The open event: what it is, its payload, every attempt, what superseded it, where it comes from
// (links to its driver's and installation's screens),// and the actions — copy as cURL (token as $II_API_TOKEN), compare, redeliver (confirmation names
// the profile; hidden with a note where the server cannot redeliver).
import { Alert, Anchor, Button, Code, CopyButton, Group, Loader, Stack, Tabs, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PlatformEventDetail } from '../../../shared/api/index';
import { curlForApiRequest } from '../../../shared/curl';
import { openConfirm } from '../../components/confirm/ConfirmDialog';
import { useWriteAccess, WriteButton } from '../../components/confirm/WriteGuard';
import { ErrorAlert } from '../../components/ErrorAlert';
import { JsonViewer } from '../../components/json-viewer/JsonViewer';
import { Time } from '../../components/time/Time';
import { IpcCallError } from '../../bridge/ipc';
import { errorMessage } from '../../errors/error-message';
import { usePaletteActions } from '../../palette/registry';
import { useActiveProfile } from '../../session/session-queries';
import { AttemptTimeline } from '../../components/attempts/AttemptTimeline';
import { CompareAttempts, ComparePayloads, suggestedPair } from './CompareView';
import { EventSourceLinks } from './EventSourceLinks';
import { newActionId, useCapabilities, useEvent, useRedeliverEvent } from '../../queries/index';
import { StatusBadge } from '../../components/status/StatusBadge';

export interface EventDetailProps {
  id: string;
  /** Opens another event in the same place (superseded chain). */
  onOpenEvent: (id: string) => void;
  /** Applies a filter to the list (the "events of this installation / driver" actions). */
  onFilter: (patch: { installation?: string; driver?: string; name?: string }) => void;
}

function supersededId(event: PlatformEventDetail): string | null {
  const by = event.superseded_by;
  if (!by) return null;
  return typeof by === 'string' ? by : by.id;
}

export function EventDetail({ id, onOpenEvent, onFilter }: EventDetailProps) {
  const { t } = useTranslation();
  const detail = useEvent(id);
  const capabilities = useCapabilities();
  const profile = useActiveProfile();
  const redeliver = useRedeliverEvent();
  const [selected, setSelected] = useState<string[]>([]);
  const [tab, setTab] = useState<string | null>('attempts');

  // Defined before the early returns so the palette can offer it (same confirmation as the button).
  const onRedeliver = async () => {
    const event = detail.data;
    if (!profile || !event) return;
    const confirmed = await openConfirm({
      profile,
      title: t('events.redeliver.title'),
      impact: t('events.redeliver.impact', { name: event.name, id: event.id }),
      confirmLabel: t('events.redeliver.confirm'),
    });
    if (!confirmed) return;
    redeliver.mutate(
      { id: event.id, actionId: newActionId() },
      {
        onSuccess: () => notifications.show({ color: 'teal', message: t('events.redeliver.queued') }),
        onError: (error) =>
          // No redeliver route on this server: said in grey, and the action hides itself (capabilities refresh).
          error instanceof IpcCallError && error.code === 'unsupported'
            ? notifications.show({ color: 'gray', title: t('errors.unsupportedTitle'), message: errorMessage(t, error) })
            : notifications.show({ color: 'red', message: errorMessage(t, error) }),
      },
    );
  };
  const writable = useWriteAccess().writable;
  const canRedeliver = !!detail.data && writable && capabilities.data?.capabilities.redeliver !== 'unsupported';
  usePaletteActions(canRedeliver ? [{ id: 'events.redeliver', label: t('palette.actions.redeliverOpen'), run: () => void onRedeliver() }] : []);

  if (detail.isPending) {
    return (
      <Group p="md" data-testid="event-detail-loading">
        <Loader size="sm" />
        <Text size="sm">{t('events.detail.loading')}</Text>
      </Group>
    );
  }
  if (detail.error) return <ErrorAlert error={detail.error} testId="event-detail-error" onRetry={() => void detail.refetch()} />;
  const event = detail.data;
  const dispatches = event.dispatches ?? [];
  const redeliverUnsupported = capabilities.data?.capabilities.redeliver === 'unsupported';
  const replacement = supersededId(event);

  const toggleSelected = (attemptId: string) =>
    setSelected((prev) => (prev.includes(attemptId) ? prev.filter((x) => x !== attemptId) : [...prev.slice(-1), attemptId]));

  const apiCurl = profile ? curlForApiRequest({ baseUrl: profile.baseUrl, method: 'GET', path: `/processing/events/${encodeURIComponent(event.id)}` }) : '';
  const redeliverCurl = profile
    ? curlForApiRequest({ baseUrl: profile.baseUrl, method: 'POST', path: `/processing/events/${encodeURIComponent(event.id)}/redeliver` })
    : '';

  return (
    <Stack gap="sm" data-testid="event-detail" data-event-id={event.id}>
      <Group justify="space-between" align="start">
        <Stack gap={2}>
          <Title order={3} data-testid="event-detail-name">
            {event.name}
          </Title>
          <Group gap="xs">
            <StatusBadge status={event.status} testId="event-detail-status" />
            <Text size="xs" c="dimmed">
              <Time value={event.created_at} />
            </Text>
          </Group>
          <Group gap={4}>
            <Code data-testid="event-detail-id">{event.id}</Code>
            <CopyButton value={event.id}>
              {({ copied, copy }) => (
                <Button size="compact-xs" variant="subtle" onClick={copy}>
                  {copied ? t('events.json.copied') : t('events.detail.copyId')}
                </Button>
              )}
            </CopyButton>
          </Group>
        </Stack>
        <Stack gap={4} align="end">
          {redeliverUnsupported ? (
            <Text size="xs" c="dimmed" maw={260} data-testid="redeliver-unsupported">
              {t('events.redeliver.unsupported')}
            </Text>
          ) : (
            <WriteButton onClick={() => void onRedeliver()} loading={redeliver.isPending} data-testid="redeliver-button">
              {t('events.redeliver.button')}
            </WriteButton>
          )}
          <Group gap={4}>
            <CopyButton value={apiCurl}>
              {({ copied, copy }) => (
                <Button size="compact-xs" variant="default" onClick={copy} disabled={!apiCurl} data-testid="copy-curl">
                  {copied ? t('events.json.copied') : t('events.detail.copyCurl')}
                </Button>
              )}
            </CopyButton>
            {!redeliverUnsupported && (
              <CopyButton value={redeliverCurl}>
                {({ copied, copy }) => (
                  <Button size="compact-xs" variant="default" onClick={copy} disabled={!redeliverCurl}>
                    {copied ? t('events.json.copied') : t('events.detail.copyRedeliverCurl')}
                  </Button>
                )}
              </CopyButton>
            )}
          </Group>
        </Stack>
      </Group>

      <EventSourceLinks driverSlug={event.integration_driver_slug} installationId={event.installation_id} onFilter={onFilter} />

      {event.superseded && (
        <Alert color="orange" p="xs" data-testid="superseded-chain">
          <Group gap="xs">
            <Text size="sm">{t('events.detail.supersededBy')}</Text>
            {replacement ? (
              <Anchor component="button" size="sm" ff="monospace" onClick={() => onOpenEvent(replacement)} data-testid="superseded-by-link">
                {typeof event.superseded_by === 'object' && event.superseded_by?.name ? `${event.superseded_by.name} · ` : ''}
                {replacement}
              </Anchor>
            ) : (
              <Text size="sm">—</Text>
            )}
          </Group>
        </Alert>
      )}

      <Tabs value={tab} onChange={setTab} keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="attempts" data-testid="tab-attempts">
            {t('events.detail.attempts', { count: dispatches.length })}
          </Tabs.Tab>
          <Tabs.Tab value="payload" data-testid="tab-payload">
            {t('events.detail.payload')}
          </Tabs.Tab>
          <Tabs.Tab value="compare" data-testid="tab-compare">
            {t('events.detail.compare')}
          </Tabs.Tab>
          <Tabs.Tab value="raw" data-testid="tab-raw">
            {t('events.detail.raw')}
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="attempts" pt="sm">
          <AttemptTimeline dispatches={dispatches} selected={selected} onToggleSelected={toggleSelected} />
        </Tabs.Panel>
        <Tabs.Panel value="payload" pt="sm">
          <JsonViewer value={event.payload} label={t('events.detail.payload')} testId="payload-viewer" />
        </Tabs.Panel>
        <Tabs.Panel value="compare" pt="sm">
          <Stack gap="md">
            <Group gap="xs">
              <Text size="sm" fw={600}>
                {t('events.compare.attempts')}
              </Text>
              <Button
                size="compact-xs"
                variant="default"
                disabled={!suggestedPair(dispatches)}
                onClick={() => setSelected(suggestedPair(dispatches) ?? [])}
                data-testid="compare-suggested"
              >
                {t('events.compare.lastSuccessFirstFailure')}
              </Button>
            </Group>
            <CompareAttempts dispatches={dispatches} ids={selected} />
            <Text size="sm" fw={600}>
              {t('events.compare.payloads')}
            </Text>
            <ComparePayloads event={event} />
          </Stack>
        </Tabs.Panel>
        <Tabs.Panel value="raw" pt="sm">
          {/* Every field main lets across IPC (shared/api/ipc-views.ts: an allow-list, secrets masked). */}
          <JsonViewer value={event} label={t('events.detail.raw')} defaultOpenDepth={1} testId="raw-viewer" />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
