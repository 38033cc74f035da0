// Page object for the Installations screen: the table, the create wizard (driver → generated
// settings form → OAuth follow) and the detail/edit panel.
import { expect, type Locator, type Page } from '@playwright/test';

export class InstallationsPage {
  readonly screen: Locator;
  readonly wizard: Locator;
  readonly settingsStep: Locator;
  readonly result: Locator;
  readonly oauth: Locator;
  readonly detail: Locator;
  readonly editForm: Locator;

  constructor(readonly page: Page) {
    this.screen = page.getByTestId('installations-screen');
    this.wizard = page.getByTestId('create-installation-modal');
    this.settingsStep = page.getByTestId('wizard-settings-step');
    this.result = page.getByTestId('wizard-result');
    this.oauth = page.getByTestId('oauth-follow');
    this.detail = page.getByTestId('installation-detail');
    this.editForm = page.getByTestId('edit-installation-form');
  }

  /** The input of a generated setting field (`oauth_settings.redirect_url`). */
  setting(key: string): Locator {
    return this.page.getByTestId(`setting-${key.replace(/[^a-zA-Z0-9_-]/g, '-')}`);
  }

  /** The whole field (label, input, description, error) around a setting's input. */
  settingField(key: string): Locator {
    return this.page.locator('.mantine-InputWrapper-root, .mantine-Switch-root').filter({ has: this.setting(key) }).last();
  }

  async startCreate(driverSlug: string): Promise<void> {
    await this.page.getByTestId('installation-create').click();
    await this.page.getByTestId(`wizard-driver-${driverSlug}`).check();
    await this.page.getByTestId('wizard-next').click();
    await expect(this.settingsStep).toBeVisible();
  }

  async submitCreate(): Promise<void> {
    await this.page.getByTestId('wizard-create').click();
  }

  async fill(key: string, value: string): Promise<void> {
    await this.setting(key).fill(value);
  }

  async toggleSwitch(key: string): Promise<void> {
    await this.setting(key).click({ force: true });
  }
}
