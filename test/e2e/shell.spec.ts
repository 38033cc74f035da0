// The shell: navigation from the route registry, the active profile always visible, production
// unmistakable, read-only lock, switching profiles, skip link, offline banner, unknown routes.
import { test, expect } from './fixtures';
import { axeProblems } from './axe';
import { ShellPage } from './pages/ShellPage';
import { seedProfile, seedSandboxProfile } from './support';

test('the navigation lists exactly the screens that have a route, and / opens the first', async ({ app }) => {
  test.slow(); // visits every screen
  await seedSandboxProfile(app);
  await app.open('/');
  const shell = new ShellPage(app.page);
  const ids = await shell.navLinkIds();
  expect(ids.length).toBeGreaterThan(0);
  expect(ids).toContain('settings');
  // Every listed screen opens without hitting "not found".
  for (const id of ids) {
    await shell.navLink(id).click();
    await expect(shell.navLink(id)).toHaveAttribute('aria-current', 'page');
    await expect(app.page.getByTestId('not-found')).toHaveCount(0);
  }
  expect(app.page.url()).toMatch(/#\//);
});

test('an unknown route shows "not found" inside the shell', async ({ app }) => {
  await app.open('/no-such-screen');
  await expect(app.page.getByTestId('not-found')).toBeVisible();
  await expect(new ShellPage(app.page).navigation).toBeVisible();
});

test('the active profile is always visible and switching changes it; production is loud', async ({ app }) => {
  const { profile: sandbox } = await seedSandboxProfile(app, 'Local sandbox');
  const prod = await seedProfile(app, { name: 'Loja Centro', baseUrl: 'https://api.integracoesinteligentes.com/v1', environment: 'production', color: '#e03131', readOnly: true });
  await app.open('/settings');
  const shell = new ShellPage(app.page);

  await expect(shell.activeProfileName).toHaveText('Local sandbox');
  await expect(shell.activeProfile).toHaveAttribute('data-environment', 'sandbox');
  await expect(shell.productionBadge).toHaveCount(0);
  const calmHeader = await app.page.locator('header').evaluate((el) => getComputedStyle(el).backgroundColor);

  await shell.switchTo(prod.id);
  await expect(shell.activeProfileName).toHaveText('Loja Centro');
  await expect(shell.productionBadge).toHaveText('PRODUCTION');
  await expect(shell.readOnlyBadge).toBeVisible();
  await expect(shell.shell).toHaveAttribute('data-environment', 'production');
  const prodHeader = await app.page.locator('header').evaluate((el) => getComputedStyle(el).backgroundColor);
  expect(prodHeader).not.toBe(calmHeader);
  // A red header: the red channel dominates.
  const [r = 0, g = 0, b = 0] = (prodHeader.match(/\d+/g) ?? []).map(Number);
  expect(r).toBeGreaterThan(150);
  expect(g).toBeLessThan(100);
  expect(b).toBeLessThan(100);

  // Main agrees about which profile is active.
  const list = await app.session.call('profiles:list', {});
  expect(list.activeId).toBe(prod.id);

  await shell.switchTo(sandbox.id);
  await expect(shell.activeProfileName).toHaveText('Local sandbox');
  await expect(shell.productionBadge).toHaveCount(0);
});

test('keyboard: the skip link is the first stop and moves focus to the main landmark', async ({ app }) => {
  await seedSandboxProfile(app);
  await app.open('/settings');
  const shell = new ShellPage(app.page);
  await app.page.keyboard.press('Tab');
  await expect(shell.skipLink).toBeFocused();
  await expect(shell.skipLink).toBeInViewport();
  await app.page.keyboard.press('Enter');
  await expect(shell.main).toBeFocused();
  await expect(app.page.getByRole('banner')).toBeVisible();
  await expect(app.page.getByRole('navigation')).toBeVisible();
  await expect(app.page.getByRole('main')).toBeVisible();
});

// Offline, the console keeps working where it can: its requests go to main over IPC, and the
// sandbox is on loopback. (TanStack Query's default paused every request while the browser was offline.)
test('going offline shows the banner, coming back hides it; local actions and the loopback sandbox still work', async ({ app, context }) => {
  await seedSandboxProfile(app);
  await app.open('/settings');
  const shell = new ShellPage(app.page);
  await expect(shell.offlineBanner).toHaveCount(0);
  // In the app the screens' chunks come from app:// (main's handler), which going offline does not
  // touch; here they come over loopback HTTP, which it does. So let the idle preload fetch every
  // screen (renderer/app/route-preload.ts) before the network goes, as the app has them on disk.
  await expect
    .poll(() => app.page.evaluate(() => new Set(performance.getEntriesByType('resource').map((e) => /\/(\w+Screen)-[^/]+\.js$/.exec(e.name)?.[1]).filter(Boolean)).size))
    .toBeGreaterThanOrEqual(8);
  await app.page.waitForLoadState('networkidle');
  await context.setOffline(true);
  await expect(shell.offlineBanner).toBeVisible();
  for (const [theme, label] of [['light', 'Light'], ['dark', 'Dark']] as const) {
    await shell.setTheme(label);
    await expect(app.page.locator('html')).toHaveAttribute('data-mantine-color-scheme', theme);
    expect(await axeProblems(app.page, ['[data-testid="offline-banner"]'])).toEqual([]);
  }
  expect((await app.session.call('settings:get', {})).settings.theme).toBe('dark');
  await shell.navLink('drivers').click();
  await expect(app.page.getByTestId('driver-row-bling')).toBeVisible();
  await expect(shell.offlineBanner).toBeVisible();
  await context.setOffline(false);
  await expect(shell.offlineBanner).toHaveCount(0);
});
