// Page object for the Events screen and its detail drawer (used by the events specs and benchmarks).
import { expect, type Locator, type Page } from '@playwright/test';

export class EventsPage {
  readonly screen: Locator;
  readonly table: Locator;
  readonly rows: Locator;
  readonly empty: Locator;
  readonly detail: Locator;
  readonly attempts: Locator;
  readonly confirmDialog: Locator;
  readonly jobCards: Locator;
  /** The detail's links to the screens that own the event's driver / installation, and their "events of this …" filters. */
  readonly driverLink: Locator;
  readonly driverEventsFilter: Locator;
  readonly installationLink: Locator;
  readonly installationEventsFilter: Locator;
  /** Each attempt's link to its endpoint on the Webhooks screen. */
  readonly endpointLinks: Locator;

  constructor(readonly page: Page) {
    this.screen = page.getByTestId('events-screen');
    this.table = page.getByTestId('events-table');
    this.rows = page.getByTestId('event-row');
    this.empty = page.getByTestId('events-empty');
    this.detail = page.getByTestId('event-detail');
    this.attempts = page.getByTestId('attempt');
    this.confirmDialog = page.getByTestId('confirm-dialog');
    this.jobCards = page.getByTestId('job-card');
    this.driverLink = this.detail.getByTestId('link-driver');
    this.driverEventsFilter = this.detail.getByTestId('link-driver-events');
    this.installationLink = this.detail.getByTestId('link-installation');
    this.installationEventsFilter = this.detail.getByTestId('link-installation-events');
    this.endpointLinks = this.detail.getByTestId('attempt-endpoint-link');
  }

  /** Types into a commit-on-Enter filter field. */
  async fillFilter(testId: string, value: string): Promise<void> {
    const input = this.page.getByTestId(testId);
    await input.fill(value);
    await input.press('Enter');
  }

  /** Picks an option of a Mantine Select filter by its visible label. */
  async selectFilter(testId: string, optionLabel: string | RegExp): Promise<void> {
    await this.page.getByTestId(testId).click();
    await this.page.getByRole('option', { name: optionLabel }).first().click();
  }

  /** The loaded row count the table reports (not only the rendered, virtualized ones). */
  async loadedRowCount(): Promise<number> {
    return Number(await this.table.getAttribute('data-rows'));
  }

  async expectLoadedRows(count: number): Promise<void> {
    await expect(this.table).toHaveAttribute('data-rows', String(count));
  }

  row(eventId: string): Locator {
    return this.page.locator(`[data-testid="event-row"][data-event-id="${eventId}"]`);
  }

  async openFirstRow(): Promise<string> {
    const first = this.rows.first();
    const id = (await first.getAttribute('data-event-id')) ?? '';
    await first.click();
    await expect(this.detail).toHaveAttribute('data-event-id', id);
    return id;
  }

  async startExport(format: 'csv' | 'ndjson'): Promise<void> {
    await this.page.getByTestId('export-button').click();
    await this.page.getByTestId(`export-${format}`).click();
  }

  jobCard(kind: 'export' | 'bulk_redeliver'): Locator {
    return this.page.locator(`[data-testid="job-card"][data-job-kind="${kind}"]`).first();
  }
}
