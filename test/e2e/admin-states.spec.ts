// State changes on the admin screens, each through its confirmation (which names the profile), in
// both languages, checked on the server and after a reload: an installation disabled, enabled
// and re-authorized (a new approval link, followed until active again); an endpoint disabled,
// enabled and deleted. Cancelling a confirmation changes nothing.
import { test, expect, type ConsoleApp } from './fixtures';
import { catalogue, languages } from './catalogue';
import { ConfirmDialogPage } from './pages/drivers-page';
import { InstallationsPage } from './pages/installations-page';
import { WebhooksPage } from './pages/webhooks-page';
import { seedSandboxProfile } from './support';

test.describe.configure({ timeout: 180_000 });

// A screen's first answer after a load or a reload: the detail waits on three queries, and a
// loaded shared machine has taken more than the default 15 s for them.
const afterLoad = expect.configure({ timeout: 30_000 });

/** Approves an installation's OAuth link the way the customer's browser does (the consent form's POST). */
async function approve(authUrl: string): Promise<void> {
  const url = new URL(authUrl);
  const response = await fetch(`${url.origin}${url.pathname}`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ installation_id: url.searchParams.get('installation_id') ?? '', state: url.searchParams.get('state') ?? '', decision: 'approve' }),
  });
  if (!response.ok) throw new Error(`approval refused: ${response.status}`);
}

async function installationStatus(app: ConsoleApp, id: string) {
  return (await app.session.call('installations:get', { id })).status;
}

for (const language of languages) {
  test(`installation: disable, enable, re-authorize, each confirmed; the server and a reload agree (${language})`, async ({ app }) => {
    const t = await catalogue(language);
    const { profile } = await seedSandboxProfile(app);
    await app.session.call('settings:update', { language });
    const name = `Bling ${language} ${Date.now()}`;
    const created = await app.session.call('installations:create', {
      actionId: `seed-${Date.now()}`,
      body: { driver_id: 'bling', name, settings: { 'oauth_settings.redirect_url': 'https://loja.example.test/oauth/callback' } },
    });
    await approve(created.auth_url!);
    expect(await installationStatus(app, created.id)).toBe('active');

    await app.open(`/installations?installation=${encodeURIComponent(created.id)}`);
    const page = app.page;
    const installations = new InstallationsPage(page);
    const confirm = new ConfirmDialogPage(page);
    const detail = installations.detail;
    await afterLoad(detail.getByRole('heading', { name })).toBeVisible();
    await expect(detail.getByText(t('installations.status.active'), { exact: true })).toBeVisible();

    // Disable: cancelling leaves it active; confirming disables it.
    await detail.getByRole('button', { name: t('installations.detail.disable'), exact: true }).click();
    await expect(confirm.dialog).toContainText(t('installations.detail.disableImpact'));
    await expect(page.getByRole('dialog', { name: t('installations.detail.disableTitle', { name }) })).toBeVisible();
    await expect(confirm.dialog.getByTestId('confirm-profile-name')).toHaveText(profile.name);
    await confirm.cancel();
    expect(await installationStatus(app, created.id)).toBe('active');
    await detail.getByRole('button', { name: t('installations.detail.disable'), exact: true }).click();
    await confirm.dialog.getByRole('button', { name: t('installations.detail.disable'), exact: true }).click();
    await expect(page.getByText(t('installations.detail.disabled', { name }))).toBeVisible();
    await expect(detail.getByText(t('installations.status.disabled'), { exact: true })).toBeVisible();
    await expect.poll(() => installationStatus(app, created.id)).toBe('disabled');
    await page.reload();
    await afterLoad(detail.getByText(t('installations.status.disabled'), { exact: true })).toBeVisible();

    // Enable, confirmed: active again (it was authorized before).
    await detail.getByRole('button', { name: t('installations.detail.enable'), exact: true }).click();
    await expect(page.getByRole('dialog', { name: t('installations.detail.enableTitle', { name }) })).toBeVisible();
    await expect(confirm.dialog).toContainText(t('installations.detail.enableImpact'));
    await confirm.dialog.getByRole('button', { name: t('installations.detail.enable'), exact: true }).click();
    await expect(page.getByText(t('installations.detail.enabled', { name }))).toBeVisible();
    await expect.poll(() => installationStatus(app, created.id)).toBe('active');
    await expect(detail.getByText(t('installations.status.active'), { exact: true })).toBeVisible();

    // Re-authorize, confirmed: a new link, awaiting approval; approving it makes it active again.
    await detail.getByRole('button', { name: t('installations.detail.reauthorize'), exact: true }).click();
    await expect(page.getByRole('dialog', { name: t('installations.detail.reauthorizeTitle', { name }) })).toBeVisible();
    await expect(confirm.dialog).toContainText(t('installations.detail.reauthorizeImpact'));
    await confirm.cancel();
    expect(await installationStatus(app, created.id)).toBe('active');
    await detail.getByRole('button', { name: t('installations.detail.reauthorize'), exact: true }).click();
    await confirm.dialog.getByRole('button', { name: t('installations.detail.reauthorize'), exact: true }).click();
    await expect(installations.oauth).toBeVisible();
    await expect.poll(() => installationStatus(app, created.id)).toBe('pending_auth');
    await expect(detail.getByText(t('installations.status.pending_auth'), { exact: true }).first()).toBeVisible();
    const renewed = await app.session.call('installations:get', { id: created.id });
    expect(renewed.auth_url).toBeTruthy();
    expect(renewed.auth_url).not.toBe(created.auth_url);
    await approve(renewed.auth_url!);
    // The detail follows it until active, then drops the follow panel: the badge says active.
    await expect(installations.oauth).toHaveCount(0, { timeout: 30_000 });
    await expect(detail.getByText(t('installations.status.active'), { exact: true })).toBeVisible();
    expect(await installationStatus(app, created.id)).toBe('active');
    await page.reload();
    await afterLoad(detail.getByText(t('installations.status.active'), { exact: true })).toBeVisible();
  });

  test(`endpoint: disable, enable, delete, each confirmed; the server and a reload agree (${language})`, async ({ app }) => {
    const t = await catalogue(language);
    const { profile } = await seedSandboxProfile(app);
    await app.session.call('settings:update', { language });
    const url = `${app.sandbox.origin}/_sandbox/receiver/ok?e2e-states=${language}-${Date.now()}`;
    const created = await app.session.call('webhooks:endpointCreate', { actionId: `seed-${Date.now()}`, body: { url, events: ['order.paid'] } });
    const enabledOnServer = async () => {
      const found = (await app.session.call('webhooks:endpointsList', { limit: 100 })).items.find((e) => e.id === created.id);
      return found === undefined ? 'deleted' : found.enabled !== false;
    };

    await app.open('/webhooks');
    const page = app.page;
    const webhooks = new WebhooksPage(page);
    const confirm = new ConfirmDialogPage(page);
    const row = webhooks.rowById(created.id);
    const action = async (label: string) => {
      await row.getByRole('button', { name: t('webhooks.endpoints.actions') }).click();
      await page.getByRole('menuitem', { name: label, exact: true }).click();
    };
    await afterLoad(row.getByText(t('webhooks.endpoints.on'), { exact: true })).toBeVisible();

    await action(t('webhooks.endpoints.disable'));
    await expect(page.getByRole('dialog', { name: t('webhooks.endpoints.disableTitle') })).toBeVisible();
    await expect(confirm.dialog).toContainText(t('webhooks.endpoints.disableImpact', { url }));
    await expect(confirm.dialog.getByTestId('confirm-profile-name')).toHaveText(profile.name);
    await confirm.cancel();
    expect(await enabledOnServer()).toBe(true);
    await action(t('webhooks.endpoints.disable'));
    await confirm.dialog.getByRole('button', { name: t('webhooks.endpoints.disable'), exact: true }).click();
    await expect(row.getByText(t('webhooks.endpoints.off'), { exact: true })).toBeVisible();
    await expect.poll(enabledOnServer).toBe(false);
    await page.reload();
    await afterLoad(row.getByText(t('webhooks.endpoints.off'), { exact: true })).toBeVisible();

    await action(t('webhooks.endpoints.enable'));
    await expect(page.getByRole('dialog', { name: t('webhooks.endpoints.enableTitle') })).toBeVisible();
    await expect(confirm.dialog).toContainText(t('webhooks.endpoints.enableImpact', { url }));
    await confirm.dialog.getByRole('button', { name: t('webhooks.endpoints.enable'), exact: true }).click();
    await expect(row.getByText(t('webhooks.endpoints.on'), { exact: true })).toBeVisible();
    await expect.poll(enabledOnServer).toBe(true);

    await action(t('webhooks.endpoints.delete'));
    await expect(page.getByRole('dialog', { name: t('webhooks.endpoints.deleteTitle') })).toBeVisible();
    await expect(confirm.dialog).toContainText(t('webhooks.endpoints.deleteImpact', { url }));
    await confirm.cancel();
    expect(await enabledOnServer()).toBe(true);
    await action(t('webhooks.endpoints.delete'));
    await confirm.dialog.getByRole('button', { name: t('webhooks.endpoints.delete'), exact: true }).click();
    await expect(row).toHaveCount(0);
    await expect.poll(enabledOnServer).toBe('deleted');
    await page.reload();
    await expect(webhooks.screen).toBeVisible();
    await afterLoad(page.getByTestId('endpoints-table').or(page.getByTestId('endpoints-empty'))).toBeVisible();
    await expect(row).toHaveCount(0);
  });
}
