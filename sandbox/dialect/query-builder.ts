// List query strings as a Laravel controller using spatie/laravel-query-builder reads them
// (docs/api-contract.md §9): `limit` validated by the controller (`integer|min:1|max:100`, default 10:
// a 422 above the documented maximum, never a silent clamp), `page` read as Laravel's paginator reads
// it (anything but a whole number ≥ 1 is page 1), and `filter[…]` / `sort` checked against the
// route's allowlists with spatie's exceptions: a 400 whose message names what is not allowed.
// As spatie does: values split on `,`, an empty value applies no filter, `-name` sorts descending,
// and a parameter given twice counts once (the last, as PHP reads a query string).
import { badRequest, validationError, type HttpError } from '../http/errors';
import type { SortKey } from '../http/query';
import { rules } from './laravel';

export const DOCS_DEFAULT_LIMIT = 10;
export const DOCS_MAX_LIMIT = 100;

export interface AllowedQuery {
  filters: readonly string[];
  sorts: readonly string[];
}

export interface DocsListQuery {
  /** Requested filters with a non-empty value: name → the values (split on `,`). */
  filters: Map<string, string[]>;
  sort: SortKey[];
  limit: number;
  /** 1 when the dialect ignores `page`. */
  page: number;
}

const FILTER_KEY = /^filter\[([^\]]*)\]/;

/**
 * Reads the query. `checkFilterValues` runs where a controller's filter classes would look at the values:
 * after spatie has refused unknown filters and before it checks the sorts.
 */
export function parseDocsListQuery(
  query: unknown,
  allowed: AllowedQuery,
  options: { ignorePage: boolean; checkFilterValues?: (filters: Map<string, string[]>) => void },
): DocsListQuery {
  const params = (query ?? {}) as Record<string, unknown>;
  const limit = parseLimit(lastValue(params.limit));
  const page = options.ignorePage ? 1 : paginatorPage(lastValue(params.page));

  const requested: string[] = [];
  const filters = new Map<string, string[]>();
  for (const [key, raw] of Object.entries(params)) {
    const match = FILTER_KEY.exec(key);
    if (match === null) continue;
    const name = match[1] ?? '';
    if (!requested.includes(name)) requested.push(name);
    const values = (lastValue(raw) ?? '').split(',').filter((value) => value !== '');
    if (values.length > 0) filters.set(name, values);
  }
  const unknownFilters = requested.filter((name) => !allowed.filters.includes(name));
  if (unknownFilters.length > 0) {
    throw badRequest(
      `Requested filter(s) \`${unknownFilters.join(', ')}\` are not allowed. Allowed filter(s) are \`${allowed.filters.join(', ')}\`.`,
    );
  }
  options.checkFilterValues?.(filters);

  // PHP's collect()->filter() drops empty parts (and "0").
  const sortParts = (lastValue(params.sort) ?? '').split(',').filter((part) => part !== '' && part !== '0');
  const sortNames = sortParts.map((part) => part.replace(/^-+/, ''));
  const unknownSorts = sortNames.filter((name) => !allowed.sorts.includes(name));
  if (unknownSorts.length > 0) {
    throw badRequest(`Requested sort(s) \`${unknownSorts.join(', ')}\` is not allowed. Allowed sort(s) are \`${allowed.sorts.join(', ')}\`.`);
  }
  const seen = new Set<string>();
  const sort: SortKey[] = [];
  sortParts.forEach((part, index) => {
    const field = sortNames[index]!;
    // A repeated key orders by its first occurrence; the second ORDER BY term could not change anything.
    if (seen.has(field)) return;
    seen.add(field);
    sort.push({ field, desc: part.startsWith('-') });
  });

  return { filters, sort, limit, page };
}

function parseLimit(raw: string | undefined): number {
  // Laravel's ConvertEmptyStringsToNull: `limit=` is no limit at all.
  if (raw === undefined || raw === '') return DOCS_DEFAULT_LIMIT;
  const fail = (message: string): HttpError => validationError({ limit: [message] });
  // The `integer` rule (FILTER_VALIDATE_INT): optional sign, digits, surrounding whitespace.
  if (!/^\s*[+-]?\d{1,18}\s*$/.test(raw)) throw fail(rules.integer('limit'));
  const limit = Number(raw.trim());
  if (limit < 1) throw fail(rules.minNumeric('limit', 1));
  if (limit > DOCS_MAX_LIMIT) throw fail(rules.maxNumeric('limit', DOCS_MAX_LIMIT));
  return limit;
}

/** Paginator::resolveCurrentPage: a whole number ≥ 1, else 1 (never an error). */
export function paginatorPage(raw: string | undefined): number {
  if (raw === undefined || !/^\s*\+?\d{1,9}\s*$/.test(raw)) return 1;
  const page = Number(raw.trim());
  return page >= 1 ? page : 1;
}

/** PHP keeps the last of a repeated scalar parameter; an array-shaped value (`a[]=`) is not a scalar. */
function lastValue(raw: unknown): string | undefined {
  if (typeof raw === 'string') return raw;
  if (Array.isArray(raw)) {
    const last: unknown = raw[raw.length - 1];
    return typeof last === 'string' ? last : undefined;
  }
  return undefined;
}
