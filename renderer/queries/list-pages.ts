// The next page of any list answer, whichever shape the server used (page, cursor, or a bare list
// that came back full — docs/api-contract.md §8), for infinite queries; and what a screen shows of all the
// pages loaded so far (rows, unreadable rows, the server's count when it gave one).
import type { z } from 'zod';
import type { paginationSchema, UnreadableListItem } from '../../shared/api/ipc-lists';

export type Pagination = z.infer<typeof paginationSchema>;
export type PageParam = { cursor: string } | { page: number } | null;

export function nextPageParam(last: { pagination: Pagination }, pagesLoaded: number): PageParam | undefined {
  const p = last.pagination;
  if (p.kind === 'cursor') return p.nextCursor ? { cursor: p.nextCursor } : undefined;
  if (p.kind === 'page') return p.nextPage ? { page: p.nextPage } : undefined;
  return p.full ? { page: pagesLoaded + 1 } : undefined;
}

interface ListPage<T> {
  items: T[];
  pagination: Pagination;
  unreadable?: UnreadableListItem[] | undefined;
  sortDropped?: boolean | undefined;
}

export interface LoadedList<T> {
  items: T[];
  unreadable: UnreadableListItem[];
  /** The server's own count (length-aware pages); null when it does not give one. */
  total: number | null;
  /** The server refused the order asked for: rows are in its own order. */
  sortDropped: boolean;
}

export function loadedList<T>(pages: ReadonlyArray<ListPage<T>> | undefined): LoadedList<T> {
  const all = pages ?? [];
  const first = all[0]?.pagination;
  return {
    items: all.flatMap((p) => p.items),
    unreadable: all.flatMap((p) => p.unreadable ?? []),
    total: first?.kind === 'page' ? first.total : null,
    sortDropped: all.some((p) => p.sortDropped === true),
  };
}
