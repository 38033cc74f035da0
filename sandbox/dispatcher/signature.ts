// Delivery signatures (docs/api-contract.md §7): `X-II-Signature: t=<unix>,v1=<hex HMAC-SHA256(secret, "<t>.<raw body>")>`.
// During a secret rotation's overlap there is one v1 per valid secret (newest first), so a receiver
// still configured with the old secret keeps verifying.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export function signPayload(secret: string, unixSeconds: number, rawBody: string): string {
  return createHmac('sha256', secret).update(`${unixSeconds}.${rawBody}`).digest('hex');
}

export function signatureHeader(secrets: readonly string[], unixSeconds: number, rawBody: string): string {
  return [`t=${unixSeconds}`, ...secrets.map((secret) => `v1=${signPayload(secret, unixSeconds, rawBody)}`)].join(',');
}

/** Parses a signature header into its timestamp and v1 signatures; null when malformed. */
export function parseSignatureHeader(header: string): { t: number; v1: string[] } | null {
  let t: number | null = null;
  const v1: string[] = [];
  for (const part of header.split(',')) {
    const [key, value] = part.trim().split('=', 2) as [string, string | undefined];
    if (value === undefined) return null;
    if (key === 't' && /^\d{1,12}$/.test(value)) t = Number(value);
    else if (key === 'v1' && /^[0-9a-f]{64}$/.test(value)) v1.push(value);
  }
  return t === null || v1.length === 0 ? null : { t, v1 };
}

/**
 * True when one of the header's v1 signatures was made with `secret` over this exact body.
 * `toleranceSeconds` (optional) also refuses timestamps too far from `nowSeconds` (replays).
 */
export function verifySignature(
  header: string,
  secret: string,
  rawBody: string,
  options: { nowSeconds?: number; toleranceSeconds?: number } = {},
): boolean {
  const parsed = parseSignatureHeader(header);
  if (parsed === null) return false;
  if (options.toleranceSeconds !== undefined && options.nowSeconds !== undefined) {
    if (Math.abs(options.nowSeconds - parsed.t) > options.toleranceSeconds) return false;
  }
  const expected = Buffer.from(signPayload(secret, parsed.t, rawBody), 'hex');
  return parsed.v1.some((candidate) => timingSafeEqual(Buffer.from(candidate, 'hex'), expected));
}

/** A new signing secret: `whsec_` + 32 random bytes, base64url. */
export function newSigningSecret(): string {
  return `whsec_${randomBytes(32).toString('base64url')}`;
}
