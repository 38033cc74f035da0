// Every screen of the console, opened one after the other on the worker's demo sandbox and waited
// for until its data is on screen: the truncation check and the screenshots walk the same tour.
import { expect } from './fixtures';
import type { ConsoleApp } from './fixtures';

export interface TourStop {
  /** File-name friendly: `events`, `event-detail`, `deliveries-received`, … */
  name: string;
  open(app: ConsoleApp): Promise<void>;
}

const visible = async (app: ConsoleApp, testId: string) => expect(app.page.getByTestId(testId).first()).toBeVisible();

/** Waits until main's name lookup has answered, so names (not ids) are what is on screen. */
async function namesShown(app: ConsoleApp) {
  await expect(app.page.locator('[data-entity-kind][data-named="true"]').first()).toBeVisible();
}

export const tour: readonly TourStop[] = [
  {
    name: 'overview',
    open: async (app) => {
      await app.open('/overview');
      await visible(app, 'overview-last-event');
      await visible(app, 'overview-stats');
    },
  },
  {
    name: 'events',
    open: async (app) => {
      await app.open('/events');
      await visible(app, 'event-row');
      await namesShown(app);
    },
  },
  {
    name: 'event-detail',
    open: async (app) => {
      await app.open('/events?status=failed');
      await app.page.getByTestId('event-row').first().click();
      await visible(app, 'tab-attempts');
      await visible(app, 'attempt-error');
    },
  },
  {
    name: 'deliveries',
    open: async (app) => {
      await app.open('/deliveries');
      await visible(app, 'dispatch-row');
    },
  },
  {
    name: 'deliveries-received',
    open: async (app) => {
      await app.open('/deliveries?tab=received');
      await visible(app, 'received-row');
      await namesShown(app);
    },
  },
  {
    name: 'drivers',
    open: async (app) => {
      await app.open('/drivers');
      await visible(app, 'drivers-table');
    },
  },
  {
    name: 'installations',
    open: async (app) => {
      await app.open('/installations');
      await visible(app, 'installation-row');
      await namesShown(app);
    },
  },
  {
    name: 'webhooks',
    open: async (app) => {
      await app.open('/webhooks');
      await expect(app.page.getByTestId('endpoints-table').or(app.page.getByTestId('endpoints-empty'))).toBeVisible();
      await expect(app.page.getByTestId('endpoint-health').first().or(app.page.getByTestId('endpoints-empty'))).toBeVisible();
    },
  },
  {
    name: 'activity',
    open: async (app) => {
      await app.open('/activity');
      await expect(app.page.getByTestId('activity-table').or(app.page.getByTestId('activity-empty'))).toBeVisible();
    },
  },
  {
    name: 'settings',
    open: async (app) => {
      await app.open('/settings');
      await visible(app, 'token-description');
    },
  },
];

/**
 * Writes through main, so the Activity screen has rows to show: a driver disabled and enabled
 * again (the sandbox's state is as it was).
 */
export async function recordSomeActivity(app: ConsoleApp): Promise<void> {
  const drivers = await app.session.call('drivers:list', { limit: 1 });
  const driver = drivers.items[0];
  if (!driver) return;
  await app.session.call('drivers:disable', { id: driver.id, actionId: `tour-${Date.now()}-off` });
  await app.session.call('drivers:enable', { id: driver.id, actionId: `tour-${Date.now()}-on` });
  // And an installation "renamed" to its own name: the log then names one by id and name.
  const installation = (await app.session.call('installations:list', { limit: 1 })).items[0];
  if (installation?.name) await app.session.call('installations:update', { id: installation.id, actionId: `tour-${Date.now()}-name`, body: { name: installation.name } });
}
