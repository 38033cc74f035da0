import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../../shared/app-error';
import { createFakeSafeStorage, type FakeSafeStorage } from '../../test/support/fake-safe-storage';
import { mintTestToken } from '../../test/support/mint-test-token';
import { createTokenVault } from './token-vault';
import { withTokenFromSource, type TokenSourceDeps } from './token-sources';

let dir: string;
let safe: FakeSafeStorage;
const DAY = 86_400;
/** The origin every token in these tests is imported for. */
const ORIGIN = 'https://api.example.com';
const AT = { origin: ORIGIN };

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ii-vault-'));
  safe = createFakeSafeStorage();
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const vaultOn = (platform = 'linux', now?: () => number) => createTokenVault({ dir: join(dir, 'tokens'), safeStorage: safe, platform, ...(now ? { now } : {}) });

async function filesIn(folder: string): Promise<string[]> {
  return readdir(folder).catch(() => []);
}

describe('TokenVault with a keychain', () => {
  it('stores ciphertext (mode 0600) that is not the token and does not contain it', async () => {
    const token = await mintTestToken();
    const vault = vaultOn();
    const description = await vault.importToken('p1', `  ${token}\n`, 'clipboard', AT);
    expect(description).toMatchObject({ profileId: 'p1', last4: token.slice(-4), storage: 'keychain', sessionOnlyReason: null, source: 'clipboard' });
    const cipherPath = join(dir, 'tokens', 'p1.bin');
    const bytes = await readFile(cipherPath);
    expect(bytes.toString('latin1')).not.toContain(token);
    expect(bytes.toString('latin1')).not.toContain(token.split('.')[1]);
    expect((await stat(cipherPath)).mode & 0o777).toBe(0o600);
    // The description file beside it holds no secret either.
    expect(await readFile(join(dir, 'tokens', 'p1.json'), 'utf8')).not.toContain(token);
    expect(await vault.withToken('p1', ORIGIN, async (t) => t === token)).toBe(true);
    // No temp or aside files left behind.
    expect((await filesIn(join(dir, 'tokens'))).sort()).toEqual(['p1.bin', 'p1.json']);
  });

  it('survives a restart: a new vault decrypts the file', async () => {
    const token = await mintTestToken();
    await vaultOn().importToken('p1', token, 'file', AT);
    const again = vaultOn();
    expect(await again.describe('p1')).toMatchObject({ storage: 'keychain', source: 'file', last4: token.slice(-4) });
    expect(await again.withToken('p1', ORIGIN, async (t) => t === token)).toBe(true);
  });

  it('describes claims and warns 7 days before exp', async () => {
    const vault = vaultOn();
    await vault.importToken('p1', await mintTestToken({ sub: 'ops', tenant_id: 't-9' }, 30 * DAY), 'env', AT);
    const far = await vault.describe('p1');
    expect(far?.claims).toMatchObject({ sub: 'ops', tenant: { claim: 'tenant_id', value: 't-9' } });
    expect(far?.claims.exp).toBeTypeOf('number');
    expect(far).toMatchObject({ daysUntilExpiry: 29, expiringSoon: false, expired: false });

    await vault.importToken('p2', await mintTestToken({}, 6 * DAY + 3600), 'env', AT);
    expect(await vault.describe('p2')).toMatchObject({ daysUntilExpiry: 6, expiringSoon: true, expired: false });

    await vault.importToken('p3', await mintTestToken({}, -60), 'env', AT);
    expect(await vault.describe('p3')).toMatchObject({ expiringSoon: false, expired: true });
  });

  it('rotate verifies first, then replaces and wipes the old ciphertext', async () => {
    const vault = vaultOn();
    const oldToken = await mintTestToken({ sub: 'old' });
    const newToken = await mintTestToken({ sub: 'new' });
    await vault.importToken('p1', oldToken, 'clipboard', AT);
    const oldBytes = await readFile(join(dir, 'tokens', 'p1.bin'));

    const refused = vault.rotate('p1', newToken, 'file', async () => {
      throw new AppError('unauthenticated', 'The API refused the new token.', { status: 401 });
    }, AT);
    await expect(refused).rejects.toMatchObject({ code: 'unauthenticated' });
    expect(await vault.withToken('p1', ORIGIN, async (t) => t === oldToken)).toBe(true);

    const verified: string[] = [];
    const rotated = await vault.rotate('p1', newToken, 'file', async (t) => {
      verified.push(t.slice(-4));
    }, AT);
    expect(verified).toEqual([newToken.slice(-4)]);
    expect(rotated).toMatchObject({ previousLast4: oldToken.slice(-4), description: { last4: newToken.slice(-4), claims: { sub: 'new' } } });
    expect(await vault.withToken('p1', ORIGIN, async (t) => t === newToken)).toBe(true);
    const newBytes = await readFile(join(dir, 'tokens', 'p1.bin'));
    expect(newBytes.equals(oldBytes)).toBe(false);
    expect((await filesIn(join(dir, 'tokens'))).sort()).toEqual(['p1.bin', 'p1.json']);
  });

  it('remove wipes the file and the description', async () => {
    const vault = vaultOn();
    await vault.importToken('p1', await mintTestToken(), 'clipboard', AT);
    expect(await vault.remove('p1')).toBe(true);
    expect(await filesIn(join(dir, 'tokens'))).toEqual([]);
    expect(await vault.describe('p1')).toBeNull();
    await expect(vault.withToken('p1', ORIGIN, async () => 1)).rejects.toMatchObject({ code: 'no_token' });
    expect(await vault.remove('p1')).toBe(false);
  });

  it('keeps a decrypted token for a burst of requests, and drops it on change, remove and a quiet spell', async () => {
    const decrypt = safe.decryptStringAsync.bind(safe);
    let decrypts = 0;
    safe.decryptStringAsync = async (encrypted) => {
      decrypts++;
      return decrypt(encrypted);
    };
    const quietMs = 60;
    const vault = createTokenVault({ dir: join(dir, 'tokens'), safeStorage: safe, platform: 'linux', recentTokenMs: quietMs });
    const first = await mintTestToken({ sub: 'first' });
    const second = await mintTestToken({ sub: 'second' });
    await vault.importToken('p1', first, 'clipboard', AT);

    for (let i = 0; i < 20; i++) expect(await vault.withToken('p1', ORIGIN, async (t) => t === first)).toBe(true);
    expect(decrypts).toBe(1);

    await vault.rotate('p1', second, 'file', async () => undefined, AT);
    expect(await vault.withToken('p1', ORIGIN, async (t) => t === second)).toBe(true);
    expect(decrypts).toBe(2);

    await new Promise((resolve) => setTimeout(resolve, quietMs * 3));
    expect(await vault.withToken('p1', ORIGIN, async (t) => t === second)).toBe(true);
    expect(decrypts).toBe(3);

    await vault.remove('p1');
    await expect(vault.withToken('p1', ORIGIN, async () => 1)).rejects.toMatchObject({ code: 'no_token' });
  });

  it('does not keep a token decrypted while it was being replaced', async () => {
    const vault = vaultOn();
    const first = await mintTestToken({ sub: 'first' });
    const second = await mintTestToken({ sub: 'second' });
    await vault.importToken('p1', first, 'clipboard', AT);
    // The read starts before the rotation and finishes after it: it saw the old file.
    const decrypt = safe.decryptStringAsync.bind(safe);
    let releaseDecrypt!: () => void;
    const decryptHeld = new Promise<void>((resolve) => (releaseDecrypt = resolve));
    let fileWasRead!: () => void;
    const oldFileRead = new Promise<void>((resolve) => (fileWasRead = resolve));
    safe.decryptStringAsync = async (encrypted) => {
      fileWasRead();
      await decryptHeld;
      return decrypt(encrypted);
    };
    const duringRotation = vault.withToken('p1', ORIGIN, async (t) => t);
    await oldFileRead;
    safe.decryptStringAsync = decrypt;
    await vault.rotate('p1', second, 'file', async () => undefined, AT);
    releaseDecrypt();
    expect(await duringRotation).toBe(first); // used once, by the request that asked before the change
    expect(await vault.withToken('p1', ORIGIN, async (t) => t)).toBe(second);
  });

  it('refuses profile ids that could escape the folder', async () => {
    const vault = vaultOn();
    await expect(vault.importToken('../evil', await mintTestToken(), 'env', AT)).rejects.toMatchObject({ code: 'invalid_input' });
    await expect(vault.describe('a/b')).rejects.toBeInstanceOf(AppError);
  });
});

describe('TokenVault without real encryption', () => {
  it('Linux basic_text → session-only, nothing on disk', async () => {
    safe.backend = 'basic_text';
    const token = await mintTestToken();
    const vault = vaultOn('linux');
    expect(await vault.importToken('p1', token, 'clipboard', AT)).toMatchObject({ storage: 'session-only', sessionOnlyReason: 'basic_text' });
    expect(safe.encryptCalls).toBe(0);
    expect(await filesIn(join(dir, 'tokens'))).toEqual([]);
    expect(await vault.withToken('p1', ORIGIN, async (t) => t === token)).toBe(true);
    vault.clearSession();
    expect(await vault.describe('p1')).toBeNull();
  });

  it('encryption unavailable → session-only; a session token replaces (and wipes) an older file', async () => {
    const vault = vaultOn('darwin');
    await vault.importToken('p1', await mintTestToken(), 'clipboard', AT);
    expect(await filesIn(join(dir, 'tokens'))).toHaveLength(2);
    safe.available = false;
    expect(await vault.importToken('p1', await mintTestToken(), 'file', AT)).toMatchObject({ storage: 'session-only', sessionOnlyReason: 'encryption_unavailable' });
    expect(await filesIn(join(dir, 'tokens'))).toEqual([]);
  });

  it('an environment token stays session-only even with a keychain', async () => {
    const vault = vaultOn();
    expect(await vault.importToken('sandbox', await mintTestToken(), 'env', { ...AT, sessionOnlyReason: 'environment' })).toMatchObject({
      storage: 'session-only',
      sessionOnlyReason: 'environment',
    });
    expect(await filesIn(join(dir, 'tokens'))).toEqual([]);
  });
});

describe('JWT shape checks', () => {
  const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const cases: Array<[string, string]> = [
    ['', 'empty'],
    ['not-a-token', 'parts'],
    ['a.b', 'parts'],
    ['a.b.c.d', 'parts'],
    ['ab cd.ef.gh', 'encoding'],
    [`${b64({ typ: 'JWT' })}.${b64({ sub: 'x' })}.c2ln`, 'header'],
    [`${b64({ alg: 'none' })}.${b64({ sub: 'x' })}.c2ln`, 'unsigned'],
    [`${b64({ alg: 'HS256' })}.${Buffer.from('plain').toString('base64url')}.c2ln`, 'payload'],
    ['x'.repeat(9000), 'too_long'],
  ];
  it.each(cases.map(([raw, reason]) => ({ raw, reason })))('refuses bad shape ($reason) and never echoes the input', async ({ raw, reason }) => {
    const vault = vaultOn();
    const error = await vault.importToken('p1', raw, 'clipboard', AT).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: 'invalid_token', details: { reason } });
    if (raw.length > 4) expect(JSON.stringify((error as AppError).toIpcError())).not.toContain(raw.slice(0, 12));
  });
});

describe('token sources', () => {
  function deps(overrides: Partial<TokenSourceDeps> & { clipboardText?: string } = {}) {
    const state = { clipboard: overrides.clipboardText ?? '', cleared: 0 };
    const d: TokenSourceDeps = {
      clipboard: {
        readText: async () => state.clipboard,
        clear: () => {
          state.clipboard = '';
          state.cleared++;
        },
      },
      dialog: overrides.dialog ?? { showOpenDialog: async () => ({ canceled: true, filePaths: [] }) },
      env: overrides.env ?? {},
    };
    return { d, state };
  }

  it('clipboard: imports, then clears the clipboard; a bad token leaves it alone', async () => {
    const token = await mintTestToken();
    const vault = vaultOn();
    const { d, state } = deps({ clipboardText: token });
    const description = await withTokenFromSource('clipboard', d, (raw) => vault.importToken('p1', raw, 'clipboard', AT));
    expect(description?.last4).toBe(token.slice(-4));
    expect(state).toEqual({ clipboard: '', cleared: 1 });

    const bad = deps({ clipboardText: 'hello world' });
    await expect(withTokenFromSource('clipboard', bad.d, (raw) => vault.importToken('p1', raw, 'clipboard', AT))).rejects.toMatchObject({ code: 'invalid_token' });
    expect(bad.state).toEqual({ clipboard: 'hello world', cleared: 0 });
  });

  it('file: reads and trims the chosen file; cancel → null', async () => {
    const token = await mintTestToken();
    const file = join(dir, 'token.txt');
    await writeFile(file, `${token}\n`);
    const vault = vaultOn();
    const { d } = deps({ dialog: { showOpenDialog: async () => ({ canceled: false, filePaths: [file] }) } });
    const description = await withTokenFromSource('file', d, (raw) => vault.importToken('p1', raw, 'file', AT));
    expect(description).toMatchObject({ source: 'file', last4: token.slice(-4) });
    expect(await vault.withToken('p1', ORIGIN, async (t) => t === token)).toBe(true);
    expect(await withTokenFromSource('file', deps().d, async () => 'never')).toBeNull();
  });

  it('env: reads II_API_TOKEN, explains when it is missing', async () => {
    const token = await mintTestToken();
    const vault = vaultOn();
    const { d } = deps({ env: { II_API_TOKEN: token } });
    expect(await withTokenFromSource('env', d, (raw) => vault.importToken('p1', raw, 'env', AT))).toMatchObject({ source: 'env' });
    await expect(withTokenFromSource('env', deps().d, async () => 1)).rejects.toMatchObject({ code: 'no_token' });
  });
});

describe('TokenVault origin binding', () => {
  it('hands the token out only for the exact origin it was imported for, and says so in the description', async () => {
    const token = await mintTestToken();
    const vault = vaultOn();
    expect(await vault.importToken('p1', token, 'clipboard', { origin: 'https://API.example.com:443/v1' })).toMatchObject({ origin: ORIGIN });
    expect(await vault.boundOrigin('p1')).toBe(ORIGIN);
    expect(await vault.withToken('p1', 'https://api.example.com./other/path', async (t) => t === token)).toBe(true);
    const used: string[] = [];
    for (const other of ['https://api.example.com:8443', 'http://api.example.com', 'https://evil.example', 'https://api.example.com.evil.test', 'https://x@api.example.com', 'garbage']) {
      await expect(vault.withToken('p1', other, async (t) => void used.push(t))).rejects.toMatchObject({ code: 'token_origin_mismatch', details: { tokenOrigin: ORIGIN } });
    }
    expect(used).toEqual([]);
  });

  it('checks the origin before decrypting, and also for the token kept in memory after a use', async () => {
    let decrypts = 0;
    const decrypt = safe.decryptStringAsync.bind(safe);
    safe.decryptStringAsync = async (encrypted) => {
      decrypts++;
      return decrypt(encrypted);
    };
    const vault = vaultOn();
    await vault.importToken('p1', await mintTestToken(), 'clipboard', AT);
    await expect(vault.withToken('p1', 'https://evil.example', async () => 1)).rejects.toMatchObject({ code: 'token_origin_mismatch' });
    expect(decrypts).toBe(0);
    expect(await vault.withToken('p1', ORIGIN, async () => 1)).toBe(1); // now kept in memory
    await expect(vault.withToken('p1', 'https://evil.example', async () => 1)).rejects.toMatchObject({ code: 'token_origin_mismatch' });
  });

  it('binds session-only tokens too (localhost, 127.0.0.1 and [::1] are three origins)', async () => {
    safe.backend = 'basic_text';
    const vault = vaultOn();
    await vault.importToken('p1', await mintTestToken(), 'env', { origin: 'http://127.0.0.1:4010/v1' });
    expect(await vault.withToken('p1', 'http://127.0.0.1:4010', async () => 'ok')).toBe('ok');
    for (const other of ['http://localhost:4010', 'http://[::1]:4010', 'http://127.0.0.2:4010', 'http://127.0.0.1:4011']) {
      await expect(vault.withToken('p1', other, async () => 'leak')).rejects.toMatchObject({ code: 'token_origin_mismatch' });
    }
  });

  it('refuses to import or rotate for a URL with user info', async () => {
    const vault = vaultOn();
    await expect(vault.importToken('p1', await mintTestToken(), 'clipboard', { origin: 'https://u:p@api.example.com' })).rejects.toMatchObject({ code: 'invalid_input' });
    expect(await filesIn(join(dir, 'tokens'))).toEqual([]);
  });

  it('migration: a token stored without an origin is bound once to its profile origin; an unknown profile stays unusable', async () => {
    const vault = vaultOn();
    const token = await mintTestToken();
    await vault.importToken('p1', token, 'clipboard', AT);
    await vault.importToken('orphan', await mintTestToken(), 'clipboard', AT);
    // Rewrite both description files as an older version wrote them: no origin.
    for (const id of ['p1', 'orphan']) {
      const path = join(dir, 'tokens', `${id}.json`);
      const { origin: _dropped, ...legacy } = JSON.parse(await readFile(path, 'utf8')) as Record<string, unknown>;
      await writeFile(path, JSON.stringify(legacy));
    }
    const restarted = vaultOn();
    // Before the migration an unbound token is sent nowhere.
    await expect(restarted.withToken('p1', ORIGIN, async () => 1)).rejects.toMatchObject({ code: 'token_origin_mismatch' });
    const bound = await restarted.bindUnboundOrigins((id) => (id === 'p1' ? 'https://api.example.com/v1' : null));
    expect(bound).toEqual(['p1']);
    expect(await restarted.withToken('p1', ORIGIN, async (t) => t === token)).toBe(true);
    await expect(restarted.withToken('p1', 'https://evil.example', async () => 1)).rejects.toMatchObject({ code: 'token_origin_mismatch' });
    await expect(restarted.withToken('orphan', ORIGIN, async () => 1)).rejects.toMatchObject({ code: 'token_origin_mismatch' });
    // Bound files are not rebound later (to whatever the profile points at then).
    expect(await restarted.bindUnboundOrigins(() => 'https://evil.example')).toEqual(['orphan']);
    await expect(restarted.withToken('p1', 'https://evil.example', async () => 1)).rejects.toMatchObject({ code: 'token_origin_mismatch' });
  });
});
