// /webhooks — delivery endpoints and the retry policy. `?endpoint=<id>` highlights one endpoint
// (a deep link from an event's delivery attempt).
import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { rootRoute } from '../../app/root-route';
import type { ScreenDefinition } from '../../app/screens';
import { webhooksSearchSchema } from './webhooks-search';

export const webhooksRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/webhooks',
  validateSearch: webhooksSearchSchema,
  // Its own chunk, loaded on first visit or preloaded (app/route-preload.ts).
  component: lazyRouteComponent(() => import('./WebhooksScreen'), 'WebhooksScreen'),
});

export const webhooksScreen: ScreenDefinition = { id: 'webhooks', path: '/webhooks', route: webhooksRoute };
