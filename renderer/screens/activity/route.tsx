// /activity — filters live in the URL (`?action=drivers&result=error&q=bling&profile=<id>`), so a
// filtered view of the log is a deep link.
import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { z } from 'zod';
import { rootRoute } from '../../app/root-route';
import type { ScreenDefinition } from '../../app/screens';

export const activitySearchSchema = z.object({
  action: z.string().max(64).optional().catch(undefined),
  result: z.enum(['ok', 'error']).optional().catch(undefined),
  q: z.string().max(200).optional().catch(undefined),
  profile: z.string().max(64).optional().catch(undefined),
});
export type ActivitySearch = z.infer<typeof activitySearchSchema>;

export const activityRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/activity',
  validateSearch: activitySearchSchema,
  // Its own chunk, loaded on first visit or preloaded (app/route-preload.ts).
  component: lazyRouteComponent(() => import('./ActivityScreen'), 'ActivityScreen'),
});

export const activityScreen: ScreenDefinition = { id: 'activity', path: '/activity', route: activityRoute };
