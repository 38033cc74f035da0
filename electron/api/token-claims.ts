// Why a token was refused, as far as its own claims tell. The JWT is decoded (never verified —
// only the server can) inside `vault.withToken`, and only the verdict leaves that scope.
import { decodeJwtPayload } from '../../shared/jwt';

export type TokenRejection = 'expired' | 'malformed' | 'rejected';

export function tokenRejectionReason(token: string, nowMs: number): TokenRejection {
  const claims = decodeJwtPayload(token);
  if (!claims) return 'malformed';
  const exp = claims.exp;
  if (typeof exp === 'number' && exp * 1000 <= nowMs) return 'expired';
  // Well-formed and not expired, yet refused: revoked, signed by another account, or another server.
  return 'rejected';
}
