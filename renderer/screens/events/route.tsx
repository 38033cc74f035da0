// /events — the events list. Every filter (and the open event) is a search param, so a view is a
// deep link: `#/events?name=order.paid&status=failed&installation=…&range=24h&event=<id>`.
import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { rootRoute } from '../../app/root-route';
import type { ScreenDefinition } from '../../app/screens';
import { eventPagesQuery } from '../../queries/processing';
import { handAnchor } from './anchor-handoff';
import { eventsSearchSchema, filtersOnly, toEventFilter } from './events-search';

export const eventsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/events',
  validateSearch: eventsSearchSchema,
  loaderDeps: ({ search }) => filtersOnly(search),
  // Entering the route starts the list's first page at once, side by side with loading the screen's
  // chunk and its first render (which used to come first). Not on hover preloads, and not when only
  // the search changes while the screen is open (the screen moves its own anchor then). Not awaited:
  // the screen shows its own loading and error states.
  loader: ({ context, deps, cause }) => {
    if (cause !== 'enter') return;
    const at = handAnchor(JSON.stringify(deps));
    void context.queryClient.prefetchInfiniteQuery(eventPagesQuery(toEventFilter(deps, new Date(at)), at));
  },
  // Its own chunk, loaded on first visit or preloaded (app/route-preload.ts).
  component: lazyRouteComponent(() => import('./EventsScreen'), 'EventsScreen'),
});

export const eventsScreen: ScreenDefinition = { id: 'events', path: '/events', route: eventsRoute };
