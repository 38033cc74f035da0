// The events grid: @tanstack/react-virtual renders only the rows in view, so 100,000 loaded events
// cost what 40 visible rows cost. Scrolling near the end loads the next keyset page. Keyboard: j/k
// move, Enter opens (handled by the screen, which owns the selection).
//
// Why no table library here: the grid has fixed columns and no client-side sorting, filtering or
// grouping (the server filters), and a row model over every loaded event (what @tanstack/react-table
// builds) costs an object graph per row and a rebuild of all of them on every page — the memory and
// time budget of issue 5 at 100,000 rows. Rows are memoized and their elements recycled (see
// slotOrder): a scroll frame re-renders only the rows that come into view, into existing elements.
import { Group, Loader, Text } from '@mantine/core';
import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useEffect, useMemo, useRef, type ReactNode, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { PlatformEvent } from '../../../shared/api/index';
import { formatRelative, formatTimestamp, type TimeDisplay } from '../../components/time/format-time';
import { useTimeDisplay } from '../../components/time/Time';
import { codeColor, statusColor, statusLabel } from '../../components/status/StatusBadge';
import classes from './events-table.module.css';

export const ROW_HEIGHT = 36;
/** Ask for the next page when this many loaded rows are left below the viewport. */
const LOAD_AHEAD_ROWS = 50;

export interface EventsTableProps {
  rows: readonly PlatformEvent[];
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

/** What a cell needs besides its event: computed once per language and zone, not per cell. */
interface CellContext {
  t: TFunction;
  exists: (key: string) => boolean;
  timeDisplay: TimeDisplay;
}

interface Column {
  id: string;
  /** i18n key of the header. */
  header: string;
  cell: (event: PlatformEvent, ctx: CellContext) => ReactNode;
  /** Class and test id of the cell element itself (one element fewer than a wrapping span). */
  className?: string;
  testId?: string;
}

function supersededById(event: PlatformEvent): string | null {
  const by = event.superseded_by;
  if (!by) return null;
  return typeof by === 'string' ? by : by.id;
}

// Cells are plain elements styled by this module's classes (with Mantine's colour variables), not
// Mantine components: a fast scroll mounts a dozen rows per frame, and a component per badge costs
// more than the frame has. The look matches the Badge used elsewhere (size sm, light variant).

/** A timestamp in the operator's zone; the relative time is filled in on hover (see onMouseOver). */
function cellTime(value: string | null | undefined, ctx: CellContext): ReactNode {
  if (!value) return '—';
  return <time dateTime={value}>{formatTimestamp(value, ctx.timeDisplay, { withMillis: false })}</time>;
}

/** A badge in a theme colour (`null`: an unknown value, drawn as an outline). */
function pill(label: ReactNode, color: string | null, extra: Record<string, string | number> = {}): ReactNode {
  return (
    <span className={classes.pill} data-color={color ?? 'unknown'} {...extra}>
      {label}
    </span>
  );
}

const columns: readonly Column[] = [
  { id: 'time', header: 'events.columns.time', cell: (e, ctx) => cellTime(e.created_at, ctx) },
  { id: 'name', header: 'events.columns.name', cell: (e) => e.name, testId: 'event-name' },
  { id: 'driver', header: 'events.columns.driver', cell: (e) => e.integration_driver_slug ?? '—' },
  { id: 'installation', header: 'events.columns.installation', cell: (e) => e.installation_id ?? '—', className: classes.mono },
  {
    id: 'status',
    header: 'events.columns.status',
    cell: (e, ctx) => pill(statusLabel(e.status, ctx.t, ctx.exists), statusColor(e.status), { 'data-testid': 'event-status', 'data-status': e.status }),
  },
  {
    id: 'last',
    header: 'events.columns.lastAttempt',
    cell: (e, ctx) => {
      const last = e.last_dispatch;
      if (!last) return <span className={classes.dimmed}>{ctx.t('events.noAttempts')}</span>;
      const code = last.attempt_response_code;
      const noResponse = last.status === 'failed' && code === null;
      return (
        <>
          {code !== null ? pill(code, codeColor(code), { 'data-code': code }) : noResponse ? pill(ctx.t('events.noResponse'), 'red') : '—'}
          <span className={classes.dimmed}>{cellTime(last.attempted_at, ctx)}</span>
        </>
      );
    },
    className: classes.attempt,
  },
  {
    id: 'superseded',
    header: 'events.columns.superseded',
    cell: (e, ctx) => {
      if (!e.superseded) return null;
      const by = supersededById(e);
      return (
        <span className={classes.superseded} data-testid="superseded-mark" title={by ? ctx.t('events.supersededBy', { id: by }) : undefined}>
          {ctx.t('events.supersededMark')}
        </span>
      );
    },
  },
];

interface EventRowProps {
  event: PlatformEvent;
  index: number;
  top: number;
  active: boolean;
  fresh: boolean;
  ctx: CellContext;
  onOpen: (index: number) => void;
}

/** One row; memoized, so rows already on screen do not re-render while the grid scrolls. */
const EventRow = memo(function EventRow({ event, index, top, active, fresh, ctx, onOpen }: EventRowProps) {
  const classNames = [classes.grid, classes.row];
  if (active) classNames.push(classes.active);
  if (fresh) classNames.push(classes.fresh);
  return (
    <div
      role="row"
      aria-rowindex={index + 1}
      aria-selected={active}
      className={classNames.join(' ')}
      data-testid="event-row"
      data-event-id={event.id}
      data-index={index}
      style={{ transform: `translateY(${top}px)` }}
      onClick={() => onOpen(index)}
    >
      {columns.map((column) => (
        <div key={column.id} role="gridcell" className={column.className} data-testid={column.testId}>
          {column.cell(event, ctx)}
        </div>
      ))}
    </div>
  );
});

/**
 * Rows are recycled: the element of a row that scrolls out shows the row that scrolls in (key =
 * index modulo the window size), and they stay in one DOM order (by slot), so a scroll frame
 * rewrites a few text nodes instead of creating, moving and styling whole rows. Position comes
 * from each row's transform and aria-rowindex, not from DOM order.
 */
function slotOrder<T extends { index: number }>(items: readonly T[]): T[] {
  const n = items.length;
  return [...items].sort((a, b) => (a.index % n) - (b.index % n));
}

/**
 * Hovering a timestamp shows the relative time ("3 minutes ago"), as of the moment of hovering. It
 * is removed on leaving: a recycled row element must not keep the previous event's tooltip.
 */
function showRelativeTime(target: EventTarget, language: string) {
  if (!(target instanceof Element)) return;
  const time = target.closest('time');
  if (time) time.title = formatRelative(time.dateTime, language);
}

function hideRelativeTime(target: EventTarget) {
  if (target instanceof Element) target.closest('time')?.removeAttribute('title');
}

export function EventsTable(props: EventsTableProps) {
  const { rows, activeIndex, freshIds, scrollerRef, hasMore, loadingMore, onLoadMore, onOpen, onScrollTopChange, height } = props;
  const { t, i18n } = useTranslation();
  const timeDisplay = useTimeDisplay();
  // One context object per (language, zone): a new one re-renders the visible rows, nothing else does.
  const ctx = useMemo<CellContext>(() => ({ t, exists: (key) => i18n.exists(key), timeDisplay }), [t, i18n, timeDisplay]);
  // The screen's open handler changes on every render; rows get one stable function that calls the latest.
  const onOpenRef = useRef(onOpen);
  onOpenRef.current = onOpen;
  const stableOnOpen = useRef((index: number) => onOpenRef.current(index)).current;

  // The header does not change while scrolling: built once per language.
  const headers = useMemo(
    () =>
      columns.map((column) => (
        <div key={column.id} role="columnheader">
          {t(column.header)}
        </div>
      )),
    [t],
  );

  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollerRef.current,
    estimateSize: () => ROW_HEIGHT,
    getItemKey: (index) => rows[index]?.id ?? index,
    overscan: 12,
  });
  const items = virtualizer.getVirtualItems();
  const lastVisible = items.at(-1)?.index ?? 0;

  // Infinite scroll: ask for the next keyset page when the last rows come into view.
  useEffect(() => {
    if (hasMore && !loadingMore && lastVisible >= rows.length - LOAD_AHEAD_ROWS) onLoadMore();
  }, [hasMore, loadingMore, lastVisible, rows.length, onLoadMore]);

  // Keep the keyboard selection in view.
  useEffect(() => {
    if (activeIndex >= 0 && activeIndex < rows.length) virtualizer.scrollToIndex(activeIndex, { align: 'auto' });
  }, [activeIndex, rows.length, virtualizer]);

  return (
    <div
      ref={scrollerRef}
      className={classes.scroller}
      style={{ height }}
      onScroll={(e) => onScrollTopChange(e.currentTarget.scrollTop)}
      onMouseOver={(e) => showRelativeTime(e.target, i18n.language)}
      onMouseOut={(e) => hideRelativeTime(e.target)}
      role="grid"
      // Focusable so the keyboard can scroll it (arrow keys, Page Up/Down) — axe's scrollable-region-focusable.
      tabIndex={0}
      aria-label={t('events.tableLabel')}
      aria-rowcount={rows.length}
      data-testid="events-table"
      data-rows={rows.length}
    >
      <div className={`${classes.grid} ${classes.header}`} role="row">
        {headers}
      </div>
      <div className={classes.body} style={{ height: virtualizer.getTotalSize() }}>
        {slotOrder(items).map((item) => {
          const event = rows[item.index]!;
          return (
            <EventRow
              key={item.index % items.length}
              event={event}
              index={item.index}
              top={item.start}
              active={item.index === activeIndex}
              fresh={freshIds.has(event.id)}
              ctx={ctx}
              onOpen={stableOnOpen}
            />
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
