// Page object for the Overview screen.
import { expect, type Locator, type Page } from '@playwright/test';

export class OverviewPage {
  readonly screen: Locator;
  readonly chart: Locator;
  readonly chartCanvas: Locator;
  readonly latencyChart: Locator;
  readonly seriesTable: Locator;
  readonly stats: Locator;
  readonly byDriver: Locator;
  readonly byInstallation: Locator;
  readonly byCode: Locator;
  readonly topEndpoints: Locator;
  readonly lastEvents: Locator;
  readonly invalidWindow: Locator;
  readonly range: Locator;

  constructor(readonly page: Page) {
    this.screen = page.getByTestId('overview-screen');
    this.chart = page.getByTestId('overview-chart');
    this.chartCanvas = this.chart.locator('canvas');
    this.latencyChart = page.getByTestId('overview-latency-chart');
    this.seriesTable = page.getByTestId('overview-series-table');
    this.stats = page.getByTestId('overview-stats');
    this.byDriver = page.getByTestId('overview-by-driver');
    this.byInstallation = page.getByTestId('overview-by-installation');
    this.byCode = page.getByTestId('overview-by-code');
    this.topEndpoints = page.getByTestId('overview-top-endpoints');
    this.lastEvents = page.getByTestId('overview-last-event');
    this.invalidWindow = page.getByTestId('overview-invalid-window');
    this.range = page.getByTestId('overview-range');
  }

  stat(name: 'rate' | 'attempts' | 'failed' | 'pending' | 'p50' | 'p95'): Locator {
    return this.page.getByTestId(`overview-stat-${name}`);
  }

  /** Rows of a breakdown card, as `data-key` values in screen order. */
  async keys(card: Locator): Promise<string[]> {
    return card.getByTestId(/-row$/).evaluateAll((rows) => rows.map((r) => r.getAttribute('data-key') ?? ''));
  }

  async waitForFigures(): Promise<void> {
    await expect(this.screen).toBeVisible();
    await expect(this.chartCanvas.first()).toBeVisible();
    await expect(this.stats).toBeVisible();
  }
}
