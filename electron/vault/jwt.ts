// JWT shape checks and claim decoding for display. Nothing here verifies a signature (only the
// API can); it only refuses text that cannot be a token and reads the non-secret claims the
// Settings screen shows. Error messages never include the token or any part of it.
import { AppError } from '../../shared/app-error';
import type { TokenClaims } from '../../shared/ipc/channels/token';
import { decodeJwtPart, isBase64UrlPart } from '../../shared/jwt';

const MAX_TOKEN_LENGTH = 8192;

function invalid(reason: string, message: string): AppError {
  return new AppError('invalid_token', message, { details: { reason } });
}

/** Trims surrounding whitespace (files and clipboards add newlines) and checks the JWT shape. */
export function parseJwtShape(raw: string): { token: string; header: Record<string, unknown>; payload: Record<string, unknown> } {
  const token = raw.trim();
  if (!token) throw invalid('empty', 'There is no token: the text is empty.');
  if (token.length > MAX_TOKEN_LENGTH) throw invalid('too_long', 'This is too long to be an API token.');
  const parts = token.split('.');
  if (parts.length !== 3) {
    throw invalid('parts', 'This is not a JWT: an API token has three parts separated by dots.');
  }
  if (!parts.every(isBase64UrlPart)) {
    throw invalid('encoding', 'This is not a JWT: each part must be base64url text with no spaces.');
  }
  const header = decodeJwtPart(parts[0]!);
  if (!header || typeof header.alg !== 'string' || !header.alg) {
    throw invalid('header', 'This is not a JWT: its header does not name a signing algorithm.');
  }
  if (header.alg.toLowerCase() === 'none') throw invalid('unsigned', 'This token is unsigned (alg "none"); the API will refuse it.');
  const payload = decodeJwtPart(parts[1]!);
  if (!payload) throw invalid('payload', 'This is not a JWT: its payload is not a JSON object.');
  return { token, header, payload };
}

// Claims that name the account/tenant a token belongs to, most specific first.
const TENANT_CLAIMS = ['tenant_id', 'tenant', 'account_id', 'account', 'organization_id', 'org_id', 'company_id'];

function displayValue(value: unknown): string | null {
  if (typeof value === 'string') return value.slice(0, 200);
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return null;
}

export function claimsForDisplay(payload: Record<string, unknown>): TokenClaims {
  let tenant: TokenClaims['tenant'] = null;
  const candidates = [...TENANT_CLAIMS, ...Object.keys(payload).filter((key) => /tenant|account|org/i.test(key))];
  for (const claim of candidates) {
    const value = Object.hasOwn(payload, claim) ? displayValue(payload[claim]) : null;
    if (value !== null) {
      tenant = { claim, value };
      break;
    }
  }
  const num = (value: unknown) => (typeof value === 'number' && Number.isFinite(value) ? value : null);
  return { sub: displayValue(payload.sub), iat: num(payload.iat), exp: num(payload.exp), tenant };
}

const DAY_MS = 86_400_000;
export const EXPIRY_WARNING_DAYS = 7;

export function expiryFacts(exp: number | null, nowMs: number) {
  if (exp === null) return { expiresAt: null, daysUntilExpiry: null, expiringSoon: false, expired: false };
  const expMs = exp * 1000;
  const left = expMs - nowMs;
  const expired = left <= 0;
  return {
    expiresAt: new Date(expMs).toISOString(),
    daysUntilExpiry: Math.floor(left / DAY_MS),
    expiringSoon: !expired && left <= EXPIRY_WARNING_DAYS * DAY_MS,
    expired,
  };
}
