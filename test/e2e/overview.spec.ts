// The Overview against the real main services and the demo sandbox: the success-rate chart and the
// failure breakdowns match what main computes (overview:summary), in English and in Portuguese,
// with a screenshot of each; a bad custom window says what to do; `/` opens the Overview; axe in both themes.
import { mkdir } from 'node:fs/promises';
import { test, expect } from './fixtures';
import { axeProblems } from './axe';
import type { ConsoleApp } from './fixtures';
import { seedSandboxProfile } from './support';
import { OverviewPage } from './pages/overview';

test.describe.configure({ timeout: 120_000 });

const screenshotDir = 'test-results/screenshots';
const DAY = 86_400_000;

/**
 * What main computes for the last 7 days, and that window. The screen is then opened on the same
 * window (a custom range), so attempts crossing the window's edges or retried by the sandbox's
 * dispatcher meanwhile cannot reorder the top groups between the two reads.
 */
async function summaryForLastWeek(app: ConsoleApp) {
  const to = new Date().toISOString();
  const from = new Date(Date.parse(to) - 7 * DAY).toISOString();
  const summary = await app.session.call('overview:summary', { from, to });
  if (!summary.supported) throw new Error('the sandbox has a delivery log');
  return { figures: summary.figures, url: `/overview?range=custom&from=${from}&to=${to}` };
}

const texts = {
  en: { title: 'Overview', byCode: 'Failures by response code', chart: 'Delivery success rate', latency: 'Delivery latency (p50 / p95)', table: 'Show the figures as a table', live: 'Last events' },
  'pt-BR': { title: 'Visão geral', byCode: 'Falhas por código de resposta', chart: 'Taxa de sucesso das entregas', latency: 'Latência das entregas (p50 / p95)', table: 'Mostrar os números em tabela', live: 'Últimos eventos' },
} as const;

for (const language of ['en', 'pt-BR'] as const) {
  test(`the chart and the failure breakdown for the demo data (${language})`, async ({ app }) => {
    await seedSandboxProfile(app);
    await app.session.call('settings:update', { language });
    const { figures: expected, url } = await summaryForLastWeek(app);
    // The demo seed has a failing endpoint: there is something to break down.
    expect(expected.totals.failed).toBeGreaterThan(0);

    await app.open(url);
    const overview = new OverviewPage(app.page);
    await overview.waitForFigures();
    const t = texts[language];
    await expect(overview.screen.getByRole('heading', { name: t.title, level: 2 })).toBeVisible();
    await expect(overview.screen.getByRole('heading', { name: t.chart })).toBeVisible();
    await expect(overview.byCode.getByRole('heading', { name: t.byCode })).toBeVisible();
    await expect(overview.screen.getByRole('heading', { name: t.live })).toBeVisible();

    // The chart: a uPlot canvas with real size, a bucket per point of the series.
    const box = await overview.chartCanvas.first().boundingBox();
    expect(box?.width).toBeGreaterThan(300);
    expect(box?.height).toBeGreaterThan(150);

    // Latency over time: its own chart (an image with its label) and, in the table under the charts,
    // each bucket's p50/p95 as main computed them.
    await expect(overview.screen.getByRole('heading', { name: t.latency })).toBeVisible();
    const latencyBox = await overview.latencyChart.locator('canvas').first().boundingBox();
    expect(latencyBox?.width).toBeGreaterThan(300);
    await expect(overview.latencyChart).toHaveAttribute('role', 'img');
    await expect(overview.latencyChart).toHaveAttribute('aria-label', /\d/);
    await overview.seriesTable.getByText(t.table).click();
    const rows = overview.seriesTable.getByTestId('overview-series-row');
    await expect(rows).toHaveCount(expected.series.length);
    const measured = expected.series.findIndex((b) => b.p95 !== null);
    expect(measured).toBeGreaterThanOrEqual(0);
    await expect(rows.nth(measured).getByTestId('overview-series-p50')).toHaveAttribute('data-ms', String(expected.series[measured]!.p50));
    await expect(rows.nth(measured).getByTestId('overview-series-p95')).toHaveAttribute('data-ms', String(expected.series[measured]!.p95));
    await expect(rows.nth(measured).getByTestId('overview-series-p95')).toHaveText(/\d/);

    // The numbers beside it and the breakdowns match main's figures for the same window.
    await expect(overview.stat('attempts')).toContainText(/\d/);
    await expect(overview.stat('p95')).toContainText(/\d/);
    const codes = expected.failuresByCode.map((g) => g.key ?? '∅');
    expect(codes.length).toBeGreaterThan(0);
    await expect.poll(() => overview.keys(overview.byCode)).toEqual(codes);
    await expect.poll(() => overview.keys(overview.byDriver)).toEqual(expected.failuresByDriver.map((g) => g.key ?? '∅'));
    await expect(overview.topEndpoints.getByTestId('overview-top-endpoints-row').first()).toContainText(expected.topFailingEndpoints[0]!.url);
    // Installations by name, with the id beside it.
    const topInstallation = expected.failuresByInstallation.find((g) => g.key)?.key;
    if (topInstallation) {
      const installation = await app.session.call('installations:get', { id: topInstallation });
      await expect(overview.byInstallation.locator(`[data-key="${topInstallation}"]`)).toContainText(`${installation.name} (${topInstallation})`);
    }

    // Each card adds up to the window's failures: the groups main sent, plus one line for the rest.
    const cards = [
      [overview.byDriver, 'overview-by-driver', expected.failuresByDriver],
      [overview.byInstallation, 'overview-by-installation', expected.failuresByInstallation],
      [overview.byCode, 'overview-by-code', expected.failuresByCode],
      [overview.topEndpoints, 'overview-top-endpoints', expected.topFailingEndpoints],
    ] as const;
    for (const [card, testId, groups] of cards) {
      const rest = expected.totals.failed - groups.reduce((sum, g) => sum + g.failures, 0);
      const line = card.getByTestId(`${testId}-rest`);
      if (rest > 0) await expect(line).toHaveAttribute('data-failures', String(rest));
      else await expect(line).toHaveCount(0);
    }

    // The live strip shows the newest events.
    await expect(overview.lastEvents.first()).toBeVisible();

    await mkdir(screenshotDir, { recursive: true });
    await app.page.screenshot({ path: `${screenshotDir}/overview-${language}.png`, fullPage: true });
  });
}

test('a custom window in the URL is checked and the screen says what to fix', async ({ app }) => {
  await seedSandboxProfile(app);
  await app.session.call('settings:update', { language: 'en' });
  await app.open('/overview?range=custom&from=2026-02-02T00:00:00.000Z&to=2026-02-01T00:00:00.000Z');
  const overview = new OverviewPage(app.page);
  await expect(overview.invalidWindow).toContainText('must be after its start');
  // Switching back to a preset shows figures again.
  await overview.range.getByText('Last 7 days').click();
  await overview.waitForFigures();
  await expect(app.page).toHaveURL(/range=7d/);
});

test('the chart reads times in the operator\'s zone setting (UTC, then local)', async ({ app }) => {
  await seedSandboxProfile(app);
  await app.session.call('settings:update', { language: 'en', timeDisplay: 'utc' });
  await app.open('/overview?range=24h');
  const overview = new OverviewPage(app.page);
  await overview.waitForFigures();
  // The legend's time follows the cursor: hover the middle of the plot (uPlot's cursor layer, .u-over,
  // lies over the canvas and takes the pointer).
  const legendTime = overview.chart.locator('.u-legend .u-series').first().locator('.u-value');
  const plotArea = overview.chart.locator('.u-over');
  await plotArea.hover();
  await expect(legendTime).toHaveText(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} UTC$/);

  await app.session.call('settings:update', { timeDisplay: 'local' });
  await app.page.reload();
  await overview.waitForFigures();
  await plotArea.hover();
  await expect(legendTime).toHaveText(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} [+-]\d{2}:\d{2}$/);
});

test('the console opens on the Overview', async ({ app }) => {
  await seedSandboxProfile(app);
  await app.open('/');
  await expect(new OverviewPage(app.page).screen).toBeVisible();
});

for (const theme of ['light', 'dark'] as const) {
  test(`axe: the Overview with figures (${theme}) has no serious or critical violations`, async ({ app }) => {
    await seedSandboxProfile(app);
    await app.session.call('settings:update', { theme });
    await app.open('/overview?range=7d');
    const overview = new OverviewPage(app.page);
    await overview.waitForFigures();
    await expect(overview.byCode.getByTestId('overview-by-code-row').first()).toBeVisible();
    await expect(overview.latencyChart.locator('canvas').first()).toBeVisible();
    // The table fallback open too, so axe reads it.
    await overview.seriesTable.locator('summary').click();
    await expect(overview.seriesTable.getByTestId('overview-series-row').first()).toBeVisible();
    expect(await axeProblems(app.page)).toEqual([]);
  });
}
