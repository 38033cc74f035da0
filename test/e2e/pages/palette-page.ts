// Page object for the command palette (Ctrl/Cmd+K) and the `?` shortcuts modal.
import type { Locator, Page } from '@playwright/test';

export class PalettePage {
  readonly button: Locator;
  readonly search: Locator;
  readonly shortcutsModal: Locator;

  constructor(readonly page: Page) {
    this.button = page.getByTestId('palette-open');
    this.search = page.getByTestId('palette-search');
    this.shortcutsModal = page.getByRole('dialog').filter({ has: page.getByTestId('shortcuts-global') });
  }

  /** Opens the palette with the keyboard (as an operator would) and waits for its search box. */
  async openWithKeyboard(): Promise<void> {
    await this.page.keyboard.press('ControlOrMeta+k');
    await this.search.waitFor();
  }

  action(testId: string): Locator {
    return this.page.getByTestId(testId);
  }

  /** Types `query` into the palette (replacing what is there). */
  async type(query: string): Promise<void> {
    await this.search.fill(query);
  }
}
