// The app's own catalogues in the specs: `catalogue('pt-BR')('events.live.newCount', { count: 2 })`
// gives the text the screen shows, through i18next with the renderer's settings (plurals,
// interpolation), so a spec runs in both languages and asserts what the operator reads.
import { readFileSync } from 'node:fs';
import i18next, { type TFunction } from 'i18next';

const read = (file: string): Record<string, unknown> => JSON.parse(readFileSync(new URL(`../../renderer/i18n/${file}`, import.meta.url), 'utf8')) as Record<string, unknown>;
const en = read('en.json');
const ptBR = read('pt-BR.json');

export const languages = ['en', 'pt-BR'] as const;
export type Language = (typeof languages)[number];

const instances = new Map<Language, TFunction>();

export async function catalogue(language: Language): Promise<TFunction> {
  const known = instances.get(language);
  if (known) return known;
  const instance = i18next.createInstance();
  const t = await instance.init({
    resources: { en: { translation: en }, 'pt-BR': { translation: ptBR } },
    lng: language,
    fallbackLng: 'en',
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  instances.set(language, t);
  return t;
}

const escaped = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A regular expression matching `text` exactly (for role names that must not match a longer label). */
export function exactly(text: string): RegExp {
  return new RegExp(`^${escaped(text)}$`);
}

/** Matches an accessible name that starts with `text` as a whole (a menu item whose name goes on with its buttons' labels). */
export function leading(text: string): RegExp {
  return new RegExp(`^${escaped(text)}(\\s|$)`);
}
