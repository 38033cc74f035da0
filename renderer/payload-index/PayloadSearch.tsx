// "Search inside payloads" on the Events screen: one box for words or exact values (an order
// number, an e-mail, a CPF), answered by the active profile's local index in main. Results come
// newest first with the field the value sat in; opening one opens the normal event drawer, which
// reads the event fresh from the API. The screen's filters narrow the results (name, status,
// installation, driver, time range — applied to the index's copy of those fields).
import { Alert, Anchor, Badge, Button, Group, Stack, Table, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EventsFilters } from '../../shared/ipc/channels/events';
import { ErrorAlert } from '../components/ErrorAlert';
import { TimeText } from '../components/time/Time';
import { useActiveProfile } from '../session/session-queries';
import { StatusBadge } from '../components/status/StatusBadge';
import { usePayloadIndexStatus, usePayloadSearch } from '../queries/payload-index';
import { usePayloadSearchRequest } from './payload-search-request';

/** The events list filters the index can apply (it keeps name, status, installation, driver and time). */
function indexFilters(filter: EventsFilters): EventsFilters {
  const { name, status, installation_id, integration_driver_slug, created_at_greater_than, created_at_less_than } = filter;
  return Object.fromEntries(
    Object.entries({ name, status, installation_id, integration_driver_slug, created_at_greater_than, created_at_less_than }).filter(([, value]) => value !== undefined),
  ) as EventsFilters;
}

export function PayloadSearch({ filter, onOpen }: { filter: EventsFilters; onOpen: (eventId: string) => void }) {
  const { t } = useTranslation();
  const profile = useActiveProfile();
  const status = usePayloadIndexStatus(profile?.id ?? null);
  const [draft, setDraft] = useState('');
  const [query, setQuery] = useState('');
  const on = status.data !== undefined && status.data.state !== 'off';
  const results = usePayloadSearch(query, indexFilters(filter), on);
  // "Search payloads for …" from the command palette.
  usePayloadSearchRequest((term) => {
    setDraft(term);
    setQuery(term);
  });

  if (!profile || !status.data) return null;
  if (!on) {
    return (
      <Text size="xs" c="dimmed" data-testid="payload-search-off">
        {t('payloadIndex.search.off')}{' '}
        <Anchor href={`#/settings?profile=${encodeURIComponent(profile.id)}`} size="xs" underline="always">
          {t('payloadIndex.search.openSettings')}
        </Anchor>
      </Text>
    );
  }
  const hits = results.data?.hits ?? [];
  return (
    <Stack gap="xs" data-testid="payload-search">
      <form
        onSubmit={(event) => {
          event.preventDefault();
          setQuery(draft.trim());
        }}
      >
        <Group gap="xs" align="end">
          <TextInput
            size="xs"
            w={360}
            label={t('payloadIndex.search.label')}
            placeholder={t('payloadIndex.search.placeholder')}
            value={draft}
            onChange={(event) => setDraft(event.currentTarget.value)}
            maxLength={200}
            data-testid="payload-search-input"
          />
          <Button size="xs" type="submit" data-testid="payload-search-submit">
            {t('payloadIndex.search.submit')}
          </Button>
          {query && (
            <Button
              size="xs"
              variant="default"
              onClick={() => {
                setDraft('');
                setQuery('');
              }}
              data-testid="payload-search-clear"
            >
              {t('payloadIndex.search.clear')}
            </Button>
          )}
          {status.data.state === 'building' && (
            <Badge color="yellow" variant="light">
              {t('payloadIndex.search.building', { count: status.data.indexedEvents })}
            </Badge>
          )}
        </Group>
      </form>
      <ErrorAlert error={results.error} testId="payload-search-error" />
      {query && results.isSuccess && hits.length === 0 && (
        <Alert color="gray" data-testid="payload-search-empty">
          {t('payloadIndex.search.empty', { days: status.data.windowDays ?? 0 })}
        </Alert>
      )}
      {hits.length > 0 && (
        <Stack gap={4}>
          <Text size="xs" c="dimmed" data-testid="payload-search-count">
            {results.data?.more ? t('payloadIndex.search.countMore', { count: hits.length }) : t('payloadIndex.search.count', { count: hits.length })}
          </Text>
          <Table striped highlightOnHover data-testid="payload-search-results" aria-label={t('payloadIndex.search.resultsLabel')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('payloadIndex.search.colCreated')}</Table.Th>
                <Table.Th>{t('payloadIndex.search.colName')}</Table.Th>
                <Table.Th>{t('payloadIndex.search.colStatus')}</Table.Th>
                <Table.Th>{t('payloadIndex.search.colField')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {hits.map((hit) => (
                <Table.Tr key={hit.id} data-testid="payload-search-hit" data-event-id={hit.id}>
                  <Table.Td>
                    <TimeText value={hit.created_at} withMillis={false} />
                  </Table.Td>
                  <Table.Td>
                    <Anchor component="button" type="button" size="sm" onClick={() => onOpen(hit.id)} data-testid="payload-search-open">
                      {hit.name}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>
                    <StatusBadge status={hit.status} />
                  </Table.Td>
                  <Table.Td>
                    <Text size="xs" ff="monospace" data-testid="payload-search-path">
                      {hit.paths.join(', ')}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Stack>
      )}
    </Stack>
  );
}
