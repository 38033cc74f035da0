// Mints an HS256 JWT at test time with a throwaway random secret. Never a real credential.
import { randomBytes } from 'node:crypto';
import { SignJWT } from 'jose';

export async function mintTestToken(claims: Record<string, unknown> = {}, expiresInSeconds = 30 * 86_400): Promise<string> {
  const nowSeconds = Math.floor(Date.now() / 1000);
  return new SignJWT({ tenant_id: 'acme-ltda', ...claims })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(String(claims.sub ?? 'ops@acme.example'))
    .setIssuedAt(nowSeconds)
    .setExpirationTime(nowSeconds + expiresInSeconds)
    .sign(randomBytes(32));
}
