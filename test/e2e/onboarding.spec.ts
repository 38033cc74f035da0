// First run, as a new operator: with no profile (or a profile without a token) every API screen
// leads to the onboarding instead of an error, and no API request is made for it. The flow: name +
// environment + the sandbox's BARE origin (detected on save: the sandbox serves at /v1), a token
// minted now and imported from the (fake) clipboard by main, the connection test, the Overview with
// data. Failures say what to do and keep the operator on the step: a URL where nothing answers, a
// clipboard that holds no token, a token the API refuses. Once in Portuguese; axe on every step in
// both themes. Detect on save in the Settings profile form is here too (the same code path).
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { test, expect } from './fixtures';
import type { ConsoleApp } from './fixtures';
import { axeProblems } from './axe';
import { OnboardingPage } from './pages/onboarding-page';
import { OverviewPage } from './pages/overview';
import { SettingsPage } from './pages/SettingsPage';
import { jtiOf, seedProfile } from './support';

test.describe.configure({ timeout: 120_000 });

/** A loopback origin where nothing listens (a port just freed). */
async function deadOrigin(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return `http://127.0.0.1:${port}`;
}

/** IPC requests the page made that reach the platform API (the onboarding must make none for a screen). */
function apiRequests(app: ConsoleApp): string[] {
  return app.session.records
    .filter((r) => r.direction === 'in' && /^(overview|events|drivers|installations|webhooks|capabilities|jobs|views):/.test(r.channel))
    .map((r) => r.channel);
}

const texts = {
  en: {
    title: 'Set up the console',
    environment: 'Sandbox',
    found: (url: string) => `API found at ${url}.`,
    unreachable: 'Nothing answered at',
    notToken: 'That is not an API token',
    copyWhole: 'Copy the whole token from the Dashboard',
    refused: 'Go back to the token step',
    connected: 'Connected',
  },
  'pt-BR': {
    title: 'Configure o console',
    environment: 'Sandbox',
    found: (url: string) => `API encontrada em ${url}.`,
    unreachable: 'Nada respondeu em',
    notToken: 'Isso não é um token da API',
    copyWhole: 'Copie o token inteiro no Dashboard',
    refused: 'Volte ao passo do token',
    connected: 'Conectado',
  },
} as const;

for (const language of ['en', 'pt-BR'] as const) {
  test(`a new operator is led from the Overview and Events to a working profile (${language})`, async ({ app }) => {
    const t = texts[language];
    await app.session.call('settings:update', { language });
    const onboarding = new OnboardingPage(app.page);

    // Events and the Overview both lead here; neither asked the API anything.
    await app.open('/events');
    await onboarding.expectStep('profile');
    await expect(onboarding.root.getByRole('heading', { level: 1 })).toHaveText(t.title);
    await app.open('/overview');
    await onboarding.expectStep('profile');
    expect(apiRequests(app)).toEqual([]);

    // A URL where nothing answers: said plainly, nothing saved, still on the first step.
    const dead = await deadOrigin();
    await onboarding.fillProfile({ name: 'Loja Teste', environmentLabel: t.environment, baseUrl: dead });
    await onboarding.saveProfile();
    await expect(onboarding.detectionNotFound).toHaveAttribute('data-reason', 'unreachable');
    await expect(onboarding.detectionNotFound).toContainText(`${t.unreachable} ${dead}`);
    await onboarding.expectStep('profile');
    expect((await app.session.call('profiles:list', {})).profiles).toEqual([]);

    // The sandbox's bare origin: detection finds /v1, and the profile is saved and made active with it.
    await onboarding.fillProfile({ baseUrl: app.sandbox.origin });
    await expect(onboarding.detectionNotFound).toHaveCount(0);
    await onboarding.saveProfile();
    await onboarding.expectStep('token');
    await expect(onboarding.detectionFound).toHaveText(t.found(`${app.sandbox.origin}/v1`));
    const afterSave = await app.session.call('profiles:list', {});
    expect(afterSave.profiles.map((p) => [p.name, p.environment, p.baseUrl, p.token])).toEqual([['Loja Teste', 'sandbox', `${app.sandbox.origin}/v1`, null]]);
    expect(afterSave.activeId).toBe(afterSave.profiles[0]?.id);

    // The clipboard holds no token: the message says what to do; the clipboard is left as it was.
    app.session.fakes.clipboard.writeText('this is not a token');
    await onboarding.importFromClipboard();
    await expect(onboarding.tokenError).toHaveAttribute('data-error-code', 'invalid_token');
    await expect(onboarding.tokenError).toContainText(t.notToken);
    await expect(onboarding.tokenError).toContainText(t.copyWhole);
    await onboarding.expectStep('token');
    expect(app.session.fakes.clipboard.peek()).toBe('this is not a token');

    // A real token, minted now: main reads and clears the clipboard; on to the test.
    const token = await app.sandbox.mintToken({ name: `onboarding-${language}` });
    app.session.fakes.clipboard.writeText(token);
    await onboarding.importFromClipboard();
    await onboarding.expectStep('test');
    expect(app.session.fakes.clipboard.peek()).toBe('');
    await expect(app.page.locator('body')).not.toContainText(token);

    await onboarding.testConnection();
    await onboarding.expectStep('done');
    await expect(onboarding.connected).toContainText(t.connected);
    await onboarding.openOverview();
    await expect(app.page).toHaveURL(/#\/overview/);
    await expect(onboarding.root).toHaveCount(0);
    const overview = new OverviewPage(app.page);
    await overview.waitForFigures();
    await expect(overview.stat('attempts')).toContainText(/\d/);
  });
}

test('a profile without a token leads to the token step; a refused token says to import another', async ({ app }) => {
  await seedProfile(app, { name: 'Sem Token', baseUrl: app.sandbox.baseUrl, environment: 'staging' }, { activate: true });
  const onboarding = new OnboardingPage(app.page);
  await app.open('/drivers');
  await onboarding.expectStep('token');
  expect(apiRequests(app)).toEqual([]);

  // Well formed, but revoked: the import takes it, the test is refused with what to do.
  const token = await app.sandbox.mintToken();
  expect(app.sandbox.revokeToken(jtiOf(token))).toBe(true);
  app.session.fakes.clipboard.writeText(token);
  await onboarding.importFromClipboard();
  await onboarding.expectStep('test');
  await onboarding.testConnection();
  await expect(onboarding.testError).toHaveAttribute('data-error-code', 'unauthenticated');
  await expect(onboarding.testError).toContainText(texts.en.refused);
  await onboarding.expectStep('test');

  // Back to the token step, a good token, and the test passes.
  await app.page.getByTestId('onboarding-fix-token').click();
  await onboarding.expectStep('token');
  app.session.fakes.clipboard.writeText(await app.sandbox.mintToken());
  await onboarding.importFromClipboard();
  await onboarding.testConnection();
  await onboarding.expectStep('done');
  await onboarding.openOverview();
  await expect(app.page.getByTestId('overview-screen')).toBeVisible();
});

test('Settings stays itself without a profile, and its profile form detects on save', async ({ app }) => {
  await app.open('/settings');
  await expect(app.page.getByTestId('settings-screen')).toBeVisible();
  await expect(new OnboardingPage(app.page).root).toHaveCount(0);
  const settings = new SettingsPage(app.page);

  // A bare host: saved with the base path detection found, and the operator is told.
  await settings.createProfile({ name: 'Bare host', baseUrl: app.sandbox.origin, environmentLabel: 'Sandbox' });
  await expect(settings.profileForm).toHaveCount(0);
  await expect(app.page.getByText(`API found at ${app.sandbox.origin}/v1.`)).toBeVisible();
  await expect(settings.rowByName('Bare host')).toContainText(`${app.sandbox.origin}/v1`);

  // Nothing answers: a clear warning, nothing saved; the operator may keep the URL anyway.
  const dead = await deadOrigin();
  await settings.createProfile({ name: 'Kept', baseUrl: `${dead}/custom` });
  await expect(settings.profileForm.getByTestId('detection-not-found')).toContainText(`Nothing answered at ${dead}`);
  expect((await app.session.call('profiles:list', {})).profiles.map((p) => p.name)).toEqual(['Bare host']);
  await settings.profileForm.getByTestId('keep-typed-url').click();
  await expect(settings.profileForm).toHaveCount(0);
  await expect(settings.rowByName('Kept')).toContainText(`${dead}/custom`);

  // Editing the base URL detects again; an unchanged URL is not probed.
  const bare = (await app.session.call('profiles:list', {})).profiles.find((p) => p.name === 'Bare host')!;
  await app.page.getByTestId(`edit-${bare.id}`).click();
  await settings.fillProfileForm({ baseUrl: `${app.sandbox.origin}/api/v1` });
  await settings.profileForm.getByRole('button', { name: 'Save' }).click();
  await expect(settings.profileForm).toHaveCount(0);
  await expect(settings.rowByName('Bare host')).toContainText(`${app.sandbox.origin}/v1`);
  const probes = () => app.session.records.filter((r) => r.direction === 'in' && r.channel === 'connection:detectBasePath').length;
  const before = probes();
  await app.page.getByTestId(`edit-${bare.id}`).click();
  await settings.fillProfileForm({ name: 'Renamed' });
  await settings.profileForm.getByRole('button', { name: 'Save' }).click();
  await expect(settings.rowByName('Renamed')).toBeVisible();
  expect(probes()).toBe(before);
});

for (const theme of ['light', 'dark'] as const) {
  test(`axe: every onboarding step, with its messages (${theme})`, async ({ app }) => {
    await app.session.call('settings:update', { theme });
    const onboarding = new OnboardingPage(app.page);
    await app.open('/overview');
    await onboarding.expectStep('profile');
    expect(await axeProblems(app.page), 'profile step').toEqual([]);

    await onboarding.fillProfile({ name: 'A11y', environmentLabel: 'Sandbox', baseUrl: await deadOrigin() });
    await onboarding.saveProfile();
    await expect(onboarding.detectionNotFound).toBeVisible();
    expect(await axeProblems(app.page), 'profile step, nothing found').toEqual([]);

    await onboarding.fillProfile({ baseUrl: app.sandbox.origin });
    await onboarding.saveProfile();
    await onboarding.expectStep('token');
    app.session.fakes.clipboard.writeText('not a token');
    await onboarding.importFromClipboard();
    await expect(onboarding.tokenError).toBeVisible();
    expect(await axeProblems(app.page), 'token step with the API found and an error').toEqual([]);

    const revoked = await app.sandbox.mintToken();
    app.sandbox.revokeToken(jtiOf(revoked));
    app.session.fakes.clipboard.writeText(revoked);
    await onboarding.importFromClipboard();
    await onboarding.expectStep('test');
    await onboarding.testConnection();
    await expect(onboarding.testError).toBeVisible();
    expect(await axeProblems(app.page), 'test step with a refused token').toEqual([]);

    await app.page.getByTestId('onboarding-fix-token').click();
    app.session.fakes.clipboard.writeText(await app.sandbox.mintToken());
    await onboarding.importFromClipboard();
    await onboarding.testConnection();
    await onboarding.expectStep('done');
    expect(await axeProblems(app.page), 'done').toEqual([]);
  });
}
