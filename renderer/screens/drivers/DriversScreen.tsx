// Drivers: the catalogue with the documented filters (name, type, enabled) and sorts, a detail
// panel, and enable/disable through a confirmation. Keyboard: rows are focusable; Space toggles
// the focused row (after the confirmation), Enter opens its detail.
import { Badge, Button, Card, Grid, Group, Loader, Stack, Switch, Table, Text, TextInput, Title, UnstyledButton } from '@mantine/core';
import { useNavigate } from '@tanstack/react-router';
import { useRef, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Driver } from '../../../shared/api/drivers';
import type { DriversListInput } from '../../../shared/ipc/channels/drivers';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FilterSelect } from '../../components/filters/FilterSelect';
import { ReadOnlyBanner, WriteGuarded } from '../../components/confirm/WriteGuard';
import { Time } from '../../components/time/Time';
import { useListKeyboard } from '../../keyboard/use-list-keyboard';
import { usePaletteActions } from '../../palette/registry';
import { DriverDetail } from './DriverDetail';
import { useDriverPages } from '../../queries/drivers';
import { LoadedListFooter, ServerOrderNote } from '../../components/list-status/ListStatus';
import { loadedList, useCapabilities } from '../../queries';
import { driversRoute, type DriversSearch } from './route';
import { useDriverToggleAction } from '../../components/driver-toggle/use-driver-toggle';
import tableClasses from '../../components/table/table.module.css';
import { ResizableTh } from '../../components/table/ResizableTh';
import { useColumnWidths } from '../../components/table/column-widths';

const sortableColumns = ['name', 'type', 'version', 'created_at'] as const;
const DRIVER_COLUMNS = [...sortableColumns, 'enabled'] as const;

export function DriversScreen() {
  const { t } = useTranslation();
  const search = driversRoute.useSearch();
  const columns = useColumnWidths('drivers', DRIVER_COLUMNS);
  const navigate = useNavigate({ from: '/drivers' });
  const setSearch = (patch: Partial<DriversSearch>) => void navigate({ search: { ...search, ...patch }, replace: true });
  const input: Omit<DriversListInput, 'page'> = {
    filters: {
      ...(search.name ? { name: search.name } : {}),
      ...(search.type ? { type: search.type } : {}),
      ...(search.enabled ? { enabled: search.enabled === 'true' } : {}),
    },
    sort: search.sort ?? 'name',
    limit: 100,
  };
  const pages = useDriverPages(input);
  const loaded = loadedList(pages.data?.pages);
  const list = { ...pages, data: pages.data ? loaded : undefined };
  const toggle = useDriverToggleAction();
  // Enabling/disabling is not on the vendor's pages: where the server lacks it the switch is read-only.
  const toggleUnsupported = useCapabilities().data?.capabilities.driver_toggle === 'unsupported';
  const selected = list.data?.items.find((d) => d.id === search.driver || d.slug === search.driver) ?? null;
  const nameRef = useRef<HTMLInputElement>(null);
  const keyboard = useListKeyboard({
    count: list.data?.items.length ?? 0,
    isOpen: !!selected,
    onOpen: (index) => setSearch({ driver: list.data?.items[index]?.id }),
    onClose: () => setSearch({ driver: undefined }),
    searchRef: nameRef,
  });
  usePaletteActions([{ id: 'drivers.refresh', label: t('palette.actions.refresh'), run: () => void list.refetch() }]);

  const sortBy = (field: string) => {
    const current = search.sort ?? 'name';
    setSearch({ sort: current === field ? `-${field}` : field });
  };
  const sortMark = (field: string) => ((search.sort ?? 'name') === field ? ' ▲' : search.sort === `-${field}` ? ' ▼' : '');

  const onRowKey = (event: KeyboardEvent<HTMLTableRowElement>, driver: Driver) => {
    if (event.target !== event.currentTarget) return; // keys inside the switch/button keep their own meaning
    if (event.key === ' ') {
      event.preventDefault();
      void toggle.run(driver);
    } else if (event.key === 'Enter') {
      setSearch({ driver: driver.id });
    }
  };

  return (
    <Stack gap="md" data-testid="drivers-screen">
      <Title order={1}>{t('drivers.title')}</Title>
      <ReadOnlyBanner />
      <Group gap="sm" align="flex-end" role="search">
        <TextInput
          label={t('drivers.filters.search')}
          ref={nameRef}
          defaultValue={search.name ?? ''}
          onChange={(event) => setSearch({ name: event.currentTarget.value || undefined })}
          data-testid="drivers-filter-name"
        />
        <FilterSelect label={t('drivers.filters.type')} options={['webhook']} value={search.type} onChange={(type) => setSearch({ type })} testId="drivers-filter-type" />
        <FilterSelect
          label={t('drivers.filters.enabled')}
          options={[
            { value: 'true' as const, label: t('drivers.state.enabled') },
            { value: 'false' as const, label: t('drivers.state.disabled') },
          ]}
          value={search.enabled}
          onChange={(enabled) => setSearch({ enabled })}
          testId="drivers-filter-enabled"
        />
      </Group>
      <ErrorAlert error={pages.isFetchNextPageError ? null : list.error} testId="drivers-error" onRetry={() => void pages.refetch()} />
      {list.isPending && <Loader aria-label={t('shell.loading')} />}
      <ServerOrderNote show={loaded.sortDropped} />
      {toggleUnsupported && (
        <Text size="sm" c="dimmed" data-testid="drivers-toggle-unsupported">
          {t('drivers.toggleUnsupported')}
        </Text>
      )}
      <Grid>
        <Grid.Col span={{ base: 12, lg: selected ? 7 : 12 }}>
          {list.data && list.data.items.length === 0 && <Text data-testid="drivers-empty">{t('drivers.empty')}</Text>}
          {list.data && list.data.items.length > 0 && (
            <Table.ScrollContainer minWidth={0} type="native">
              {/* With the detail open the table has half the width: it scrolls inside its column instead of running under the detail. */}
              <Table highlightOnHover data-testid="drivers-table" aria-label={t('drivers.title')} className={tableClasses.table}>
                <Table.Thead>
                  <Table.Tr>
                    {sortableColumns.map((field) => (
                      <ResizableTh
                        key={field}
                        id={field}
                        label={t(`drivers.columns.${field}`)}
                        aria-sort={search.sort === field || (!search.sort && field === 'name') ? 'ascending' : search.sort === `-${field}` ? 'descending' : 'none'}
                        {...columns}
                      >
                        <UnstyledButton onClick={() => sortBy(field)} data-testid={`drivers-sort-${field}`}>
                          {t(`drivers.columns.${field}`)}
                          {sortMark(field)}
                        </UnstyledButton>
                      </ResizableTh>
                    ))}
                    <ResizableTh id="enabled" label={t('drivers.columns.enabled')} {...columns} />
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {list.data.items.map((driver, index) => (
                    <Table.Tr
                      key={driver.id}
                      tabIndex={0}
                      onKeyDown={(event) => onRowKey(event, driver)}
                      data-testid={`driver-row-${driver.slug}`}
                      data-enabled={driver.enabled}
                      aria-selected={selected?.id === driver.id}
                      data-active={keyboard.activeIndex === index || undefined}
                      bg={keyboard.activeIndex === index ? 'var(--mantine-primary-color-light)' : undefined}
                    >
                      <Table.Td>
                        <Button variant="subtle" size="compact-sm" onClick={() => setSearch({ driver: driver.id })} data-testid={`driver-open-${driver.slug}`}>
                          {driver.name}
                        </Button>
                      </Table.Td>
                      <Table.Td data-cell-kind="badge">
                        <Badge variant="outline" data-no-truncate="">
                          {driver.type}
                        </Badge>
                      </Table.Td>
                      <Table.Td data-cell-kind="code">{driver.version}</Table.Td>
                      <Table.Td data-cell-kind="time">
                        <Time value={driver.created_at} withMillis={false} />
                      </Table.Td>
                      <Table.Td>
                        <WriteGuarded>
                          {(disabled) => (
                            <Switch
                              checked={driver.enabled}
                              disabled={disabled || toggle.pending || toggleUnsupported}
                              onChange={() => void toggle.run(driver)}
                              aria-label={driver.enabled ? t('drivers.disableNamed', { name: driver.name }) : t('drivers.enableNamed', { name: driver.name })}
                              data-testid={`driver-toggle-${driver.slug}`}
                            />
                          )}
                        </WriteGuarded>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
          <LoadedListFooter query={pages} loaded={loaded} countKey="drivers.count" testId="drivers" />
        </Grid.Col>
        {selected && (
          <Grid.Col span={{ base: 12, lg: 5 }}>
            <Card withBorder padding="md">
              <Group justify="flex-end">
                <Button variant="subtle" size="xs" onClick={() => setSearch({ driver: undefined })}>
                  {t('drivers.detail.close')}
                </Button>
              </Group>
              <DriverDetail driver={selected} />
            </Card>
          </Grid.Col>
        )}
      </Grid>
    </Stack>
  );
}
