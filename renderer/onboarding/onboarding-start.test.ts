import { describe, expect, it } from 'vitest';
import type { ProfileWithToken } from '../../shared/ipc/channels/profiles';
import { leadsToOnboarding, onboardingStart } from './onboarding-start';

const token = { profileId: 'p1', last4: 'abcd' } as ProfileWithToken['token'];
const profile = (id: string, withToken: boolean) => ({ id, token: withToken ? token : null }) as ProfileWithToken;

describe('onboardingStart', () => {
  it('unknown list: wait; no active profile: create one; no token: import one; ready: none', () => {
    expect(onboardingStart(undefined)).toBeNull();
    expect(onboardingStart({ profiles: [], activeId: null })).toEqual({ step: 'profile', profileId: null });
    expect(onboardingStart({ profiles: [profile('p1', true)], activeId: 'gone' })).toEqual({ step: 'profile', profileId: null });
    expect(onboardingStart({ profiles: [profile('p1', false), profile('p2', true)], activeId: 'p1' })).toEqual({ step: 'token', profileId: 'p1' });
    expect(onboardingStart({ profiles: [profile('p1', false), profile('p2', true)], activeId: 'p2' })).toBeNull();
  });
});

describe('leadsToOnboarding', () => {
  const paths = ['/overview', '/events', '/settings', '/activity'];
  it('every screen but Settings; not a path that is no screen', () => {
    expect(leadsToOnboarding('/overview', paths)).toBe(true);
    expect(leadsToOnboarding('/events', paths)).toBe(true);
    expect(leadsToOnboarding('/activity', paths)).toBe(true);
    expect(leadsToOnboarding('/settings', paths)).toBe(false);
    expect(leadsToOnboarding('/no-such-screen', paths)).toBe(false);
    expect(leadsToOnboarding('/eventsx', paths)).toBe(false);
  });
});
