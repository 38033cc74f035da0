// What every list screen says about the rows it shows, whatever the server's paging: how many
// ("200 installations", "showing 100 of 200"), a "load more" while the server has more, a note
// when the server refused the order asked for, and the rows it sent that could not be read —
// each openable as the raw JSON (docs/api-contract.md §8: one odd item never fails its page).
import { Alert, Button, Group, Modal, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UnreadableListItem } from '../../../shared/api/ipc-lists';
import type { LoadedList } from '../../queries/list-pages';
import { ErrorAlert } from '../ErrorAlert';
import { JsonViewer } from '../json-viewer/JsonViewer';

export interface ListStatusProps {
  /** i18n key of the counted noun, with _one/_other forms (e.g. `installations.count`). */
  countKey: string;
  shown: number;
  total: number | null;
  hasMore: boolean;
  loadingMore: boolean;
  loadMoreError?: unknown;
  onLoadMore: () => void;
  testId: string;
}

export function ListCount({ countKey, shown, total, hasMore, loadingMore, loadMoreError, onLoadMore, testId }: ListStatusProps) {
  const { t } = useTranslation();
  const complete = !hasMore && (total === null || total <= shown);
  return (
    <Stack gap={4}>
      <Group gap="sm">
        <Text size="sm" data-testid={`${testId}-count`} data-complete={complete}>
          {complete ? t(countKey, { count: shown }) : total !== null ? t('lists.showingOf', { shown, total }) : t('lists.showingSoFar', { shown })}
        </Text>
        {hasMore && (
          <Button size="compact-sm" variant="light" loading={loadingMore} onClick={onLoadMore} data-testid={`${testId}-load-more`}>
            {t('lists.loadMore')}
          </Button>
        )}
      </Group>
      <ErrorAlert error={loadMoreError} testId={`${testId}-load-more-error`} />
    </Stack>
  );
}

export function ServerOrderNote({ show, testId = 'server-order-note', messageKey = 'lists.serverOrder' }: { show: boolean; testId?: string; messageKey?: string }) {
  const { t } = useTranslation();
  if (!show) return null;
  return (
    <Text size="sm" c="dimmed" data-testid={testId}>
      {t(messageKey)}
    </Text>
  );
}

export function UnreadableRows({ rows, testId = 'unreadable-rows' }: { rows: readonly UnreadableListItem[]; testId?: string }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<UnreadableListItem | null>(null);
  if (rows.length === 0) return null;
  return (
    <Alert color="yellow" title={t('lists.unreadableTitle', { count: rows.length })} data-testid={testId}>
      <Table fz="sm" aria-label={t('lists.unreadableTitle', { count: rows.length })}>
        <Table.Tbody>
          {rows.map((row, i) => (
            <Table.Tr key={`${row.index}-${i}`} data-testid={`${testId}-row`}>
              <Table.Td>{t('lists.unreadableRow')}</Table.Td>
              <Table.Td>
                <Text size="xs">{row.issue}</Text>
              </Table.Td>
              <Table.Td>
                <Button size="compact-xs" variant="subtle" onClick={() => setOpen(row)} data-testid={`${testId}-open`}>
                  {t('lists.unreadableOpen')}
                </Button>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Modal opened={open !== null} onClose={() => setOpen(null)} title={t('lists.unreadableRow')} size="lg">
        {open && (
          <Stack gap="xs">
            <Text size="sm">{open.issue}</Text>
            <JsonViewer value={open.raw} maxHeight={400} label={t('lists.unreadableRow')} />
          </Stack>
        )}
      </Modal>
    </Alert>
  );
}

/** What an infinite list query offers the footer (TanStack Query's infinite result). */
interface PagedQuery {
  data?: unknown;
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  isFetchNextPageError: boolean;
  error: unknown;
  fetchNextPage: () => unknown;
}

/** Below a paged table: its unreadable rows, then the count and "load more". */
export function LoadedListFooter({ query, loaded, countKey, testId }: { query: PagedQuery; loaded: LoadedList<unknown>; countKey: string; testId: string }) {
  if (!query.data) return null;
  return (
    <>
      <UnreadableRows rows={loaded.unreadable} testId={`${testId}-unreadable`} />
      <ListCount
        countKey={countKey}
        shown={loaded.items.length}
        total={loaded.total}
        hasMore={query.hasNextPage}
        loadingMore={query.isFetchingNextPage}
        loadMoreError={query.isFetchNextPageError ? query.error : null}
        onLoadMore={() => void query.fetchNextPage()}
        testId={`${testId}-list`}
      />
    </>
  );
}
