// When main does not answer at start-up, the window says so in the browser's language instead of
// staying blank: renderer/main.tsx loads that language's catalogue (a chunk of its own) for the
// sentence. Here the page gets the same bridge as every spec but no transport behind it, so the
// first IPC call fails as it would with main gone.
import { pageBridgeScript } from '../harness/bundle-page-bridge';
import { catalogue, languages } from './catalogue';
import { expect, test } from './fixtures';

for (const language of languages) {
  test.describe(`browser language ${language}`, () => {
    test.use({ locale: language === 'pt-BR' ? 'pt-BR' : 'en-US' });

    test('a start-up without main shows the start failure in that language, and nothing else', async ({ page, worker }) => {
      const t = await catalogue(language);
      const errors: string[] = [];
      page.on('console', (message) => {
        if (message.type() === 'error') errors.push(message.text());
      });
      page.on('pageerror', (error) => errors.push(error.message));
      await page.addInitScript({ content: await pageBridgeScript() });
      await page.goto(`${worker.server.origin}/index.html#/events`);
      await expect(page.locator('#root')).toHaveText(t('main.startFailed'));
      await expect(page.locator('html')).toHaveAttribute('lang', language);
      await expect(page.getByTestId('shell')).toHaveCount(0);
      // The one error logged is the renderer's own line, naming the error's kind only.
      expect(errors).toEqual([expect.stringMatching(/^Renderer start failed \w+$/)]);
    });
  });
}
