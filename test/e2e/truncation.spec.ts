// Nothing clipped: on every screen, at 1280×800 and 1920×1080, in both themes, no badge, response
// code or status in a table is truncated — neither by its own ellipsis nor by a cell too narrow
// for it (scrollWidth compared to clientWidth). Columns are sized by what they hold
// (docs/admin-screens.md), so a failure here is a column sized for the wrong kind.
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { recordSomeActivity, tour } from './screen-tour';
import { seedSandboxProfile } from './support';

const sizes = [
  { width: 1280, height: 800 },
  { width: 1920, height: 1080 },
] as const;
const themes = ['light', 'dark'] as const;

/**
 * Every badge, code and status inside a table or the Events grid, with what clips it. Marked
 * elements (`data-no-truncate`, every Mantine Badge in a table, cells of kind badge/code/time/
 * number) are checked themselves, with their descendants (Mantine's Badge clips its label) and
 * the cell they sit in (a narrow cell with overflow hidden clips a badge that does not shrink).
 */
async function clipped(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const selector = [
      'table .mantine-Badge-root',
      'table [data-no-truncate]',
      '[role="grid"] [data-no-truncate]',
      'table [data-cell-kind="badge"]',
      'table [data-cell-kind="code"]',
      'table [data-cell-kind="time"]',
      'table [data-cell-kind="number"]',
      '[role="grid"] [data-cell-kind="badge"]',
      '[role="grid"] [data-cell-kind="attempt"]',
      '[role="grid"] [data-cell-kind="time"]',
    ].join(', ');
    const problems: string[] = [];
    const seen = new Set<Element>();
    const describe = (el: Element) => {
      const id = el.getAttribute('data-testid') ?? el.closest('[data-testid]')?.getAttribute('data-testid') ?? el.tagName.toLowerCase();
      return `${id} “${(el.textContent ?? '').trim().slice(0, 40)}”`;
    };
    const check = (el: Element) => {
      if (seen.has(el) || !(el instanceof HTMLElement) || el.getClientRects().length === 0) return;
      seen.add(el);
      // One pixel of slack: sub-pixel layout can round the two widths apart.
      if (el.clientWidth > 0 && el.scrollWidth > el.clientWidth + 1) problems.push(`${describe(el)}: scrollWidth ${el.scrollWidth} > clientWidth ${el.clientWidth}`);
    };
    for (const el of document.querySelectorAll(selector)) {
      check(el);
      for (const inner of el.querySelectorAll('*')) check(inner);
      const cell = el.closest('td, th, [role="gridcell"]');
      if (cell) check(cell);
    }
    return problems;
  });
}

test('the check itself finds a badge clipped by a narrow column', async ({ app }) => {
  await seedSandboxProfile(app);
  await app.open('/deliveries');
  await expect(app.page.getByTestId('dispatch-row').first()).toBeVisible();
  expect(await clipped(app.page)).toEqual([]);
  // What the Deliveries table did before columns were sized by kind: a status column squeezed.
  await app.page.addStyleTag({ content: '[data-testid="dispatches-table"] td[data-cell-kind="badge"] { max-width: 24px; overflow: hidden; }' });
  await expect.poll(() => clipped(app.page)).not.toEqual([]);
});

for (const size of sizes) {
  for (const theme of themes) {
    test(`no badge, code or status is truncated on any screen at ${size.width}×${size.height} (${theme})`, async ({ app }) => {
      // Ten screens in one test: well past one screen's budget on a loaded machine.
      test.setTimeout(360_000);
      await app.page.setViewportSize(size);
      await seedSandboxProfile(app);
      await app.session.call('settings:update', { theme, language: 'pt-BR' });
      await recordSomeActivity(app);
      const found: Record<string, string[]> = {};
      for (const stop of tour) {
        await stop.open(app);
        const problems = await clipped(app.page);
        if (problems.length > 0) found[stop.name] = problems;
      }
      expect(found).toEqual({});
    });
  }
}
