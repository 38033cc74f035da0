// axe on every screen, in both themes: no serious or critical violation. The demo sandbox's data
// (and so which badges, marks and error lines a screen shows) depends on the time of day, so each
// conditional element is brought into view on purpose rather than left to what the first rows hold.
import { test, expect } from './fixtures';
import type { ConsoleApp } from './fixtures';
import { axeProblems } from './axe';
import { DriversPage } from './pages/drivers-page';
import { InstallationsPage } from './pages/installations-page';
import { SettingsPage } from './pages/SettingsPage';
import { seedProfile, seedSandboxProfile } from './support';

const themes = ['light', 'dark'] as const;

async function openThemed(app: ConsoleApp, theme: (typeof themes)[number]) {
  await seedSandboxProfile(app);
  await app.session.call('settings:update', { theme });
}

for (const theme of themes) {
  test(`axe: shell and Settings (${theme}) have no serious or critical violations`, async ({ app }) => {
    await openThemed(app, theme);
    await seedProfile(app, { name: 'Loja Centro', baseUrl: 'https://api.integracoesinteligentes.com/v1', environment: 'production', readOnly: true });
    await app.open('/settings');
    await expect(new SettingsPage(app.page).tokenDescription).toBeVisible();
    expect(await axeProblems(app.page)).toEqual([]);
  });
}

test('axe: the production shell (red header) has no serious or critical violations', async ({ app }) => {
  await seedProfile(app, { name: 'Loja Centro', baseUrl: 'https://api.integracoesinteligentes.com/v1', environment: 'production', readOnly: true }, { activate: true });
  await app.open('/settings');
  expect(await axeProblems(app.page)).toEqual([]);
});

// The Events grid (virtualized, recycled rows with role=grid/row/gridcell and plain-element badges)
// and the open event's drawer: the superseded mark, and a failed attempt's red error line beside
// the selected row.
for (const theme of themes) {
  test(`axe: the Events grid and an open event (${theme}) have no serious or critical violations`, async ({ app }) => {
    await openThemed(app, theme);
    const rows = app.page.getByTestId('event-row');

    await app.open('/events');
    await expect(rows.first()).toBeVisible();
    expect(await axeProblems(app.page)).toEqual([]);
    await rows.first().click();
    await expect(app.page.getByTestId('tab-attempts')).toBeVisible();
    expect(await axeProblems(app.page)).toEqual([]);

    await app.open('/events?superseded=true');
    await expect(app.page.getByTestId('superseded-mark').first()).toBeVisible();
    expect(await axeProblems(app.page)).toEqual([]);

    await app.open('/events?status=failed');
    await rows.first().click();
    await expect(app.page.getByTestId('attempt-error').first()).toBeVisible();
    await expect(rows.first()).toHaveAttribute('aria-selected', 'true');
    expect(await axeProblems(app.page)).toEqual([]);
  });
}

// Deliveries: the dispatch log with a failed attempt open, and the received webhooks with both
// signature badges (valid and invalid).
for (const theme of themes) {
  test(`axe: Deliveries, both logs and an open attempt (${theme}) have no serious or critical violations`, async ({ app }) => {
    await openThemed(app, theme);
    const dispatches = app.page.getByTestId('dispatch-row');
    await app.open('/deliveries?status=failed');
    await dispatches.first().locator('td').first().click();
    await expect(app.page.getByTestId('attempt-error').first()).toBeVisible();
    expect(await axeProblems(app.page)).toEqual([]);

    await app.open('/deliveries?tab=received');
    await expect(app.page.locator('[data-testid="received-row"][data-signature-valid="true"]').first()).toBeVisible();
    await app.open('/deliveries?tab=received&received=rejected');
    await expect(app.page.locator('[data-testid="received-row"][data-signature-valid="false"]').first()).toBeVisible();
    expect(await axeProblems(app.page)).toEqual([]);
  });
}

// Drivers with one open; Installations with one in error open (its red status reason); Webhooks
// (endpoints, their health, the retry policy and its preview); the activity log.
for (const theme of themes) {
  test(`axe: Drivers, Installations, Webhooks and Activity (${theme}) have no serious or critical violations`, async ({ app }) => {
    await openThemed(app, theme);
    await app.open('/drivers');
    await app.page.locator('[data-testid^="driver-open-"]').first().click();
    await expect(app.page.getByTestId('driver-detail')).toBeVisible();
    expect(await axeProblems(app.page)).toEqual([]);

    await app.open('/installations?status=error');
    await app.page.getByTestId('installation-row').first().getByRole('button').first().click();
    await expect(app.page.getByTestId('installation-status-reason')).toBeVisible();
    expect(await axeProblems(app.page)).toEqual([]);

    await app.open('/webhooks');
    await expect(app.page.getByTestId('endpoint-row').first()).toBeVisible();
    await expect(app.page.getByTestId('retry-preview')).toBeVisible();
    expect(await axeProblems(app.page)).toEqual([]);

    await app.open('/activity');
    await expect(app.page.getByTestId('activity-screen')).toBeVisible();
    expect(await axeProblems(app.page)).toEqual([]);
  });
}

// The forms in modals, each showing its validation errors (nothing is submitted): a new profile,
// the create-installation wizard's settings step (Bling with custom OAuth), a new webhook endpoint.
for (const theme of themes) {
  test(`axe: the profile, installation and endpoint forms with their errors (${theme}) have no serious or critical violations`, async ({ app }) => {
    await openThemed(app, theme);
    const seeded = app.session.records.length;
    await app.open('/settings');
    const settings = new SettingsPage(app.page);
    await app.page.getByTestId('add-profile').click();
    await settings.profileForm.getByRole('button', { name: /^(Save|Salvar)$/ }).click();
    await expect(settings.profileForm.locator('.mantine-InputWrapper-error').first()).toBeVisible();
    expect(await axeProblems(app.page)).toEqual([]);

    await app.open('/installations');
    const installations = new InstallationsPage(app.page);
    await installations.startCreate('bling');
    await installations.toggleSwitch('custom_oauth_enabled');
    await installations.submitCreate();
    await expect(installations.settingField('oauth_settings.custom_oauth.client_id').locator('.mantine-InputWrapper-error')).toBeVisible();
    expect(await axeProblems(app.page)).toEqual([]);

    await app.open('/webhooks');
    await app.page.getByTestId('endpoint-create').click();
    const form = app.page.getByTestId('endpoint-form');
    await form.getByTestId('endpoint-url').fill('not a url');
    await form.getByTestId('endpoint-save').click();
    await expect(form.locator('.mantine-InputWrapper-error').first()).toBeVisible();
    expect(await axeProblems(app.page)).toEqual([]);
    const creates = ['profiles:create', 'installations:create', 'webhooks:endpointCreate'];
    expect(app.session.records.slice(seeded).filter((r) => r.direction === 'in' && creates.includes(r.channel))).toEqual([]);
  });
}

// In Portuguese (longer labels, other text): a confirmation dialog, the token rotation modal, the
// wizard's driver step, and a failed event open on the Events screen. Nothing is confirmed.
for (const theme of themes) {
  test(`axe: dialogs and the Events screen in pt-BR (${theme}) have no serious or critical violations`, async ({ app }) => {
    await openThemed(app, theme);
    await app.session.call('settings:update', { language: 'pt-BR' });
    const seeded = app.session.records.length;

    await app.open('/drivers');
    const drivers = new DriversPage(app.page);
    await drivers.clickToggle('bling');
    await expect(drivers.confirmDialog.dialog.getByTestId('confirm-impact')).toBeVisible();
    expect(await axeProblems(app.page)).toEqual([]);
    await drivers.confirmDialog.cancel();

    await app.open('/settings');
    await app.page.getByTestId('rotate-token').click();
    await expect(app.page.getByTestId('rotate-from-clipboard')).toBeVisible();
    expect(await axeProblems(app.page)).toEqual([]);
    await app.page.keyboard.press('Escape');

    await app.open('/installations');
    await app.page.getByTestId('installation-create').click();
    await expect(app.page.getByTestId('wizard-driver-bling')).toBeVisible();
    expect(await axeProblems(app.page)).toEqual([]);

    await app.open('/events?status=failed');
    await app.page.getByTestId('event-row').first().click();
    await expect(app.page.getByTestId('attempt-error').first()).toBeVisible();
    await expect(app.page.getByTestId('events-screen')).toContainText('Eventos');
    expect(await axeProblems(app.page)).toEqual([]);
    const writes = app.session.records.slice(seeded).filter((r) => r.direction === 'in' && /toggle|enable|disable|rotate|create/i.test(r.channel));
    expect(writes).toEqual([]);
  });
}
