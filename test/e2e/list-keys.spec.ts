// The list keys on the Activity and Webhooks screens, as on the other list screens: j selects a
// row, Enter opens what it stands for (Activity: the write's target; Webhooks: the endpoint's
// delivery log), / focuses the search, and `?` lists them — in both languages.
import { test, expect } from './fixtures';
import { catalogue, languages } from './catalogue';
import { PalettePage } from './pages/palette-page';
import { seedSandboxProfile } from './support';

test.describe.configure({ timeout: 120_000 });

for (const language of languages) {
  test(`Activity: j selects the newest write, Enter opens its target, / focuses the search, ? lists the keys (${language})`, async ({ app }) => {
    const t = await catalogue(language);
    await seedSandboxProfile(app);
    await app.session.call('settings:update', { language });
    // A write through main's dispatcher is what the Activity log records.
    await app.session.call('drivers:enable', { id: 'tray', actionId: `list-keys-${Date.now()}` });
    await app.open('/activity');
    const rows = app.page.getByTestId('activity-row');
    await expect(rows.first()).toHaveAttribute('data-action', 'drivers:enable');

    await app.page.locator('body').press('/');
    await expect(app.page.getByTestId('activity-filter-search')).toBeFocused();
    await app.page.getByTestId('activity-filter-search').blur();

    await app.page.keyboard.press('Shift+?');
    const palette = new PalettePage(app.page);
    await expect(palette.shortcutsModal.getByTestId('shortcuts-screen')).toContainText(t('shortcuts.list.open'));
    await expect(palette.shortcutsModal.getByTestId('shortcuts-screen')).toContainText(t('shortcuts.list.search'));
    await app.page.keyboard.press('Escape');
    await expect(palette.shortcutsModal).toBeHidden();

    await app.page.keyboard.press('j');
    await expect(rows.first()).toHaveAttribute('data-active', 'true');
    await app.page.keyboard.press('Enter');
    await expect(app.page).toHaveURL(/#\/drivers\?driver=tray/);
  });

  test(`Webhooks: j/k move between endpoints and Enter opens the selected one's delivery log (${language})`, async ({ app }) => {
    const t = await catalogue(language);
    await seedSandboxProfile(app);
    await app.session.call('settings:update', { language });
    const endpoints = (await app.session.call('webhooks:endpointsList', {})).items;
    if (endpoints.length < 2) throw new Error('The demo seed has fewer than two webhook endpoints');
    await app.open('/webhooks');
    const rows = app.page.getByTestId('endpoint-row');
    await expect(rows).toHaveCount(endpoints.length);

    await app.page.keyboard.press('Shift+?');
    const palette = new PalettePage(app.page);
    await expect(palette.shortcutsModal.getByTestId('shortcuts-screen')).toContainText(t('shortcuts.list.next'));
    await app.page.keyboard.press('Escape');
    await expect(palette.shortcutsModal).toBeHidden();

    await app.page.keyboard.press('j');
    await app.page.keyboard.press('j');
    await app.page.keyboard.press('k');
    await expect(rows.nth(0)).toHaveAttribute('data-active', 'true');
    await expect(rows.nth(1)).not.toHaveAttribute('data-active', 'true');
    const id = await rows.nth(0).getAttribute('data-endpoint-id');
    await app.page.keyboard.press('Enter');
    await expect(app.page).toHaveURL(new RegExp(`#/deliveries\\?endpoint=${id}`));
    await expect(app.page.getByTestId('dispatch-filter-endpoint')).toHaveValue(id ?? '');
  });
}
