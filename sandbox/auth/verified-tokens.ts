// Recently verified tokens, so a client sending the same bearer token on every request pays for
// the HS256 signature check (jose/WebCrypto, the costliest step of a read) once, not per request.
// Keyed by the exact token string: a different string — even one bit — is verified afresh. An entry
// serves only while the token's own time window holds (nbf ≤ now < exp, the checks jose makes),
// so an expired token is refused as before. Revocation is NOT cached: the caller checks it on every
// request, so a revoked token is refused at once. Bounded LRU; one cache per database, because the
// signing secret lives in the database.
import type { SandboxDatabase } from '../db/connection';
import type { TokenClaims } from './tokens';

export interface VerifiedToken {
  claims: TokenClaims;
  /** exp claim, in ms since the epoch: the entry serves while now < expiresAtMs. */
  expiresAtMs: number;
  /** nbf claim in ms, or 0 when absent. */
  notBeforeMs: number;
}

export const VERIFIED_TOKEN_CACHE_SIZE = 1_000;

const caches = new WeakMap<SandboxDatabase, Map<string, VerifiedToken>>();

function cacheFor(db: SandboxDatabase): Map<string, VerifiedToken> {
  let cache = caches.get(db);
  if (cache === undefined) {
    cache = new Map();
    caches.set(db, cache);
  }
  return cache;
}

/** The cached verification of `token`, if there is one still inside its time window at `nowMs`. */
export function getVerifiedToken(db: SandboxDatabase, token: string, nowMs: number): VerifiedToken | undefined {
  const cache = cacheFor(db);
  const entry = cache.get(token);
  if (entry === undefined) return undefined;
  if (nowMs >= entry.expiresAtMs || nowMs < entry.notBeforeMs) {
    // Past exp: gone for good. Before nbf (a clock moved back): verify afresh next time.
    cache.delete(token);
    return undefined;
  }
  // Map iteration order is insertion order: re-inserting marks the entry most recently used.
  cache.delete(token);
  cache.set(token, entry);
  return entry;
}

export function rememberVerifiedToken(db: SandboxDatabase, token: string, entry: VerifiedToken): void {
  const cache = cacheFor(db);
  cache.delete(token);
  cache.set(token, entry);
  while (cache.size > VERIFIED_TOKEN_CACHE_SIZE) {
    const oldest = cache.keys().next().value;
    if (oldest === undefined) break;
    cache.delete(oldest);
  }
}

/** How many verifications are cached for this database (for tests). */
export function verifiedTokenCount(db: SandboxDatabase): number {
  return cacheFor(db).size;
}
