// Webhook configuration against the real main services and sandbox: an endpoint on the sandbox's
// receiver (secret shown once), a test event and its attempt, secret rotation, and a retry policy
// whose preview matches the attempts the sandbox's dispatcher then really makes.
import { test, expect } from './fixtures';
import { seedSandboxProfile } from './support';
import { activityEntries } from './admin-support';
import { WebhooksPage } from './pages/webhooks-page';
import { createProviderEvent } from '../../sandbox/processing/event-store';

test.describe.configure({ timeout: 180_000 });

const DEFAULT_POLICY = {
  max_attempts: 8,
  strategy: 'exponential' as const,
  initial_delay_seconds: 30,
  max_delay_seconds: 36000,
  retry_on: ['5xx' as const, '429' as const, 'timeout' as const, 'connection_error' as const],
  disable_endpoint_after_failures: null,
};

test('endpoint on the sandbox receiver: secret shown once, test event, rotate secret', async ({ app }) => {
  await seedSandboxProfile(app);
  await app.open('/webhooks');
  const webhooks = new WebhooksPage(app.page);
  const url = `${app.sandbox.origin}/_sandbox/receiver/ok?e2e=${Date.now()}`;
  const secret = await webhooks.createEndpoint(url);
  expect(secret.length).toBeGreaterThan(8);
  await webhooks.closeSecret();
  await expect(webhooks.row(url)).toBeVisible();
  await expect(webhooks.row(url).getByTestId('endpoint-secret-hint')).toContainText(secret.slice(-4));
  expect(await app.page.content()).not.toContain(secret);

  await webhooks.rowAction(url, 'test');
  await expect(webhooks.testResult).toHaveAttribute('data-status', 'succeeded', { timeout: 20_000 });
  await expect(webhooks.testResult.getByTestId('test-result-code')).toHaveText('200');
  await app.page.keyboard.press('Escape');
  await expect(webhooks.row(url).getByTestId('endpoint-last-result')).toHaveText('200');

  await webhooks.rowAction(url, 'rotate');
  await webhooks.confirmDialog.confirm();
  await expect(webhooks.secretDialog).toBeVisible();
  const rotated = (await webhooks.secretDialog.getByTestId('secret-value').innerText()).trim();
  expect(rotated).not.toBe(secret);
  await webhooks.closeSecret();
  expect(await app.page.content()).not.toContain(rotated);
  // Secrets never reach the activity log; the writes do.
  const log = await activityEntries(app);
  expect(JSON.stringify(log)).not.toContain(secret);
  expect(JSON.stringify(log)).not.toContain(rotated);
  expect(log.map((e) => e.action)).toEqual(expect.arrayContaining(['webhooks:endpointCreate', 'webhooks:endpointTest', 'webhooks:endpointRotateSecret']));
});

test('the retry preview matches the attempts the sandbox makes', async ({ app }) => {
  await seedSandboxProfile(app);
  try {
    await app.open('/webhooks');
    const webhooks = new WebhooksPage(app.page);
    await webhooks.retryForm.getByTestId('retry-max-attempts').fill('4');
    await webhooks.retryForm.getByTestId('retry-strategy').click();
    await app.page.getByRole('option', { name: 'Linear' }).click();
    await webhooks.retryForm.getByTestId('retry-initial-delay').fill('1');
    await webhooks.retryForm.getByTestId('retry-max-delay').fill('2');
    // Live validation: a bad value blocks saving and hides the preview until fixed.
    await webhooks.retryForm.getByTestId('retry-max-attempts').fill('25');
    await expect(webhooks.retryForm).toContainText('A whole number from 1 to 20.');
    await expect(app.page.getByTestId('retry-save')).toBeDisabled();
    await webhooks.retryForm.getByTestId('retry-max-attempts').fill('4');
    const preview = await webhooks.previewSchedule();
    expect(preview).toEqual([
      [0, 0],
      [1, 1],
      [3, 2],
      [5, 2],
    ]);
    await app.page.getByTestId('retry-save').click();
    await webhooks.confirmDialog.confirm();
    await expect.poll(async () => (await app.session.call('webhooks:retryPolicyGet', {})).max_attempts).toBe(4);

    const failing = await app.session.call('webhooks:endpointCreate', {
      actionId: `seed-${Date.now()}`,
      body: { url: `${app.sandbox.origin}/_sandbox/receiver/fail?e2e=${Date.now()}`, events: ['*'] },
    });
    const installation = (await app.session.call('installations:list', { filters: { status: 'active' }, limit: 1 })).items[0]!;
    const event = createProviderEvent(app.sandbox.ctx, { installationId: installation.id, name: 'order.paid', payload: { e2e: true } });
    const attempts = async () =>
      (await app.session.call('events:dispatches', { filters: { event_id: event.id, endpoint_id: failing.id }, limit: 20 })).items.filter((d) => d.status !== 'pending');
    await expect.poll(async () => (await attempts()).length, { timeout: 30_000 }).toBe(4);
    const made = (await attempts()).sort((a, b) => (a.attempt ?? 0) - (b.attempt ?? 0));
    // Each retry is scheduled the preview's delay after the previous attempt finished (attempted_at
    // is its start, duration_ms the HTTP part of it; the rest is a few ms of bookkeeping, hence
    // the quarter-second tolerance against whole-second delays), and the dispatcher starts it on
    // time: not before, and within 3 s on a loaded machine (its own lag, not the policy's).
    for (let index = 1; index < made.length; index += 1) {
      const previous = made[index - 1]!;
      const finishedMs = Date.parse(previous.attempted_at!) + (previous.duration_ms ?? 0);
      const dueMs = Date.parse(previous.next_retry_at!);
      expect(Math.abs((dueMs - finishedMs) / 1000 - preview[index]![1])).toBeLessThan(0.25);
      const startedMs = Date.parse(made[index]!.attempted_at!);
      expect(startedMs).toBeGreaterThanOrEqual(dueMs - 5);
      expect(startedMs - dueMs).toBeLessThan(3_000);
    }
    expect(made[3]!.next_retry_at).toBeNull();
  } finally {
    await app.session.call('webhooks:retryPolicyPut', { actionId: `restore-${Date.now()}`, body: DEFAULT_POLICY });
  }
});

test('editing one header keeps the other stored values without retyping them', async ({ app }) => {
  await seedSandboxProfile(app);
  const url = `${app.sandbox.origin}/_sandbox/receiver/ok?e2e-headers=${Date.now()}`;
  const created = await app.session.call('webhooks:endpointCreate', {
    actionId: `seed-${Date.now()}`,
    body: { url, events: ['*'], headers: { 'X-Api-Key': 'key-kept-e2e', 'X-Tenant': 'tenant-old-e2e' } },
  });
  const storedHeaders = () =>
    JSON.parse((app.sandbox.ctx.db.prepare('SELECT headers FROM webhook_endpoints WHERE id = ?').get(created.id) as { headers: string }).headers) as Record<string, string>;

  await app.open('/webhooks');
  const webhooks = new WebhooksPage(app.page);
  await webhooks.rowAction(url, 'edit');
  const key = webhooks.form.getByTestId('endpoint-header-0');
  const tenant = webhooks.form.getByTestId('endpoint-header-1');
  await expect(key.getByLabel('Header name')).toHaveValue('X-Api-Key');
  await expect(key.getByLabel('Value')).toHaveAttribute('placeholder', 'Stored (hidden), kept if left empty');
  await tenant.getByLabel('Value').fill('tenant-new-e2e');
  // A new header needs its value; the stored one left empty does not.
  await webhooks.form.getByTestId('endpoint-add-header').click();
  await webhooks.form.getByTestId('endpoint-header-2').getByLabel('Header name').fill('X-Region');
  await webhooks.form.getByTestId('endpoint-save').click();
  await expect(webhooks.form.getByTestId('endpoint-header-2')).toContainText('a new or renamed header has none stored');
  await expect(key).not.toContainText('none stored');
  await webhooks.form.getByTestId('endpoint-header-2').getByLabel('Value').fill('br');
  await webhooks.form.getByTestId('endpoint-save').click();
  await expect(webhooks.form).toHaveCount(0);

  await expect.poll(storedHeaders).toEqual({ 'X-Api-Key': 'key-kept-e2e', 'X-Tenant': 'tenant-new-e2e', 'X-Region': 'br' });
  // What crossed IPC kept the untouched value as null; no value reached the activity log.
  const update = app.session.records.find((r) => r.direction === 'in' && r.channel === 'webhooks:endpointUpdate');
  expect(JSON.stringify(update)).toContain('"X-Api-Key":null');
  const log = JSON.stringify(await activityEntries(app));
  for (const value of ['key-kept-e2e', 'tenant-new-e2e']) expect(log).not.toContain(value);
});
