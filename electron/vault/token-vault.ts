// TokenVault: the only holder of API tokens. Ciphertext per profile in `<dir>/<profileId>.bin`
// (mode 0600, written atomically), encrypted with safeStorage; or, when encryption is not good
// enough (Linux basic_text, no keychain) or the token came from `npm start`, in memory for this
// session only. `withToken` is the only way to reach a token, and only the API client calls it.
// Beside each ciphertext a `<profileId>.json` holds the non-secret description (last 4 characters,
// claims, source) so describing a token never decrypts it, and the exact origin the token was
// imported for: `withToken` hands the token out only for a request to that origin
// (docs/security.md). Files written before the origin existed are bound once, at start-up, to
// their profile's origin then (`bindUnboundOrigins`).
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { AppError } from '../../shared/app-error';
import { canonicalOrigin, originProblem } from '../../shared/origin';
import {
  tokenClaimsSchema,
  tokenSourceSchema,
  type SessionOnlyReason,
  type TokenClaims,
  type TokenDescription,
  type TokenSource,
} from '../../shared/ipc/channels/token';
import { claimsForDisplay, expiryFacts, parseJwtShape } from './jwt';
import { decideStorage, type SafeStorageLike } from './safe-storage';
import { wipeFile, writeFileAtomic } from './secure-file';

export interface TokenVaultOptions {
  /** `<userData>/tokens` */
  dir: string;
  safeStorage: SafeStorageLike;
  platform: string;
  now?: () => number;
  /** How long a decrypted keychain token is kept after its last use (default RECENT_TOKEN_MS). */
  recentTokenMs?: number;
}

/**
 * An export sends hundreds of requests a second; reading and decrypting the token file for each
 * one was most of its cost. So a decrypted keychain token is kept in memory while requests keep
 * coming and dropped after this long without one (session-only tokens live in memory anyway).
 */
export const RECENT_TOKEN_MS = 5_000;

export interface ImportOptions {
  /** The origin (scheme, host, port) of the profile the token is imported for; the only one it is ever sent to. */
  origin: string;
  /** Keep in memory even if the keychain is available (the `npm start` Sandbox token). */
  sessionOnlyReason?: SessionOnlyReason;
}

const metaSchema = z.object({
  version: z.literal(1),
  source: tokenSourceSchema,
  importedAt: z.string(),
  last4: z.string().max(4),
  claims: tokenClaimsSchema,
  /** Canonical origin (shared/origin.ts). Absent only in files written before it existed. */
  origin: z.string().optional(),
});
type TokenMeta = z.infer<typeof metaSchema>;

interface SessionEntry {
  token: string;
  meta: TokenMeta;
  reason: SessionOnlyReason;
}

const PROFILE_ID = /^[A-Za-z0-9_-]{1,64}$/;

export interface TokenVault {
  importToken(profileId: string, rawToken: string, source: TokenSource, options: ImportOptions): Promise<TokenDescription>;
  /**
   * Runs `fn` with the token for a request to `origin`; refuses (`token_origin_mismatch`) unless
   * that is exactly the origin the token was imported for.
   */
  withToken<T>(profileId: string, origin: string, fn: (token: string) => Promise<T>): Promise<T>;
  describe(profileId: string): Promise<TokenDescription | null>;
  /** The origin the profile's token is bound to, or null without a token. Not a secret. */
  boundOrigin(profileId: string): Promise<string | null>;
  rotate(
    profileId: string,
    rawToken: string,
    source: TokenSource,
    verify: (token: string) => Promise<void>,
    options: { origin: string },
  ): Promise<{ description: TokenDescription; previousLast4: string | null }>;
  /**
   * Migration: a token stored before tokens carried an origin is bound to `originFor(profileId)`
   * (its profile's base URL as saved). Runs at start-up, before the renderer can change a profile.
   * Returns the profiles it bound.
   */
  bindUnboundOrigins(originFor: (profileId: string) => string | null): Promise<string[]>;
  remove(profileId: string): Promise<boolean>;
  /** Forgets every session-only token (app quit). */
  clearSession(): void;
}

export function createTokenVault(options: TokenVaultOptions): TokenVault {
  const { dir, safeStorage, platform } = options;
  const now = options.now ?? (() => Date.now());
  const session = new Map<string, SessionEntry>();
  // One operation per profile at a time, so an import and a remove cannot interleave on disk.
  const queues = new Map<string, Promise<unknown>>();
  const recentTokenMs = options.recentTokenMs ?? RECENT_TOKEN_MS;
  const recent = new Map<string, { token: string; origin: string | undefined; timer: ReturnType<typeof setTimeout> }>();
  // Bumped before and after every change of a profile's token: a decrypt that overlapped a change
  // may have read the old file, so its result is used once but not kept.
  const generations = new Map<string, number>();

  function forgetRecent(profileId: string): void {
    const entry = recent.get(profileId);
    if (entry) clearTimeout(entry.timer);
    recent.delete(profileId);
    generations.set(profileId, (generations.get(profileId) ?? 0) + 1);
  }

  function keepRecent(profileId: string, token: string, origin: string | undefined): void {
    const timer = setTimeout(() => recent.delete(profileId), recentTokenMs);
    timer.unref?.(); // never keeps the app alive
    recent.set(profileId, { token, origin, timer });
  }

  /** The one rule: a token leaves the vault only for a request to the origin it was imported for. */
  function checkOrigin(bound: string | undefined, requested: string): void {
    let wanted: string;
    try {
      wanted = canonicalOrigin(requested);
    } catch {
      wanted = '';
    }
    if (bound !== undefined && wanted !== '' && bound === wanted) return;
    throw new AppError(
      'token_origin_mismatch',
      bound === undefined
        ? 'This token was stored without the address it belongs to, so it is not sent anywhere. Import it again.'
        : `This profile's token belongs to ${bound}; it is not sent to ${wanted || 'that address'}. Import a token for the new address.`,
      { details: { reason: 'origin_mismatch', tokenOrigin: bound ?? null, requestOrigin: wanted || null } },
    );
  }

  const paths = (profileId: string) => {
    if (!PROFILE_ID.test(profileId)) throw new AppError('invalid_input', 'Invalid profile id.');
    return { cipher: join(dir, `${profileId}.bin`), meta: join(dir, `${profileId}.json`) };
  };

  /** Every change of a profile's token (import, rotate, remove) runs here, one at a time. */
  function serialize<T>(profileId: string, change: () => Promise<T>): Promise<T> {
    const task = async () => {
      forgetRecent(profileId);
      try {
        return await change();
      } finally {
        forgetRecent(profileId);
      }
    };
    const previous = queues.get(profileId) ?? Promise.resolve();
    const next = previous.then(task, task);
    const settled = next.catch(() => undefined);
    queues.set(profileId, settled);
    void settled.then(() => {
      if (queues.get(profileId) === settled) queues.delete(profileId);
    });
    return next;
  }

  async function readMeta(profileId: string): Promise<TokenMeta | null> {
    try {
      const parsed = metaSchema.safeParse(JSON.parse(await readFile(paths(profileId).meta, 'utf8')));
      return parsed.success ? parsed.data : null;
    } catch {
      return null;
    }
  }

  async function hasCipher(profileId: string): Promise<boolean> {
    try {
      await readFile(paths(profileId).cipher);
      return true;
    } catch {
      return false;
    }
  }

  function describeFrom(profileId: string, meta: TokenMeta, storage: 'keychain' | 'session-only', reason: SessionOnlyReason | null): TokenDescription {
    return {
      profileId,
      last4: meta.last4,
      claims: meta.claims,
      storage,
      sessionOnlyReason: reason,
      source: meta.source,
      importedAt: meta.importedAt,
      origin: meta.origin ?? null,
      ...expiryFacts(meta.claims.exp, now()),
    };
  }

  async function describe(profileId: string): Promise<TokenDescription | null> {
    paths(profileId);
    const entry = session.get(profileId);
    if (entry) return describeFrom(profileId, entry.meta, 'session-only', entry.reason);
    const meta = await readMeta(profileId);
    if (!meta || !(await hasCipher(profileId))) return null;
    return describeFrom(profileId, meta, 'keychain', null);
  }

  async function store(profileId: string, token: string, claims: TokenClaims, source: TokenSource, options: ImportOptions, wipeOld: boolean) {
    const origin = canonicalOrigin(options.origin);
    const meta: TokenMeta = { version: 1, source, importedAt: new Date(now()).toISOString(), last4: token.slice(-4), claims, origin };
    const decision = options.sessionOnlyReason
      ? ({ storage: 'session-only', reason: options.sessionOnlyReason } as const)
      : await decideStorage(safeStorage, platform);
    const { cipher, meta: metaPath } = paths(profileId);
    if (decision.storage === 'session-only') {
      session.set(profileId, { token, meta, reason: decision.reason });
      // A token kept in memory replaces any older one on disk: no stale ciphertext is left behind.
      await wipeFile(cipher);
      await wipeFile(metaPath);
      return;
    }
    let encrypted: Buffer;
    try {
      encrypted = await safeStorage.encryptStringAsync(token);
    } catch (error) {
      throw new AppError('internal', 'The system keychain could not encrypt the token.', { cause: error });
    }
    await writeFileAtomic(cipher, encrypted, { wipeOld });
    await writeFileAtomic(metaPath, JSON.stringify(meta), { wipeOld });
    session.delete(profileId);
  }

  return {
    async importToken(profileId, rawToken, source, importOptions) {
      const { token, payload } = parseJwtShape(rawToken);
      canonicalOrigin(importOptions.origin); // a bad origin is refused before anything is stored
      return serialize(profileId, async () => {
        await store(profileId, token, claimsForDisplay(payload), source, importOptions, true);
        return (await describe(profileId))!;
      });
    },

    async withToken(profileId, origin, fn) {
      const { cipher } = paths(profileId);
      const entry = session.get(profileId);
      if (entry) {
        checkOrigin(entry.meta.origin, origin);
        return fn(entry.token);
      }
      const kept = recent.get(profileId);
      if (kept) {
        checkOrigin(kept.origin, origin);
        kept.timer.refresh();
        return fn(kept.token);
      }
      const generation = generations.get(profileId) ?? 0;
      // The origin is read (and checked) before the ciphertext is even opened.
      const meta = await readMeta(profileId);
      if (!meta && !(await hasCipher(profileId))) {
        throw new AppError('no_token', 'This profile has no API token. Import one in Settings.');
      }
      checkOrigin(meta?.origin, origin);
      let encrypted: Buffer;
      try {
        encrypted = await readFile(cipher);
      } catch {
        throw new AppError('no_token', 'This profile has no API token. Import one in Settings.');
      }
      let token: string;
      try {
        token = (await safeStorage.decryptStringAsync(encrypted)).result;
      } catch {
        throw new AppError('no_token', 'The stored token could not be decrypted (the system keychain changed?). Import it again.');
      }
      if ((generations.get(profileId) ?? 0) === generation) keepRecent(profileId, token, meta?.origin);
      return fn(token);
    },

    describe,

    async boundOrigin(profileId) {
      paths(profileId);
      const entry = session.get(profileId);
      if (entry) return entry.meta.origin ?? null;
      const meta = await readMeta(profileId);
      return meta && (await hasCipher(profileId)) ? (meta.origin ?? null) : null;
    },

    async rotate(profileId, rawToken, source, verify, rotateOptions) {
      const { token, payload } = parseJwtShape(rawToken);
      canonicalOrigin(rotateOptions.origin);
      return serialize(profileId, async () => {
        const previous = await describe(profileId);
        // Verify first: a token the API refuses must never replace one that works.
        await verify(token);
        await store(profileId, token, claimsForDisplay(payload), source, { origin: rotateOptions.origin }, true);
        return { description: (await describe(profileId))!, previousLast4: previous?.last4 ?? null };
      });
    },

    async remove(profileId) {
      const { cipher, meta } = paths(profileId);
      return serialize(profileId, async () => {
        const existed = session.delete(profileId) || (await hasCipher(profileId));
        await wipeFile(cipher);
        await wipeFile(meta);
        return existed;
      });
    },

    async bindUnboundOrigins(originFor) {
      const names = await readdir(dir).catch(() => [] as string[]);
      const bound: string[] = [];
      for (const name of names) {
        const profileId = name.endsWith('.json') ? name.slice(0, -'.json'.length) : '';
        if (!PROFILE_ID.test(profileId)) continue;
        await serialize(profileId, async () => {
          const meta = await readMeta(profileId);
          if (!meta || meta.origin !== undefined) return;
          const wanted = originFor(profileId);
          // No such profile (or no usable base URL): the token stays unbound, so it is never sent.
          if (wanted === null || originProblem(wanted)) return;
          await writeFileAtomic(paths(profileId).meta, JSON.stringify({ ...meta, origin: canonicalOrigin(wanted) }), { wipeOld: true });
          bound.push(profileId);
        });
      }
      return bound;
    },

    clearSession() {
      session.clear();
      for (const profileId of [...recent.keys()]) forgetRecent(profileId);
    },
  };
}

