// /events — the events list. Every filter (and the open event) is a search param, so a view is a
// deep link: `#/events?name=order.paid&status=failed&installation=…&range=24h&event=<id>`.
import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { rootRoute } from '../../app/root-route';
import type { ScreenDefinition } from '../../app/screens';
import { eventsSearchSchema } from './events-search';

export const eventsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/events',
  validateSearch: eventsSearchSchema,
  // Its own chunk, loaded on first visit or preloaded (app/route-preload.ts).
  component: lazyRouteComponent(() => import('./EventsScreen'), 'EventsScreen'),
});

export const eventsScreen: ScreenDefinition = { id: 'events', path: '/events', route: eventsRoute };
