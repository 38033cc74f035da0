// Saved views of the Events screen, in both languages: save the current filters under a name,
// reopen the view after a reload (its filters come back), rename it (a name another view has is
// refused with a clear message), delete it. Views are kept by main per profile.
import { test, expect } from './fixtures';
import { catalogue, languages, leading } from './catalogue';
import { EventsPage } from './pages/EventsPage';
import { seedSandboxProfile } from './support';

test.describe.configure({ timeout: 120_000 });

for (const language of languages) {
  test(`save, reopen after a reload, rename, delete a saved view (${language})`, async ({ app }) => {
    const t = await catalogue(language);
    const names = language === 'en' ? { first: 'Failed orders', renamed: 'Orders to look at', other: 'Everything' } : { first: 'Pedidos com falha', renamed: 'Pedidos para olhar', other: 'Tudo' };
    await seedSandboxProfile(app);
    await app.session.call('settings:update', { language });
    await app.open('/events?status=failed&name=order.paid');
    const page = app.page;
    const events = new EventsPage(page);
    const filters = page.getByRole('search', { name: t('events.filters.label') });
    await expect(filters.getByLabel(t('events.filters.status'), { exact: true })).toHaveValue(t('events.status.failed'));

    // Save the current filters under a name.
    await page.getByRole('button', { name: t('events.views.save'), exact: true }).click();
    await page.getByLabel(t('events.views.name')).fill(names.first);
    await page.getByRole('button', { name: t('events.views.saveConfirm'), exact: true }).click();
    await expect(page.getByLabel(t('events.views.name'))).toBeHidden();
    await expect.poll(async () => (await app.session.call('views:list', {})).views.map((v) => [v.name, v.search])).toEqual([[names.first, { status: 'failed', name: 'order.paid' }]]);

    // Leave the filters, reload: the view is still there (kept by main) and restores them.
    await page.getByRole('button', { name: t('events.filters.clear') }).first().click();
    await expect(page).not.toHaveURL(/status=failed/);
    await page.reload();
    await expect(events.screen).toBeVisible();
    await expect(filters.getByLabel(t('events.filters.status'), { exact: true })).toHaveValue('');
    await page.getByRole('button', { name: t('events.views.button') }).click();
    await page.getByRole('menuitem', { name: leading(names.first) }).click();
    await expect(page).toHaveURL(/status=failed/);
    await expect(page).toHaveURL(/name=order\.paid/);
    await expect(filters.getByLabel(t('events.filters.status'), { exact: true })).toHaveValue(t('events.status.failed'));
    await expect(filters.getByLabel(t('events.filters.name'), { exact: true })).toHaveValue('order.paid');
    await expect(events.table.or(events.empty)).toBeVisible();

    // Rename: a name another view has is refused, a new one is kept with the same filters.
    await app.session.call('views:save', { name: names.other, search: {} });
    await page.getByRole('button', { name: t('events.views.button') }).click();
    await page.getByRole('button', { name: t('events.views.rename', { name: names.first }) }).click();
    const renameDialog = page.getByRole('dialog', { name: t('events.views.renameTitle', { name: names.first }) });
    await expect(renameDialog).toBeVisible();
    const newName = renameDialog.getByLabel(t('events.views.newName'));
    await expect(newName).toHaveValue(names.first);
    await newName.fill(names.other.toUpperCase());
    await renameDialog.getByRole('button', { name: t('events.views.renameConfirm') }).click();
    await expect(renameDialog).toContainText(t('events.views.nameTaken', { name: names.other.toUpperCase() }));
    await newName.fill(names.renamed);
    await renameDialog.getByRole('button', { name: t('events.views.renameConfirm') }).click();
    await expect(renameDialog).toBeHidden();
    await page.getByRole('button', { name: t('events.views.button') }).click();
    await expect(page.getByRole('menuitem', { name: leading(names.renamed) })).toBeVisible();
    await expect(page.getByRole('menuitem', { name: leading(names.first) })).toHaveCount(0);
    const views = (await app.session.call('views:list', {})).views;
    expect(views.find((v) => v.name === names.renamed)?.search).toEqual({ status: 'failed', name: 'order.paid' });

    // Delete both: the menu says there are none.
    await page.getByRole('button', { name: t('events.views.delete', { name: names.renamed }) }).click();
    await expect(page.getByRole('menuitem', { name: leading(names.renamed) })).toHaveCount(0);
    await page.getByRole('button', { name: t('events.views.delete', { name: names.other }) }).click();
    await expect(page.getByText(t('events.views.none'))).toBeVisible();
    expect((await app.session.call('views:list', {})).views).toEqual([]);
  });
}
