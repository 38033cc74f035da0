// /overview — delivery health for a window (`?range=1h|24h|7d`, or `?range=custom&from=…&to=…`).
import { createRoute } from '@tanstack/react-router';
import { rootRoute } from '../../app/root-route';
import type { ScreenDefinition } from '../../app/screens';
import { OverviewScreen } from './OverviewScreen';
import { overviewSearchSchema } from './overview-search';

export const overviewRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/overview',
  validateSearch: overviewSearchSchema,
  component: OverviewScreen,
});

export const overviewScreen: ScreenDefinition = { id: 'overview', path: '/overview', route: overviewRoute };
