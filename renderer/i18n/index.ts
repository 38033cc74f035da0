// i18next set up once for the whole renderer. Both catalogues are bundled (they are small), so
// switching language never waits on a file. The language is the operator's choice from settings,
// or pt-BR when the OS locale is any Portuguese variant, else English.
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from './en.json';
import ptBR from './pt-BR.json';

export const supportedLanguages = ['pt-BR', 'en'] as const;
export type SupportedLanguage = (typeof supportedLanguages)[number];

/** `choice` is the settings value (`system` | `pt-BR` | `en`); `osLocale` comes from `app:info`. */
export function resolveLanguage(choice: string | undefined, osLocale: string | undefined): SupportedLanguage {
  if (choice === 'pt-BR' || choice === 'en') return choice;
  return osLocale?.toLowerCase().startsWith('pt') ? 'pt-BR' : 'en';
}

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
