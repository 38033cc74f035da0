// Electron smoke: the operator's path through the REAL app (`_electron.launch` on the built
// dist/main/main.js, the real preload, app://, safeStorage, clipboard), with the same page objects
// the Chromium specs use: start on the sandbox with II_API_TOKEN, open Events and a failed event,
// toggle a driver, import a token from the clipboard, quit. Part of `npm test` (the `electron`
// project in playwright.config.ts). Where no Electron binary exists the spec skips and prints why;
// it never require()s `electron` to find out, since that module tries to download the binary.
import { _electron as electron, expect, test, type ElectronApplication, type Page } from '@playwright/test';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startSandbox, type RunningSandbox } from '../../sandbox/server';
import { findElectronBinary } from '../../scripts/electron-binary';
import { DriversPage } from '../e2e/pages/drivers-page';
import { EventsPage } from '../e2e/pages/EventsPage';
import { SettingsPage } from '../e2e/pages/SettingsPage';
import { ShellPage } from '../e2e/pages/ShellPage';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const mainScript = join(repoRoot, 'dist', 'main', 'main.js');
const binary = findElectronBinary(repoRoot);
const GURU = 'digital_manager_guru';

/** Why there is no binary, as precisely as the files say. */
function missingBinaryReason(looked: string): string {
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  const why = override
    ? `ELECTRON_OVERRIDE_DIST_PATH=${override} holds no Electron executable`
    : existsSync(join(repoRoot, 'node_modules', 'electron', 'path.txt'))
      ? "node_modules/electron/path.txt names it, but the file is gone"
      : "the electron package's installer never downloaded it (node_modules/electron/path.txt is missing)";
  return (
    `no Electron binary at ${looked}: ${why}. ` +
    'Run `npx install-electron` where the download is possible, or set ELECTRON_OVERRIDE_DIST_PATH to a folder holding one. ' +
    'The chromium project runs the same screens through the end-to-end harness.'
  );
}

const skipReason = binary.found ? null : missingBinaryReason(binary.looked);
// Printed, not only recorded as a skip annotation, so the reason shows in any reporter's output.
if (skipReason) console.log(`[electron smoke] skipped: ${skipReason}`);

test.describe('Electron smoke', () => {
  test.skip(skipReason !== null, skipReason ?? '');
  // A cold Electron start, a demo sandbox and four screens on a shared 2-core machine.
  test.describe.configure({ timeout: 240_000 });

  let sandbox: RunningSandbox;
  let userData: string;
  test.beforeAll(async () => {
    test.setTimeout(180_000);
    sandbox = await startSandbox({ port: 0, seed: 'demo' });
  });
  test.afterAll(async () => {
    await sandbox?.close();
  });
  test.beforeEach(async () => {
    userData = await mkdtemp(join(tmpdir(), 'ii-electron-smoke-'));
  });
  test.afterEach(async () => {
    await rm(userData, { recursive: true, force: true });
  });

  /** Launches the built app the way `npm start` does (the repo folder as the app, package.json's main). */
  async function launch(env: Record<string, string>): Promise<ElectronApplication> {
    expect(existsSync(mainScript), `${mainScript} is missing: run npm run build first`).toBe(true);
    return electron.launch({
      executablePath: binary.found ? binary.path : '',
      args: [repoRoot, `--user-data-dir=${userData}`, '--lang=en-US'],
      cwd: repoRoot,
      env: { ...process.env, LANG: 'en_US.UTF-8', ...env } as Record<string, string>,
    });
  }

  /** Page errors, console errors and CSP violations fail the test, as in the Chromium fixture. */
  function watchProblems(page: Page): string[] {
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
    });
    return problems;
  }

  test("the operator's path: sandbox via II_API_TOKEN, a failed event, a driver toggle, a clipboard import, quit", async () => {
    const envToken = await sandbox.mintToken({ name: 'electron-smoke-env' });
    const app = await launch({ II_API_TOKEN: envToken, II_SANDBOX_BASE_URL: sandbox.baseUrl });
    let quit = false;
    try {
      const page = await app.firstWindow();
      const problems = watchProblems(page);
      const shell = new ShellPage(page);
      await expect(shell.shell).toBeVisible();
      await expect(shell.activeProfileName).toHaveText('Sandbox');
      // Main took the token out of its environment once the Sandbox profile had it.
      expect(await app.evaluate(() => process.env.II_API_TOKEN ?? null)).toBeNull();

      // Events: the failed ones, and one of them open with its failed attempt.
      await shell.navLink('events').click();
      const events = new EventsPage(page);
      await expect(events.table).toBeVisible();
      await events.selectFilter('filter-status', 'Failed');
      await expect(events.rows.first()).toBeVisible();
      await events.openFirstRow();
      await expect(page.getByTestId('attempt-error').first()).toBeVisible();
      // The detail is a drawer over the page: close it the operator's way before moving on.
      await page.keyboard.press('Escape');
      await expect(events.detail).toHaveCount(0);

      // Drivers: one toggle through the confirmation, and back, leaving the sandbox as seeded.
      await shell.navLink('drivers').click();
      const drivers = new DriversPage(page);
      const before = await drivers.row(GURU).getAttribute('data-enabled');
      const after = before === 'true' ? 'false' : 'true';
      await drivers.clickToggle(GURU);
      await expect(drivers.confirmDialog.dialog.getByTestId('confirm-profile-name')).toHaveText('Sandbox');
      await drivers.confirmDialog.confirm();
      await expect(drivers.row(GURU)).toHaveAttribute('data-enabled', after);
      await drivers.clickToggle(GURU);
      await drivers.confirmDialog.confirm();
      await expect(drivers.row(GURU)).toHaveAttribute('data-enabled', before ?? 'false');

      // Settings: a second profile gets a token from the real clipboard, which main then clears.
      const clipboardToken = await sandbox.mintToken({ name: 'electron-smoke-clipboard' });
      await app.evaluate(({ clipboard }, text) => clipboard.writeText(text), clipboardToken);
      await shell.navLink('settings').click();
      const settings = new SettingsPage(page);
      await settings.createProfile({ name: 'Clipboard sandbox', baseUrl: sandbox.baseUrl, environmentLabel: 'Sandbox' });
      await expect(settings.profileForm).toHaveCount(0);
      await settings.rowByName('Clipboard sandbox').locator('[data-testid^="select-profile-"]').click();
      await expect(page.getByTestId('token-none')).toBeVisible();
      await settings.importToken('clipboard');
      await expect(settings.tokenDescription).toBeVisible();
      await expect(page.getByTestId('token-sub')).toHaveText('electron-smoke-clipboard');
      await expect(page.getByTestId('token-last4')).toHaveText(`…${clipboardToken.slice(-4)}`);
      expect(await app.evaluate(({ clipboard }) => clipboard.readText())).toBe('');

      const html = await page.content();
      expect(html).not.toContain(envToken);
      expect(html).not.toContain(clipboardToken);
      expect(problems, 'page errors, console errors or CSP violations').toEqual([]);

      // Quit the way the operator does (the app menu's Quit is app.quit()).
      await Promise.all([app.waitForEvent('close'), app.evaluate(({ app: electronApp }) => setTimeout(() => electronApp.quit(), 0))]);
      quit = true;
      expect(app.process().exitCode ?? 0).toBe(0);
    } finally {
      if (!quit) await app.close();
    }
  });
});
