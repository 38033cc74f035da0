// Page object for the shell (header, navigation, profile switcher, theme). Used by the Chromium
// specs and the Electron smoke spec alike.
import type { Locator, Page } from '@playwright/test';

export class ShellPage {
  readonly shell: Locator;
  readonly navigation: Locator;
  readonly activeProfile: Locator;
  readonly activeProfileName: Locator;
  readonly productionBadge: Locator;
  readonly readOnlyBadge: Locator;
  readonly switcher: Locator;
  readonly themeSwitcher: Locator;
  readonly skipLink: Locator;
  readonly main: Locator;
  readonly offlineBanner: Locator;

  constructor(readonly page: Page) {
    this.shell = page.getByTestId('shell');
    this.navigation = page.getByRole('navigation');
    this.activeProfile = page.getByTestId('active-profile');
    this.activeProfileName = page.getByTestId('active-profile-name');
    this.productionBadge = page.getByTestId('production-badge');
    this.readOnlyBadge = page.getByTestId('read-only-badge');
    this.switcher = page.getByTestId('profile-switcher');
    this.themeSwitcher = page.getByTestId('theme-switcher');
    this.skipLink = page.locator('.skip-link');
    this.main = page.locator('main#main-content');
    this.offlineBanner = page.getByTestId('offline-banner');
  }

  navLink(id: string): Locator {
    return this.page.getByTestId(`nav-${id}`);
  }

  async navLinkIds(): Promise<string[]> {
    const ids = await this.navigation.locator('[data-testid^="nav-"]').evaluateAll((links) => links.map((l) => l.getAttribute('data-testid') ?? ''));
    return ids.map((id) => id.replace(/^nav-/, ''));
  }

  async switchTo(profileId: string): Promise<void> {
    await this.switcher.click();
    await this.page.getByTestId(`switch-to-${profileId}`).click();
  }

  async setTheme(label: string): Promise<void> {
    await this.themeSwitcher.getByText(label, { exact: true }).click();
  }

  /** `light` | `dark`, as Mantine applies it to <html>. */
  colorScheme(): Promise<string | null> {
    return this.page.locator('html').getAttribute('data-mantine-color-scheme');
  }
}
