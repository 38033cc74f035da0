// /events — the events list. Every filter (and the open event) is a search param, so a view is a
// deep link: `#/events?name=order.paid&status=failed&installation=…&range=24h&event=<id>`.
import { createRoute } from '@tanstack/react-router';
import { rootRoute } from '../../app/root-route';
import type { ScreenDefinition } from '../../app/screens';
import { EventsScreen } from './EventsScreen';
import { eventsSearchSchema } from './events-search';

export const eventsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/events',
  validateSearch: eventsSearchSchema,
  component: EventsScreen,
});

export const eventsScreen: ScreenDefinition = { id: 'events', path: '/events', route: eventsRoute };
