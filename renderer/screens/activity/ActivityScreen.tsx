// Activity: every write this console made (when, profile, action, target, result), newest first,
// with filters in the URL and export to CSV/NDJSON through a native save dialog in main. The list
// keys work here too: j/k select, Enter opens the selected write's target, / focuses the search.
import { Badge, Button, Group, Loader, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useNavigate } from '@tanstack/react-router';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { ActivityFilters } from '../../../shared/ipc/channels/activity';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FilterSelect } from '../../components/filters/FilterSelect';
import { Time } from '../../components/time/Time';
import { errorMessage } from '../../errors/error-message';
import { useActiveProfile, useProfiles } from '../../session/session-queries';
import { useListKeyboard } from '../../keyboard/use-list-keyboard';
import { activityTargetHref } from './activity-target';
import { useActivityList, useActivityLiveRefresh, useExportActivity } from '../../queries/activity';
import { activityRoute, type ActivitySearch } from './route';
import { EntityNameView } from '../../components/entity-name/EntityName';
import tableClasses from '../../components/table/table.module.css';
import { ResizableTh } from '../../components/table/ResizableTh';
import { useColumnWidths } from '../../components/table/column-widths';

const actionNamespaces = ['drivers', 'installations', 'webhooks', 'events', 'profiles', 'token'];
const ACTIVITY_COLUMNS = ['time', 'profile', 'action', 'target', 'result'] as const;

export function ActivityScreen() {
  const { t } = useTranslation();
  const search = activityRoute.useSearch();
  const navigate = useNavigate({ from: '/activity' });
  const profiles = useProfiles().data?.profiles ?? [];
  useActivityLiveRefresh();
  const filters: ActivityFilters = {
    ...(search.action ? { action: search.action } : {}),
    ...(search.result ? { result: search.result } : {}),
    ...(search.q ? { search: search.q } : {}),
    ...(search.profile ? { profileId: search.profile } : {}),
  };
  const list = useActivityList(filters);
  const exportLog = useExportActivity();
  const setSearch = (patch: Partial<ActivitySearch>) => void navigate({ search: { ...search, ...patch }, replace: true });
  const activeProfileId = useActiveProfile()?.id ?? null;
  const entries = list.data?.entries ?? [];
  const searchRef = useRef<HTMLInputElement>(null);
  const columns = useColumnWidths('activity', ACTIVITY_COLUMNS);
  const keyboard = useListKeyboard({
    count: entries.length,
    // Rows open another screen, never a panel here: there is nothing for Esc to close.
    isOpen: false,
    onOpen: (index) => {
      const href = entries[index] ? activityTargetHref(entries[index], activeProfileId) : null;
      if (href) window.location.hash = href.slice(1);
    },
    onClose: () => undefined,
    searchRef,
  });

  const runExport = (format: 'csv' | 'ndjson') =>
    exportLog.mutate(
      { format, filters },
      {
        onSuccess: (result) => {
          if (result.saved) notifications.show({ color: 'teal', message: t('activity.exported', { count: result.count, file: result.fileName ?? '' }) });
        },
        onError: (error) => notifications.show({ color: 'red', message: errorMessage(t, error) }),
      },
    );

  return (
    <Stack gap="md" data-testid="activity-screen">
      <Group justify="space-between">
        <Title order={1}>{t('activity.title')}</Title>
        <Group gap="xs">
          <Button variant="default" onClick={() => runExport('csv')} loading={exportLog.isPending} data-testid="activity-export-csv">
            {t('activity.exportCsv')}
          </Button>
          <Button variant="default" onClick={() => runExport('ndjson')} loading={exportLog.isPending} data-testid="activity-export-ndjson">
            {t('activity.exportNdjson')}
          </Button>
        </Group>
      </Group>
      <Text size="sm" c="dimmed">
        {t('activity.description')}
      </Text>
      <Group gap="sm" align="flex-end" component="form" role="search" onSubmit={(event) => event.preventDefault()}>
        <TextInput
          label={t('activity.filters.search')}
          defaultValue={search.q ?? ''}
          onChange={(event) => setSearch({ q: event.currentTarget.value || undefined })}
          ref={searchRef}
          data-testid="activity-filter-search"
        />
        <FilterSelect
          label={t('activity.filters.action')}
          options={actionNamespaces.map((value) => ({ value, label: t(`nav.${value}`, { defaultValue: value }) }))}
          value={search.action}
          onChange={(action) => setSearch({ action })}
          testId="activity-filter-action"
        />
        <FilterSelect
          label={t('activity.filters.result')}
          options={[
            { value: 'ok' as const, label: t('activity.result.ok') },
            { value: 'error' as const, label: t('activity.result.error') },
          ]}
          value={search.result}
          onChange={(result) => setSearch({ result })}
          testId="activity-filter-result"
        />
        <FilterSelect
          label={t('activity.filters.profile')}
          options={profiles.map((p) => ({ value: p.id, label: p.name }))}
          value={search.profile}
          onChange={(profile) => setSearch({ profile })}
          testId="activity-filter-profile"
        />
      </Group>
      {list.isPending && <Loader aria-label={t('shell.loading')} />}
      <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />
      {list.data && (
        <>
          <Text size="sm" data-testid="activity-count">
            {t('activity.count', { shown: list.data.entries.length, total: list.data.total })}
          </Text>
          {list.data.entries.length === 0 ? (
            <Text data-testid="activity-empty">{t('activity.empty')}</Text>
          ) : (
            <Table striped highlightOnHover data-testid="activity-table" className={tableClasses.table}>
              <Table.Thead>
                <Table.Tr>
                  <ResizableTh id="time" label={t('activity.columns.time')} {...columns} />
                  <ResizableTh id="profile" label={t('activity.columns.profile')} {...columns} />
                  <ResizableTh id="action" label={t('activity.columns.action')} {...columns} />
                  <ResizableTh id="target" label={t('activity.columns.target')} {...columns} />
                  <ResizableTh id="result" label={t('activity.columns.result')} {...columns} />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.data.entries.map((entry, index) => (
                  <Table.Tr
                    key={entry.id}
                    data-testid="activity-row"
                    data-action={entry.action}
                    data-result={entry.result}
                    data-active={keyboard.activeIndex === index || undefined}
                    bg={keyboard.activeIndex === index ? 'var(--mantine-primary-color-light)' : undefined}
                  >
                    <Table.Td data-cell-kind="time">
                      <Time value={entry.at} withMillis={false} />
                    </Table.Td>
                    <Table.Td>
                      {entry.profileName ?? entry.profileId ?? '—'}
                      {entry.environment === 'production' && (
                        <Badge ml={4} size="xs" color="red" data-no-truncate="">
                          {t('environment.productionBadge')}
                        </Badge>
                      )}
                    </Table.Td>
                    <Table.Td data-cell-kind="code">
                      <Text size="sm" ff="monospace">
                        {entry.action}
                      </Text>
                    </Table.Td>
                    <Table.Td data-testid="activity-target">
                      {(entry.target.kind === 'installation' || entry.target.kind === 'driver') && entry.target.id ? (
                        // By the name recorded with the write (the log spans profiles; the live lookup is the active one's).
                        <Text size="sm" component="div">
                          {entry.target.kind} <EntityNameView kind={entry.target.kind} id={entry.target.id} name={entry.target.name ?? undefined} />
                        </Text>
                      ) : (
                        <Text size="sm">
                          {entry.target.kind}
                          {entry.target.name ? ` “${entry.target.name}”` : ''}
                          {entry.target.id ? ` ${entry.target.id}` : ''}
                          {entry.target.host ? ` ${entry.target.host}` : ''}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td data-cell-kind="badge">
                      <Badge color={entry.result === 'ok' ? 'teal' : 'red'} variant="light" data-no-truncate="">
                        {entry.result === 'ok' ? t('activity.result.ok') : `${t('activity.result.error')}: ${entry.errorCode ?? ''}`}
                      </Badge>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </>
      )}
    </Stack>
  );
}
