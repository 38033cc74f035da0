// Server state for the Deliveries screen: the delivery log and the received-webhooks log, both
// keyset lists loaded page by page ("Load more").
import { useInfiniteQuery } from '@tanstack/react-query';
import { call } from '../../bridge/ipc';
import type { DispatchesFilters } from '../../../shared/ipc/channels/events';
import type { ReceivedWebhooksFilters } from '../../../shared/ipc/channels/webhooks';

const PAGE = 50;
type PageParam = { cursor?: string; page?: number } | null;

type Pagination =
  | { kind: 'cursor'; nextCursor: string | null }
  | { kind: 'page'; nextPage: number | null }
  | { kind: 'none'; full: boolean };

function nextParam(pagination: Pagination, pageCount: number): PageParam | undefined {
  if (pagination.kind === 'cursor') return pagination.nextCursor ? { cursor: pagination.nextCursor } : undefined;
  if (pagination.kind === 'page') return pagination.nextPage ? { page: pagination.nextPage } : undefined;
  return pagination.full ? { page: pageCount + 1 } : undefined;
}

export function useDispatches(filters: DispatchesFilters, enabled: boolean) {
  return useInfiniteQuery({
    queryKey: ['deliveries', 'dispatches', JSON.stringify(filters)],
    enabled,
    initialPageParam: null as PageParam,
    queryFn: ({ pageParam, signal }) => call('events:dispatches', { filters, limit: PAGE, ...(pageParam ?? {}) }, { signal }),
    getNextPageParam: (last, pages) => nextParam(last.pagination, pages.length),
  });
}

export function useReceivedWebhooks(filters: ReceivedWebhooksFilters, enabled: boolean) {
  return useInfiniteQuery({
    queryKey: ['deliveries', 'received', JSON.stringify(filters)],
    enabled,
    initialPageParam: null as PageParam,
    queryFn: ({ pageParam, signal }) => call('webhooks:received', { filters, limit: PAGE, ...(pageParam ?? {}) }, { signal }),
    getNextPageParam: (last, pages) => nextParam(last.pagination, pages.length),
  });
}
