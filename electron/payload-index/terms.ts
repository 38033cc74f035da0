// What a payload is searchable by: every string and number leaf, under its field path
// (`order.customer.email`, array indices dropped so `items.sku` names every item's SKU), turned
// into normalised terms. The same normalisation reads the operator's query, so a value typed
// with other accents, case or punctuation still meets its hash (docs/payload-index.md).

/** A field path longer than this is cut: it is shown to the operator, not used to match. */
const MAX_PATH_LENGTH = 200;
/** Leaves past this depth are not indexed (a payload nested deeper is not a real document). */
const MAX_DEPTH = 32;
/** Longer strings are indexed by their words only (a whole-value hash of a paragraph finds nothing). */
const MAX_WHOLE_VALUE = 200;
/** Words shorter than this are too common to narrow a search and only grow the index. */
const MIN_WORD = 2;
const MAX_TERMS_PER_EVENT = 2_000;

/** Lowercase, NFKC (full-width digits, ligatures), accents folded (`João` → `joao`), spaces collapsed. */
export function normaliseText(value: string): string {
  return value
    .normalize('NFKC')
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/** Words: runs of letters or digits of a normalised text. */
export function wordsOf(normalised: string): string[] {
  return normalised.split(/[^\p{L}\p{N}]+/u).filter((word) => word.length >= MIN_WORD);
}

/**
 * The terms one value is found by: the whole value (an e-mail, an id, `ped-12345`), the value
 * without punctuation when it has digits (`123.456.789-09` → `12345678909`, `PED-12345` →
 * `ped12345`), and each word. Terms carry a kind prefix so a word and a whole value never collide
 * by accident of spelling.
 */
export function termsOfValue(value: string): string[] {
  const normalised = normaliseText(value);
  if (!normalised) return [];
  const terms = new Set<string>();
  if (normalised.length <= MAX_WHOLE_VALUE) {
    terms.add(`v:${normalised}`);
    // Only an identifier (one token with digits, not an e-mail) is typed without its punctuation.
    if (/\p{N}/u.test(normalised) && !normalised.includes(' ') && !normalised.includes('@')) {
      const compact = normalised.replace(/[^\p{L}\p{N}]+/gu, '');
      if (compact && compact !== normalised) terms.add(`v:${compact}`);
    }
  }
  for (const word of wordsOf(normalised)) {
    // Short runs of digits (`00` of an amount, `91` of a CPF) would match everything.
    if (word.length < SHORT_NUMBER && /^\p{N}+$/u.test(word)) continue;
    terms.add(`w:${word}`);
  }
  return [...terms];
}

/** Instants are the event's own metadata (kept apart) and would only fill the index with dates. */
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}[t ]\d{2}:\d{2}/i;
const SHORT_NUMBER = 4;

export interface PathTerm {
  path: string;
  term: string;
}

/** Every (field path, term) pair of a payload, each pair once. */
export function payloadTerms(payload: unknown): PathTerm[] {
  const seen = new Set<string>();
  const out: PathTerm[] = [];
  const visit = (node: unknown, path: string, depth: number) => {
    if (out.length >= MAX_TERMS_PER_EVENT || depth > MAX_DEPTH) return;
    if (typeof node === 'string' && ISO_INSTANT.test(node)) return;
    if (typeof node === 'string' || (typeof node === 'number' && Number.isFinite(node))) {
      const shown = (path || '(payload)').slice(0, MAX_PATH_LENGTH);
      for (const term of termsOfValue(String(node))) {
        const key = `${shown}\u0000${term}`;
        if (seen.has(key)) continue;
        seen.add(key);
        out.push({ path: shown, term });
        if (out.length >= MAX_TERMS_PER_EVENT) return;
      }
      return;
    }
    if (Array.isArray(node)) {
      for (const item of node) visit(item, path, depth + 1);
      return;
    }
    if (node && typeof node === 'object') {
      for (const [key, value] of Object.entries(node as Record<string, unknown>)) visit(value, path ? `${path}.${key}` : key, depth + 1);
    }
  };
  visit(payload, '', 0);
  return out;
}

/**
 * A query's alternatives: the whole query as one value (ids, e-mails, document numbers — with
 * or without punctuation) OR every one of its words. Empty when nothing searchable was typed.
 */
export function queryTerms(query: string): { wholeValues: string[]; words: string[] } {
  const normalised = normaliseText(query);
  if (!normalised) return { wholeValues: [], words: [] };
  const wholeValues = termsOfValue(normalised).filter((term) => term.startsWith('v:'));
  const words = [...new Set(wordsOf(normalised))].map((word) => `w:${word}`);
  return { wholeValues, words };
}
