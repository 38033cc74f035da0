// End-to-end tests: Debian's Chromium (Playwright cannot download browsers here) against the real
// renderer build, with main's real services in the test process (see test/e2e/fixtures.ts).
// One worker: each worker starts a sandbox and a browser, and these machines have 2 cores.
import { defineConfig } from '@playwright/test';

const chromiumArgs = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

export default defineConfig({
  // Overridable so parallel runs on one work tree do not wipe each other's artifacts.
  outputDir: process.env.II_E2E_OUTPUT_DIR ?? 'test-results/playwright',
  // Generous: these machines are shared and slow under load; a healthy test takes a few seconds.
  timeout: 90_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: !!process.env.CI,
  reporter: process.env.CI ? [['list'], ['html', { open: 'never', outputFolder: 'playwright-report' }]] : [['list']],
  use: {
    browserName: 'chromium',
    launchOptions: { executablePath: process.env.II_CHROMIUM_PATH ?? '/usr/bin/chromium', args: chromiumArgs },
    viewport: { width: 1366, height: 850 },
    locale: 'en-US',
    timezoneId: 'America/Sao_Paulo',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [
    { name: 'chromium', testDir: 'test/e2e', testMatch: /.*\.spec\.ts/ },
    { name: 'electron', testDir: 'test/electron', testMatch: /.*\.spec\.ts/ },
  ],
});
