// Which catalogue to use, shared by the renderer (i18next) and main (electron/i18n.ts) so both
// speak the same language: the operator's choice from settings, or pt-BR when the OS locale is any
// Portuguese variant, else English.

export const supportedLanguages = ['pt-BR', 'en'] as const;
export type SupportedLanguage = (typeof supportedLanguages)[number];

/** `choice` is the settings value (`system` | `pt-BR` | `en`); `osLocale` is the OS's (main's `app.getLocale()`). */
export function resolveLanguage(choice: string | undefined, osLocale: string | undefined): SupportedLanguage {
  if (choice === 'pt-BR' || choice === 'en') return choice;
  return osLocale?.toLowerCase().startsWith('pt') ? 'pt-BR' : 'en';
}
