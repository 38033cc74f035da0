// The account's retry policy (docs/api-contract.md §7): one row, read by the dispatcher on every failed attempt.
import { z } from 'zod';
import type { SandboxDatabase } from '../db/connection';
import { retryStrategies, type RetryStrategy } from '../../shared/retry-schedule';

export const retryOnValues = ['5xx', '429', 'timeout', 'connection_error'] as const;
export type RetryOn = (typeof retryOnValues)[number];

export interface RetryPolicy {
  max_attempts: number;
  strategy: RetryStrategy;
  initial_delay_seconds: number;
  max_delay_seconds: number;
  retry_on: RetryOn[];
  disable_endpoint_after_failures: number | null;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  max_attempts: 8,
  strategy: 'exponential',
  initial_delay_seconds: 30,
  max_delay_seconds: 36000,
  retry_on: ['5xx', '429', 'timeout', 'connection_error'],
  disable_endpoint_after_failures: null,
};

const SEVEN_DAYS = 7 * 24 * 3600;

/** PUT body: every field optional (missing ones take the defaults), unknown fields refused. */
export const retryPolicyInput = z
  .strictObject({
    max_attempts: z.int('The max_attempts must be an integer.').min(1, 'The max_attempts must be at least 1.').max(20, 'The max_attempts may not be greater than 20.').default(DEFAULT_RETRY_POLICY.max_attempts),
    strategy: z.enum(retryStrategies, 'The strategy must be one of: exponential, linear, fixed.').default(DEFAULT_RETRY_POLICY.strategy),
    initial_delay_seconds: z.int('The initial_delay_seconds must be an integer.').min(0, 'The initial_delay_seconds may not be negative.').max(SEVEN_DAYS, `The initial_delay_seconds may not be greater than ${SEVEN_DAYS}.`).default(DEFAULT_RETRY_POLICY.initial_delay_seconds),
    max_delay_seconds: z.int('The max_delay_seconds must be an integer.').min(0, 'The max_delay_seconds may not be negative.').max(SEVEN_DAYS, `The max_delay_seconds may not be greater than ${SEVEN_DAYS}.`).default(DEFAULT_RETRY_POLICY.max_delay_seconds),
    retry_on: z
      .array(z.enum(retryOnValues, 'Each retry_on value must be one of: 5xx, 429, timeout, connection_error.'), 'The retry_on must be an array.')
      .refine((values) => new Set(values).size === values.length, 'The retry_on values must be distinct.')
      .default([...DEFAULT_RETRY_POLICY.retry_on]),
    disable_endpoint_after_failures: z
      .int('The disable_endpoint_after_failures must be an integer or null.')
      .min(1, 'The disable_endpoint_after_failures must be at least 1.')
      .max(1000, 'The disable_endpoint_after_failures may not be greater than 1000.')
      .nullable()
      .default(null),
  }, 'The body must be a JSON object.')
  .refine((policy) => policy.max_delay_seconds >= policy.initial_delay_seconds, {
    message: 'The max_delay_seconds must be at least the initial_delay_seconds.',
    path: ['max_delay_seconds'],
  });

interface RetryPolicyRow {
  max_attempts: number;
  strategy: string;
  initial_delay_seconds: number;
  max_delay_seconds: number;
  retry_on: string;
  disable_endpoint_after_failures: number | null;
}

export function loadRetryPolicy(db: SandboxDatabase): RetryPolicy {
  const row = db.prepare('SELECT * FROM retry_policy WHERE id = 1').get() as RetryPolicyRow | undefined;
  if (row === undefined) return { ...DEFAULT_RETRY_POLICY, retry_on: [...DEFAULT_RETRY_POLICY.retry_on] };
  return {
    max_attempts: row.max_attempts,
    strategy: row.strategy as RetryStrategy,
    initial_delay_seconds: row.initial_delay_seconds,
    max_delay_seconds: row.max_delay_seconds,
    retry_on: JSON.parse(row.retry_on) as RetryOn[],
    disable_endpoint_after_failures: row.disable_endpoint_after_failures,
  };
}

export function saveRetryPolicy(db: SandboxDatabase, policy: RetryPolicy, updatedAt: string): void {
  db.prepare(
    `INSERT INTO retry_policy (id, max_attempts, strategy, initial_delay_seconds, max_delay_seconds, retry_on,
       disable_endpoint_after_failures, updated_at)
     VALUES (1, @max_attempts, @strategy, @initial_delay_seconds, @max_delay_seconds, @retry_on, @disable_endpoint_after_failures, @updated_at)
     ON CONFLICT (id) DO UPDATE SET max_attempts = excluded.max_attempts, strategy = excluded.strategy,
       initial_delay_seconds = excluded.initial_delay_seconds, max_delay_seconds = excluded.max_delay_seconds,
       retry_on = excluded.retry_on, disable_endpoint_after_failures = excluded.disable_endpoint_after_failures,
       updated_at = excluded.updated_at`,
  ).run({ ...policy, retry_on: JSON.stringify(policy.retry_on), updated_at: updatedAt });
}
