// Drivers and installations are complete lists: every page can be loaded, and the screen counts
// what it shows against what the server has ("Showing 100 of 200" → "200 installations").
import { test, expect } from './fixtures';
import { seedSandboxProfile } from './support';

test('installations: the first 100, the server\'s total, and "Load more" up to all of them', async ({ app }) => {
  await seedSandboxProfile(app);
  const total = (app.sandbox.ctx.db.prepare('SELECT COUNT(*) AS n FROM installations').get() as { n: number }).n;
  expect(total).toBeGreaterThan(100);
  await app.open('/installations');
  const count = app.page.getByTestId('installations-list-count');
  await expect(count).toHaveText(`Showing 100 of ${total}`);
  await expect(app.page.getByTestId('installation-row')).toHaveCount(100);
  for (let pages = 2; (pages - 1) * 100 < total; pages++) {
    await app.page.getByTestId('installations-list-load-more').click();
    await expect(app.page.getByTestId('installation-row')).toHaveCount(Math.min(pages * 100, total));
  }
  await expect(count).toHaveText(`${total} installations`);
  await expect(count).toHaveAttribute('data-complete', 'true');
  await expect(app.page.getByTestId('installation-row')).toHaveCount(total);
});
