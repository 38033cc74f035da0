// `g` then a letter changes screen. One letter per screen, unambiguous, shown in the `?` modal and
// next to each screen in the palette.
import type { ScreenId } from '../app/screens';

export const goToLetters: Record<ScreenId, string> = {
  overview: 'o',
  events: 'e',
  deliveries: 'd',
  drivers: 'r',
  installations: 'i',
  webhooks: 'w',
  activity: 'a',
  settings: 's',
};

/** The screen a letter pressed after `g` goes to, if any. */
export function screenForLetter(letter: string): ScreenId | undefined {
  const lower = letter.toLowerCase();
  return (Object.keys(goToLetters) as ScreenId[]).find((id) => goToLetters[id] === lower);
}

/** How long after `g` the letter may come. */
export const GO_TO_WINDOW_MS = 1500;
