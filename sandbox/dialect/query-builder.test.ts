// The docs dialect's query reading, as Laravel + spatie/laravel-query-builder read a query string.
import { describe, expect, it } from 'vitest';
import { HttpError } from '../http/errors';
import { paginatorPage, parseDocsListQuery } from './query-builder';

const allowed = { filters: ['name', 'type'], sorts: ['name', 'created_at'] };
const parse = (query: Record<string, unknown>, ignorePage = false) => parseDocsListQuery(query, allowed, { ignorePage });
const failure = (query: Record<string, unknown>) => {
  try {
    parse(query);
  } catch (error) {
    if (error instanceof HttpError) return { status: error.statusCode, message: error.message, errors: error.errors };
    throw error;
  }
  throw new Error('expected an error');
};

describe('parseDocsListQuery', () => {
  it('defaults: no filters, no sort, limit 10, page 1', () => {
    expect(parse({})).toEqual({ filters: new Map(), sort: [], limit: 10, page: 1 });
  });

  it('splits filter values on commas, skips empty values, keeps the last of a repeated parameter', () => {
    const query = parse({ 'filter[name]': 'a,,b', 'filter[type]': '', sort: ['name', '-created_at'], limit: ['5', '7'] });
    expect(query.filters).toEqual(new Map([['name', ['a', 'b']]]));
    expect(query.sort).toEqual([{ field: 'created_at', desc: true }]);
    expect(query.limit).toBe(7);
  });

  it('a `filter` that is not an array is no filter (spatie ignores it)', () => {
    expect(parse({ filter: 'name' }).filters.size).toBe(0);
  });

  it('sorts: several keys, empty parts dropped, a repeated key counted once', () => {
    expect(parse({ sort: '' }).sort).toEqual([]);
    expect(parse({ sort: ',name,,-created_at,-name' }).sort).toEqual([
      { field: 'name', desc: false },
      { field: 'created_at', desc: true },
    ]);
  });

  it('spatie\'s 400s list what is not allowed in request order, filters before sorts', () => {
    expect(failure({ 'filter[b]': '1', 'filter[name]': 'x', 'filter[a]': '2', sort: 'nope' })).toEqual({
      status: 400,
      message: 'Requested filter(s) `b, a` are not allowed. Allowed filter(s) are `name, type`.',
      errors: undefined,
    });
    // A filter name is refused even with an empty value: spatie checks the keys.
    expect(failure({ 'filter[id]': '' }).status).toBe(400);
    expect(failure({ sort: '-' }).message).toBe('Requested sort(s) `` is not allowed. Allowed sort(s) are `name, created_at`.');
    expect(failure({ sort: 'x,-y,name' }).message).toBe('Requested sort(s) `x, y` is not allowed. Allowed sort(s) are `name, created_at`.');
  });

  it('limit: Laravel\'s integer rule (sign and spaces allowed), then min:1 and max:100, as a 422 on `limit`', () => {
    expect(parse({ limit: ' +5 ' }).limit).toBe(5);
    expect(parse({ limit: '' }).limit).toBe(10);
    expect(parse({ limit: '100' }).limit).toBe(100);
    expect(failure({ limit: '101' })).toEqual({
      status: 422,
      message: 'The limit field must not be greater than 100.',
      errors: { limit: ['The limit field must not be greater than 100.'] },
    });
    expect(failure({ limit: '1e2' }).errors).toEqual({ limit: ['The limit field must be an integer.'] });
    // The controller validates before it builds the query: a bad limit wins over a bad filter.
    expect(failure({ limit: '0', 'filter[nope]': 'x' }).status).toBe(422);
  });

  it('page: as Laravel\'s paginator resolves it, or always 1 when ignored', () => {
    expect(parse({ page: '3' }).page).toBe(3);
    expect(parse({ page: '3' }, true).page).toBe(1);
    for (const raw of [undefined, '', '0', '-1', 'x', '2.5']) expect(paginatorPage(raw)).toBe(1);
  });
});
