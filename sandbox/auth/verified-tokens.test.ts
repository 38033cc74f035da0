// The verified-token cache may skip the signature check, never the other rules: a token revoked
// after it was cached is refused on the next request, an expired one as soon as its exp passes,
// and a token differing from a cached one by a single character is verified afresh.
import { decodeJwt } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type RunningSandbox } from '../server';
import { request } from '../testing/client';
import { getVerifiedToken, verifiedTokenCount } from './verified-tokens';

describe('verified-token cache', () => {
  let sandbox: RunningSandbox;
  // A fake clock the test moves forward; the sandbox reads it for every check.
  let nowMs = Date.parse('2026-01-10T12:00:00Z');

  beforeAll(async () => {
    sandbox = await startSandbox({ port: 0, seed: 'empty', now: () => new Date(nowMs) });
  });
  afterAll(async () => {
    await sandbox?.close();
  });

  const status = async (token: string) => (await request(sandbox, 'GET', '/drivers', { token })).status;

  it('refuses a revoked token at once, even though its verification was cached', async () => {
    const token = await sandbox.mintToken({ name: 'to-revoke' });
    expect(await status(token)).toBe(200);
    expect(getVerifiedToken(sandbox.ctx.db, token, nowMs)).toBeDefined();
    expect(await status(token)).toBe(200);

    expect(sandbox.revokeToken(String(decodeJwt(token).jti))).toBe(true);
    expect(await status(token)).toBe(401);
    expect(await status(token)).toBe(401);
  });

  it('refuses a cached token once its exp has passed', async () => {
    const token = await sandbox.mintToken({ name: 'short-lived', ttlSeconds: 60 });
    expect(await status(token)).toBe(200);
    expect(getVerifiedToken(sandbox.ctx.db, token, nowMs)).toBeDefined();
    nowMs += 59_000;
    expect(await status(token)).toBe(200);
    nowMs += 1_000; // now == exp: jose calls that expired, and so does the cache
    expect(await status(token)).toBe(401);
    expect(getVerifiedToken(sandbox.ctx.db, token, nowMs)).toBeUndefined();
  });

  it('never caches a token that failed verification, nor serves a tampered copy of a cached one', async () => {
    const token = await sandbox.mintToken({ name: 'tamper' });
    expect(await status(token)).toBe(200);
    const before = verifiedTokenCount(sandbox.ctx.db);
    // Change the signature's FIRST character: its last one carries 2 unused padding bits (32 bytes
    // in 43 base64url characters), so 'A'↔'B' there can decode to the very same signature — this
    // test used to fail 1 run in 16 for that reason, not because of the cache.
    const at = token.lastIndexOf('.') + 1;
    const tampered = `${token.slice(0, at)}${token[at] === 'A' ? 'B' : 'A'}${token.slice(at + 1)}`;
    expect(await status(tampered)).toBe(401);
    expect(await status(await sandbox.mintToken({ expired: true }))).toBe(401);
    expect(verifiedTokenCount(sandbox.ctx.db)).toBe(before);
    expect(await status(token)).toBe(200);
  });
});
