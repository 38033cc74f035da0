import { describe, expect, it } from 'vitest';
import { IpcCallError } from '../bridge/ipc';
import { shouldRetry } from './query-client';

const err = (code: ConstructorParameters<typeof IpcCallError>[1]['code']) => new IpcCallError('events:list', { code, message: 'x' });

describe('query retry policy', () => {
  it('never retries errors a retry cannot fix (main already retried transient ones)', () => {
    for (const code of ['unauthenticated', 'forbidden', 'not_found', 'validation', 'rate_limited', 'invalid_token', 'read_only', 'server', 'invalid_input'] as const) {
      expect(shouldRetry(0, err(code)), code).toBe(false);
    }
    expect(shouldRetry(0, new Error('x'))).toBe(false);
  });
  it('retries a dropped network once', () => {
    expect(shouldRetry(0, err('network'))).toBe(true);
    expect(shouldRetry(0, err('offline'))).toBe(true);
    expect(shouldRetry(1, err('network'))).toBe(false);
  });
});
