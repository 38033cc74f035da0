// The command palette (Ctrl/Cmd+K or the header button): go to a screen, open an event,
// installation, driver or endpoint by pasted id or by name, switch profile, and run the current
// screen's actions (registry.tsx). An id-shaped query is looked up through the `*:get` channels;
// names come from the lists already loaded in the query cache (no list is fetched for the
// palette). Text that is not found by id is offered as a payload search where the payload index is
// on. Recent opens come first. Opening goes through the same URL a click on the row uses.
import { Button, Kbd } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { createSpotlight, Spotlight, useSpotlight, type SpotlightActionData, type SpotlightActionGroupData } from '@mantine/spotlight';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Driver } from '../../shared/api/drivers';
import type { Installation } from '../../shared/api/installations';
import type { WebhookEndpoint } from '../../shared/api/webhooks';
import { navScreens } from '../app/screens';
import { goToLetters } from '../keyboard/go-to';
import { queryKeys } from '../queries/keys';
import { useDriver } from '../queries/drivers';
import { useInstallation } from '../queries/installations';
import { useEvent } from '../queries/processing';
import { useWebhookEndpoint } from '../queries/webhooks';
import { usePayloadIndexStatus } from '../queries/payload-index';
import { requestPayloadSearch } from '../payload-index/payload-search-request';
import { useActivateProfile, useActiveProfile, useProfiles } from '../session/session-queries';
import { idShapedQuery } from './id-query';
import { readRecent, rememberRecent, type OpenKind, type RecentItem } from './recent';
import { useRegisteredCommands } from './registry';

/** The palette's own store: `palette.open()` from the header button, `useSpotlight` for whether it is open. */
const [paletteStore, palette] = createSpotlight();

/** Names shown per kind while searching, so a short query does not flood the list. */
const NAMES_PER_KIND = 8;

/** The URL a click on the row would open. */
function openTarget(kind: OpenKind, id: string) {
  switch (kind) {
    case 'event':
      return { to: '/events', search: { event: id } } as const;
    case 'installation':
      return { to: '/installations', search: { installation: id } } as const;
    case 'driver':
      return { to: '/drivers', search: { driver: id } } as const;
    case 'endpoint':
      return { to: '/webhooks', search: { endpoint: id } } as const;
  }
}

/** Every item of every cached list under `key` (each list query holds `{ items }`). */
function cachedItems<T>(queryClient: ReturnType<typeof useQueryClient>, key: readonly unknown[]): T[] {
  const seen = new Map<string, T>();
  for (const [, data] of queryClient.getQueriesData<{ items?: T[] }>({ queryKey: key })) {
    for (const item of data?.items ?? []) seen.set((item as { id: string }).id, item);
  }
  return [...seen.values()];
}

function withTestId(action: SpotlightActionData, testId: string): SpotlightActionData {
  return { ...action, ...({ 'data-testid': testId } as Record<string, string>) };
}

export function PaletteButton() {
  const { t } = useTranslation();
  const mod = typeof navigator !== 'undefined' && /Mac/i.test(navigator.platform) ? '⌘' : 'Ctrl';
  return (
    <Button variant="default" size="xs" onClick={() => palette.open()} data-testid="palette-open" rightSection={<Kbd size="xs">{`${mod} K`}</Kbd>}>
      {t('palette.open')}
    </Button>
  );
}

export function CommandPalette() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { opened } = useSpotlight(paletteStore);
  const [query, setQuery] = useState('');
  const [debounced] = useDebouncedValue(query, 250);
  const profile = useActiveProfile();
  const profiles = useProfiles().data;
  const activate = useActivateProfile();
  const { actions: screenActions } = useRegisteredCommands();

  // Only an open palette with a usable profile asks the server anything.
  const lookupId = opened && profile?.token ? idShapedQuery(debounced) : undefined;
  const event = useEvent(lookupId);
  const installation = useInstallation(lookupId);
  const driver = useDriver(lookupId);
  const endpoint = useWebhookEndpoint(lookupId);
  const payloadIndex = usePayloadIndexStatus(opened && profile?.token ? profile.id : null);

  const open = (kind: OpenKind, id: string, name: string) => {
    if (profile) rememberRecent({ profileId: profile.id, kind, id, name });
    void navigate(openTarget(kind, id));
  };
  const openAction = (kind: OpenKind, id: string, label: string, name: string, description?: string): SpotlightActionData =>
    withTestId({ id: `open-${kind}-${id}`, label, description, keywords: [id, name], onClick: () => open(kind, id, name) }, `palette-open-${kind}`);

  const groups: SpotlightActionGroupData[] = [];

  const recent: RecentItem[] = opened && profile ? readRecent().filter((r) => r.profileId === profile.id) : [];
  if (recent.length > 0) {
    groups.push({
      group: t('palette.groups.recent'),
      actions: recent.slice(0, 8).map((r) => ({ ...openAction(r.kind, r.id, r.name, r.name, t(`palette.kinds.${r.kind}`)), id: `recent-${r.kind}-${r.id}` })),
    });
  }

  const found: SpotlightActionData[] = [];
  if (lookupId && event.data) found.push(openAction('event', event.data.id, t('palette.openEvent', { id: event.data.id }), event.data.name, event.data.name));
  if (lookupId && installation.data)
    found.push(openAction('installation', installation.data.id, t('palette.openInstallation', { id: installation.data.id }), installation.data.name ?? installation.data.id, installation.data.name));
  if (lookupId && driver.data) found.push(openAction('driver', driver.data.id, t('palette.openDriver', { id: driver.data.id }), driver.data.name, driver.data.name));
  if (lookupId && endpoint.data) found.push(openAction('endpoint', endpoint.data.id, t('palette.openEndpoint', { id: endpoint.data.id }), endpoint.data.url, endpoint.data.url));
  if (found.length > 0) groups.push({ group: t('palette.groups.byId'), actions: found });

  // Text that found nothing by id can be searched for inside payloads, where this profile keeps the index.
  const term = query.trim();
  if (payloadIndex.data && payloadIndex.data.state !== 'off' && term.length >= 2 && found.length === 0) {
    groups.push({
      group: t('palette.groups.payloads'),
      actions: [
        withTestId(
          {
            id: 'search-payloads',
            label: t('palette.searchPayloads', { query: term }),
            keywords: [term],
            onClick: () => {
              requestPayloadSearch(term);
              void navigate({ to: '/events' });
            },
          },
          'palette-search-payloads',
        ),
      ],
    });
  }

  if (screenActions.length > 0) {
    groups.push({
      group: t('palette.groups.screen'),
      actions: screenActions.map((a) => withTestId({ id: `action-${a.id}`, label: a.label, onClick: a.run }, `palette-action-${a.id}`)),
    });
  }

  groups.push({
    group: t('palette.groups.goTo'),
    actions: navScreens().map((screen) =>
      withTestId(
        {
          id: `go-${screen.id}`,
          label: t('palette.goTo', { screen: t(`nav.${screen.id}`) }),
          keywords: [screen.id, t(`nav.${screen.id}`)],
          rightSection: <Kbd size="xs">{`g ${goToLetters[screen.id]}`}</Kbd>,
          onClick: () => void navigate({ to: screen.path }),
        },
        `palette-go-${screen.id}`,
      ),
    ),
  });

  const otherProfiles = (profiles?.profiles ?? []).filter((p) => p.id !== profiles?.activeId);
  if (otherProfiles.length > 0) {
    groups.push({
      group: t('palette.groups.profiles'),
      actions: otherProfiles.map((p) =>
        withTestId(
          {
            id: `profile-${p.id}`,
            label: t('palette.switchProfile', { name: p.name }),
            description: p.environment === 'production' ? t('environment.productionBadge') : t(`environment.${p.environment}`),
            keywords: [p.name],
            onClick: () =>
              activate.mutate(p.id, { onSuccess: (active) => notifications.show({ message: t('settings.profiles.activated', { name: active.name }) }) }),
          },
          `palette-profile-${p.id}`,
        ),
      ),
    });
  }

  // Names from the lists already loaded (cached); only while searching, at most a few per kind.
  const needle = debounced.trim().toLowerCase();
  if (opened && needle.length >= 2) {
    const byName = <T extends { id: string }>(items: T[], name: (item: T) => string, kind: OpenKind) =>
      items
        .filter((item) => name(item).toLowerCase().includes(needle))
        .slice(0, NAMES_PER_KIND)
        .map((item) => ({ ...openAction(kind, item.id, name(item), name(item), t(`palette.kinds.${kind}`)), id: `name-${kind}-${item.id}` }));
    const named = [
      ...byName(cachedItems<Driver>(queryClient, queryKeys.drivers.lists()), (d) => d.name, 'driver'),
      ...byName(cachedItems<Installation>(queryClient, queryKeys.installations.lists()), (i) => i.name ?? '', 'installation'),
      ...byName(cachedItems<WebhookEndpoint>(queryClient, queryKeys.webhookEndpoints.lists()), (e) => e.url ?? '', 'endpoint'),
    ];
    if (named.length > 0) groups.push({ group: t('palette.groups.byName'), actions: named });
  }

  return (
    <Spotlight
      store={paletteStore}
      actions={groups}
      query={query}
      onQueryChange={setQuery}
      shortcut={['mod + K']}
      // Ctrl+K opens the palette from a search box too (the default ignores inputs).
      tagsToIgnore={[]}
      nothingFound={t('palette.nothingFound')}
      highlightQuery
      scrollable
      maxHeight={420}
      searchProps={{ placeholder: t('palette.placeholder'), 'aria-label': t('palette.placeholder'), 'data-testid': 'palette-search' } as Record<string, string>}
      data-testid="palette"
      // The dialog's accessible name (Modal labels the dialog with its title).
      title={t('palette.title')}
    />
  );
}
