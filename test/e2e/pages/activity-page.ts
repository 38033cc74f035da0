// Page object for the Activity screen.
import type { Locator, Page } from '@playwright/test';

export class ActivityPage {
  readonly screen: Locator;
  readonly rows: Locator;
  constructor(readonly page: Page) {
    this.screen = page.getByTestId('activity-screen');
    this.rows = page.getByTestId('activity-row');
  }
  async actions(): Promise<string[]> {
    return this.rows.evaluateAll((rows) => rows.map((r) => `${r.getAttribute('data-action')}:${r.getAttribute('data-result')}`));
  }
}
