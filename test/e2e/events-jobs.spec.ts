// Jobs from the Events screen, against a real sandbox: export 10,000 filtered rows to CSV and check
// the file; bulk-redeliver a filtered set (the confirmation shows the count and the profile), cancel
// it half-way, and see the summary; the job survives navigating away and back.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseCsv } from '../../shared/export-format';
import { test, expect, type ConsoleApp } from './fixtures';
import { EventsPage } from './pages/EventsPage';
import { seedSandboxProfile } from './support';
import { startEventsScenario, type EventsScenario } from './events-scenario';

let scenario: EventsScenario;

test.beforeAll(async () => {
  test.setTimeout(300_000);
  scenario = await startEventsScenario({ exportRows: 10_000, refundedRows: 600 });
});

test.afterAll(async () => {
  await scenario?.close();
});

async function useScenarioProfile(app: ConsoleApp) {
  return (await seedSandboxProfile(app, 'Orders sandbox', scenario.sandbox)).profile;
}

test('export 10,000 filtered rows to CSV through the save dialog, and check the file', async ({ app }) => {
  test.setTimeout(120_000);
  await useScenarioProfile(app);
  await app.open('/events?name=customer.created');
  const events = new EventsPage(app.page);
  await expect(events.rows.first()).toBeVisible();
  const file = join(app.session.userDataDir, 'customers.csv');
  app.session.fakes.dialog.prepareOpen(file);
  await events.startExport('csv');
  const card = events.jobCard('export');
  await expect(card).toHaveAttribute('data-job-state', 'completed', { timeout: 90_000 });
  await expect(card.getByTestId('job-counts')).toContainText('10000');
  const rows = parseCsv(await readFile(file, 'utf8'));
  expect(rows[0]).toContain('id');
  const body = rows.slice(1);
  expect(body).toHaveLength(scenario.exportRows);
  expect(new Set(body.map((r) => r[0])).size).toBe(scenario.exportRows);
  expect(body.every((r) => r[2] === 'customer.created')).toBe(true);
});

test('bulk redeliver shows the count and the profile, can be cancelled half-way, survives navigation, and ends with a summary', async ({ app }) => {
  test.setTimeout(120_000);
  const profile = await useScenarioProfile(app);
  await app.open('/events?name=order.refunded&status=failed');
  const events = new EventsPage(app.page);
  await expect(events.rows.first()).toBeVisible();
  await app.page.getByTestId('bulk-redeliver-button').click();
  await expect(events.confirmDialog).toBeVisible();
  await expect(app.page.getByTestId('bulk-count')).toHaveAttribute('data-count', String(scenario.refundedRows));
  await expect(app.page.getByTestId('confirm-profile-name')).toHaveText(profile.name);
  await app.page.getByTestId('confirm-ok').click();

  const card = events.jobCard('bulk_redeliver');
  await expect(card).toHaveAttribute('data-job-state', 'running');
  // Leave the screen and come back: the job lives in main and keeps going.
  await app.page.getByTestId('nav-settings').click();
  await expect(app.page.getByTestId('events-screen')).toHaveCount(0);
  await app.page.getByTestId('nav-events').click();
  await expect(card).toHaveAttribute('data-job-state', 'running');
  // Cancel once some (not all) are done: the default pace is 10 per second, so 600 take a minute.
  const processedNow = async () => Number(/^(\d+) of/.exec((await card.getByTestId('job-counts').textContent()) ?? '')?.[1] ?? 0);
  await expect.poll(processedNow, { timeout: 30_000 }).toBeGreaterThanOrEqual(10);
  // Its pace is on the card: redeliveries per second, the pace asked (10/s), the bound in flight.
  await expect(card.getByTestId('job-pacing')).toContainText(/redeliveries\/s \(pace 10\/s, up to 4 at a time/);
  await card.getByTestId('job-cancel').click();
  await expect(card).toHaveAttribute('data-job-state', 'cancelled', { timeout: 15_000 });
  const counts = (await card.getByTestId('job-counts').textContent()) ?? '';
  const processed = Number(/^(\d+) of/.exec(counts)?.[1]);
  expect(processed).toBeGreaterThanOrEqual(10);
  expect(processed).toBeLessThan(scenario.refundedRows);

  // The summary exports one line per handled event.
  const summary = join(app.session.userDataDir, 'summary.csv');
  app.session.fakes.dialog.prepareOpen(summary);
  await card.getByTestId('job-export-summary').click();
  await app.page.getByRole('menuitem', { name: 'CSV' }).click();
  await expect.poll(async () => parseCsv(await readFile(summary, 'utf8').catch(() => '')).length - 1).toBe(processed);
});
