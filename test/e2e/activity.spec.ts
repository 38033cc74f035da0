// The Activity screen: every write made through the UI appears (ok and failed), filters live in
// the URL, export goes through main's save dialog, and the screen speaks both languages.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test, expect } from './fixtures';
import { seedSandboxProfile } from './support';
import { setFaults } from './admin-support';
import { ActivityPage } from './pages/activity-page';
import { DriversPage } from './pages/drivers-page';

test.describe.configure({ timeout: 180_000 });

test('writes made in the UI appear in the activity log, filterable and exportable', async ({ app }) => {
  await seedSandboxProfile(app, 'Sandbox Atividade');
  await app.open('/drivers');
  const drivers = new DriversPage(app.page);
  await drivers.clickToggle('tray');
  await drivers.confirmDialog.confirm();
  await expect(drivers.row('tray')).toHaveAttribute('data-enabled', 'true');
  await setFaults(app, 'error_rate=1');
  try {
    await drivers.clickToggle('tray');
    await drivers.confirmDialog.confirm();
    await expect(app.page.locator('.mantine-Notification-root').filter({ hasText: 'was not changed' })).toBeVisible({ timeout: 20_000 });
  } finally {
    await setFaults(app, 'none');
  }
  await app.session.call('drivers:disable', { id: 'tray', actionId: `cleanup-${Date.now()}` });

  await app.open('/activity');
  const activity = new ActivityPage(app.page);
  await expect(activity.rows.first()).toBeVisible();
  // Newest first: the cleanup disable, the failed disable (500), the enable.
  expect((await activity.actions()).slice(0, 3)).toEqual(['drivers:disable:ok', 'drivers:disable:error', 'drivers:enable:ok']);
  await expect(activity.rows.first()).toContainText('Sandbox Atividade');

  await app.open('/activity?result=error');
  await expect(activity.rows).toHaveCount(1);
  await expect(activity.rows.first()).toContainText('server');

  const file = join(app.session.userDataDir, 'activity-export.csv');
  app.session.fakes.dialog.prepareOpen(file);
  await app.page.getByTestId('activity-export-csv').click();
  await expect(app.page.locator('.mantine-Notification-root').filter({ hasText: 'Exported 1 entries' })).toBeVisible();
  const csv = await readFile(file, 'utf8');
  expect(csv.split('\r\n')[0]).toContain('time,profile,environment,action');
  expect(csv).toContain('drivers:disable');
});

test('the admin screens speak pt-BR', async ({ app }) => {
  await seedSandboxProfile(app);
  await app.session.call('settings:update', { language: 'pt-BR' });
  await app.open('/drivers');
  await expect(app.page.getByRole('heading', { name: 'Drivers' })).toBeVisible();
  await expect(app.page.getByTestId('drivers-filter-name')).toBeVisible();
  await expect(app.page.getByText('Buscar por nome')).toBeVisible();
  await app.open('/installations');
  await expect(app.page.getByRole('heading', { name: 'Instalações' })).toBeVisible();
  await app.open('/webhooks');
  await expect(app.page.getByRole('heading', { name: 'Política de novas tentativas' })).toBeVisible();
  await expect(app.page.getByTestId('retry-preview-total')).toContainText('tentativas em');
  await app.open('/activity');
  await expect(app.page.getByRole('heading', { name: 'Atividade' })).toBeVisible();
});
