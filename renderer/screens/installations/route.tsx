// /installations — filters (driver, status, name), the open installation and the create wizard
// live in the URL (`?driver=bling&status=error&installation=<id>`), so each view is a deep link.
import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { z } from 'zod';
import { rootRoute } from '../../app/root-route';
import type { ScreenDefinition } from '../../app/screens';

export const installationsSearchSchema = z.object({
  driver: z.string().max(200).optional().catch(undefined),
  status: z.string().max(50).optional().catch(undefined),
  name: z.string().max(200).optional().catch(undefined),
  installation: z.string().max(500).optional().catch(undefined),
});
export type InstallationsSearch = z.infer<typeof installationsSearchSchema>;

export const installationsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/installations',
  validateSearch: installationsSearchSchema,
  // Its own chunk, loaded on first visit or preloaded (app/route-preload.ts).
  component: lazyRouteComponent(() => import('./InstallationsScreen'), 'InstallationsScreen'),
});

export const installationsScreen: ScreenDefinition = { id: 'installations', path: '/installations', route: installationsRoute };
