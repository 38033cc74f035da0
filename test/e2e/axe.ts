// axe-core's serious and critical findings, one readable line each (rule, impact, help, up to three
// offending elements, and axe's message for the first), so a failing expect(…).toEqual([]) says what to fix.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';

/** Serious/critical axe violations on the page, or only inside `include` selectors when given. */
export async function axeProblems(page: Page, include: string[] = []): Promise<string[]> {
  // A tooltip that opens under a resting pointer after the wait below is read mid-fade (a time cell's tooltip under
  // the pointer left by an earlier click read white on #7f8184, 3.9:1). Park the pointer on the header's empty
  // top-left corner, and wait for any open tooltip to finish fading out and unmount, so none is read half-painted.
  await page.mouse.move(0, 0);
  await page.waitForFunction(() => document.querySelector('[role="tooltip"]') === null);
  // axe reads colours as painted: a dialog still fading in blends with its overlay (a modal caught mid-transition
  // read #636363 on #dadada, 4.3:1). Let finite animations and transitions end first; spinners loop forever.
  await page.waitForFunction(() =>
    document.getAnimations().every((animation) => animation.playState !== 'running' || animation.effect?.getTiming().iterations === Infinity),
  );
  let builder = new AxeBuilder({ page });
  for (const selector of include) builder = builder.include(selector);
  const results = await builder.analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => {
      const where = v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(' | ');
      // For contrast, axe's own finding names the colours and the ratio: "… of 3.84 (foreground color: #f03e3e, …)".
      const detail = v.nodes[0]?.any[0]?.message;
      return `${v.id} (${v.impact}): ${v.help} — ${where}${detail ? ` — first: ${detail}` : ''}`;
    });
}
