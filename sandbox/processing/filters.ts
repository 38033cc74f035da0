// Filter values of the /processing lists → SQL conditions. Every bad value is a 400 naming the filter.
import { badRequest } from '../http/errors';
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
