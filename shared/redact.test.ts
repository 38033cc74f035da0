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

describe('redaction by name', () => {
  const secrets = ['cs_live_9f8e7d6c5b4a', 'whsec_abcdef123456', 'ak_0123456789', 'pw-hunter2-xyz', 'sess=abc123', 'sig_5e5e5e5e'];

  it('hides the value of a secret-named key at any depth, in arrays, whatever its case', () => {
    const entry = {
      method: 'GET',
      path: '/installations/1',
      status: 200,
      token: secrets[0],
      nested: { deeper: [{ Client_Secret: secrets[0] }, { 'X-Api-Key': secrets[2] }], AUTHORIZATION: `Basic ${secrets[3]}` },
      list: [[[{ password: secrets[3], cookie: secrets[4], 'X-II-Signature': secrets[5], webhookSecret: secrets[1], api_key: secrets[2] }]]],
    };
    const out = redactValue(entry) as typeof entry;
    const text = JSON.stringify(out);
    for (const secret of secrets) expect(text).not.toContain(secret);
    expect(out.method).toBe('GET');
    expect(out.path).toBe('/installations/1');
    expect(out.status).toBe(200);
    expect(out.token).toBe(REDACTED);
  });

  it('hides key=value, key: value and JSON pairs inside text', () => {
    const lines = [
      `POST /oauth client_secret=${secrets[0]}&grant_type=client_credentials`,
      `X-Api-Key: ${secrets[2]}`,
      `headers {"Authorization":"Basic ${secrets[3]}","content-type":"application/json"}`,
      `Set-Cookie: ${secrets[4]}; Path=/`,
      `password = ${secrets[3]}`,
      `api_key=${secrets[2]}, signature=${secrets[5]} secret:${secrets[1]}`,
    ];
    for (const line of lines) {
      const out = redactText(line);
      for (const secret of secrets) expect(out, line).not.toContain(secret);
      expect(out).toContain(REDACTED);
    }
    expect(redactText(`grant_type=client_credentials&client_secret=${secrets[0]}`)).toBe(`grant_type=client_credentials&client_secret=${REDACTED}`);
    expect(redactText(`Authorization: Basic ${secrets[3]}`)).toBe(`Authorization: Basic ${REDACTED}`);
    // Ordinary pairs stay readable.
    expect(redactText('status=200 attempt=2 path=/drivers')).toBe('status=200 attempt=2 path=/drivers');
  });

  it('walks deeper than any real log line without recursing forever, and survives cycles', () => {
    let deep: Record<string, unknown> = { token: secrets[0], leaf: `api_key=${secrets[2]}` };
    for (let i = 0; i < 10_000; i++) deep = { next: deep };
    expect(JSON.stringify(redactValue(deep))).not.toContain(secrets[0]);
    const cyclic: Record<string, unknown> = { secret: secrets[1] };
    cyclic.self = cyclic;
    expect(JSON.stringify(redactValue(cyclic))).not.toContain(secrets[1]);
  });
});
