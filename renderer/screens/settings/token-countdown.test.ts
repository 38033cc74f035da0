import { describe, expect, it } from 'vitest';
import { countdownTo } from './token-countdown';

describe('countdownTo', () => {
  it('splits the time left into days, hours, minutes, seconds', () => {
    const now = Date.UTC(2026, 0, 1);
    const exp = now + ((2 * 24 + 3) * 3600 + 4 * 60 + 5) * 1000;
    expect(countdownTo(exp, now)).toEqual({ expired: false, days: 2, hours: 3, minutes: 4, seconds: 5 });
  });
  it('is expired at and after exp', () => {
    expect(countdownTo(1000, 1000).expired).toBe(true);
    expect(countdownTo(1000, 5000)).toEqual({ expired: true, days: 0, hours: 0, minutes: 0, seconds: 0 });
  });
});
