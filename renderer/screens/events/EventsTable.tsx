/// <reference types="vite/client" />
// The events grid: @tanstack/react-table for the columns, @tanstack/react-virtual for the rows, so
// 100,000 loaded events cost what 30 visible rows cost. Scrolling near the end loads the next keyset
// page. Keyboard: j/k move, Enter opens (handled by the screen, which owns the selection).
import { Group, Loader, Text } from '@mantine/core';
import { flexRender, getCoreRowModel, useReactTable, type ColumnDef } from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useMemo, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { PlatformEvent } from '../../../shared/api/index';
import { TimeText } from '../../components/time/Time';
import { ResponseCode, StatusBadge } from './StatusBadge';
import classes from './events-table.module.css';

export const ROW_HEIGHT = 36;

export interface EventsTableProps {
  rows: PlatformEvent[];
  activeIndex: number;
  freshIds: ReadonlySet<string>;
  scrollerRef: RefObject<HTMLDivElement | null>;
  hasMore: boolean;
  loadingMore: boolean;
  onLoadMore: () => void;
  onOpen: (index: number) => void;
  onScrollTopChange: (scrollTop: number) => void;
  /** CSS height of the scrolling area (e.g. `calc(100vh - 300px)`). */
  height: number | string;
}

function supersededById(event: PlatformEvent): string | null {
  const by = event.superseded_by;
  if (!by) return null;
  return typeof by === 'string' ? by : by.id;
}

export function EventsTable(props: EventsTableProps) {
  const { rows, activeIndex, freshIds, scrollerRef, hasMore, loadingMore, onLoadMore, onOpen, onScrollTopChange, height } = props;
  const { t } = useTranslation();

  const columns = useMemo<ColumnDef<PlatformEvent>[]>(
    () => [
      { id: 'time', header: t('events.columns.time'), cell: ({ row }) => <TimeText value={row.original.created_at} withMillis={false} /> },
      { id: 'name', header: t('events.columns.name'), cell: ({ row }) => <span data-testid="event-name">{row.original.name}</span> },
      { id: 'driver', header: t('events.columns.driver'), cell: ({ row }) => row.original.integration_driver_slug ?? '—' },
      {
        id: 'installation',
        header: t('events.columns.installation'),
        cell: ({ row }) => <span className={classes.mono}>{row.original.installation_id ?? '—'}</span>,
      },
      { id: 'status', header: t('events.columns.status'), cell: ({ row }) => <StatusBadge status={row.original.status} testId="event-status" /> },
      {
        id: 'last',
        header: t('events.columns.lastAttempt'),
        cell: ({ row }) => {
          const last = row.original.last_dispatch;
          if (!last) return <Text size="xs" c="dimmed">{t('events.noAttempts')}</Text>;
          return (
            <Group gap={6} wrap="nowrap">
              <ResponseCode code={last.attempt_response_code} error={last.status === 'failed' && last.attempt_response_code === null ? t('events.noResponse') : null} />
              <Text size="xs" c="dimmed" component="span">
                <TimeText value={last.attempted_at} withMillis={false} />
              </Text>
            </Group>
          );
        },
      },
      {
        id: 'superseded',
        header: t('events.columns.superseded'),
        cell: ({ row }) => {
          if (!row.original.superseded) return null;
          const by = supersededById(row.original);
          return (
            <Text size="xs" c="orange" data-testid="superseded-mark" title={by ? t('events.supersededBy', { id: by }) : undefined}>
              {t('events.supersededMark')}
            </Text>
          );
        },
      },
    ],
    [t],
  );

  const table = useReactTable({ data: rows, columns, getCoreRowModel: getCoreRowModel(), getRowId: (row) => row.id });
  const tableRows = table.getRowModel().rows;

  const virtualizer = useVirtualizer({
    count: tableRows.length,
    getScrollElement: () => scrollerRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });
  const items = virtualizer.getVirtualItems();
  const lastVisible = items.at(-1)?.index ?? 0;

  // Infinite scroll: ask for the next keyset page when the last 50 rows come into view.
  useEffect(() => {
    if (hasMore && !loadingMore && lastVisible >= tableRows.length - 50) onLoadMore();
  }, [hasMore, loadingMore, lastVisible, tableRows.length, onLoadMore]);

  // Keep the keyboard selection in view.
  useEffect(() => {
    if (activeIndex >= 0 && activeIndex < tableRows.length) virtualizer.scrollToIndex(activeIndex, { align: 'auto' });
  }, [activeIndex, tableRows.length, virtualizer]);

  return (
    <div
      ref={scrollerRef}
      className={classes.scroller}
      style={{ height }}
      onScroll={(e) => onScrollTopChange(e.currentTarget.scrollTop)}
      role="grid"
      aria-label={t('events.tableLabel')}
      aria-rowcount={tableRows.length}
      data-testid="events-table"
      data-rows={tableRows.length}
    >
      <div className={`${classes.grid} ${classes.header}`} role="row">
        {table.getHeaderGroups()[0]!.headers.map((header) => (
          <div key={header.id} role="columnheader">
            {flexRender(header.column.columnDef.header, header.getContext())}
          </div>
        ))}
      </div>
      <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {items.map((item) => {
          const row = tableRows[item.index]!;
          const classNames = [classes.grid, classes.row];
          if (item.index === activeIndex) classNames.push(classes.active);
          if (freshIds.has(row.id)) classNames.push(classes.fresh);
          return (
            <div
              key={row.id}
              role="row"
              aria-rowindex={item.index + 1}
              aria-selected={item.index === activeIndex}
              className={classNames.join(' ')}
              data-testid="event-row"
              data-event-id={row.id}
              data-index={item.index}
              style={{ position: 'absolute', top: 0, left: 0, right: 0, transform: `translateY(${item.start}px)` }}
              onClick={() => onOpen(item.index)}
            >
              {row.getVisibleCells().map((cell) => (
                <div key={cell.id} role="gridcell">
                  {flexRender(cell.column.columnDef.cell, cell.getContext())}
                </div>
              ))}
            </div>
          );
        })}
      </div>
      {loadingMore && (
        <Group justify="center" p="xs" data-testid="events-loading-more">
          <Loader size="xs" />
          <Text size="xs">{t('events.loadingMore')}</Text>
        </Group>
      )}
    </div>
  );
}
