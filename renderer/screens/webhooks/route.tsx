// /webhooks — delivery endpoints and the retry policy. `?endpoint=<id>` highlights one endpoint
// (a deep link from an event's delivery attempt).
import { createRoute } from '@tanstack/react-router';
import { rootRoute } from '../../app/root-route';
import type { ScreenDefinition } from '../../app/screens';
import { WebhooksScreen } from './WebhooksScreen';
import { webhooksSearchSchema } from './webhooks-search';

export const webhooksRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/webhooks',
  validateSearch: webhooksSearchSchema,
  component: WebhooksScreen,
});

export const webhooksScreen: ScreenDefinition = { id: 'webhooks', path: '/webhooks', route: webhooksRoute };
