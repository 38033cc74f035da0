// /deliveries — the delivery log (`?tab=dispatches&status=failed&code=5xx&event=<id>`) and the
// received-webhooks log (`?tab=received&received=rejected&driver=bling`); every filter is a deep link.
import { createRoute } from '@tanstack/react-router';
import { rootRoute } from '../../app/root-route';
import type { ScreenDefinition } from '../../app/screens';
import { DeliveriesScreen } from './DeliveriesScreen';
import { deliveriesSearchSchema } from './deliveries-search';

export const deliveriesRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/deliveries',
  validateSearch: deliveriesSearchSchema,
  component: DeliveriesScreen,
});

export const deliveriesScreen: ScreenDefinition = { id: 'deliveries', path: '/deliveries', route: deliveriesRoute };
