// The screenshots a reviewer looks at: every screen, in both themes and both languages, written to
// test-results/screenshots/<screen>-<theme>-<lang>.png (git-ignored) on every `npm test`. They
// show the demo sandbox's data only: the token never reaches the renderer (the Settings screen shows
// its description — last 4 characters, claims), and the spec checks the page text for it anyway.
import { mkdir } from 'node:fs/promises';
import { test, expect } from './fixtures';
import { recordSomeActivity, tour } from './screen-tour';
import { seedSandboxProfile } from './support';

const screenshotDir = 'test-results/screenshots';
const themes = ['light', 'dark'] as const;
const languages = ['en', 'pt-BR'] as const;

for (const theme of themes) {
  for (const language of languages) {
    test(`screenshots of every screen: ${theme}, ${language}`, async ({ app }) => {
      // Ten screens in one test: well past one screen's budget on a loaded machine.
      test.setTimeout(360_000);
      const { token } = await seedSandboxProfile(app);
      await app.session.call('settings:update', { theme, language });
      await recordSomeActivity(app);
      await mkdir(screenshotDir, { recursive: true });
      for (const stop of tour) {
        await stop.open(app);
        // No token in what is captured (the DOM, attributes included).
        expect(await app.page.content()).not.toContain(token);
        await app.page.screenshot({ path: `${screenshotDir}/${stop.name}-${theme}-${language}.png`, fullPage: true, animations: 'disabled' });
      }
    });
  }
}
