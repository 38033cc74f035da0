// Comparing two delivery attempts of one event, in both languages: an endpoint on the sandbox's
// switchable receiver answers 422 (not retried) and then, "fixed", 200 to a redelivery; the Compare
// tab's "last success vs first failure" puts the failed attempt's body on the left and the
// successful one's on the right, as ticking the two attempts in the Attempts tab does.
import { test, expect, type ConsoleApp } from './fixtures';
import { createProviderEvent } from '../../sandbox/processing/event-store';
import { catalogue, languages } from './catalogue';
import { EventsPage } from './pages/EventsPage';
import { seedSandboxProfile } from './support';

test.describe.configure({ timeout: 120_000 });

async function setSwitch(app: ConsoleApp, name: string, status: number): Promise<void> {
  const response = await fetch(`${app.sandbox.origin}/_sandbox/receiver/switch/${name}`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json', 'x-sandbox-admin': app.sandbox.adminSecret },
    body: JSON.stringify({ status }),
  });
  if (!response.ok) throw new Error(`switch ${name}: ${response.status}`);
}

/** An event with two attempts to its own endpoint: the first failed (422), a manual one succeeded. */
async function eventWithFailureThenSuccess(app: ConsoleApp, tag: string) {
  const eventName = `e2e.compare.${tag}`;
  const switchName = `e2e-compare-${tag}-${Date.now()}`;
  await setSwitch(app, switchName, 422);
  const endpoint = await app.session.call('webhooks:endpointCreate', {
    actionId: `seed-${switchName}`,
    body: { url: `${app.sandbox.origin}/_sandbox/receiver/switch/${switchName}`, events: [eventName] },
  });
  const installation = (await app.session.call('installations:list', { filters: { status: 'active' }, limit: 1 })).items[0]!;
  const event = createProviderEvent(app.sandbox.ctx, { installationId: installation.id, name: eventName, payload: { order_id: `CMP-${tag}` } });
  const settled = async (count: number) => {
    await expect
      .poll(async () => (await app.session.call('events:get', { id: event.id })).dispatches?.filter((d) => d.status !== 'pending').length ?? 0, { timeout: 30_000 })
      .toBe(count);
  };
  await settled(1);
  await setSwitch(app, switchName, 200);
  await app.session.call('events:redeliver', { id: event.id, actionId: `redeliver-${switchName}` });
  await settled(2);
  const dispatches = (await app.session.call('events:get', { id: event.id })).dispatches ?? [];
  const failed = dispatches.find((d) => d.status === 'failed')!;
  const succeeded = dispatches.find((d) => d.status === 'succeeded')!;
  expect(failed.attempt_response_code).toBe(422);
  return { eventId: event.id, endpointId: endpoint.id, failed, succeeded };
}

for (const language of languages) {
  test(`compare two attempts: last success vs first failure, and two ticked attempts (${language})`, async ({ app }) => {
    const t = await catalogue(language);
    await seedSandboxProfile(app);
    const { eventId, endpointId, failed, succeeded } = await eventWithFailureThenSuccess(app, language.toLowerCase());
    try {
      await app.session.call('settings:update', { language });
      await app.open(`/events?event=${encodeURIComponent(eventId)}`);
      const events = new EventsPage(app.page);
      await expect(events.detail).toHaveAttribute('data-event-id', eventId);
      const detail = events.detail;
      const failedLabel = t('events.compare.attemptLabel', { attempt: failed.attempt, status: t('events.status.failed') });
      const succeededLabel = t('events.compare.attemptLabel', { attempt: succeeded.attempt, status: t('events.status.succeeded') });

      await detail.getByRole('tab', { name: t('events.detail.compare') }).click();
      await expect(detail.getByText(t('events.compare.pickTwo'))).toBeVisible();
      await detail.getByRole('button', { name: t('events.compare.lastSuccessFirstFailure') }).click();
      const diff = detail.getByTestId('attempt-diff');
      // Older on the left (the failure), newer on the right (the success), statuses in the operator's language.
      await expect(diff.getByText(failedLabel, { exact: true })).toBeVisible();
      await expect(diff.getByText(succeededLabel, { exact: true })).toBeVisible();
      const labels = await diff.locator('p').evaluateAll((nodes) => nodes.map((n) => n.textContent));
      expect(labels.indexOf(failedLabel)).toBeLessThan(labels.indexOf(succeededLabel));
      await expect(diff.locator('[data-kind="removed"]').filter({ hasText: 'SQLSTATE' })).toHaveCount(1);
      await expect(diff.locator('[data-kind="added"]').filter({ hasText: '"received": true' })).toHaveCount(1);
      await expect(detail.getByTestId('attempt-diff-summary')).not.toHaveText(t('events.diff.identical'));

      // The same pair picked by hand in the Attempts tab.
      await detail.getByRole('tab', { name: t('events.detail.attempts', { count: 2 }) }).click();
      const tick = (attempt: number | null | undefined) => detail.getByRole('checkbox', { name: t('events.detail.compareAttempt', { attempt }) });
      await expect(tick(failed.attempt)).toBeChecked();
      await tick(failed.attempt).uncheck();
      await tick(succeeded.attempt).uncheck();
      await detail.getByRole('tab', { name: t('events.detail.compare') }).click();
      await expect(detail.getByText(t('events.compare.pickTwo'))).toBeVisible();
      await detail.getByRole('tab', { name: t('events.detail.attempts', { count: 2 }) }).click();
      await tick(succeeded.attempt).check();
      await tick(failed.attempt).check();
      await detail.getByRole('tab', { name: t('events.detail.compare') }).click();
      await expect(diff.getByText(failedLabel, { exact: true })).toBeVisible();
      await expect(diff.locator('[data-kind="removed"]').filter({ hasText: 'SQLSTATE' })).toHaveCount(1);
    } finally {
      await app.session.call('webhooks:endpointDelete', { id: endpointId, actionId: `cleanup-${endpointId}` });
    }
  });
}
