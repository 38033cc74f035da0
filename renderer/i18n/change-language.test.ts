// Switching language loads the other catalogue first (renderer/i18n/index.ts); two switches in quick
// succession must end in the one chosen last, whichever catalogue arrives last.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { changeLanguage, i18next, initI18n } from './index';

const page = globalThis as unknown as { document?: { documentElement: { lang: string } } };
const hadDocument = 'document' in page;

beforeAll(async () => {
  if (!hadDocument) page.document = { documentElement: { lang: '' } };
  await initI18n('en');
});
afterAll(() => {
  if (!hadDocument) delete page.document;
});

describe('changeLanguage', () => {
  it('starts with the active catalogue only, and loads the other when switching to it', async () => {
    expect(i18next.hasResourceBundle('en', 'translation')).toBe(true);
    expect(i18next.hasResourceBundle('pt-BR', 'translation')).toBe(false);
    await changeLanguage('pt-BR');
    expect(i18next.language).toBe('pt-BR');
    expect(i18next.t('common.close')).not.toBe('common.close');
    expect(page.document!.documentElement.lang).toBe('pt-BR');
    await changeLanguage('en');
  });

  it('ends in the language chosen last when an earlier switch is still loading its catalogue', async () => {
    i18next.removeResourceBundle('pt-BR', 'translation');
    expect(i18next.language).toBe('en');
    const toPortuguese = changeLanguage('pt-BR'); // waits for its catalogue
    const backToEnglish = changeLanguage('en'); // already the language: nothing to load
    await Promise.all([toPortuguese, backToEnglish]);
    expect(i18next.language).toBe('en');
    expect(page.document!.documentElement.lang).toBe('en');
  });
});
