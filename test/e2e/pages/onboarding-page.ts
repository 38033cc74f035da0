// Page object for the onboarding (renderer/onboarding/): the Stepper that stands in for a screen
// while there is no profile, or the active profile has no token.
import { expect, type Locator, type Page } from '@playwright/test';

export type OnboardingStepName = 'profile' | 'token' | 'test' | 'done';

export class OnboardingPage {
  readonly root: Locator;
  readonly profileForm: Locator;
  readonly detectionFound: Locator;
  readonly detectionNotFound: Locator;
  readonly profileError: Locator;
  readonly tokenError: Locator;
  readonly testError: Locator;
  readonly connected: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByTestId('onboarding');
    this.profileForm = page.getByTestId('onboarding-profile-form');
    this.detectionFound = page.getByTestId('detection-found');
    this.detectionNotFound = page.getByTestId('detection-not-found');
    this.profileError = page.getByTestId('onboarding-profile-error');
    this.tokenError = page.getByTestId('onboarding-token-error');
    this.testError = page.getByTestId('onboarding-test-error');
    this.connected = page.getByTestId('onboarding-connected');
  }

  async expectStep(step: OnboardingStepName): Promise<void> {
    await expect(this.root).toBeVisible();
    await expect(this.root).toHaveAttribute('data-step', step);
  }

  /** Fills the first step; the environment by its label as shown (e.g. "Sandbox"). */
  async fillProfile(fields: { name?: string; environmentLabel?: string; baseUrl?: string }): Promise<void> {
    const form = this.profileForm;
    if (fields.name !== undefined) await form.getByRole('textbox', { name: /^(Name|Nome)/ }).fill(fields.name);
    if (fields.environmentLabel !== undefined) {
      await form.getByRole('combobox', { name: /^(Environment|Ambiente)/ }).click();
      await this.page.getByRole('option', { name: fields.environmentLabel, exact: true }).click();
    }
    if (fields.baseUrl !== undefined) await form.getByRole('textbox', { name: /^(API base URL|URL base da API)/ }).fill(fields.baseUrl);
  }

  async saveProfile(): Promise<void> {
    await this.page.getByTestId('onboarding-profile-next').click();
  }

  async importFromClipboard(): Promise<void> {
    await this.root.getByTestId('import-clipboard').click();
  }

  async testConnection(): Promise<void> {
    await this.page.getByTestId('onboarding-test').click();
  }

  async openOverview(): Promise<void> {
    await this.page.getByTestId('onboarding-open-overview').click();
  }
}
