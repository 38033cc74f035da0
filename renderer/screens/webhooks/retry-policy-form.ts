// The retry policy editor's rules (docs/api-contract.md §7): bounds checked live so the operator sees what is
// wrong before saving, and the body sent to PUT /webhooks/retry-policy.
import type { RetryPolicy } from '../../../shared/api/webhooks';
import { retryOnValues, retryStrategies } from '../../../shared/api/webhooks';
import type { FieldError } from '../../../shared/settings-form';
import type { RetryTiming } from '../../../shared/retry-schedule';

export interface RetryPolicyFormValues {
  maxAttempts: string;
  strategy: string;
  initialDelaySeconds: string;
  maxDelaySeconds: string;
  retryOn: string[];
  /** '' = never disable the endpoint. */
  disableAfterFailures: string;
}

export const retryPolicyErrorKeys = {
  maxAttempts: 'webhooks.retry.errors.maxAttempts',
  strategy: 'webhooks.retry.errors.strategy',
  initialDelay: 'webhooks.retry.errors.initialDelay',
  maxDelay: 'webhooks.retry.errors.maxDelay',
  maxBelowInitial: 'webhooks.retry.errors.maxBelowInitial',
  disableAfter: 'webhooks.retry.errors.disableAfter',
} as const;

export function retryPolicyFormFrom(policy: RetryPolicy): RetryPolicyFormValues {
  return {
    maxAttempts: String(policy.max_attempts),
    strategy: policy.strategy,
    initialDelaySeconds: String(policy.initial_delay_seconds),
    maxDelaySeconds: String(policy.max_delay_seconds),
    retryOn: [...policy.retry_on],
    disableAfterFailures: policy.disable_endpoint_after_failures === null ? '' : String(policy.disable_endpoint_after_failures),
  };
}

const whole = (text: string): number | null => (/^\d+$/.test(text.trim()) ? Number(text.trim()) : null);

export type RetryPolicyErrors = Partial<Record<keyof RetryPolicyFormValues, FieldError>>;

export function validateRetryPolicy(values: RetryPolicyFormValues): RetryPolicyErrors {
  const errors: RetryPolicyErrors = {};
  const attempts = whole(values.maxAttempts);
  if (attempts === null || attempts < 1 || attempts > 20) errors.maxAttempts = { key: retryPolicyErrorKeys.maxAttempts };
  if (!(retryStrategies as readonly string[]).includes(values.strategy)) errors.strategy = { key: retryPolicyErrorKeys.strategy };
  const initial = whole(values.initialDelaySeconds);
  if (initial === null) errors.initialDelaySeconds = { key: retryPolicyErrorKeys.initialDelay };
  const max = whole(values.maxDelaySeconds);
  if (max === null) errors.maxDelaySeconds = { key: retryPolicyErrorKeys.maxDelay };
  else if (initial !== null && max < initial) errors.maxDelaySeconds = { key: retryPolicyErrorKeys.maxBelowInitial };
  if (values.disableAfterFailures.trim() !== '') {
    const after = whole(values.disableAfterFailures);
    if (after === null || after < 1) errors.disableAfterFailures = { key: retryPolicyErrorKeys.disableAfter };
  }
  return errors;
}

/** The timing part for the preview, or null while the numbers are invalid (the preview waits). */
export function previewTiming(values: RetryPolicyFormValues): RetryTiming | null {
  const errors = validateRetryPolicy(values);
  if (errors.maxAttempts || errors.strategy || errors.initialDelaySeconds || errors.maxDelaySeconds) return null;
  return {
    max_attempts: Number(values.maxAttempts),
    strategy: values.strategy,
    initial_delay_seconds: Number(values.initialDelaySeconds),
    max_delay_seconds: Number(values.maxDelaySeconds),
  };
}

export interface RetryPolicyBody {
  max_attempts: number;
  strategy: (typeof retryStrategies)[number];
  initial_delay_seconds: number;
  max_delay_seconds: number;
  retry_on: (typeof retryOnValues)[number][];
  disable_endpoint_after_failures: number | null;
}

export function buildRetryPolicyBody(values: RetryPolicyFormValues): RetryPolicyBody {
  return {
    max_attempts: Number(values.maxAttempts),
    strategy: values.strategy as RetryPolicyBody['strategy'],
    initial_delay_seconds: Number(values.initialDelaySeconds),
    max_delay_seconds: Number(values.maxDelaySeconds),
    retry_on: retryOnValues.filter((value) => values.retryOn.includes(value)),
    disable_endpoint_after_failures: values.disableAfterFailures.trim() === '' ? null : Number(values.disableAfterFailures),
  };
}
