// i18next set up once for the whole renderer. Each catalogue is its own chunk and only the active
// language's is loaded: start-up parses one (~48 KB) instead of both, and switching language loads the
// other's before switching, so no text ever shows as a key. The language is the operator's choice from
// settings, or pt-BR when the OS locale is any Portuguese variant, else English.
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';

import { type SupportedLanguage } from '../../shared/language';
import type enCatalogue from './en.json';

export { resolveLanguage, supportedLanguages, type SupportedLanguage } from '../../shared/language';

export type Catalogue = typeof enCatalogue;

const catalogueChunks: Record<SupportedLanguage, () => Promise<{ default: Catalogue }>> = {
  en: () => import('./en.json'),
  'pt-BR': () => import('./pt-BR.json'),
};

/** One language's catalogue (a chunk of its own, fetched once). */
export async function loadCatalogue(language: SupportedLanguage): Promise<Catalogue> {
  return (await catalogueChunks[language]()).default;
}

async function ensureCatalogue(language: SupportedLanguage): Promise<void> {
  if (i18next.hasResourceBundle(language, 'translation')) return;
  i18next.addResourceBundle(language, 'translation', await loadCatalogue(language));
}

export async function initI18n(language: SupportedLanguage): Promise<typeof i18next> {
  if (!i18next.isInitialized) {
    await i18next.use(initReactI18next).init({
      resources: { [language]: { translation: await loadCatalogue(language) } },
      lng: language,
      // Both catalogues hold exactly the same keys (catalogues.test.ts), so there is nothing to fall
      // back to, and no reason to load the other language for it.
      fallbackLng: false,
      // React already escapes text; escaping here would double-encode values like URLs.
      interpolation: { escapeValue: false },
      returnNull: false,
    });
  } else {
    await changeLanguage(language);
  }
  document.documentElement.lang = language;
  return i18next;
}

/** The language asked for last: a switch whose catalogue arrives after a later choice is dropped. */
let requested: SupportedLanguage | null = null;

export async function changeLanguage(language: SupportedLanguage): Promise<void> {
  requested = language;
  if (i18next.language === language) return;
  await ensureCatalogue(language);
  if (requested !== language) return;
  await i18next.changeLanguage(language);
  document.documentElement.lang = language;
}

export { i18next };
