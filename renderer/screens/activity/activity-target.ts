// Where Enter on an Activity row leads: the screen of the thing the write acted on. The log spans
// every profile, but the screens show the active one's account, so only that profile's entries
// open anything (another profile's installation id would show "not found", or worse, a look-alike).
import type { ActivityEntry } from '../../../shared/ipc/channels/activity';

export function activityTargetHref(entry: Pick<ActivityEntry, 'profileId' | 'target'>, activeProfileId: string | null): string | null {
  const { kind, id } = entry.target;
  if (!id || !activeProfileId || entry.profileId !== activeProfileId) return null;
  const param = encodeURIComponent(id);
  switch (kind) {
    case 'installation':
      return `#/installations?installation=${param}`;
    case 'driver':
      return `#/drivers?driver=${param}`;
    case 'endpoint':
      return `#/webhooks?endpoint=${param}`;
    case 'event':
      return `#/events?event=${param}`;
    default:
      return null;
  }
}
