// Drivers against the real main services and sandbox: confirmed toggle naming the profile, the
// optimistic switch rolled back with an explanation when the sandbox answers 500, Space on the
// focused row, filters/sort in the URL, the detail panel.
import { test, expect } from './fixtures';
import { seedSandboxProfile } from './support';
import { activityEntries, setFaults } from './admin-support';
import { DriversPage } from './pages/drivers-page';

// These flows wait on confirmations, retries under faults and refetches; the shared 2-core machine is slow.
test.describe.configure({ timeout: 120_000 });

const GURU = 'digital_manager_guru';

test.afterEach(async ({ app }) => {
  await setFaults(app, 'none');
  // Leave the shared sandbox as the demo seed has it.
  await app.session.call('drivers:disable', { id: GURU, actionId: `cleanup-${Date.now()}` }).catch(() => undefined);
});

test('enable and disable a driver through a confirmation that names the profile and the impact', async ({ app }) => {
  await seedSandboxProfile(app, 'Sandbox Local');
  await app.open('/drivers');
  const drivers = new DriversPage(app.page);
  await expect(drivers.row(GURU)).toHaveAttribute('data-enabled', 'false');

  await drivers.clickToggle(GURU);
  await expect(drivers.confirmDialog.dialog.getByTestId('confirm-profile-name')).toHaveText('Sandbox Local');
  await expect(drivers.confirmDialog.dialog.getByTestId('confirm-impact')).toContainText('available for new installations');
  await drivers.confirmDialog.confirm();
  await expect(drivers.row(GURU)).toHaveAttribute('data-enabled', 'true');
  expect((await app.session.call('drivers:get', { id: GURU })).enabled).toBe(true);

  await drivers.clickToggle(GURU);
  await expect(drivers.confirmDialog.dialog.getByTestId('confirm-impact')).toContainText(/installations? use|No installation uses/);
  await drivers.confirmDialog.cancel();
  expect((await app.session.call('drivers:get', { id: GURU })).enabled).toBe(true);
  await drivers.clickToggle(GURU);
  await drivers.confirmDialog.confirm();
  await expect(drivers.row(GURU)).toHaveAttribute('data-enabled', 'false');
  expect((await app.session.call('drivers:get', { id: GURU })).enabled).toBe(false);

  const guruId = (await app.session.call('drivers:get', { id: GURU })).id;
  const actions = (await activityEntries(app)).filter((e) => e.target.id === guruId).map((e) => [e.action, e.result, e.profileName]);
  expect(actions.slice(0, 2)).toEqual([
    ['drivers:disable', 'ok', 'Sandbox Local'],
    ['drivers:enable', 'ok', 'Sandbox Local'],
  ]);
});

test('the optimistic toggle rolls back with an explanation when the sandbox answers 500', async ({ app }) => {
  await seedSandboxProfile(app);
  await app.open('/drivers');
  const drivers = new DriversPage(app.page);
  await expect(drivers.row(GURU)).toHaveAttribute('data-enabled', 'false');
  await setFaults(app, 'error_rate=1');
  await drivers.clickToggle(GURU);
  await drivers.confirmDialog.confirm();
  const explanation = app.page.locator('.mantine-Notification-root').filter({ hasText: 'was not changed' });
  await expect(explanation).toBeVisible({ timeout: 20_000 });
  await expect(explanation).toContainText(/server/i);
  await expect(drivers.row(GURU)).toHaveAttribute('data-enabled', 'false');
  await expect(drivers.toggle(GURU)).not.toBeChecked();
  await setFaults(app, 'none');
  expect((await app.session.call('drivers:get', { id: GURU })).enabled).toBe(false);
  const guruId = (await app.session.call('drivers:get', { id: GURU })).id;
  const failed = (await activityEntries(app)).find((e) => e.action === 'drivers:enable' && e.target.id === guruId);
  expect(failed).toMatchObject({ result: 'error', errorCode: 'server' });
});

test('Space on a focused row toggles it after the confirmation', async ({ app }) => {
  await seedSandboxProfile(app);
  await app.open('/drivers');
  const drivers = new DriversPage(app.page);
  await drivers.row(GURU).focus();
  await app.page.keyboard.press('Space');
  await drivers.confirmDialog.confirm();
  await expect(drivers.row(GURU)).toHaveAttribute('data-enabled', 'true');
});

test('filters and sort live in the URL; the detail shows events, the settings schema and usage', async ({ app }) => {
  await seedSandboxProfile(app);
  await app.open('/drivers?name=bli');
  const drivers = new DriversPage(app.page);
  await expect(drivers.row('bling')).toBeVisible();
  expect(await drivers.rowSlugs()).toEqual(['bling']);

  await app.open('/drivers?enabled=false&sort=-name');
  await expect(drivers.row('vtex')).toBeVisible();
  const disabled = await drivers.rowSlugs();
  expect(disabled).toContain('tray');
  expect(disabled).toEqual([...disabled].sort().reverse());
  // The hand-written `enabled=false` is a filter, not a string the router turned into a boolean and dropped.
  expect(new URL(app.page.url()).hash).toContain('enabled=false');
  for (const slug of disabled) await expect(drivers.toggle(slug)).not.toBeChecked();

  await app.open('/drivers');
  await drivers.open('bling');
  await expect(drivers.detail.getByTestId('driver-events')).toContainText('order.paid');
  const schema = drivers.detail.getByTestId('driver-settings-schema');
  await expect(schema).toContainText('client_secret');
  await expect(schema).toContainText('Required when custom_oauth_enabled is true');
  await expect(drivers.detail.getByTestId('driver-usage')).toContainText(/\d+ installations? use/);
  expect(app.page.url()).toContain('driver=');
});
