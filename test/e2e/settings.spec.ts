// Settings flows against the real main services and a real sandbox.
import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test, expect } from './fixtures';
import { SettingsPage } from './pages/SettingsPage';
import { ShellPage } from './pages/ShellPage';
import { jtiOf, seedProfile, seedSandboxProfile } from './support';

test('create a profile through the form; the URL rule is explained before main refuses it', async ({ app }) => {
  await app.open('/settings');
  const settings = new SettingsPage(app.page);
  await expect(app.page.getByTestId('profiles-empty')).toBeVisible();
  await app.page.getByTestId('add-profile').click();
  await settings.fillProfileForm({ name: 'Staging', baseUrl: 'http://api.example.com/v1' });
  await settings.profileForm.getByRole('button', { name: 'Save' }).click();
  await expect(settings.profileForm).toContainText('Plain http is allowed only to this machine');
  await settings.fillProfileForm({ baseUrl: app.sandbox.baseUrl, environmentLabel: 'Staging' });
  await settings.profileForm.getByRole('button', { name: 'Save' }).click();
  await expect(settings.profileForm).toHaveCount(0);
  await expect(settings.rowByName('Staging')).toContainText(app.sandbox.baseUrl);
  const list = await app.session.call('profiles:list', {});
  expect(list.profiles.map((p) => [p.name, p.environment, p.baseUrl])).toEqual([['Staging', 'staging', app.sandbox.baseUrl]]);
});

test('the response size limit is edited in the profile form, checked as main checks it, and saved', async ({ app }) => {
  await app.open('/settings');
  const settings = new SettingsPage(app.page);
  await app.page.getByTestId('add-profile').click();
  await settings.fillProfileForm({ name: 'Big answers', baseUrl: app.sandbox.baseUrl });
  const limit = settings.profileForm.getByRole('textbox', { name: /^Largest API answer read/ });
  await expect(limit).toHaveValue('20 MB');
  await limit.fill('0');
  await settings.profileForm.getByRole('button', { name: 'Save' }).click();
  await expect(settings.profileForm).toContainText('Use a whole number of MB from 1 to 200.');
  await limit.fill('35');
  await settings.profileForm.getByRole('button', { name: 'Save' }).click();
  await expect(settings.profileForm).toHaveCount(0);
  const list = await app.session.call('profiles:list', {});
  expect(list.profiles.map((p) => [p.name, p.maxResponseMb])).toEqual([['Big answers', 35]]);
});

test('import from the clipboard: the description is shown and the clipboard is cleared', async ({ app }) => {
  const profile = await seedProfile(app, { name: 'Sandbox', baseUrl: app.sandbox.baseUrl, environment: 'sandbox' }, { activate: true });
  const token = await app.sandbox.mintToken({ name: 'e2e-laptop', ttlSeconds: 30 * 86_400 });
  app.session.fakes.clipboard.writeText(token);
  await app.open('/settings');
  const settings = new SettingsPage(app.page);
  await expect(app.page.getByTestId('token-none')).toBeVisible();
  await settings.importToken('clipboard');
  await expect(settings.tokenDescription).toBeVisible();
  await expect(app.page.getByTestId('token-last4')).toHaveText(`…${token.slice(-4)}`);
  await expect(app.page.getByTestId('token-sub')).toHaveText('e2e-laptop');
  await expect(app.page.getByTestId('token-tenant')).toBeVisible();
  await expect(app.page.getByTestId('token-storage')).toContainText('system keychain');
  await expect(app.page.getByTestId('token-countdown')).toContainText(/29d|30d/);
  await expect(app.page.getByTestId('token-expiring-soon')).toHaveCount(0);
  expect(app.session.fakes.clipboard.peek()).toBe('');
  await expect(settings.row(profile.id)).toContainText(`token …${token.slice(-4)}`);
});

test('a token that expires within 7 days carries a warning', async ({ app }) => {
  const profile = await seedProfile(app, { name: 'Sandbox', baseUrl: app.sandbox.baseUrl, environment: 'sandbox' }, { activate: true });
  app.session.fakes.clipboard.writeText(await app.sandbox.mintToken({ ttlSeconds: 3 * 86_400 }));
  await app.session.call('token:importFromClipboard', { profileId: profile.id });
  await app.open('/settings');
  await expect(app.page.getByTestId('token-expiring-soon')).toBeVisible();
});

test('import from a file chosen in the (fake) native dialog; cancelling changes nothing', async ({ app }) => {
  await seedProfile(app, { name: 'Sandbox', baseUrl: app.sandbox.baseUrl, environment: 'sandbox' }, { activate: true });
  const fileToken = await app.sandbox.mintToken({ name: 'from-file' });
  const file = join(app.session.userDataDir, '..', `${app.session.userDataDir.split('/').pop()}-token.txt`);
  await writeFile(file, `${fileToken}\n`, { mode: 0o600 });
  app.session.fakes.dialog.prepareOpen(null);
  await app.open('/settings');
  const settings = new SettingsPage(app.page);
  await settings.importToken('file');
  await expect(app.page.getByText('No file chosen; nothing changed.')).toBeVisible();
  await expect(app.page.getByTestId('token-none')).toBeVisible();
  app.session.fakes.dialog.prepareOpen(file);
  await settings.importToken('file');
  await expect(app.page.getByTestId('token-sub')).toHaveText('from-file');
  await expect(app.page.getByTestId('token-source')).toHaveText('file');
  await rm(file, { force: true });
});

test('import from the environment (II_API_TOKEN)', async ({ app }) => {
  const envToken = await app.sandbox.mintToken({ name: 'from-env' });
  // Main reads II_API_TOKEN when the operator asks for it, from the env object it was given.
  app.session.env.II_API_TOKEN = envToken;
  const profile = await seedProfile(app, { name: 'Sandbox', baseUrl: app.sandbox.baseUrl, environment: 'sandbox' }, { activate: true });
  await app.open('/settings');
  const settings = new SettingsPage(app.page);
  await settings.importToken('env');
  await expect(app.page.getByTestId('token-sub')).toHaveText('from-env');
  await expect(app.page.getByTestId('token-source')).toHaveText('environment variable');
  await expect(settings.row(profile.id)).toContainText(envToken.slice(-4));
});

test('an invalid JWT shape is refused with a message that says what a token looks like', async ({ app }) => {
  await seedProfile(app, { name: 'Sandbox', baseUrl: app.sandbox.baseUrl, environment: 'sandbox' }, { activate: true });
  app.session.fakes.clipboard.writeText('this is not a token');
  await app.open('/settings');
  const settings = new SettingsPage(app.page);
  await settings.importToken('clipboard');
  await expect(settings.tokenError).toHaveAttribute('data-error-code', 'invalid_token');
  await expect(settings.tokenError).toContainText('three parts separated by dots');
  await expect(app.page.getByTestId('token-none')).toBeVisible();
});

test('test connection succeeds against the sandbox; a revoked token gives the 401 message', async ({ app }) => {
  const { token } = await seedSandboxProfile(app);
  await app.open('/settings');
  const settings = new SettingsPage(app.page);
  await settings.testConnection();
  await expect(app.page.getByTestId('connection-ok')).toContainText('Connected');

  expect(app.sandbox.revokeToken(jtiOf(token))).toBe(true);
  await settings.testConnection();
  await expect(settings.connectionError).toHaveAttribute('data-error-code', 'unauthenticated');
  await expect(settings.connectionError).toContainText('401');
});

test('a network failure is reported as such', async ({ app }) => {
  // Port 9 on loopback: nothing listens there.
  const profile = await seedProfile(app, { name: 'Nowhere', baseUrl: 'http://127.0.0.1:9/v1', environment: 'other' }, { activate: true });
  app.session.fakes.clipboard.writeText(await app.sandbox.mintToken());
  await app.session.call('token:importFromClipboard', { profileId: profile.id });
  await app.open('/settings');
  const settings = new SettingsPage(app.page);
  await settings.testConnection();
  await expect(settings.connectionError).toHaveAttribute('data-error-code', 'network');
  await expect(settings.connectionError).toContainText('Could not reach the API');
});

test('detect base path finds /v1 from the bare host', async ({ app }) => {
  const profile = await seedProfile(app, { name: 'Sandbox', baseUrl: app.sandbox.origin, environment: 'sandbox' }, { activate: true });
  app.session.fakes.clipboard.writeText(await app.sandbox.mintToken());
  await app.session.call('token:importFromClipboard', { profileId: profile.id });
  await app.open('/settings');
  const settings = new SettingsPage(app.page);
  await settings.detectBasePath();
  await expect(app.page.getByTestId('base-path-detected')).toContainText(`${app.sandbox.origin}/v1`);
  // Detection saves nothing by itself; the operator applies it.
  await expect(app.page.getByTestId('connection-base-url')).toHaveText(app.sandbox.origin);
  await app.page.getByTestId('use-detected-base-url').click();
  await expect(app.page.getByTestId('connection-base-url')).toHaveText(`${app.sandbox.origin}/v1`);
  const saved = (await app.session.call('profiles:list', {})).profiles.find((p) => p.id === profile.id);
  expect(saved?.baseUrl).toBe(`${app.sandbox.origin}/v1`);
  await settings.testConnection();
  await expect(app.page.getByTestId('connection-ok')).toBeVisible();
});

test('rotate: the new token is verified, replaces the old one, and the revoke reminder names the old one', async ({ app }) => {
  const { profile, token: oldToken } = await seedSandboxProfile(app);
  const newToken = await app.sandbox.mintToken({ name: 'rotated' });
  app.session.fakes.clipboard.writeText(newToken);
  await app.open('/settings');
  const settings = new SettingsPage(app.page);
  await settings.rotateFrom('clipboard');
  await expect(app.page.getByTestId('revoke-reminder')).toContainText(`…${oldToken.slice(-4)}`);
  await expect(app.page.getByTestId('token-sub')).toHaveText('rotated');
  await expect(settings.row(profile.id)).toContainText(newToken.slice(-4));
  await app.page.getByTestId('revoke-reminder').getByRole('button').first().click();
  await expect.poll(() => app.session.fakes.shell.opened.length).toBe(1);
  expect(app.session.fakes.shell.opened[0]).toMatch(/^https:\/\/app\.integracoesinteligentes\.com\//);
});

test('rotate refuses a token the API rejects and keeps the old one', async ({ app }) => {
  const { token: oldToken } = await seedSandboxProfile(app);
  app.session.fakes.clipboard.writeText(await app.sandbox.mintToken({ expired: true }));
  await app.open('/settings');
  const settings = new SettingsPage(app.page);
  await settings.rotateFrom('clipboard');
  await expect(app.page.getByTestId('rotate-error')).toHaveAttribute('data-error-code', /unauthenticated|invalid_token/);
  await app.page.keyboard.press('Escape');
  await expect(app.page.getByTestId('token-last4')).toHaveText(`…${oldToken.slice(-4)}`);
});

test('remove the token, and open the Dashboard to create one', async ({ app }) => {
  const { profile } = await seedSandboxProfile(app);
  await app.open('/settings');
  const settings = new SettingsPage(app.page);
  await settings.removeToken();
  await expect(app.page.getByTestId('token-none')).toBeVisible();
  await expect(new ShellPage(app.page).page.getByTestId('no-token-badge')).toBeVisible();
  expect((await app.session.call('token:describe', { profileId: profile.id }))).toBeNull();
  await app.page.getByTestId('open-dashboard').click();
  await expect.poll(() => app.session.fakes.shell.opened).toHaveLength(1);
});

test('remove a profile after confirming', async ({ app }) => {
  const { profile } = await seedSandboxProfile(app, 'Temporary');
  await app.open('/settings');
  await app.page.getByTestId(`remove-${profile.id}`).click();
  await app.page.getByTestId('confirm-remove-profile').click();
  await expect(app.page.getByTestId('profiles-empty')).toBeVisible();
  expect((await app.session.call('profiles:list', {})).profiles).toEqual([]);
});
