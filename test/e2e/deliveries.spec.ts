// The Deliveries screen against the worker's demo sandbox, in both languages: each filter of the
// delivery log and of the received-webhooks log changes the rows to exactly what the API answers
// for that filter (and every answered row matches it); a row opens its drawer with that attempt
// or webhook, and Esc closes it. The view is bounded by `to` (fixed when the test starts), so
// attempts the dispatcher makes meanwhile do not change what either side sees.
import type { Locator } from '@playwright/test';
import { test, expect, type ConsoleApp } from './fixtures';
import type { DispatchesFilters } from '../../shared/ipc/channels/events';
import type { ReceivedWebhooksFilters } from '../../shared/ipc/channels/webhooks';
import { catalogue, languages } from './catalogue';
import { seedSandboxProfile } from './support';

test.describe.configure({ timeout: 180_000 });

const PAGE = 50;

function ids(rows: Locator, attribute: string): Promise<string[]> {
  return rows.evaluateAll((elements, name) => elements.map((e) => e.getAttribute(name) ?? ''), attribute);
}

async function dispatches(app: ConsoleApp, to: string, filters: DispatchesFilters = {}) {
  return (await app.session.call('events:dispatches', { filters: { ...filters, attempted_at_less_than: to }, limit: PAGE })).items;
}

async function received(app: ConsoleApp, to: string, filters: ReceivedWebhooksFilters = {}) {
  return (await app.session.call('webhooks:received', { filters: { ...filters, received_at_less_than: to }, limit: PAGE })).items;
}

for (const language of languages) {
  test(`delivery log: each filter gives the API's rows for it; a row opens its attempt, Esc closes it (${language})`, async ({ app }) => {
    const t = await catalogue(language);
    await seedSandboxProfile(app);
    await app.session.call('settings:update', { language });
    const to = new Date().toISOString();
    const page = app.page;
    await app.open(`/deliveries?to=${encodeURIComponent(to)}`);
    await expect(page.getByRole('heading', { name: t('deliveries.title') })).toBeVisible();
    await expect(page.getByRole('tab', { name: t('deliveries.dispatchesTab') })).toHaveAttribute('aria-selected', 'true');
    const table = page.getByRole('table', { name: t('deliveries.dispatchesTab') });
    const rows = table.getByTestId('dispatch-row');
    const filters = page.getByRole('search', { name: t('deliveries.filters') });
    const expectRows = async (expected: Array<{ id: string }>) => {
      expect(expected.length, 'the demo data has rows for this filter').toBeGreaterThan(0);
      await expect.poll(() => ids(rows, 'data-dispatch-id')).toEqual(expected.map((d) => d.id));
    };

    const all = await dispatches(app, to);
    await expectRows(all);

    // Status.
    await filters.getByLabel(t('events.filters.status'), { exact: true }).click();
    await page.getByRole('option', { name: t('events.status.failed'), exact: true }).click();
    const failed = await dispatches(app, to, { status: 'failed' });
    expect(failed.every((d) => d.status === 'failed')).toBe(true);
    expect(failed.map((d) => d.id)).not.toEqual(all.map((d) => d.id));
    await expectRows(failed);

    // Response code, on top of the status.
    await filters.getByLabel(t('events.filters.code'), { exact: true }).click();
    await page.getByRole('option', { name: '5xx', exact: true }).click();
    const failed5xx = await dispatches(app, to, { status: 'failed', attempt_response_code: '5xx' });
    expect(failed5xx.every((d) => d.status === 'failed' && (d.attempt_response_code ?? 0) >= 500)).toBe(true);
    await expectRows(failed5xx);
    await expect(page).toHaveURL(/status=failed/);
    await expect(page).toHaveURL(/code=5xx/);

    // Event id (status and code cleared by reopening the screen unfiltered).
    await app.open(`/deliveries?to=${encodeURIComponent(to)}`);
    await expectRows(all);
    const eventId = failed5xx[0]!.event_id!;
    const eventField = filters.getByLabel(t('deliveries.eventId'), { exact: true });
    await eventField.fill(eventId);
    await eventField.press('Enter');
    const ofEvent = await dispatches(app, to, { event_id: eventId });
    expect(ofEvent.every((d) => d.event_id === eventId)).toBe(true);
    await expectRows(ofEvent);
    await eventField.fill('');
    await eventField.press('Enter');
    await expectRows(all);

    // Endpoint id.
    const endpointId = failed5xx[0]!.endpoint_id!;
    const endpointField = filters.getByLabel(t('deliveries.endpointId'), { exact: true });
    await endpointField.fill(endpointId);
    await endpointField.press('Enter');
    const ofEndpoint = await dispatches(app, to, { endpoint_id: endpointId });
    expect(ofEndpoint.every((d) => d.endpoint_id === endpointId)).toBe(true);
    expect(ofEndpoint.map((d) => d.id)).not.toEqual(all.map((d) => d.id));
    await expectRows(ofEndpoint);

    // The drawer shows the clicked attempt; Esc closes it.
    const second = ofEndpoint[1] ?? ofEndpoint[0]!;
    await table.locator(`[data-dispatch-id="${second.id}"]`).getByRole('cell').first().click();
    const drawer = page.getByRole('dialog', { name: t('deliveries.attemptTitle') });
    await expect(drawer).toBeVisible();
    await expect(drawer.getByTestId('attempt')).toHaveAttribute('data-attempt-id', second.id);
    await expect(drawer.getByTestId('attempt')).toHaveAttribute('data-status', second.status!);
    await page.keyboard.press('Escape');
    await expect(drawer).toBeHidden();
  });

  test(`received webhooks: each filter gives the API's rows for it; a row opens its body, Esc closes it (${language})`, async ({ app }) => {
    const t = await catalogue(language);
    await seedSandboxProfile(app);
    await app.session.call('settings:update', { language });
    const to = new Date().toISOString();
    const page = app.page;
    await app.open(`/deliveries?to=${encodeURIComponent(to)}`);
    await page.getByRole('tab', { name: t('deliveries.receivedTab') }).click();
    await expect(page).toHaveURL(/tab=received/);
    // Switching tab drops the other tab's filters (and `to`): bound the view again.
    await app.open(`/deliveries?tab=received&to=${encodeURIComponent(to)}`);
    const table = page.getByRole('table', { name: t('deliveries.receivedTab') });
    const rows = table.getByTestId('received-row');
    const filters = page.getByRole('search', { name: t('deliveries.filters') });
    const expectRows = async (expected: Array<{ id: string }>) => {
      expect(expected.length, 'the demo data has rows for this filter').toBeGreaterThan(0);
      await expect.poll(() => ids(rows, 'data-received-id')).toEqual(expected.map((w) => w.id));
    };

    const all = await received(app, to);
    await expectRows(all);

    await filters.getByLabel(t('events.filters.status'), { exact: true }).click();
    await page.getByRole('option', { name: t('events.status.rejected'), exact: true }).click();
    const rejected = await received(app, to, { status: 'rejected' });
    expect(rejected.every((w) => w.status === 'rejected')).toBe(true);
    await expectRows(rejected);
    // A rejected webhook says why its signature failed, in the operator's language.
    await expect(rows.getByText(t('deliveries.signatureInvalid'), { exact: true }).first()).toBeVisible();

    await app.open(`/deliveries?tab=received&to=${encodeURIComponent(to)}`);
    await expectRows(all);
    const driver = all.find((w) => w.integration_driver_slug)!.integration_driver_slug!;
    const driverField = filters.getByLabel(t('events.filters.driver'), { exact: true });
    await driverField.fill(driver);
    await driverField.press('Enter');
    const ofDriver = await received(app, to, { integration_driver_slug: driver });
    expect(ofDriver.every((w) => w.integration_driver_slug === driver)).toBe(true);
    expect(ofDriver.map((w) => w.id)).not.toEqual(all.map((w) => w.id));
    await expectRows(ofDriver);
    await driverField.fill('');
    await driverField.press('Enter');
    await expectRows(all);

    const installation = ofDriver.find((w) => w.installation_id)!.installation_id!;
    const installationField = filters.getByLabel(t('events.filters.installation'), { exact: true });
    await installationField.fill(installation);
    await installationField.press('Enter');
    const ofInstallation = await received(app, to, { installation_id: installation });
    expect(ofInstallation.every((w) => w.installation_id === installation)).toBe(true);
    await expectRows(ofInstallation);

    const first = ofInstallation[0]!;
    // On its first cell (its time): the row's middle can fall on a name's copy-id button, which copies
    // and, rightly, does not open the row.
    await table.locator(`[data-received-id="${first.id}"]`).getByRole('cell').first().click();
    const drawer = page.getByRole('dialog', { name: t('deliveries.receivedTitle') });
    await expect(drawer).toBeVisible();
    await expect(drawer.getByText(first.id, { exact: true })).toBeVisible();
    await expect(drawer.getByText(t('events.detail.requestBody'), { exact: true })).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(drawer).toBeHidden();
  });
}
