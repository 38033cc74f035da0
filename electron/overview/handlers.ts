// The overview:* IPC handlers. They use the same per-profile platform client as the API handlers
// (scheduler, capability cache, token scope), reached through `clientFor`.
import type { PartialHandlers } from '../ipc/handler-types';
import type { PlatformClient } from '../api/platform-client';
import { DEFAULT_SUMMARY_LIMITS, overviewSummary, type SummaryLimits } from './summary';

export interface OverviewHandlerDeps {
  clientFor: (profileId?: string) => Promise<PlatformClient>;
  limits?: SummaryLimits;
}

export function createOverviewHandlers(deps: OverviewHandlerDeps): PartialHandlers {
  return {
    'overview:summary': async (input, ctx) => overviewSummary(await deps.clientFor(), input, ctx.signal, deps.limits ?? DEFAULT_SUMMARY_LIMITS),
  };
}
