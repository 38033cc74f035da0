// The Events screen: filters (in the URL), the virtualized keyset list, live tail, the detail
// drawer, export / bulk redeliver, local/UTC switch and the keyboard (j/k, Enter, /, Esc).
import { Alert, Button, Drawer, Group, Stack, Switch, Text, Title } from '@mantine/core';
import { useNavigate } from '@tanstack/react-router';
import { startTransition, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PlatformEvent } from '../../../shared/api/index';
import { ChoiceChips } from '../../components/choice/ChoiceChips';
import { ReadOnlyBanner } from '../../components/confirm/WriteGuard';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ServerOrderNote, UnreadableRows } from '../../components/list-status/ListStatus';
import { useListKeyboard } from '../../keyboard/use-list-keyboard';
import { usePaletteActions } from '../../palette/registry';
import { useEventPages, useNewerEvents } from '../../queries/processing';
import { PayloadSearch } from '../../payload-index/PayloadSearch';
import { useSettings, useUpdateSettings } from '../../session/session-queries';
import { EventDetail } from './EventDetail';
import { EventsTable } from './EventsTable';
import { FiltersBar } from './FiltersBar';
import { JobsActions } from './jobs/JobsActions';
import { JobsPanel } from './jobs/JobsPanel';
import { handedAnchor } from './anchor-handoff';
import { emptyTail, newestCreatedAt, receive, release, type TailState } from './live-tail';
import { filterKey, filtersOnly, hasFilters, toEventFilter, type EventsSearch } from './events-search';
import { eventsRoute } from './route';
import { SavedViews } from './SavedViews';

// Scrolled further than this from the top = "away": live tail holds new rows in the pill.
const AWAY_PX = 40;

// The filters and actions above the list are many Mantine inputs (selects with popovers, switches):
// mounting them costs more than the list's first page, and the page's thread is what an arrival
// waits on (docs/benchmarks.md, Events). So they render just after the frame that shows the first
// page, or CHROME_AT_LATEST_MS after the screen mounts when the API is slow, at transition priority,
// and stay; the slot they fill keeps its height meanwhile. Rendering them right after the first
// commit instead cost ~30 ms of every arrival (first page 136–160 → 105–128 ms, alternating A/B).
const CHROME_MIN_HEIGHT = 36;
const CHROME_AT_LATEST_MS = 150;

export function EventsScreen() {
  const { t } = useTranslation();
  const search = eventsRoute.useSearch();
  const navigate = useNavigate({ from: '/events' });
  const settings = useSettings();
  const updateSettings = useUpdateSettings();

  // The anchor fixes relative ranges ("last 24 h") for this load of the list; a filter change or
  // Refresh moves it. Keeping it stable keeps the keyset pages stable.
  const filtersJson = JSON.stringify(filtersOnly(search));
  // On arrival, the route's beforeLoad has already picked one and started its first page (route.tsx).
  const [anchor, setAnchor] = useState(() => ({ key: filtersJson, at: handedAnchor(filtersJson) ?? new Date().toISOString() }));
  if (anchor.key !== filtersJson) setAnchor({ key: filtersJson, at: new Date().toISOString() });
  const filter = useMemo(() => toEventFilter(JSON.parse(anchor.key) as EventsSearch, new Date(anchor.at)), [anchor]);

  const list = useEventPages(filter, anchor.at);
  const [chromeReady, setChromeReady] = useState(false);
  const showChrome = useCallback(() => startTransition(() => setChromeReady(true)), []);
  // At the latest CHROME_AT_LATEST_MS after mounting (a slow API)…
  useEffect(() => {
    const latest = setTimeout(showChrome, CHROME_AT_LATEST_MS);
    return () => clearTimeout(latest);
  }, [showChrome]);
  // …else just after the frame that shows the first page: a task queued from its animation frame
  // runs once that frame is painted.
  const firstPageIn = list.isFetched || list.isError;
  useEffect(() => {
    if (!firstPageIn) return;
    let task: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => (task = setTimeout(showChrome)));
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(task);
    };
  }, [firstPageIn, showChrome]);
  const pageRows = useMemo(() => list.data?.pages.flatMap((p) => p.items) ?? [], [list.data]);
  const unreadable = useMemo(() => list.data?.pages.flatMap((p) => p.unreadable ?? []) ?? [], [list.data]);
  // The server refused newest-first (the events page documents no sort): rows come in its order,
  // and the live tail, which needs the newest row on top, is off.
  const serverOrder = list.data?.pages.some((p) => p.sortDropped === true) ?? false;
  // Live tail asks only for events newer than the first page's newest, so only the first page can
  // hold one it returns (same timestamp). Not a set of every loaded id: that is O(rows) per page.
  const firstPage = list.data?.pages[0];
  const firstPageIds = useMemo(() => new Set(firstPage?.items.map((e) => e.id)), [firstPage]);

  // Live tail.
  const [live, setLive] = useState(false);
  const [tail, setTail] = useState<TailState>(emptyTail);
  const [tailFor, setTailFor] = useState(filterKey(filter) + anchor.at);
  if (tailFor !== filterKey(filter) + anchor.at) {
    setTailFor(filterKey(filter) + anchor.at);
    setTail(emptyTail);
  }
  // Only whether the operator is away from the top matters (not every pixel): scrolling must not
  // re-render the whole screen on each scroll event.
  const [away, setAway] = useState(false);
  const onScrollTopChange = useCallback((top: number) => setAway(top > AWAY_PX), []);
  const open = !!search.event;
  const paused = away || open;
  const since = newestCreatedAt(tail, pageRows[0]?.created_at ?? anchor.at);
  const newer = useNewerEvents(filter, since, live && list.isSuccess && !serverOrder);
  // Merge each poll result once (state derived during render, not in an effect: no extra paint).
  const [mergedPoll, setMergedPoll] = useState<unknown>(null);
  if (newer.data && newer.data !== mergedPoll) {
    setMergedPoll(newer.data);
    if (newer.data.items.length > 0) setTail(receive(tail, newer.data.items, paused, firstPageIds));
  }
  if (!paused && tail.waiting.length > 0) setTail(release(tail));
  const freshIds = useMemo(() => new Set(tail.shown.slice(0, 20).map((e) => e.id)), [tail.shown]);

  const rows: PlatformEvent[] = useMemo(() => (tail.shown.length ? [...tail.shown, ...pageRows] : pageRows), [tail.shown, pageRows]);

  // Selection and keyboard (the keys every list screen shares).
  const scrollerRef = useRef<HTMLDivElement>(null);
  const nameRef = useRef<HTMLInputElement>(null);
  const setSearch = useCallback(
    (patch: Partial<EventsSearch>) => void navigate({ search: (prev: EventsSearch) => ({ ...prev, ...patch }), replace: false }),
    [navigate],
  );
  const { activeIndex, open: openRow } = useListKeyboard({
    count: rows.length,
    isOpen: open,
    onOpen: (index) => {
      const row = rows[index];
      if (row) setSearch({ event: row.id });
    },
    onClose: () => setSearch({ event: undefined }),
    searchRef: nameRef,
  });
  const refresh = () => setAnchor({ key: filtersJson, at: new Date().toISOString() });
  usePaletteActions([
    { id: 'events.refresh', label: t('events.refresh'), run: refresh },
    // Live tail needs the newest-first order; where the server refused it, the switch is off and so is this.
    ...(serverOrder ? [] : [{ id: 'events.liveTail', label: live ? t('palette.actions.liveTailOff') : t('palette.actions.liveTailOn'), run: () => setLive((on) => !on) }]),
  ]);

  const jumpToTop = () => {
    scrollerRef.current?.scrollTo({ top: 0 });
    setAway(false);
    setTail(release);
  };

  const timeDisplay = settings.data?.settings.timeDisplay ?? 'local';
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = list;
  // cancelRefetch: false — a second call while a page is in flight joins it instead of cancelling
  // and restarting it (scroll events re-render often; restarts would starve the next page).
  const onLoadMore = useCallback(() => {
    if (hasNextPage && !isFetchingNextPage) void fetchNextPage({ cancelRefetch: false });
  }, [hasNextPage, isFetchingNextPage, fetchNextPage]);

  return (
    <Stack gap="sm" data-testid="events-screen">
      <Group justify="space-between" align="center">
        <Title order={2}>{t('events.title')}</Title>
        <Group gap="sm" mih={CHROME_MIN_HEIGHT}>
          {chromeReady && (
          <>
          <SavedViews search={filtersOnly(search)} onApply={(s) => void navigate({ search: s })} />
          <ChoiceChips
            value={timeDisplay}
            onChange={(value) => updateSettings.mutate({ timeDisplay: value })}
            options={(['local', 'utc'] as const).map((value) => ({ value, label: t(`events.time.${value}`) }))}
            label={t('events.time.label')}
            testId="time-display"
          />
          <Switch
            checked={live && !serverOrder}
            disabled={serverOrder}
            onChange={(e) => setLive(e.currentTarget.checked)}
            label={t('events.live.toggle')}
            data-testid="live-tail-toggle"
          />
          <Button size="xs" variant="default" onClick={refresh} data-testid="events-refresh">
            {t('events.refresh')}
          </Button>
          <JobsActions filter={filter} />
          </>
          )}
        </Group>
      </Group>
      {/* Redeliver (one or in bulk) is a write: on a read-only profile, say so and offer the timed unlock here too. */}
      <ReadOnlyBanner />
      {chromeReady ? (
        <>
          <FiltersBar
            search={search}
            onChange={(patch) => setSearch({ ...patch, event: undefined })}
            onClear={() => void navigate({ search: {} })}
            nameRef={nameRef}
          />
          <PayloadSearch filter={filter} onOpen={(id) => setSearch({ event: id })} />
          <JobsPanel />
        </>
      ) : (
        <div style={{ minHeight: CHROME_MIN_HEIGHT }} aria-hidden />
      )}
      {tail.waiting.length > 0 && (
        <Group justify="center">
          <Button size="xs" radius="xl" onClick={jumpToTop} data-testid="live-new-pill">
            {t('events.live.newCount', { count: tail.waiting.length })}
          </Button>
        </Group>
      )}
      {list.error ? (
        <Stack gap="xs">
          <ErrorAlert error={list.error} testId="events-error" />
          <Button size="xs" variant="default" w="fit-content" onClick={() => void list.refetch()}>
            {t('events.retry')}
          </Button>
        </Stack>
      ) : list.isPending ? (
        <Text size="sm" c="dimmed" data-testid="events-loading">
          {t('events.loading')}
        </Text>
      ) : rows.length === 0 ? (
        <Alert color="gray" data-testid="events-empty" title={hasFilters(search) ? t('events.empty.filteredTitle') : t('events.empty.title')}>
          <Text size="sm">{hasFilters(search) ? t('events.empty.filteredHint') : t('events.empty.hint')}</Text>
          {hasFilters(search) && (
            <Button size="xs" variant="default" mt="xs" onClick={() => void navigate({ search: {} })}>
              {t('events.filters.clear')}
            </Button>
          )}
        </Alert>
      ) : (
        <>
          <ServerOrderNote show={serverOrder} testId="events-server-order" messageKey="lists.serverOrderEvents" />
          <UnreadableRows rows={unreadable} testId="events-unreadable" />
          <Text size="xs" c="dimmed" data-testid="events-count">
            {list.hasNextPage ? t('events.loadedMore', { count: rows.length }) : t('events.loadedAll', { count: rows.length })}
            {' · '}
            {t('events.keyboardHint')}
          </Text>
          <EventsTable
            rows={rows}
            activeIndex={activeIndex}
            freshIds={freshIds}
            scrollerRef={scrollerRef}
            hasMore={!!list.hasNextPage}
            loadingMore={list.isFetchingNextPage}
            onLoadMore={onLoadMore}
            onOpen={openRow}
            onScrollTopChange={onScrollTopChange}
            height="calc(100vh - 300px)"
          />
        </>
      )}
      <Drawer
        opened={open}
        onClose={() => setSearch({ event: undefined })}
        position="right"
        size="xl"
        title={t('events.detail.title')}
        closeButtonProps={{ 'aria-label': t('events.detail.close') }}
      >
        {search.event && (
          <EventDetail
            id={search.event}
            onOpenEvent={(id) => setSearch({ event: id })}
            onFilter={(patch) => void navigate({ search: (prev: EventsSearch) => ({ ...filtersOnly(prev), ...patch }) })}
          />
        )}
      </Drawer>
    </Stack>
  );
}
