// /deliveries — the delivery log (`?tab=dispatches&status=failed&code=5xx&event=<id>`) and the
// received-webhooks log (`?tab=received&received=rejected&driver=bling`); every filter is a deep link.
import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { rootRoute } from '../../app/root-route';
import type { ScreenDefinition } from '../../app/screens';
import { deliveriesSearchSchema } from './deliveries-search';

export const deliveriesRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/deliveries',
  validateSearch: deliveriesSearchSchema,
  // Its own chunk, loaded on first visit or preloaded (app/route-preload.ts).
  component: lazyRouteComponent(() => import('./DeliveriesScreen'), 'DeliveriesScreen'),
});

export const deliveriesScreen: ScreenDefinition = { id: 'deliveries', path: '/deliveries', route: deliveriesRoute };
