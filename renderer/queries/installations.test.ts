// The invalidation every installation write uses: an installation's change reaches its lists,
// details and health, the per-driver usage counts (a disable or a new installation changes them)
// and the drivers queries — and nothing else.
import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { invalidateAfterInstallationWrite } from './installations';
import { queryKeys } from './keys';

describe('invalidateAfterInstallationWrite', () => {
  it('marks every installations and drivers query stale, and no other', async () => {
    const queryClient = new QueryClient();
    const keys = {
      installationsList: queryKeys.installations.list({}),
      installationDetail: queryKeys.installations.detail('i1'),
      health: queryKeys.installations.health('i1'),
      usage: queryKeys.installations.countByDriver('d1'),
      driversList: queryKeys.drivers.list({}),
      driverDetail: queryKeys.drivers.detail('d1'),
      events: queryKeys.events.detail('e1'),
      endpoints: queryKeys.webhookEndpoints.lists(),
    };
    for (const key of Object.values(keys)) queryClient.setQueryData(key, { cached: true });
    await invalidateAfterInstallationWrite(queryClient);
    const stale = Object.fromEntries(Object.entries(keys).map(([name, key]) => [name, queryClient.getQueryState(key)?.isInvalidated]));
    expect(stale).toEqual({
      installationsList: true,
      installationDetail: true,
      health: true,
      usage: true,
      driversList: true,
      driverDetail: true,
      events: false,
      endpoints: false,
    });
  });
});
