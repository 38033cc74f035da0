// Both languages, both themes, and the screenshots a reviewer looks at
// (test-results/screenshots/{settings,shell}-{pt-BR,en}-{light,dark}.png, git-ignored).
import { mkdir } from 'node:fs/promises';
import { test, expect } from './fixtures';
import type { ConsoleApp } from './fixtures';
import { SettingsPage } from './pages/SettingsPage';
import { ShellPage } from './pages/ShellPage';
import { seedProfile, seedSandboxProfile, seedToken } from './support';

const screenshotDir = 'test-results/screenshots';

test.describe('OS locale pt-BR', () => {
  test.use({ appOptions: { locale: 'pt-BR' } });

  test('the UI is in Portuguese unless the operator picks another language', async ({ app }) => {
    await seedProfile(app, { name: 'Loja Centro', baseUrl: 'https://api.integracoesinteligentes.com/v1', environment: 'production' }, { activate: true });
    await app.open('/settings');
    const shell = new ShellPage(app.page);
    await expect(app.page.getByRole('heading', { level: 1 })).toHaveText('Configurações');
    await expect(shell.navLink('settings')).toHaveText('Configurações');
    await expect(shell.productionBadge).toHaveText('PRODUÇÃO');
    await expect(app.page.locator('html')).toHaveAttribute('lang', 'pt-BR');

    await new SettingsPage(app.page).chooseLanguage('English');
    await expect(app.page.getByRole('heading', { level: 1 })).toHaveText('Settings');
    await expect(shell.productionBadge).toHaveText('PRODUCTION');
    expect((await app.session.call('settings:get', {})).settings.language).toBe('en');
  });
});

test('OS locale en-US gives English, and Português can be chosen', async ({ app }) => {
  await app.open('/settings');
  await expect(app.page.getByRole('heading', { level: 1 })).toHaveText('Settings');
  await new SettingsPage(app.page).chooseLanguage('Português (Brasil)');
  await expect(app.page.getByRole('heading', { level: 1 })).toHaveText('Configurações');
  await expect(app.page.locator('html')).toHaveAttribute('lang', 'pt-BR');
});

test('theme: light and dark from the header switch, saved in settings', async ({ app }) => {
  await app.session.call('settings:update', { theme: 'light' });
  await app.open('/settings');
  const shell = new ShellPage(app.page);
  expect(await shell.colorScheme()).toBe('light');
  const lightBg = await app.page.locator('body').evaluate((el) => getComputedStyle(el).backgroundColor);
  await shell.setTheme('Dark');
  await expect.poll(() => shell.colorScheme()).toBe('dark');
  const darkBg = await app.page.locator('body').evaluate((el) => getComputedStyle(el).backgroundColor);
  expect(darkBg).not.toBe(lightBg);
  expect((await app.session.call('settings:get', {})).settings.theme).toBe('dark');
  // Survives a reload (read back from main, not from page storage).
  await app.page.reload();
  await expect.poll(() => shell.colorScheme()).toBe('dark');
});

test('theme "system" follows the OS colour scheme', async ({ app }) => {
  await app.session.call('settings:update', { theme: 'system' });
  await app.page.emulateMedia({ colorScheme: 'dark' });
  await app.open('/settings');
  const shell = new ShellPage(app.page);
  await expect.poll(() => shell.colorScheme()).toBe('dark');
  await app.page.emulateMedia({ colorScheme: 'light' });
  await expect.poll(() => shell.colorScheme()).toBe('light');
});

async function seedForScreenshots(app: ConsoleApp) {
  const { profile } = await seedSandboxProfile(app, 'Sandbox local');
  const prod = await seedProfile(app, { name: 'Loja Centro', baseUrl: 'https://api.integracoesinteligentes.com/v1', environment: 'production', color: '#e03131', readOnly: true });
  await seedToken(app, prod.id, { name: 'ops-desktop' });
  return { sandbox: profile, prod };
}

for (const language of ['pt-BR', 'en'] as const) {
  for (const theme of ['light', 'dark'] as const) {
    test(`screenshots: ${language} ${theme}`, async ({ app }) => {
      await mkdir(screenshotDir, { recursive: true });
      const { prod } = await seedForScreenshots(app);
      await app.session.call('settings:update', { language, theme });
      await app.open('/settings');
      await expect(new SettingsPage(app.page).tokenDescription).toBeVisible();
      await expect.poll(() => new ShellPage(app.page).colorScheme()).toBe(theme);
      await app.page.screenshot({ path: `${screenshotDir}/settings-${language}-${theme}.png`, fullPage: true });

      await app.session.call('profiles:activate', { id: prod.id });
      await app.page.reload();
      await expect(new ShellPage(app.page).productionBadge).toBeVisible();
      await app.page.screenshot({ path: `${screenshotDir}/shell-${language}-${theme}.png` });
    });
  }
}
