// Filter values of the /processing lists → SQL conditions. Every bad value is a 400 naming the filter.
// Each list declares a table of rules (filter name → how its value becomes SQL); `filterConditions`
// applies the ones present in the query, so the three lists share one way of doing it.
import { badRequest } from '../http/errors';
import { parseBooleanFilter, parseEnumFilter } from '../http/query';
import { toApiTimestamp } from '../time';

const DOCUMENTED = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})(?:\.(\d{1,6}))?Z$/;
const ISO_LIKE = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;

/**
 * A timestamp filter value in the stored format. The documented form keeps its microseconds
 * (`2024-01-15T10:45:00.123456Z`); other ISO 8601 forms (a date, an offset) go through Date.
 */
export function parseTimestampFilter(field: string, value: string): string {
  const exact = DOCUMENTED.exec(value.trim());
  if (exact !== null) {
    const date = new Date(`${exact[1]}Z`);
    if (!Number.isNaN(date.getTime())) return `${exact[1]}.${(exact[2] ?? '').padEnd(6, '0')}Z`;
  }
  if (ISO_LIKE.test(value.trim())) {
    const date = new Date(value.trim());
    if (!Number.isNaN(date.getTime())) return toApiTimestamp(date);
  }
  throw badRequest(`Filter "${field}" must be an ISO 8601 date-time, e.g. 2024-01-15T10:45:00.000000Z.`);
}

/** `filter[attempt_response_code]`: an exact status (`404`) or a class (`4xx`). */
export function responseCodeCondition(
  field: string,
  value: string,
  columns: { code: string; codeClass: string },
): { sql: string; param: string | number } {
  const trimmed = value.trim().toLowerCase();
  if (/^[1-5]\d\d$/.test(trimmed)) return { sql: `${columns.code} = ?`, param: Number(trimmed) };
  if (/^[1-5]xx$/.test(trimmed)) return { sql: `${columns.codeClass} = ?`, param: trimmed };
  throw badRequest(`Filter "${field}" must be an HTTP status (e.g. 404) or a class (2xx, 4xx, 5xx).`);
}

/** SQL conditions and their parameters, in matching order. */
export interface Conditions {
  where: string[];
  params: unknown[];
}

/** How one filter's value becomes conditions; throws a 400 naming the filter on a bad value. */
export type FilterRule = (field: string, value: string) => Conditions;

type ValueParser = (field: string, value: string) => unknown;

/** `column = value`, the value parsed first (as is by default). */
export function equals(column: string, parse: ValueParser = (_field, value) => value): FilterRule {
  return (field, value) => ({ where: [`${column} = ?`], params: [parse(field, value)] });
}

/** A value among `allowed` (for `equals`). */
export function oneOf<T extends string>(allowed: readonly T[]): ValueParser {
  return (field, value) => parseEnumFilter(field, value, allowed);
}

/** true/false/1/0 stored as 1/0 (for `equals`). */
export const flag: ValueParser = (field, value) => (parseBooleanFilter(field, value) ? 1 : 0);

/** `column > timestamp`. */
export function after(column: string): FilterRule {
  return (field, value) => ({ where: [`${column} > ?`], params: [parseTimestampFilter(field, value)] });
}

/** `column < timestamp` for each column (a redundant bound on the sort column lets the index seek). */
export function before(...columns: string[]): FilterRule {
  return (field, value) => {
    const bound = parseTimestampFilter(field, value);
    return { where: columns.map((column) => `${column} < ?`), params: columns.map(() => bound) };
  };
}

/** An exact status on `code` or a class on `codeClass` (see responseCodeCondition). */
export function responseCode(columns: { code: string; codeClass: string }): FilterRule {
  return (field, value) => {
    const condition = responseCodeCondition(field, value, columns);
    return { where: [condition.sql], params: [condition.param] };
  };
}

/** The conditions of every filter in `filters` that has a rule (the query parser already refused the others). */
export function filterConditions(filters: Record<string, string>, rules: Record<string, FilterRule>): Conditions {
  const where: string[] = [];
  const params: unknown[] = [];
  for (const [field, rule] of Object.entries(rules)) {
    const value = filters[field];
    if (value === undefined) continue;
    const condition = rule(field, value);
    where.push(...condition.where);
    params.push(...condition.params);
  }
  return { where, params };
}
