// Tokens as the vendor's Dashboard issues them: HS256 JWTs with sub, tenant_id, jti, iat, exp.
// Only identifying data is stored (never the token); revocation is by jti.
import { randomUUID } from 'node:crypto';
import { SignJWT, jwtVerify } from 'jose';
import { z } from 'zod';
import type { SandboxDatabase } from '../db/connection';
import { toApiTimestamp } from '../time';
import { cachedStatement } from '../db/statement-cache';
import { getSigningSecret, getTenantId } from './signing-secret';
import { getVerifiedToken, rememberVerifiedToken, type VerifiedToken } from './verified-tokens';

export interface MintTokenOptions {
  name?: string;
  /** Lifetime; default 30 days. */
  ttlSeconds?: number;
  /** Mint a token whose exp is already in the past (for 401 tests). */
  expired?: boolean;
  tenantId?: string;
}

export interface MintedToken {
  token: string;
  jti: string;
  expiresAt: Date;
}

export interface TokenClaims {
  sub: string;
  tenantId: string;
  jti: string;
}

export const DEFAULT_TOKEN_TTL_SECONDS = 30 * 24 * 3600;

export async function mintToken(db: SandboxDatabase, now: Date, options: MintTokenOptions = {}): Promise<MintedToken> {
  const name = options.name ?? 'sandbox';
  const ttl = options.ttlSeconds ?? DEFAULT_TOKEN_TTL_SECONDS;
  if (!Number.isInteger(ttl) || ttl <= 0) throw new Error('Token lifetime must be a positive whole number of seconds.');
  const tenantId = options.tenantId ?? getTenantId(db);
  const jti = randomUUID();
  const iat = Math.floor(now.getTime() / 1000) - (options.expired ? ttl + 3600 : 0);
  const exp = iat + ttl;
  const token = await new SignJWT({ tenant_id: tenantId })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(name)
    .setJti(jti)
    .setIssuedAt(iat)
    .setExpirationTime(exp)
    .sign(getSigningSecret(db));
  const expiresAt = new Date(exp * 1000);
  db.prepare('INSERT INTO tokens (jti, name, tenant_id, created_at, expires_at) VALUES (?, ?, ?, ?, ?)').run(
    jti,
    name,
    tenantId,
    toApiTimestamp(now),
    toApiTimestamp(expiresAt),
  );
  return { token, jti, expiresAt };
}

/** true if the jti was newly revoked, false if it was already revoked. */
export function revokeToken(db: SandboxDatabase, jti: string, now: Date): boolean {
  const result = db
    .prepare('INSERT OR IGNORE INTO token_revocations (jti, revoked_at) VALUES (?, ?)')
    .run(jti, toApiTimestamp(now));
  return result.changes === 1;
}

const claimsSchema = z.object({
  sub: z.string().min(1),
  tenant_id: z.string().min(1),
  jti: z.string().min(1),
  iat: z.number(),
  exp: z.number(),
  nbf: z.number().optional(),
});

/** The token's claims if it is well-formed, correctly signed, unexpired and not revoked; else null. */
export async function verifyToken(db: SandboxDatabase, token: string, now: Date): Promise<TokenClaims | null> {
  const nowMs = now.getTime();
  let verified = getVerifiedToken(db, token, nowMs);
  if (verified === undefined) {
    const checked = await verifySignatureAndClaims(db, token, now);
    if (checked === null) return null;
    verified = checked;
    rememberVerifiedToken(db, token, verified);
  }
  // Never cached: a revocation takes effect on the very next request (one primary-key lookup).
  if (cachedStatement(db, 'SELECT 1 FROM token_revocations WHERE jti = ?').get(verified.claims.jti) !== undefined) return null;
  return verified.claims;
}

async function verifySignatureAndClaims(db: SandboxDatabase, token: string, now: Date): Promise<VerifiedToken | null> {
  let payload: unknown;
  try {
    ({ payload } = await jwtVerify(token, getSigningSecret(db), {
      algorithms: ['HS256'],
      currentDate: now,
      requiredClaims: ['sub', 'jti', 'iat', 'exp'],
    }));
  } catch {
    return null;
  }
  const claims = claimsSchema.safeParse(payload);
  if (!claims.success) return null;
  return {
    claims: { sub: claims.data.sub, tenantId: claims.data.tenant_id, jti: claims.data.jti },
    expiresAtMs: claims.data.exp * 1000,
    notBeforeMs: claims.data.nbf === undefined ? 0 : claims.data.nbf * 1000,
  };
}
