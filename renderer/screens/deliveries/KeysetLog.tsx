// One keyset log of the Deliveries screen: filters, the table of the loaded pages, "Load more", the
// list keys (j/k, Enter, /, Esc) and a drawer for the open row. The delivery log and the
// received-webhooks log differ only in their filters, columns and drawer content, which they pass in.
import { Alert, Button, Drawer, Group, Stack, Table } from '@mantine/core';
import type { InfiniteData, UseInfiniteQueryResult } from '@tanstack/react-query';
import { useRef, useState, type ReactNode, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useListKeyboard } from '../../keyboard/use-list-keyboard';
import tableClasses from '../../components/table/table.module.css';

/** The test ids of one log's parts (e2e page objects find each log by them). */
export interface KeysetLogTestIds {
  unsupported: string;
  empty: string;
  table: string;
  row: string;
  more: string;
}

export interface KeysetLogProps<T extends { id: string }> {
  /** The capability says this server has no such log: only the note is shown. */
  unsupported: boolean;
  unsupportedText: string;
  emptyText: string;
  tableLabel: string;
  drawerTitle: string;
  testIds: KeysetLogTestIds;
  list: UseInfiniteQueryResult<InfiniteData<{ items: T[] }>>;
  /** The filter inputs; `searchRef` goes on the one `/` focuses. */
  filters: (searchRef: RefObject<HTMLInputElement | null>) => ReactNode;
  /** The header cells (`Table.Th`) and, per row, the body cells (`Table.Td`), in the same order. */
  head: ReactNode;
  cells: (row: T) => ReactNode;
  /** Extra `data-*` attributes of a row, for tests. */
  rowData?: (row: T) => Record<`data-${string}`, string>;
  drawer: (row: T) => ReactNode;
}

export function KeysetLog<T extends { id: string }>(props: KeysetLogProps<T>) {
  const { t } = useTranslation();
  const { list, testIds } = props;
  const [open, setOpen] = useState<T | null>(null);
  const rows = list.data?.pages.flatMap((p) => p.items) ?? [];
  const searchRef = useRef<HTMLInputElement>(null);
  const keyboard = useListKeyboard({ count: rows.length, isOpen: !!open, onOpen: (i) => setOpen(rows[i] ?? null), onClose: () => setOpen(null), searchRef });
  if (props.unsupported) return <Alert color="gray" data-testid={testIds.unsupported}>{props.unsupportedText}</Alert>;
  return (
    <Stack gap="sm">
      <Group gap="xs" align="end" role="search" aria-label={t('deliveries.filters')}>
        {props.filters(searchRef)}
      </Group>
      {list.error && <ErrorAlert error={list.error} testId="deliveries-error" onRetry={() => void list.refetch()} />}
      {list.isSuccess && rows.length === 0 && <Alert color="gray" data-testid={testIds.empty}>{props.emptyText}</Alert>}
      {rows.length > 0 && (
        <Table highlightOnHover striped fz="xs" className={tableClasses.table} data-testid={testIds.table} aria-label={props.tableLabel}>
          <Table.Thead>
            <Table.Tr>{props.head}</Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((row, index) => (
              <Table.Tr
                key={row.id}
                data-testid={testIds.row}
                {...props.rowData?.(row)}
                data-active={keyboard.activeIndex === index || undefined}
                bg={keyboard.activeIndex === index ? 'var(--mantine-primary-color-light)' : undefined}
                style={{ cursor: 'pointer' }}
                onClick={() => setOpen(row)}
              >
                {props.cells(row)}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {list.hasNextPage && (
        <Button size="xs" variant="default" w="fit-content" onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage} data-testid={testIds.more}>
          {t('deliveries.loadMore')}
        </Button>
      )}
      <Drawer opened={!!open} onClose={() => setOpen(null)} position="right" size="xl" title={props.drawerTitle}>
        {open && props.drawer(open)}
      </Drawer>
    </Stack>
  );
}
