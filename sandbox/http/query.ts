// Parses list query strings the way docs/api-contract.md §3 describes: `filter[<field>]=value`,
// `sort=a,-b` against a per-route allowlist, `limit` (default 10, max 100), `page`, `cursor`.
// Unknown filters or sort keys are 400; out-of-range numbers are 422 on that parameter.
import { HttpError, badRequest } from './errors';

export interface ListQuerySpec {
  filters: readonly string[];
  sorts: readonly string[];
  /** e.g. '-created_at' or 'created_at' */
  defaultSort: string;
}

export interface SortKey {
  field: string;
  desc: boolean;
}

export interface ListQuery {
  filters: Record<string, string>;
  sort: SortKey[];
  limit: number;
  page: number;
  cursor: string | undefined;
}

export const DEFAULT_LIMIT = 10;
export const MAX_LIMIT = 100;

const FILTER_KEY = /^filter\[([^\]]*)\]$/;

export function parseListQuery(query: unknown, spec: ListQuerySpec): ListQuery {
  const params = (query ?? {}) as Record<string, unknown>;
  const filters: Record<string, string> = {};

  for (const [key, raw] of Object.entries(params)) {
    if (key === 'filter' || key.startsWith('filter[') || key.startsWith('filter.')) {
      const match = FILTER_KEY.exec(key);
      if (!match) throw badRequest(`Malformed filter "${key}"; write filters as filter[field]=value.`);
      const field = match[1] ?? '';
      if (!spec.filters.includes(field)) {
        throw badRequest(`Unknown filter "${field}". Allowed filters: ${spec.filters.join(', ') || 'none'}.`);
      }
      filters[field] = singleValue(key, raw);
    }
  }

  const sortParam = params.sort === undefined ? spec.defaultSort : singleValue('sort', params.sort);
  const sort = parseSort(sortParam, spec.sorts);

  const limit = params.limit === undefined ? DEFAULT_LIMIT : positiveInteger('limit', singleValue('limit', params.limit));
  if (limit > MAX_LIMIT) {
    throw new HttpError(422, `The limit may not be greater than ${MAX_LIMIT}.`, {
      limit: [`The limit may not be greater than ${MAX_LIMIT}.`],
    });
  }
  const page = params.page === undefined ? 1 : positiveInteger('page', singleValue('page', params.page));
  const cursor = params.cursor === undefined ? undefined : singleValue('cursor', params.cursor);

  return { filters, sort, limit, page, cursor };
}

export function parseSort(value: string, allowed: readonly string[]): SortKey[] {
  const parts = value.split(',').map((part) => part.trim());
  if (parts.some((part) => part === '' || part === '-')) {
    throw badRequest('Malformed sort; use sort=field or sort=field,-other.');
  }
  const seen = new Set<string>();
  return parts.map((part) => {
    const desc = part.startsWith('-');
    const field = desc ? part.slice(1) : part;
    if (!allowed.includes(field)) {
      throw badRequest(`Unknown sort key "${field}". Allowed sort keys: ${allowed.join(', ')}.`);
    }
    if (seen.has(field)) throw badRequest(`Sort key "${field}" appears more than once.`);
    seen.add(field);
    return { field, desc };
  });
}

/** `true/false/1/0` → boolean; anything else is a 400 naming the filter. */
export function parseBooleanFilter(field: string, value: string): boolean {
  const normalized = value.trim().toLowerCase();
  if (normalized === 'true' || normalized === '1') return true;
  if (normalized === 'false' || normalized === '0') return false;
  throw badRequest(`Filter "${field}" must be true, false, 1 or 0.`);
}

/** One of the allowed values, else a 400 naming the filter. */
export function parseEnumFilter<T extends string>(field: string, value: string, allowed: readonly T[]): T {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw badRequest(`Filter "${field}" must be one of: ${allowed.join(', ')}.`);
}

/** `ORDER BY` for the parsed sort keys, with the id as the last key so the order is total. */
export function sqlOrderBy(sort: readonly SortKey[], columns: Record<string, string>, idColumn: string): string {
  const terms = sort.map((key) => {
    const column = columns[key.field];
    if (column === undefined) throw new Error(`No column mapped for sort key ${key.field}`);
    return `${column} ${key.desc ? 'DESC' : 'ASC'}`;
  });
  const lastDesc = sort.length > 0 && sort[sort.length - 1]!.desc;
  terms.push(`${idColumn} ${lastDesc ? 'DESC' : 'ASC'}`);
  return `ORDER BY ${terms.join(', ')}`;
}

/** Escapes a user string for `LIKE … ESCAPE '\'` (contains match). */
export function likeContains(value: string): string {
  return `%${value.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
}

function singleValue(name: string, raw: unknown): string {
  if (typeof raw === 'string') return raw;
  throw badRequest(`Query parameter "${name}" must be given once.`);
}

function positiveInteger(name: string, value: string): number {
  const parsed = /^\d{1,9}$/.test(value.trim()) ? Number(value.trim()) : NaN;
  if (!Number.isInteger(parsed) || parsed < 1) {
    throw new HttpError(422, `The ${name} must be a positive integer.`, { [name]: [`The ${name} must be a positive integer.`] });
  }
  return parsed;
}
