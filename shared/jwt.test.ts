import { describe, expect, it } from 'vitest';
import { decodeJwtPart, decodeJwtPayload, isBase64UrlPart } from './jwt';

const b64 = (value: unknown) => Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');
const jwt = (payload: unknown) => `${b64({ alg: 'HS256', typ: 'JWT' })}.${b64(payload)}.c2ln`;

describe('decodeJwtPayload', () => {
  it('reads the claims of a JWT, including non-ASCII text and base64url characters', () => {
    const claims = { sub: 'usuário-ção', jti: 'a?b>c~', exp: 1_900_000_000, nested: { ok: true } };
    expect(decodeJwtPayload(jwt(claims))).toEqual(claims);
    // Lengths that need one and two padding characters decode the same.
    for (const sub of ['a', 'ab', 'abc']) expect(decodeJwtPayload(jwt({ sub }))).toEqual({ sub });
  });

  it('returns null for text that is not a JWT with a JSON-object payload', () => {
    expect(decodeJwtPayload('')).toBeNull();
    expect(decodeJwtPayload('only.two')).toBeNull();
    expect(decodeJwtPayload(`${jwt({ a: 1 })}.extra`)).toBeNull();
    expect(decodeJwtPayload(`${b64({ alg: 'HS256' })}..c2ln`)).toBeNull();
    expect(decodeJwtPayload(jwt('plain text'))).toBeNull();
    expect(decodeJwtPayload(jwt([1, 2]))).toBeNull();
    expect(decodeJwtPayload(jwt(null))).toBeNull();
    expect(decodeJwtPayload(`${b64({ alg: 'HS256' })}.${b64({ a: 1 })}==.c2ln`)).toBeNull();
    expect(decodeJwtPayload(`${b64({ alg: 'HS256' })}.e yJ.c2ln`)).toBeNull();
    // A length of 4n+1 is not base64 at all.
    expect(decodeJwtPart('eyJhIjoxfQabc')).toBeNull();
  });
});

describe('isBase64UrlPart', () => {
  it('accepts the base64url alphabet only, without padding', () => {
    expect(isBase64UrlPart('eyJ-_09az')).toBe(true);
    expect(isBase64UrlPart('')).toBe(false);
    expect(isBase64UrlPart('ab+/')).toBe(false);
    expect(isBase64UrlPart('ab==')).toBe(false);
  });
});
