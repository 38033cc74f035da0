// Page object for the Drivers screen, plus the confirmation dialog every admin write goes through
// (shared by the installations/webhooks/activity page objects).
import { expect, type Locator, type Page } from '@playwright/test';

export class ConfirmDialogPage {
  readonly dialog: Locator;
  constructor(readonly page: Page) {
    this.dialog = page.getByTestId('confirm-dialog');
  }
  /** Confirms; on a production profile types the profile name first. */
  async confirm(options: { typeName?: string } = {}): Promise<void> {
    await expect(this.dialog).toBeVisible();
    if (options.typeName !== undefined) await this.dialog.getByTestId('confirm-type-name').fill(options.typeName);
    await this.dialog.getByTestId('confirm-ok').click();
    await expect(this.dialog).toHaveCount(0);
  }
  async cancel(): Promise<void> {
    await this.dialog.getByTestId('confirm-cancel').click();
    await expect(this.dialog).toHaveCount(0);
  }
}

export class DriversPage {
  readonly screen: Locator;
  readonly table: Locator;
  readonly detail: Locator;
  readonly confirmDialog: ConfirmDialogPage;

  constructor(readonly page: Page) {
    this.screen = page.getByTestId('drivers-screen');
    this.table = page.getByTestId('drivers-table');
    this.detail = page.getByTestId('driver-detail');
    this.confirmDialog = new ConfirmDialogPage(page);
  }

  row(slug: string): Locator {
    return this.page.getByTestId(`driver-row-${slug}`);
  }

  toggle(slug: string): Locator {
    return this.page.getByTestId(`driver-toggle-${slug}`);
  }

  /** Clicks the switch (the input is visually hidden by Mantine; its label track is the target). */
  async clickToggle(slug: string): Promise<void> {
    await this.toggle(slug).click({ force: true });
  }

  async open(slug: string): Promise<void> {
    await this.page.getByTestId(`driver-open-${slug}`).click();
    await expect(this.detail).toBeVisible();
  }

  async rowSlugs(): Promise<string[]> {
    return this.table.locator('tbody tr').evaluateAll((rows) => rows.map((r) => (r.getAttribute('data-testid') ?? '').replace(/^driver-row-/, '')));
  }
}
