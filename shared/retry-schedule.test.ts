import { describe, expect, it } from 'vitest';
import { retryDelaySeconds, retrySchedule } from './retry-schedule';

const base = { max_attempts: 8, initial_delay_seconds: 30, max_delay_seconds: 36000 };

describe('retryDelaySeconds', () => {
  it('doubles for exponential and caps at max_delay_seconds', () => {
    const policy = { ...base, strategy: 'exponential', max_delay_seconds: 200 };
    expect([1, 2, 3, 4, 5].map((n) => retryDelaySeconds(policy, n))).toEqual([30, 60, 120, 200, 200]);
  });

  it('grows by the initial delay for linear, capped', () => {
    const policy = { ...base, strategy: 'linear', max_delay_seconds: 100 };
    expect([1, 2, 3, 4].map((n) => retryDelaySeconds(policy, n))).toEqual([30, 60, 90, 100]);
  });

  it('stays at the initial delay for fixed and for unknown strategies', () => {
    expect(retryDelaySeconds({ ...base, strategy: 'fixed' }, 5)).toBe(30);
    expect(retryDelaySeconds({ ...base, strategy: 'fibonacci' }, 5)).toBe(30);
  });
});

describe('retrySchedule', () => {
  it('lists every attempt with its cumulative offset and the total span (defaults)', () => {
    const schedule = retrySchedule({ ...base, strategy: 'exponential' });
    expect(schedule.attempts.map((a) => a.delaySeconds)).toEqual([0, 30, 60, 120, 240, 480, 960, 1920]);
    expect(schedule.attempts.map((a) => a.atSeconds)).toEqual([0, 30, 90, 210, 450, 930, 1890, 3810]);
    expect(schedule.attempts.map((a) => a.attempt)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(schedule.totalSeconds).toBe(3810);
  });

  it('has a single attempt and no span when max_attempts is 1', () => {
    expect(retrySchedule({ ...base, strategy: 'linear', max_attempts: 1 })).toEqual({
      attempts: [{ attempt: 1, delaySeconds: 0, atSeconds: 0 }],
      totalSeconds: 0,
    });
  });
});
