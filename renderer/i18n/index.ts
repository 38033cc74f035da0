// i18next set up once for the whole renderer. Both catalogues are bundled (they are small), so
// switching language never waits on a file. The language is the operator's choice from settings,
// or pt-BR when the OS locale is any Portuguese variant, else English.
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from './en.json';
import ptBR from './pt-BR.json';

import { type SupportedLanguage } from '../../shared/language';

export { resolveLanguage, supportedLanguages, type SupportedLanguage } from '../../shared/language';

export async function initI18n(language: SupportedLanguage): Promise<typeof i18next> {
  if (!i18next.isInitialized) {
    await i18next.use(initReactI18next).init({
      resources: { en: { translation: en }, 'pt-BR': { translation: ptBR } },
      lng: language,
      fallbackLng: 'en',
      // React already escapes text; escaping here would double-encode values like URLs.
      interpolation: { escapeValue: false },
      returnNull: false,
    });
  } else if (i18next.language !== language) {
    await i18next.changeLanguage(language);
  }
  document.documentElement.lang = language;
  return i18next;
}

export async function changeLanguage(language: SupportedLanguage): Promise<void> {
  await i18next.changeLanguage(language);
  document.documentElement.lang = language;
}

export { i18next };
