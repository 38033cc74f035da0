// Read-only and production safety: on a read-only profile every write control is disabled with the
// unlock explanation and main refuses writes anyway; a time-limited unlock, confirmed in main's
// native box, enables them; on a
// production profile the confirmation needs the profile's name typed.
import { test, expect } from './fixtures';
import { seedProfile, seedToken } from './support';
import { DriversPage } from './pages/drivers-page';

test.describe.configure({ timeout: 180_000 });

test('a read-only profile cannot write until unlocked for a limited time', async ({ app }) => {
  const profile = await seedProfile(app, { name: 'Somente Leitura', baseUrl: app.sandbox.baseUrl, environment: 'staging', readOnly: true }, { activate: true });
  await seedToken(app, profile.id);
  await app.open('/drivers');
  const drivers = new DriversPage(app.page);
  await expect(app.page.getByTestId('read-only-banner')).toBeVisible();
  await expect(drivers.toggle('bling')).toBeDisabled();
  await drivers.row('bling').getByTestId('write-blocked').hover();
  await expect(app.page.getByRole('tooltip')).toContainText('Unlock for 15 min');

  await app.open('/installations');
  await expect(app.page.getByTestId('installation-create')).toBeDisabled();
  await app.open('/events');
  await expect(app.page.getByTestId('read-only-banner')).toBeVisible();
  await expect(app.page.getByTestId('bulk-redeliver-button')).toBeDisabled();
  await app.page.getByTestId('event-row').first().click();
  await expect(app.page.getByTestId('redeliver-button')).toBeDisabled();
  await app.open('/webhooks');
  await expect(app.page.getByTestId('endpoint-create')).toBeDisabled();

  // Main refuses the write even if a renderer tried.
  await expect(app.session.call('drivers:disable', { id: 'bling', actionId: 'readonly-probe-1' })).rejects.toThrow(/read_only/);
  expect((await app.session.call('drivers:get', { id: 'bling' })).enabled).toBe(true);

  // Unlocking is confirmed by the operator in main's native box: Cancel there leaves it locked.
  await app.page.getByTestId('unlock-writes').click();
  await expect(app.page.getByText('not confirmed in the system dialog').first()).toBeVisible();
  await expect(app.page.getByTestId('read-only-banner')).toBeVisible();
  expect(app.session.fakes.confirm.asked.map((a) => a.kinds)).toEqual([['unlock_writes']]);
  app.session.fakes.confirm.answer(true);
  await app.page.getByTestId('unlock-writes').click();
  await expect(app.page.getByTestId('writes-unlocked-banner')).toBeVisible();
  await expect(app.page.getByTestId('endpoint-create')).toBeEnabled();
  await app.page.getByTestId('lock-writes').click();
  await expect(app.page.getByTestId('read-only-banner')).toBeVisible();
  await expect(app.page.getByTestId('endpoint-create')).toBeDisabled();
});

test('on a production profile the confirmation needs the profile name typed', async ({ app }) => {
  const profile = await seedProfile(app, { name: 'Produção BR', baseUrl: app.sandbox.baseUrl, environment: 'production' }, { activate: true });
  await seedToken(app, profile.id);
  await app.open('/drivers');
  const drivers = new DriversPage(app.page);
  await drivers.clickToggle('digital_manager_guru');
  const dialog = drivers.confirmDialog.dialog;
  await expect(dialog).toHaveAttribute('data-environment', 'production');
  await expect(dialog.getByTestId('confirm-ok')).toBeDisabled();
  await dialog.getByTestId('confirm-type-name').fill('produção br');
  await expect(dialog.getByTestId('confirm-ok')).toBeDisabled();
  await dialog.getByTestId('confirm-type-name').fill('Produção BR');
  await expect(dialog.getByTestId('confirm-ok')).toBeEnabled();
  await drivers.confirmDialog.cancel();
  expect((await app.session.call('drivers:get', { id: 'digital_manager_guru' })).enabled).toBe(false);
});
