// /events — the events list. Every filter (and the open event) is a search param, so a view is a
// deep link: `#/events?name=order.paid&status=failed&installation=…&range=24h&event=<id>`.
import type { QueryClient } from '@tanstack/react-query';
import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { rootRoute } from '../../app/root-route';
import type { ScreenDefinition } from '../../app/screens';
import { onboardingStart } from '../../onboarding/onboarding-start';
import { eventPagesQuery } from '../../queries/processing';
import { profilesQuery } from '../../session/session-queries';
import { handAnchor } from './anchor-handoff';
import { eventsSearchSchema, filtersOnly, toEventFilter, type EventsSearch } from './events-search';

export const eventsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/events',
  validateSearch: eventsSearchSchema,
  // Entering the route starts the list's first page at once, side by side with loading the screen's
  // chunk and its first render (which used to come first). In beforeLoad, not loader: the router runs
  // loaders only after React has rendered the pending screen (~35 ms here), and this call needs nothing
  // from that. Not on hover preloads, and not when only the search changes while the screen is open
  // (the screen moves its own anchor then). Not awaited: the screen shows its own loading and error states.
  beforeLoad: ({ context, search, cause }) => {
    if (cause !== 'enter') return;
    const deps = filtersOnly(search);
    void startFirstPage(context.queryClient, deps, handAnchor(JSON.stringify(deps)));
  },
  // Its own chunk, loaded on first visit or preloaded (app/route-preload.ts).
  component: lazyRouteComponent(() => import('./EventsScreen'), 'EventsScreen'),
});

/**
 * The list's first page under the handed anchor — only when the console is ready (the onboarding
 * gate's own rule, onboarding-start.ts): a screen the onboarding stands in for asks the API nothing.
 */
async function startFirstPage(queryClient: QueryClient, search: EventsSearch, at: string): Promise<void> {
  // Read the cache synchronously when the profiles are there (every navigation after start-up): even an
  // await of a settled promise lets React render the screen first, and the call would wait behind it.
  const profiles = queryClient.getQueryData(profilesQuery.queryKey) ?? (await queryClient.ensureQueryData(profilesQuery).catch(() => undefined));
  if (!profiles || onboardingStart(profiles) !== null) return;
  await queryClient.prefetchInfiniteQuery(eventPagesQuery(toEventFilter(search, new Date(at)), at));
}

export const eventsScreen: ScreenDefinition = { id: 'events', path: '/events', route: eventsRoute };
