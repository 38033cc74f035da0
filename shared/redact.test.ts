import { describe, expect, it } from 'vitest';
import { REDACTED, redactText, redactValue } from './redact';

// A JWT-shaped string built at test time (not a real credential).
const b64 = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
const jwt = `${b64({ alg: 'HS256', typ: 'JWT' })}.${b64({ sub: 'ops', exp: 2_000_000_000 })}.${'s1gN_-'.repeat(7)}`;

describe('redactText', () => {
  it('replaces a JWT anywhere in a line', () => {
    const out = redactText(`token=${jwt} done`);
    expect(out).toBe(`token=${REDACTED} done`);
    expect(out).not.toContain(jwt.slice(-10));
  });

  it('replaces Bearer credentials even when they are not JWTs', () => {
    expect(redactText('Authorization: Bearer abc.def-123')).toBe(`Authorization: Bearer ${REDACTED}`);
  });

  it('leaves ordinary text alone', () => {
    expect(redactText('GET /v1/drivers?limit=1 200 in 12ms')).toBe('GET /v1/drivers?limit=1 200 in 12ms');
  });
});

describe('redactValue', () => {
  it('redacts nested strings, arrays and errors', () => {
    const out = redactValue({ a: [jwt], b: { c: `x ${jwt}` }, e: new Error(`failed with ${jwt}`), n: 3 }) as Record<string, unknown>;
    const text = JSON.stringify(out) + String((out.e as Error).message) + String((out.e as Error).stack);
    expect(text).not.toContain(jwt);
    expect(out.n).toBe(3);
  });
});
