// Installations: table with filters (driver, status, name) and status badges (unknown statuses
// shown as they are), the create wizard, and the detail panel of the selected installation.
import { Button, Card, Grid, Group, Loader, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useNavigate } from '@tanstack/react-router';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { installationStatuses } from '../../../shared/api/installations';
import type { InstallationsListInput } from '../../../shared/ipc/channels/installations';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FilterSelect } from '../../components/filters/FilterSelect';
import { ReadOnlyBanner, WriteButton } from '../../components/confirm/WriteGuard';
import { Time } from '../../components/time/Time';
import { useListKeyboard } from '../../keyboard/use-list-keyboard';
import { usePaletteActions } from '../../palette/registry';
import { useDrivers } from '../../queries/drivers';
import { CreateInstallationWizard } from './CreateInstallationWizard';
import { InstallationDetail } from './InstallationDetail';
import { useInstallation, useInstallationPages } from '../../queries/installations';
import { loadedList } from '../../queries/list-pages';
import { LoadedListFooter } from '../../components/list-status/ListStatus';
import { installationsRoute, type InstallationsSearch } from './route';
import { InstallationStatusBadge } from './StatusBadge';
import { EntityName } from '../../components/entity-name/EntityName';
import tableClasses from '../../components/table/table.module.css';
import { ResizableTh } from '../../components/table/ResizableTh';
import { useColumnWidths } from '../../components/table/column-widths';

const INSTALLATION_COLUMNS = ['name', 'driver', 'status', 'created'] as const;

export function InstallationsScreen() {
  const { t } = useTranslation();
  const search = installationsRoute.useSearch();
  const columns = useColumnWidths('installations', INSTALLATION_COLUMNS);
  const navigate = useNavigate({ from: '/installations' });
  const setSearch = (patch: Partial<InstallationsSearch>) => void navigate({ search: { ...search, ...patch }, replace: true });
  const [creating, setCreating] = useState(false);
  const drivers = useDrivers({ sort: 'name', limit: 100 });
  const input: Omit<InstallationsListInput, 'page'> = {
    filters: {
      ...(search.driver ? { driver_id: search.driver } : {}),
      ...(search.status ? { status: search.status } : {}),
      ...(search.name ? { name: search.name } : {}),
    },
    limit: 100,
  };
  const pages = useInstallationPages(input);
  const loaded = loadedList(pages.data?.pages);
  const list = { ...pages, data: pages.data ? loaded : undefined };
  const selected = useInstallation(search.installation);
  const nameRef = useRef<HTMLInputElement>(null);
  const keyboard = useListKeyboard({
    count: list.data?.items.length ?? 0,
    isOpen: !!search.installation,
    onOpen: (index) => setSearch({ installation: list.data?.items[index]?.id }),
    onClose: () => setSearch({ installation: undefined }),
    searchRef: nameRef,
  });
  usePaletteActions([{ id: 'installations.refresh', label: t('palette.actions.refresh'), run: () => void list.refetch() }]);

  return (
    <Stack gap="md" data-testid="installations-screen">
      <Group justify="space-between">
        <Title order={1}>{t('installations.title')}</Title>
        <WriteButton onClick={() => setCreating(true)} data-testid="installation-create">
          {t('installations.create')}
        </WriteButton>
      </Group>
      <ReadOnlyBanner />
      <Group gap="sm" align="flex-end" role="search">
        <TextInput
          label={t('installations.filters.name')}
          ref={nameRef}
          defaultValue={search.name ?? ''}
          onChange={(event) => setSearch({ name: event.currentTarget.value || undefined })}
          data-testid="installations-filter-name"
        />
        <FilterSelect
          label={t('installations.filters.driver')}
          options={(drivers.data?.items ?? []).map((d) => ({ value: d.id, label: d.name }))}
          value={search.driver}
          onChange={(driver) => setSearch({ driver })}
          searchable
          testId="installations-filter-driver"
        />
        <FilterSelect
          label={t('installations.filters.status')}
          options={installationStatuses.map((value) => ({ value, label: t(`installations.status.${value}`) }))}
          value={search.status}
          onChange={(status) => setSearch({ status })}
          testId="installations-filter-status"
        />
      </Group>
      <ErrorAlert error={pages.isFetchNextPageError ? null : list.error} testId="installations-error" onRetry={() => void pages.refetch()} />
      {list.isPending && <Loader aria-label={t('shell.loading')} />}
      <Grid>
        <Grid.Col span={{ base: 12, lg: search.installation ? 6 : 12 }}>
          {list.data && list.data.items.length === 0 && <Text data-testid="installations-empty">{t('installations.empty')}</Text>}
          {list.data && list.data.items.length > 0 && (
            <Table.ScrollContainer minWidth={0} type="native">
              {/* With the detail open the table has half the width: it scrolls inside its column instead of running under the detail. */}
              <Table highlightOnHover data-testid="installations-table" className={tableClasses.table}>
                <Table.Thead>
                  <Table.Tr>
                    <ResizableTh id="name" label={t('installations.fields.name')} {...columns} />
                    <ResizableTh id="driver" label={t('installations.fields.driver')} {...columns} />
                    <ResizableTh id="status" label={t('installations.fields.status')} {...columns} />
                    <ResizableTh id="created" label={t('installations.fields.created')} {...columns} />
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {list.data.items.map((installation, index) => (
                    <Table.Tr
                      key={installation.id}
                      data-testid="installation-row"
                      data-installation-id={installation.id}
                      aria-selected={installation.id === search.installation}
                      data-active={keyboard.activeIndex === index || undefined}
                      bg={keyboard.activeIndex === index ? 'var(--mantine-primary-color-light)' : undefined}
                    >
                      <Table.Td>
                        <Button variant="subtle" size="compact-sm" onClick={() => setSearch({ installation: installation.id })}>
                          {installation.name ?? installation.id}
                        </Button>
                      </Table.Td>
                      <Table.Td data-cell-kind="name">
                        {installation.integration_driver_slug ? <EntityName kind="driver" id={installation.integration_driver_slug} /> : (installation.driver_id ?? '—')}
                      </Table.Td>
                      <Table.Td data-cell-kind="badge">
                        <InstallationStatusBadge status={installation.status} reason={installation.status_reason ?? null} />
                      </Table.Td>
                      <Table.Td data-cell-kind="time">
                        <Time value={installation.created_at} withMillis={false} />
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
          <LoadedListFooter query={pages} loaded={loaded} countKey="installations.count" testId="installations" />
        </Grid.Col>
        {search.installation && (
          <Grid.Col span={{ base: 12, lg: 6 }}>
            <Card withBorder padding="md">
              <Group justify="flex-end">
                <Button variant="subtle" size="xs" onClick={() => setSearch({ installation: undefined })}>
                  {t('drivers.detail.close')}
                </Button>
              </Group>
              {selected.isPending && <Loader aria-label={t('shell.loading')} />}
              <ErrorAlert error={selected.error} onRetry={() => void selected.refetch()} />
              {selected.data && <InstallationDetail installation={selected.data} />}
            </Card>
          </Grid.Col>
        )}
      </Grid>
      <CreateInstallationWizard opened={creating} onClose={() => setCreating(false)} />
    </Stack>
  );
}
