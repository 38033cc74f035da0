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
import { memo, useCallback, useEffect, useMemo, useRef, type ReactNode, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { PlatformEvent } from '../../../shared/api/index';
import { formatRelative, formatTimestamp, type TimeDisplay } from '../../components/time/format-time';
import { useTimeDisplay } from '../../components/time/Time';
import { EntityNameView } from '../../components/entity-name/EntityName';
import { ColumnResizer } from '../../components/table/ColumnResizer';
import { useColumnWidths, type ColumnWidths } from '../../components/table/column-widths';
import { widestText } from '../../components/table/measure-text';
import { useNames, type NameLookup } from '../../queries/names';
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
  names: NameLookup;
}

interface Column {
  id: string;
  /** i18n key of the header. */
  header: string;
  cell: (event: PlatformEvent, ctx: CellContext) => ReactNode;
  /** Class and test id of the cell element itself (one element fewer than a wrapping span). */
  className?: string;
  testId?: string;
  /** What the column holds, which decides its width (see gridTemplate). */
  kind: 'time' | 'text' | 'name' | 'badge' | 'attempt';
  /** Minimum width of text and name columns (they share what is left, by `grow`). */
  minPx?: number;
  grow?: number;
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
    <span className={classes.pill} data-color={color ?? 'unknown'} data-no-truncate="" {...extra}>
      {label}
    </span>
  );
}

const columns: readonly Column[] = [
  { id: 'time', kind: 'time', header: 'events.columns.time', cell: (e, ctx) => cellTime(e.created_at, ctx) },
  { id: 'name', kind: 'text', minPx: 140, grow: 1.5, header: 'events.columns.name', cell: (e) => e.name, testId: 'event-name' },
  {
    id: 'driver',
    kind: 'name',
    minPx: 110,
    grow: 1,
    header: 'events.columns.driver',
    cell: (e, ctx) => {
      const slug = e.integration_driver_slug;
      return <EntityNameView kind="driver" id={slug} name={slug ? ctx.names.driver(slug)?.name : undefined} />;
    },
  },
  {
    id: 'installation',
    kind: 'name',
    minPx: 130,
    grow: 1.2,
    header: 'events.columns.installation',
    cell: (e, ctx) => {
      const id = e.installation_id;
      return <EntityNameView kind="installation" id={id} name={id ? ctx.names.installation(id)?.name : undefined} />;
    },
  },
  {
    id: 'status',
    kind: 'badge',
    header: 'events.columns.status',
    cell: (e, ctx) => pill(statusLabel(e.status, ctx.t, ctx.exists), statusColor(e.status), { 'data-testid': 'event-status', 'data-status': e.status }),
  },
  {
    id: 'last',
    kind: 'attempt',
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
    kind: 'badge',
    header: 'events.columns.superseded',
    cell: (e, ctx) => {
      if (!e.superseded) return null;
      const by = supersededById(e);
      return (
        <span className={classes.superseded} data-testid="superseded-mark" data-no-truncate="" title={by ? ctx.t('events.supersededBy', { id: by }) : undefined}>
          {ctx.t('events.supersededMark')}
        </span>
      );
    },
  },
];

/**
 * `t` and `exists` for the cells, remembering the texts of plain keys (no options) for the life of
 * one context (one language): every visible row asks for the same few labels — its status, "no
 * attempts", "no response" — and each i18next lookup costs tens of microseconds, which a first page
 * of ~40 rows pays over a hundred times. Calls with options (interpolation) go straight to `t`.
 */
function rememberedTexts(t: TFunction, exists: (key: string) => boolean): Pick<CellContext, 't' | 'exists'> {
  const texts = new Map<string, string>();
  const known = new Map<string, boolean>();
  const lookUp = t as unknown as (key: string, options?: object) => string;
  const remembered = ((key: string, options?: object) => {
    if (options !== undefined) return lookUp(key, options);
    let text = texts.get(key);
    if (text === undefined) texts.set(key, (text = lookUp(key)));
    return text;
  }) as unknown as TFunction;
  return {
    t: remembered,
    exists: (key) => {
      let is = known.get(key);
      if (is === undefined) known.set(key, (is = exists(key)));
      return is;
    },
  };
}

/** The statuses the grid has labels for (an unknown one is drawn as sent, and is rare). */
const KNOWN_STATUSES = ['pending', 'dispatching', 'dispatched', 'succeeded', 'failed', 'discarded'];
const PILL_CHROME_PX = 18; // padding 8 + 8, border 1 + 1
const PILL_TEXT = { sizePx: 10, weight: 700, uppercase: true, letterSpacingPx: 0.25 } as const;
const HEADER_TEXT = { sizePx: 12, weight: 600, uppercase: true } as const;
/** Room beside a header's text for its resize handle. */
const HEADER_SLACK_PX = 10;

/**
 * The grid's column tracks, by what each column holds: badges, codes and times are exactly as wide
 * as their widest content in the current language and format (never clipped, not even by a width
 * the operator dragged smaller); text and names share what is left, from a minimum; a dragged
 * width replaces a column's default. Every row is its own grid, so the tracks are fixed sizes,
 * not `auto` (rows would not line up).
 */
function gridTemplate(ctx: CellContext, widths: ColumnWidths): string {
  const sampleTime = formatTimestamp(new Date().toISOString(), ctx.timeDisplay, { withMillis: false });
  const contentMin = (column: Column): number => {
    const header = widestText([ctx.t(column.header)], HEADER_TEXT) + HEADER_SLACK_PX;
    switch (column.kind) {
      case 'time':
        return Math.max(header, widestText([sampleTime], { sizePx: 14 }) + 8);
      case 'badge': {
        const labels = column.id === 'status' ? KNOWN_STATUSES.map((s) => statusLabel(s, ctx.t, ctx.exists)) : [];
        const pillWidth = labels.length > 0 ? widestText(labels, PILL_TEXT) + PILL_CHROME_PX : widestText([ctx.t('events.supersededMark')], { sizePx: 12 });
        return Math.max(header, pillWidth + 2);
      }
      case 'attempt': {
        const code = widestText(['000', ctx.t('events.noResponse'), ctx.t('events.noAttempts')], PILL_TEXT) + PILL_CHROME_PX;
        return Math.max(header, code + 6 + widestText([sampleTime], { sizePx: 12 }) + 8);
      }
      default:
        return Math.max(header, column.minPx ?? 100);
    }
  };
  return columns
    .map((column) => {
      const min = contentMin(column);
      const dragged = widths[column.id];
      if (dragged !== undefined) return `${Math.max(dragged, column.kind === 'text' || column.kind === 'name' ? 0 : min)}px`;
      return column.kind === 'text' || column.kind === 'name' ? `minmax(${min}px, ${column.grow ?? 1}fr)` : `${min}px`;
    })
    .join(' ');
}

const COLUMN_IDS = columns.map((column) => column.id);

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
        <div key={column.id} role="gridcell" className={column.className} data-testid={column.testId} data-cell-kind={column.kind}>
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
  const names = useNames();
  // One context object per (language, zone, names): a new one re-renders the visible rows, nothing else does.
  const ctx = useMemo<CellContext>(() => ({ ...rememberedTexts(t, (key) => i18n.exists(key)), timeDisplay, names }), [t, i18n, timeDisplay, names]);
  const { widths, setWidth } = useColumnWidths('events', COLUMN_IDS);
  const template = useMemo(() => gridTemplate(ctx, widths), [ctx, widths]);
  // The screen's open handler changes on every render; rows get one stable function that calls the latest.
  const onOpenRef = useRef(onOpen);
  onOpenRef.current = onOpen;
  const stableOnOpen = useRef((index: number) => onOpenRef.current(index)).current;

  // The header does not change while scrolling: built once per language (and dragged width).
  const headers = useMemo(
    () =>
      columns.map((column) => (
        <div key={column.id} role="columnheader" className={classes.headerCell} data-column={column.id}>
          {t(column.header)}
          <ColumnResizer label={t(column.header)} width={widths[column.id]} onResize={(px) => setWidth(column.id, px)} />
        </div>
      )),
    [t, widths, setWidth],
  );

  // The virtualizer recomputes every row's offset (O(rows)) whenever getItemKey changes identity: a
  // new function per render made each scroll frame walk all 100,000 loaded rows. It changes only
  // when the rows do (a page arrives), which is when offsets must be recomputed anyway.
  const getItemKey = useCallback((index: number) => rows[index]?.id ?? index, [rows]);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollerRef.current,
    estimateSize: () => ROW_HEIGHT,
    getItemKey,
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
      // The column tracks, shared by the header and every row (see gridTemplate).
      style={{ height, ['--events-grid-columns' as string]: template }}
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
