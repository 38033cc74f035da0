import { describe, expect, it } from 'vitest';
import { activityTargetHref } from './activity-target';

const entry = (kind: string, id: string | null, profileId: string | null = 'p1') => ({ profileId, target: { kind, id, name: null } });

describe('activityTargetHref', () => {
  it('leads to the screen of the thing the write acted on', () => {
    expect(activityTargetHref(entry('installation', 'i 1'), 'p1')).toBe('#/installations?installation=i%201');
    expect(activityTargetHref(entry('driver', 'bling'), 'p1')).toBe('#/drivers?driver=bling');
    expect(activityTargetHref(entry('endpoint', 'e1'), 'p1')).toBe('#/webhooks?endpoint=e1');
    expect(activityTargetHref(entry('event', 'ev1'), 'p1')).toBe('#/events?event=ev1');
  });

  it('opens nothing for another profile, no active profile, no id or a kind without a screen', () => {
    expect(activityTargetHref(entry('installation', 'i1', 'p2'), 'p1')).toBeNull();
    expect(activityTargetHref(entry('installation', 'i1'), null)).toBeNull();
    expect(activityTargetHref(entry('installation', null), 'p1')).toBeNull();
    expect(activityTargetHref(entry('token', 't1'), 'p1')).toBeNull();
    expect(activityTargetHref(entry('retry_policy', 'x'), 'p1')).toBeNull();
  });
});
