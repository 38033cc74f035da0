// /webhooks — delivery endpoints and the retry policy.
import { createRoute } from '@tanstack/react-router';
import { rootRoute } from '../../app/root-route';
import type { ScreenDefinition } from '../../app/screens';
import { WebhooksScreen } from './WebhooksScreen';

export const webhooksRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/webhooks',
  component: WebhooksScreen,
});

export const webhooksScreen: ScreenDefinition = { id: 'webhooks', path: '/webhooks', route: webhooksRoute };
