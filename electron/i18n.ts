// Main's texts (native dialogs, confirmations) in the app's language. One catalogue with the
// renderer: the `main.*` namespace of renderer/i18n/{en,pt-BR}.json, whose key parity the
// catalogue test checks. A tiny pure lookup, not i18next: main needs `{{name}}` interpolation only.
// The attribute: main's modules also load in Node directly (the e2e harness), which requires it.
import en from '../renderer/i18n/en.json' with { type: 'json' };
import ptBR from '../renderer/i18n/pt-BR.json' with { type: 'json' };
import { resolveLanguage, type SupportedLanguage } from '../shared/language';

/** `key` is relative to `main.` (e.g. `dialogs.exportEvents`). */
export type MainTranslator = (key: string, values?: Record<string, string | number>) => string;

const catalogues: Record<SupportedLanguage, unknown> = { en: en.main, 'pt-BR': ptBR.main };

function lookup(tree: unknown, key: string): string | undefined {
  let node: unknown = tree;
  for (const part of key.split('.')) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === 'string' ? node : undefined;
}

export function mainTranslator(language: SupportedLanguage): MainTranslator {
  return (key, values = {}) => {
    // English when a key is missing in pt-BR (parity is tested, so only during development).
    const template = lookup(catalogues[language], key) ?? lookup(catalogues.en, key);
    if (template === undefined) throw new Error(`Missing main text: main.${key}`);
    return template.replace(/\{\{(\w+)\}\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
  };
}

/** English: the default of builders called without a translator (tests, tools). */
export const englishTranslator: MainTranslator = mainTranslator('en');

/** A translator that follows the settings' language live (`system` = the OS locale). */
export function liveTranslator(languageChoice: () => string | undefined, osLocale: string | undefined): MainTranslator {
  return (key, values) => mainTranslator(resolveLanguage(languageChoice(), osLocale))(key, values);
}
