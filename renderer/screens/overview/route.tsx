// /overview — delivery health for a window (`?range=1h|24h|7d`, or `?range=custom&from=…&to=…`).
import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { rootRoute } from '../../app/root-route';
import type { ScreenDefinition } from '../../app/screens';
import { overviewSearchSchema } from './overview-search';

export const overviewRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/overview',
  validateSearch: overviewSearchSchema,
  // Its own chunk, loaded on first visit or preloaded (app/route-preload.ts).
  component: lazyRouteComponent(() => import('./OverviewScreen'), 'OverviewScreen'),
});

export const overviewScreen: ScreenDefinition = { id: 'overview', path: '/overview', route: overviewRoute };
