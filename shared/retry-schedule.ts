// The one definition of "when is the next delivery attempt" for webhook retries.
// The sandbox's dispatcher schedules retries with it and the console's retry-policy preview draws it,
// so the preview always shows what the server really does. Pure: no Node or DOM APIs.

export const retryStrategies = ['exponential', 'linear', 'fixed'] as const;
export type RetryStrategy = (typeof retryStrategies)[number];

/** The part of the retry policy (docs/api-contract.md §7) that decides timing. */
export interface RetryTiming {
  max_attempts: number;
  strategy: RetryStrategy | string;
  initial_delay_seconds: number;
  max_delay_seconds: number;
}

export interface ScheduledAttempt {
  /** 1-based attempt number; attempt 1 is the first delivery. */
  attempt: number;
  /** Seconds waited after the previous attempt (0 for attempt 1). */
  delaySeconds: number;
  /** Seconds after the first attempt at which this attempt is made. */
  atSeconds: number;
}

export interface RetrySchedule {
  attempts: ScheduledAttempt[];
  /** Seconds from the first attempt to the last one (the whole span an event may stay undelivered). */
  totalSeconds: number;
}

/**
 * Seconds to wait after failed attempt number `failedAttempt` (1-based) before the next one.
 *   exponential: initial · 2^(n-1)   linear: initial · n   fixed: initial
 * always capped at max_delay_seconds and never negative. Unknown strategies behave like `fixed`,
 * so a newer server's strategy never crashes the preview.
 */
export function retryDelaySeconds(policy: RetryTiming, failedAttempt: number): number {
  const n = Math.max(1, Math.floor(failedAttempt));
  const initial = Math.max(0, policy.initial_delay_seconds);
  const cap = Math.max(0, policy.max_delay_seconds);
  let delay: number;
  switch (policy.strategy) {
    case 'exponential':
      delay = initial * 2 ** (n - 1);
      break;
    case 'linear':
      delay = initial * n;
      break;
    default:
      delay = initial;
  }
  return Math.min(delay, cap);
}

/** Every attempt the policy allows, with its delay and its offset from the first attempt. */
export function retrySchedule(policy: RetryTiming): RetrySchedule {
  const count = Math.max(1, Math.floor(policy.max_attempts));
  const attempts: ScheduledAttempt[] = [{ attempt: 1, delaySeconds: 0, atSeconds: 0 }];
  let at = 0;
  for (let attempt = 2; attempt <= count; attempt++) {
    const delaySeconds = retryDelaySeconds(policy, attempt - 1);
    at += delaySeconds;
    attempts.push({ attempt, delaySeconds, atSeconds: at });
  }
  return { attempts, totalSeconds: at };
}
