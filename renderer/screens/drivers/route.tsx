// /drivers — filters, sort and the selected driver live in the URL
// (`?name=bli&enabled=true&sort=-created_at&driver=bling`), so any view is a deep link.
import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { z } from 'zod';
import { rootRoute } from '../../app/root-route';
import type { ScreenDefinition } from '../../app/screens';

/** The documented sorts (docs/api-contract.md §4), ascending or `-` descending. */
export const driverSortFields = ['name', 'slug', 'version', 'type', 'status', 'created_at'] as const;
const sortSchema = z
  .string()
  .regex(new RegExp(`^-?(${driverSortFields.join('|')})$`))
  .optional()
  .catch(undefined);

export const driversSearchSchema = z.object({
  name: z.string().max(200).optional().catch(undefined),
  type: z.string().max(50).optional().catch(undefined),
  enabled: z.enum(['true', 'false']).optional().catch(undefined),
  sort: sortSchema,
  driver: z.string().max(200).optional().catch(undefined),
});
export type DriversSearch = z.infer<typeof driversSearchSchema>;

export const driversRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/drivers',
  validateSearch: driversSearchSchema,
  // Its own chunk, loaded on first visit or preloaded (app/route-preload.ts).
  component: lazyRouteComponent(() => import('./DriversScreen'), 'DriversScreen'),
});

export const driversScreen: ScreenDefinition = { id: 'drivers', path: '/drivers', route: driversRoute };
