import { describe, expect, it } from 'vitest';
import { IpcCallError } from '../bridge/ipc';
import en from '../i18n/en.json';
import { stepErrorKey } from './step-error-key';

type Tree = { [key: string]: string | Tree };
const exists = (key: string) => {
  let node: string | Tree | undefined = en as Tree;
  for (const part of key.split('.')) node = typeof node === 'object' ? node[part] : undefined;
  return typeof node === 'string';
};
const failure = (code: IpcCallError['code'], details?: Record<string, string>) => new IpcCallError('x', { code, message: 'm', ...(details ? { details } : {}) });

describe('stepErrorKey', () => {
  it('a 401 reason first, then the code, then the app-wide message (null)', () => {
    expect(stepErrorKey('test', failure('unauthenticated', { reason: 'revoked' }), exists)).toBe('onboarding.test.errors.unauthenticated_revoked');
    expect(stepErrorKey('test', failure('unauthenticated', { reason: 'something-new' }), exists)).toBe('onboarding.test.errors.unauthenticated');
    expect(stepErrorKey('token', failure('invalid_token'), exists)).toBe('onboarding.token.errors.invalid_token');
    expect(stepErrorKey('token', failure('rate_limited'), exists)).toBeNull();
    expect(stepErrorKey('test', new Error('not from main'), exists)).toBeNull();
  });
});
