// THE route registry: one entry per screen that exists. It drives both the router and the
// navigation, so the nav never lists a screen that has no route (and never a placeholder).
// To add a screen: create renderer/screens/<name>/route.tsx exporting a ScreenDefinition, then add
// it to `screens` below. Its nav position comes from `navOrder`, not from its place in the list.
import type { AnyRoute } from '@tanstack/react-router';
import { settingsScreen } from '../screens/settings/route';
import { overviewScreen } from '../screens/overview/route';
import { activityScreen } from '../screens/activity/route';
import { eventsScreen } from '../screens/events/route';
import { deliveriesScreen } from '../screens/deliveries/route';
import { driversScreen } from '../screens/drivers/route';
import { installationsScreen } from '../screens/installations/route';
import { webhooksScreen } from '../screens/webhooks/route';

/** Every screen the product has, in navigation order (i18n key `nav.<id>`). */
export const navOrder = ['overview', 'events', 'deliveries', 'drivers', 'installations', 'webhooks', 'activity', 'settings'] as const;
export type ScreenId = (typeof navOrder)[number];

export interface ScreenDefinition {
  id: ScreenId;
  /** The route's path, e.g. `/settings`; the nav links to it. */
  path: string;
  route: AnyRoute;
}

export const screens: ScreenDefinition[] = [overviewScreen, settingsScreen, activityScreen, eventsScreen, deliveriesScreen, driversScreen, installationsScreen, webhooksScreen];

/** Registered screens in navigation order. */
export function navScreens(list: ScreenDefinition[] = screens): ScreenDefinition[] {
  return [...list].sort((a, b) => navOrder.indexOf(a.id) - navOrder.indexOf(b.id));
}
