// Resizable columns are remembered per table: a width set with the keyboard (or a drag) survives a
// reload, another table keeps its own, and Delete gives the column its default back.
import { test, expect } from './fixtures';
import { catalogue } from './catalogue';
import { seedSandboxProfile } from './support';

test.describe.configure({ timeout: 120_000 });

test('a column width set on Installations is remembered after a reload, is not shared with Activity, and Delete resets it', async ({ app }) => {
  const t = await catalogue('en');
  await seedSandboxProfile(app);
  await app.open('/installations');
  const header = app.page.getByTestId('installations-table').locator('th[data-column="name"]');
  const handle = app.page.getByRole('separator', { name: t('table.resizeColumn', { column: t('installations.fields.name') }) });
  const before = (await header.boundingBox())!.width;
  await handle.focus();
  for (let i = 0; i < 6; i += 1) await app.page.keyboard.press('ArrowRight');
  await expect.poll(async () => (await header.boundingBox())!.width).toBeGreaterThan(before + 60);
  const widened = (await header.boundingBox())!.width;

  await app.page.reload();
  await expect(header).toBeVisible();
  await expect.poll(async () => Math.round((await header.boundingBox())!.width)).toBe(Math.round(widened));

  // Each table keeps its own widths.
  expect(await app.page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('ii.columns.')))).toEqual(['ii.columns.installations']);

  await handle.focus();
  await app.page.keyboard.press('Delete');
  await expect.poll(async () => Math.round((await header.boundingBox())!.width)).toBe(Math.round(before));
});
