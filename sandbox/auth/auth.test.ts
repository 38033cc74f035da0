// 401 for every kind of bad token (docs/api-contract.md §1), and the token CLI minting tokens a server on
// the same database file accepts.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { decodeJwt, decodeProtectedHeader, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type RunningSandbox } from '../server';
import { request } from '../testing/client';

const run = promisify(execFile);

describe('bearer authentication', () => {
  let sandbox: RunningSandbox;
  let other: RunningSandbox;

  beforeAll(async () => {
    sandbox = await startSandbox({ port: 0, seed: 'empty' });
    other = await startSandbox({ port: 0, seed: 'empty' });
  });
  afterAll(async () => {
    await sandbox.close();
    await other.close();
  });

  const expect401 = async (headers: Record<string, string>) => {
    const response = await request(sandbox, 'GET', '/drivers', { headers });
    expect(response.status).toBe(401);
    expect(response.body).toEqual({ message: 'Unauthenticated.' });
  };

  it('accepts a valid token with the documented claims and header', async () => {
    const token = await sandbox.mintToken({ name: 'claims-test' });
    expect(decodeProtectedHeader(token)).toEqual({ alg: 'HS256', typ: 'JWT' });
    const claims = decodeJwt(token);
    expect(Object.keys(claims).sort()).toEqual(['exp', 'iat', 'jti', 'sub', 'tenant_id']);
    expect(claims.sub).toBe('claims-test');
    expect((await request(sandbox, 'GET', '/drivers', { token })).status).toBe(200);
  });

  it('refuses a request without a token', async () => {
    await expect401({});
  });

  it('refuses malformed authorization headers and tokens', async () => {
    const token = await sandbox.mintToken();
    await expect401({ authorization: 'Bearer' });
    await expect401({ authorization: 'Bearer not-a-jwt' });
    await expect401({ authorization: `Basic ${token}` });
    await expect401({ authorization: `Bearer ${token.slice(0, -4)}` });
    await expect401({ authorization: `Bearer ${token}.extra` });
  });

  it('refuses a token signed with another secret', async () => {
    const foreign = await other.mintToken();
    await expect401({ authorization: `Bearer ${foreign}` });
  });

  it('refuses an unsigned (alg none) token carrying valid claims', async () => {
    const claims = decodeJwt(await sandbox.mintToken());
    const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
    await expect401({ authorization: `Bearer ${encode({ alg: 'none', typ: 'JWT' })}.${encode(claims)}.` });
  });

  it('refuses a token with the right signature but missing claims', async () => {
    const secret = new Uint8Array(
      Buffer.from(
        (sandbox.ctx.db.prepare("SELECT value FROM meta WHERE key = 'jwt_signing_secret'").get() as { value: string }).value,
        'base64url',
      ),
    );
    const noTenant = await new SignJWT({})
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setSubject('x')
      .setJti('j')
      .setIssuedAt()
      .setExpirationTime('1h')
      .sign(secret);
    await expect401({ authorization: `Bearer ${noTenant}` });
  });

  it('refuses an expired token', async () => {
    const expired = await sandbox.mintToken({ expired: true });
    expect(decodeJwt(expired).exp! * 1000).toBeLessThan(Date.now());
    await expect401({ authorization: `Bearer ${expired}` });
  });

  it('refuses a revoked token, and only that one', async () => {
    const revoked = await sandbox.mintToken();
    const kept = await sandbox.mintToken();
    expect((await request(sandbox, 'GET', '/drivers', { token: revoked })).status).toBe(200);
    expect(sandbox.revokeToken(decodeJwt(revoked).jti!)).toBe(true);
    await expect401({ authorization: `Bearer ${revoked}` });
    expect((await request(sandbox, 'GET', '/drivers', { token: kept })).status).toBe(200);
  });

  it('has no token-minting route', async () => {
    const token = await sandbox.mintToken();
    for (const path of ['/tokens', '/auth/token', '/oauth/token']) {
      const response = await request(sandbox, 'POST', path, { token, body: { name: 'x' } });
      expect(response.status).toBe(404);
    }
  });
});

describe('npm run sandbox:token', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sandbox-token-'));
  const dbFile = join(dir, 'sandbox.db');
  const tsx = join(process.cwd(), 'node_modules/.bin/tsx');
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('prints one token a server on the same database accepts, and --revoke revokes it', async () => {
    const minted = await run(tsx, ['sandbox/token-cli.ts', '--name', 'cli-test', '--ttl', '2h', '--db', dbFile]);
    const token = minted.stdout.trim();
    expect(token.split('.')).toHaveLength(3);
    expect(minted.stdout.trim().split('\n')).toHaveLength(1);
    const claims = decodeJwt(token);
    expect(claims.sub).toBe('cli-test');
    expect(claims.exp! - claims.iat!).toBe(7200);
    // the token itself never goes to stderr
    expect(minted.stderr).not.toContain(token);

    const sandbox = await startSandbox({ port: 0, db: dbFile, seed: 'empty' });
    try {
      expect((await request(sandbox, 'GET', '/drivers', { token })).status).toBe(200);
      await run(tsx, ['sandbox/token-cli.ts', '--revoke', String(claims.jti), '--db', dbFile]);
      expect((await request(sandbox, 'GET', '/drivers', { token })).status).toBe(401);
    } finally {
      await sandbox.close();
    }
    // two tsx start-ups: slow on a loaded 2-core machine
  }, 120_000);
});
