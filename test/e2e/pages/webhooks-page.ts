// Page object for the Webhooks screen: endpoints (create, row actions, secret-once dialog, test
// result) and the retry policy editor with its preview.
import { expect, type Locator, type Page } from '@playwright/test';
import { ConfirmDialogPage } from './drivers-page';

export class WebhooksPage {
  readonly screen: Locator;
  readonly form: Locator;
  readonly secretDialog: Locator;
  readonly testResult: Locator;
  readonly retryForm: Locator;
  readonly preview: Locator;
  readonly confirmDialog: ConfirmDialogPage;
  /** Rows marked as the linked endpoint (`?endpoint=<id>`). */
  readonly highlightedRows: Locator;
  /** The note shown when the linked endpoint is not in the table. */
  readonly missingHighlight: Locator;

  constructor(readonly page: Page) {
    this.screen = page.getByTestId('webhooks-screen');
    this.form = page.getByTestId('endpoint-form');
    this.secretDialog = page.getByTestId('secret-dialog');
    this.testResult = page.getByTestId('test-result');
    this.retryForm = page.getByTestId('retry-policy-form');
    this.preview = page.getByTestId('retry-preview');
    this.confirmDialog = new ConfirmDialogPage(page);
    this.highlightedRows = page.locator('[data-testid="endpoint-row"][aria-current="true"]');
    this.missingHighlight = page.getByTestId('endpoint-highlight-missing');
  }

  rowById(id: string): Locator {
    return this.page.locator(`[data-testid="endpoint-row"][data-endpoint-id="${id}"]`);
  }

  row(url: string): Locator {
    return this.page.locator(`[data-testid="endpoint-row"][data-url="${url}"]`);
  }

  async createEndpoint(url: string): Promise<string> {
    await this.page.getByTestId('endpoint-create').click();
    await this.form.getByTestId('endpoint-url').fill(url);
    await this.form.getByTestId('endpoint-save').click();
    await expect(this.secretDialog).toBeVisible();
    return (await this.secretDialog.getByTestId('secret-value').innerText()).trim();
  }

  async closeSecret(): Promise<void> {
    await this.secretDialog.getByTestId('secret-close').click();
    await expect(this.secretDialog).toHaveCount(0);
  }

  async rowAction(url: string, action: 'edit' | 'toggle' | 'test' | 'rotate' | 'delete'): Promise<void> {
    await this.row(url).getByTestId('endpoint-actions').click();
    await this.page.getByTestId(`endpoint-${action}`).click();
  }

  /** Preview rows as [atSeconds, delaySeconds]. */
  async previewSchedule(): Promise<Array<[number, number]>> {
    return this.preview.getByTestId('retry-preview-row').evaluateAll((rows) =>
      rows.map((r) => [Number(r.getAttribute('data-at-seconds')), Number(r.getAttribute('data-delay-seconds'))] as [number, number]),
    );
  }
}
