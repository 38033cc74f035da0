// Installations against the real main services and sandbox: Bling with custom OAuth (required_if
// demands client id and secret, then the OAuth approval in a second page activates it), a server
// 422 on the right field (API-key driver), and a partial edit that does not resend a secret.
import { test, expect } from './fixtures';
import { seedSandboxProfile } from './support';
import { activityEntries } from './admin-support';
import { InstallationsPage } from './pages/installations-page';

// Generous: the OAuth flow spans two pages and polling, and these shared 2-core machines are slow.
test.describe.configure({ timeout: 300_000 });

test('Bling with custom OAuth: required_if demands client id and secret; approval activates it', async ({ app }) => {
  await seedSandboxProfile(app);
  await app.open('/installations');
  const installations = new InstallationsPage(app.page);
  await installations.startCreate('bling');
  await app.page.getByTestId('installation-name').fill('Loja Bling E2E');
  await installations.fill('oauth_settings.redirect_url', 'https://loja.example.test/oauth/callback');
  await expect(installations.setting('oauth_settings.custom_oauth.client_id')).toHaveAttribute('data-required', 'false');

  await installations.toggleSwitch('custom_oauth_enabled');
  await expect(installations.setting('oauth_settings.custom_oauth.client_id')).toHaveAttribute('data-required', 'true');
  await expect(installations.setting('oauth_settings.custom_oauth.client_secret')).toHaveAttribute('data-required', 'true');
  await installations.submitCreate();
  await expect(installations.settingField('oauth_settings.custom_oauth.client_id')).toContainText('Required because custom_oauth_enabled is true');
  await expect(installations.settingField('oauth_settings.custom_oauth.client_secret')).toContainText('Required because custom_oauth_enabled is true');
  expect(app.session.records.some((r) => r.direction === 'in' && r.channel === 'installations:create')).toBe(false);

  await installations.fill('oauth_settings.custom_oauth.client_id', 'client-e2e');
  await installations.fill('oauth_settings.custom_oauth.client_secret', 'secret-e2e-value');
  await installations.submitCreate();
  await expect(installations.oauth).toBeVisible();
  await expect(installations.oauth).toHaveAttribute('data-status', 'pending_auth');
  const host = new URL(app.sandbox.origin).host;
  await expect(app.page.getByTestId('oauth-host')).toHaveText(host);

  await app.page.getByTestId('oauth-open').click();
  await expect(app.page.getByTestId('oauth-confirm-host')).toHaveText(host);
  await app.page.getByTestId('oauth-confirm-open').click();
  await expect.poll(() => app.session.fakes.shell.opened.length).toBe(1);
  const authUrl = app.session.fakes.shell.opened[0]!;
  expect(authUrl.startsWith(app.sandbox.origin)).toBe(true);

  // The customer approves in "their browser": a second page.
  const approval = await app.page.context().newPage();
  await approval.goto(authUrl);
  await approval.getByRole('button', { name: 'Approve' }).click();
  // Approve submits a form; closing the page while that navigation is in flight once hung
  // page.close() for the whole test timeout on a loaded CI machine. Wait for the answer first.
  await expect(approval.getByRole('heading', { name: 'Access approved' })).toBeVisible();
  await expect(approval.getByText('Loja Bling E2E')).toBeVisible();
  await approval.close();

  await expect(app.page.getByTestId('oauth-active')).toBeVisible({ timeout: 20_000 });
  const id = await installations.result.getAttribute('data-installation-id');
  expect((await app.session.call('installations:get', { id: id! })).status).toBe('active');
  // The secret went to the API and nowhere else: not in the activity log.
  const entry = (await activityEntries(app)).find((e) => e.action === 'installations:create' && e.result === 'ok');
  expect(entry?.target.name).toBe('Loja Bling E2E');
  expect(JSON.stringify(await activityEntries(app))).not.toContain('secret-e2e-value');
});

test('an API-key driver: the server 422 lands on the key field; a good key is active at once', async ({ app }) => {
  await seedSandboxProfile(app);
  await app.open('/installations');
  const installations = new InstallationsPage(app.page);
  await installations.startCreate('hotmart');
  await app.page.getByTestId('installation-name').fill('Hotmart E2E');
  await installations.fill('hottok', 'invalid');
  await installations.submitCreate();
  await expect(installations.settingField('hottok')).toContainText('rejected by the provider');
  await expect(installations.setting('hottok')).toHaveAttribute('data-invalid', 'true');

  await installations.fill('hottok', 'hottok-valid-123');
  await expect(installations.settingField('hottok')).not.toContainText('rejected by the provider');
  await installations.submitCreate();
  await expect(app.page.getByTestId('wizard-created')).toContainText('status: active');
});

test('edit settings without resending the stored secret', async ({ app }) => {
  await seedSandboxProfile(app);
  const created = await app.session.call('installations:create', {
    actionId: `seed-${Date.now()}`,
    body: { driver_id: 'hotmart', name: 'Hotmart Edit E2E', settings: { hottok: 'hottok-secret-999', product_ids: '1,2' } },
  });
  await app.open(`/installations?installation=${encodeURIComponent(created.id)}`);
  const installations = new InstallationsPage(app.page);
  await expect(installations.detail).toBeVisible();
  await expect(installations.detail.getByTestId('installation-setting-hottok')).toContainText('Stored (hidden)');
  await app.page.getByTestId('installation-edit').click();
  await expect(app.page.getByTestId('setting-hottok-state')).toHaveAttribute('data-set', 'true');
  await installations.fill('product_ids', '1,2,3');
  await app.page.getByTestId('edit-save').click();
  await expect(installations.editForm).toHaveCount(0);

  const sent = app.session.records.filter((r) => r.direction === 'in' && r.channel === 'installations:update');
  expect(sent).toHaveLength(1);
  const body = (sent[0]!.payload as { input: { body: { settings?: Record<string, unknown> } } }).input.body;
  expect(body.settings).toEqual({ product_ids: '1,2,3' });
  const after = await app.session.call('installations:get', { id: created.id });
  expect(after.settings).toMatchObject({ product_ids: '1,2,3' });
  expect(Object.hasOwn(after.settings ?? {}, 'hottok')).toBe(true);
  await expect(installations.detail.getByTestId('installation-setting-hottok')).toContainText('Stored (hidden)');
});

test("the detail's link to the installation's events opens the Events list filtered to it", async ({ app }) => {
  await seedSandboxProfile(app);
  // An installation of the demo history that has events.
  const { items } = await app.session.call('events:list', { limit: 1, filters: { status: 'dispatched' } });
  const installationId = items[0]?.installation_id;
  if (!installationId) throw new Error('the demo history has no event with an installation');
  await app.open(`/installations?installation=${encodeURIComponent(installationId)}`);
  const link = app.page.getByTestId('installation-events-link');
  await link.click();
  await expect(app.page.getByTestId('events-screen')).toBeVisible();
  expect(decodeURIComponent(app.page.url())).toContain(`installation=${installationId}`);
  const rows = app.page.getByTestId('event-row');
  await expect(rows.first()).toBeVisible();
  // Every loaded row is that installation's (the installation cell shows its name and carries its id).
  const installations = await rows.evaluateAll((elements) => elements.map((row) => row.querySelector('[data-entity-kind="installation"]')?.getAttribute('data-entity-id')));
  expect(new Set(installations)).toEqual(new Set([installationId]));
});
