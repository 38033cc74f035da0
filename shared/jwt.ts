// Reading a JWT's parts without verifying it (only the server can): main's token vault uses it to
// refuse text that cannot be a token and to show non-secret claims, the platform client to say why
// a token was refused, tests to read a claim of a token they minted. Runs in Node and the browser
// (no Buffer), since shared/ is loaded by every side.
const BASE64URL = /^[A-Za-z0-9_-]+$/;

/** Whether `part` is non-empty base64url text (no padding, no spaces). */
export function isBase64UrlPart(part: string): boolean {
  return BASE64URL.test(part);
}

/** One base64url part of a JWT decoded as a JSON object, or null when it is not one. */
export function decodeJwtPart(part: string): Record<string, unknown> | null {
  if (!isBase64UrlPart(part)) return null;
  try {
    const base64 = part.replace(/-/g, '+').replace(/_/g, '/');
    const binary = atob(base64 + '='.repeat((4 - (base64.length % 4)) % 4));
    const value: unknown = JSON.parse(new TextDecoder().decode(Uint8Array.from(binary, (c) => c.charCodeAt(0))));
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** The payload of a three-part JWT as a JSON object, or null when `token` is not shaped like one. */
export function decodeJwtPayload(token: string): Record<string, unknown> | null {
  const parts = token.split('.');
  if (parts.length !== 3) return null;
  return decodeJwtPart(parts[1]!);
}
