import { describe, expect, it } from 'vitest';
import { takeStartupToken } from './startup-token';

// Not a real token: takeStartupToken does not look inside it.
const TOKEN = ['header', 'payload', 'signature'].join('.');

describe('takeStartupToken', () => {
  it('hands the token over when unpackaged and deletes it from the env object', () => {
    const env: Record<string, string | undefined> = { II_API_TOKEN: TOKEN, II_SANDBOX_BASE_URL: 'http://127.0.0.1:4010', PATH: '/bin' };
    expect(takeStartupToken(env, { isPackaged: false })).toEqual({ token: TOKEN, sandboxBaseUrl: 'http://127.0.0.1:4010' });
    expect(env).toEqual({ II_SANDBOX_BASE_URL: 'http://127.0.0.1:4010', PATH: '/bin' });
  });

  it('ignores it when packaged, and still deletes it', () => {
    const env: Record<string, string | undefined> = { II_API_TOKEN: TOKEN, II_SANDBOX_BASE_URL: 'http://127.0.0.1:4010' };
    expect(takeStartupToken(env, { isPackaged: true })).toBeNull();
    expect(env).not.toHaveProperty('II_API_TOKEN');
  });

  it('needs both variables, and deletes the token even without a sandbox URL', () => {
    const env: Record<string, string | undefined> = { II_API_TOKEN: TOKEN };
    expect(takeStartupToken(env, { isPackaged: false })).toBeNull();
    expect(env).toEqual({});
    expect(takeStartupToken({ II_SANDBOX_BASE_URL: 'http://127.0.0.1:4010' }, { isPackaged: false })).toBeNull();
  });

  it('deletes it from process.env, the object main passes', () => {
    const saved = process.env.II_API_TOKEN;
    process.env.II_API_TOKEN = TOKEN;
    try {
      takeStartupToken(process.env, { isPackaged: true });
      expect('II_API_TOKEN' in process.env).toBe(false);
    } finally {
      if (saved !== undefined) process.env.II_API_TOKEN = saved;
    }
  });
});
