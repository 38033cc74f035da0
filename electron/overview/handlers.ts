// The overview:* IPC handlers. They use the same per-profile platform client as the API handlers
// (scheduler, capability cache, token scope), reached through `clientFor`. One cache of closed
// buckets and event owners lives as long as the handlers (main's services), per profile + base URL.
import type { PartialHandlers } from '../ipc/handler-types';
import type { PlatformClient } from '../api/platform-client';
import { OverviewCache } from './summary-cache';
import { DEFAULT_SUMMARY_LIMITS, overviewSummary, type SummaryLimits } from './summary';

export interface OverviewHandlerDeps {
  clientFor: (profileId?: string) => Promise<PlatformClient>;
  limits?: SummaryLimits;
  now?: () => number;
  /** Main → renderer events (`overview:progress`). */
  emit?: (event: 'overview:progress', payload: unknown) => void;
}

export function createOverviewHandlers(deps: OverviewHandlerDeps): PartialHandlers {
  const cache = new OverviewCache();
  return {
    'overview:summary': async (input, ctx) =>
      overviewSummary(await deps.clientFor(), input, ctx.signal, {
        limits: deps.limits ?? DEFAULT_SUMMARY_LIMITS,
        cache,
        ...(deps.now ? { now: deps.now } : {}),
        ...(deps.emit ? { onProgress: (progress) => deps.emit!('overview:progress', progress) } : {}),
      }),
  };
}
