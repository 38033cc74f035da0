// Why a token was refused, as far as its own claims tell. The JWT is decoded (never verified —
// only the server can) inside `vault.withToken`, and only the verdict leaves that scope.
export type TokenRejection = 'expired' | 'malformed' | 'rejected';

export function tokenRejectionReason(token: string, nowMs: number): TokenRejection {
  const parts = token.split('.');
  if (parts.length !== 3 || !parts[1]) return 'malformed';
  let claims: unknown;
  try {
    claims = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8'));
  } catch {
    return 'malformed';
  }
  if (typeof claims !== 'object' || claims === null) return 'malformed';
  const exp = (claims as { exp?: unknown }).exp;
  if (typeof exp === 'number' && exp * 1000 <= nowMs) return 'expired';
  // Well-formed and not expired, yet refused: revoked, signed by another account, or another server.
  return 'rejected';
}
