// What the jobs need from the platform client, as a structural type: the real PlatformClient
// satisfies it, and the jobs never see a token or an HTTP detail.
import type { PlatformClient } from '../api/platform-client';
import type { PlatformEvent } from '../../shared/api/index';
import { eventView } from '../../shared/api/ipc-views';
import type { EventFilter } from '../../shared/ipc/channels/jobs';

export type JobsClient = Pick<PlatformClient, 'iteratePages' | 'redeliverEvent'>;

/** The largest page the contract allows: fewer round trips for the same rows. */
export const PAGE_LIMIT = 100;

/**
 * Walks the events matching `filters`, newest first, one page (≤ 100) at a time. Stop early with
 * `break`. With `prefetch` the next page is requested while this one is validated and used (the
 * export: it reads everything); without, a page is requested only when asked for (bulk redeliver
 * stops at its cap and paces itself).
 */
// Read through the same allow-list as the events list over IPC (shared/api/ipc-views.ts): an
// export file leaves main too, so a field a server added (an `api_key`…) must not land in it.
export function eventPages(client: JobsClient, filters: EventFilter, signal: AbortSignal, options: { prefetch?: boolean } = {}): AsyncGenerator<{ items: PlatformEvent[] }> {
  return client.iteratePages('/processing/events', eventView, { filters: { ...filters }, sort: '-created_at', limit: PAGE_LIMIT }, { signal, prefetch: options.prefetch });
}
