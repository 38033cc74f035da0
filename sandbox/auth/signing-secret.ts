// The HS256 signing secret and tenant id live in the database (meta table), created on first use,
// so the token CLI and a server on the same --db file agree without sharing anything else.
import { randomBytes } from 'node:crypto';
import type { SandboxDatabase } from '../db/connection';
import { cachedStatement } from '../db/statement-cache';

function getOrCreateMeta(db: SandboxDatabase, key: string, create: () => string): string {
  cachedStatement(db, 'INSERT OR IGNORE INTO meta (key, value) VALUES (?, ?)').run(key, create());
  const row = cachedStatement(db, 'SELECT value FROM meta WHERE key = ?').get(key) as { value: string } | undefined;
  if (row === undefined) throw new Error(`meta.${key} missing after insert`);
  return row.value;
}

export function getSigningSecret(db: SandboxDatabase): Uint8Array {
  const encoded = getOrCreateMeta(db, 'jwt_signing_secret', () => randomBytes(32).toString('base64url'));
  return new Uint8Array(Buffer.from(encoded, 'base64url'));
}

export function getTenantId(db: SandboxDatabase): string {
  return getOrCreateMeta(db, 'tenant_id', () => `tenant_${randomBytes(6).toString('hex')}`);
}
