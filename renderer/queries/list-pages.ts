// The next page of any list answer, whichever shape the server used (page, cursor, or a bare list
// that came back full — docs/api-contract.md §8), for infinite queries.
import type { z } from 'zod';
import type { paginationSchema } from '../../shared/api/ipc-lists';

export type Pagination = z.infer<typeof paginationSchema>;
export type PageParam = { cursor: string } | { page: number } | null;

export function nextPageParam(last: { pagination: Pagination }, pagesLoaded: number): PageParam | undefined {
  const p = last.pagination;
  if (p.kind === 'cursor') return p.nextCursor ? { cursor: p.nextCursor } : undefined;
  if (p.kind === 'page') return p.nextPage ? { page: p.nextPage } : undefined;
  return p.full ? { page: pagesLoaded + 1 } : undefined;
}
