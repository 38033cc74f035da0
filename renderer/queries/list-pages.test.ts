// What a list screen shows of the pages loaded so far, and when it asks for another.
import { describe, expect, it } from 'vitest';
import { loadedList, nextPageParam } from './list-pages';

const page = (ids: string[], pagination: Parameters<typeof nextPageParam>[0]['pagination'], extra: object = {}) => ({ items: ids.map((id) => ({ id })), pagination, ...extra });

describe('loadedList', () => {
  it('joins the rows and the unreadable ones of every page; the count is the server\'s when it gives one', () => {
    const first = page(['a', 'b'], { kind: 'page', currentPage: 1, lastPage: 2, perPage: 2, total: 3, nextPage: 2 }, { unreadable: [{ index: 1, raw: { x: 1 }, issue: 'id: required' }] });
    const second = page(['c'], { kind: 'page', currentPage: 2, lastPage: 2, perPage: 2, total: 3, nextPage: null });
    expect(loadedList([first, second])).toEqual({
      items: [{ id: 'a' }, { id: 'b' }, { id: 'c' }],
      unreadable: [{ index: 1, raw: { x: 1 }, issue: 'id: required' }],
      total: 3,
      sortDropped: false,
    });
  });

  it('a simple paginator or a bare list has no count; a refused sort on any page is said', () => {
    const simple = page(['a'], { kind: 'page', currentPage: 1, lastPage: null, perPage: 1, total: null, nextPage: 2 }, { sortDropped: true });
    expect(loadedList([simple])).toMatchObject({ total: null, sortDropped: true });
    expect(loadedList([page(['a'], { kind: 'none', full: false })])).toMatchObject({ total: null, sortDropped: false });
    expect(loadedList(undefined)).toEqual({ items: [], unreadable: [], total: null, sortDropped: false });
  });

  it('asks for the next page only where the answer says there is one', () => {
    expect(nextPageParam(page([], { kind: 'none', full: true }), 1)).toEqual({ page: 2 });
    expect(nextPageParam(page([], { kind: 'none', full: false }), 1)).toBeUndefined();
    expect(nextPageParam(page([], { kind: 'page', currentPage: 3, lastPage: null, perPage: 1, total: null, nextPage: null }), 3)).toBeUndefined();
  });
});
