// IPC handlers for payloadIndex:* — thin: the dispatcher parsed the input, the service does the work.
// Each takes the profile it is about (Settings may show another than the active one); a search
// runs on the active profile, the one the Events screen shows.
import { AppError } from '../../shared/app-error';
import type { PartialHandlers } from '../ipc/handler-types';
import type { PayloadIndexService } from './payload-index-service';

type PayloadIndexChannel =
  | 'payloadIndex:status'
  | 'payloadIndex:enable'
  | 'payloadIndex:disable'
  | 'payloadIndex:pause'
  | 'payloadIndex:resume'
  | 'payloadIndex:forget'
  | 'payloadIndex:search';

export function createPayloadIndexHandlers(
  service: PayloadIndexService,
  profiles: { exists(profileId: string): boolean; activeId(): string | null },
): Pick<Required<PartialHandlers>, PayloadIndexChannel> {
  const known = (profileId: string) => {
    if (!profiles.exists(profileId)) throw new AppError('not_found', 'No such profile. It may have been removed.');
    return profileId;
  };
  return {
    'payloadIndex:status': async ({ profileId }) => service.status(known(profileId)),
    'payloadIndex:enable': ({ profileId, windowDays }) => service.enable(known(profileId), windowDays),
    'payloadIndex:disable': ({ profileId }) => service.disable(known(profileId)),
    'payloadIndex:pause': ({ profileId }) => service.pause(known(profileId)),
    'payloadIndex:resume': ({ profileId }) => service.resume(known(profileId)),
    // Forgetting works for a profile that is already gone too: it only deletes.
    'payloadIndex:forget': ({ profileId }) => service.forget(profileId),
    'payloadIndex:search': async ({ query, filters, limit }) => {
      const profileId = profiles.activeId();
      if (!profileId) throw new AppError('no_token', 'No active profile: add a profile and its token in Settings first.');
      return service.search(profileId, query, filters, limit);
    },
  };
}
