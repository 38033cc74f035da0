// /settings — `?profile=<id>` selects whose token and connection cards are shown (defaults to the
// active profile), so a deep link can open a given profile's token card.
import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { z } from 'zod';
import { rootRoute } from '../../app/root-route';
import type { ScreenDefinition } from '../../app/screens';

export const settingsSearchSchema = z.object({
  profile: z.string().max(64).optional().catch(undefined),
});

export const settingsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/settings',
  validateSearch: settingsSearchSchema,
  // Its own chunk, loaded on first visit or preloaded (app/route-preload.ts).
  component: lazyRouteComponent(() => import('./SettingsScreen'), 'SettingsScreen'),
});

export const settingsScreen: ScreenDefinition = { id: 'settings', path: '/settings', route: settingsRoute };
