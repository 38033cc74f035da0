// Page object for the Settings screen.
import type { Locator, Page } from '@playwright/test';

export interface ProfileFields {
  name?: string;
  baseUrl?: string;
  /** Label as shown in the select (e.g. "Production"). */
  environmentLabel?: string;
  readOnly?: boolean;
}

export class SettingsPage {
  readonly screen: Locator;
  readonly profilesCard: Locator;
  readonly tokenCard: Locator;
  readonly connectionCard: Locator;
  readonly preferencesCard: Locator;
  readonly profileForm: Locator;
  readonly tokenDescription: Locator;
  readonly tokenError: Locator;
  readonly connectionError: Locator;

  constructor(readonly page: Page) {
    this.screen = page.getByTestId('settings-screen');
    this.profilesCard = page.getByTestId('profiles-card');
    this.tokenCard = page.getByTestId('token-card');
    this.connectionCard = page.getByTestId('connection-card');
    this.preferencesCard = page.getByTestId('preferences-card');
    this.profileForm = page.getByTestId('profile-form');
    this.tokenDescription = page.getByTestId('token-description');
    this.tokenError = page.getByTestId('token-error');
    this.connectionError = page.getByTestId('connection-error');
  }

  async fillProfileForm(fields: ProfileFields): Promise<void> {
    const form = this.profileForm;
    if (fields.name !== undefined) await form.getByRole('textbox', { name: /^(Name|Nome)/ }).fill(fields.name);
    if (fields.baseUrl !== undefined) await form.getByRole('textbox', { name: /^(API base URL|URL base da API)/ }).fill(fields.baseUrl);
    if (fields.environmentLabel !== undefined) {
      await form.getByRole('combobox', { name: /^(Environment|Ambiente)/ }).click();
      await this.page.getByRole('option', { name: fields.environmentLabel, exact: true }).click();
    }
    if (fields.readOnly !== undefined) await form.getByRole('checkbox').setChecked(fields.readOnly);
  }

  async createProfile(fields: ProfileFields): Promise<void> {
    await this.page.getByTestId('add-profile').click();
    await this.fillProfileForm(fields);
    await this.profileForm.getByRole('button', { name: /^(Save|Salvar)$/ }).click();
  }

  row(profileId: string): Locator {
    return this.page.getByTestId(`profile-row-${profileId}`);
  }

  rowByName(name: string): Locator {
    return this.profilesCard.locator('tr', { hasText: name });
  }

  async select(profileId: string): Promise<void> {
    await this.page.getByTestId(`select-profile-${profileId}`).click();
  }

  async importToken(source: 'clipboard' | 'file' | 'env'): Promise<void> {
    await this.page.getByTestId(`import-${source}`).click();
  }

  async rotateFrom(source: 'clipboard' | 'file' | 'env'): Promise<void> {
    await this.page.getByTestId('rotate-token').click();
    await this.page.getByTestId(`rotate-from-${source}`).click();
  }

  async removeToken(): Promise<void> {
    await this.page.getByTestId('remove-token').click();
    await this.page.getByTestId('confirm-remove-token').click();
  }

  async testConnection(): Promise<void> {
    await this.page.getByTestId('test-connection').click();
  }

  async detectBasePath(): Promise<void> {
    await this.page.getByTestId('detect-base-path').click();
  }

  async chooseLanguage(label: string): Promise<void> {
    await this.page.getByTestId('pref-language').click();
    await this.page.getByRole('option', { name: label, exact: true }).click();
  }
}
