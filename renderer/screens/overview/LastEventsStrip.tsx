// The live "last events" strip: the newest events, polled every few seconds while the screen is open.
import { Anchor, Card, Group, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Time } from '../../components/time/Time';
import { StatusBadge } from '../../components/status/StatusBadge';
import { useLastEvents } from '../../queries/overview';

export function LastEventsStrip() {
  const { t } = useTranslation();
  const events = useLastEvents();
  const items = events.data?.items ?? [];
  return (
    <Card withBorder padding="sm" component="section" aria-label={t('overview.lastEvents')} data-testid="overview-last-events">
      <Group justify="space-between" mb="xs">
        <Title order={3} size="h5">
          {t('overview.lastEvents')}
        </Title>
        <Text size="xs" c="dimmed">
          {t('overview.lastEventsNote')}
        </Text>
      </Group>
      {events.error && <ErrorAlert error={events.error} testId="overview-last-events-error" onRetry={() => void events.refetch()} />}
      {events.isPending && (
        <Text size="sm" c="dimmed">
          {t('overview.loading')}
        </Text>
      )}
      {events.isSuccess && items.length === 0 && (
        <Text size="sm" c="dimmed" data-testid="overview-last-events-empty">
          {t('overview.noEvents')}
        </Text>
      )}
      <Group gap="xs" wrap="wrap">
        {items.map((event) => (
          <Card key={event.id} withBorder padding={6} radius="sm" data-testid="overview-last-event" miw={180}>
            {/* A plain hash link: the registry types routes loosely, so a typed Link cannot name /events' search. */}
            <Anchor href={`#/events?event=${encodeURIComponent(event.id)}`} size="xs" fw={600}>
              {event.name}
            </Anchor>
            <Group gap={6} mt={2} wrap="nowrap">
              <StatusBadge status={event.status} />
              <Text size="xs" c="dimmed">
                <Time value={event.created_at} withMillis={false} />
              </Text>
            </Group>
          </Card>
        ))}
      </Group>
    </Card>
  );
}
