// The wire → AppError mapping for the cases a loopback sandbox cannot produce (offline needs DNS).
import { describe, expect, it } from 'vitest';
import { errorFromStatus, errorFromTransport, parseRetryAfter } from './wire-errors';
import { tokenRejectionReason } from './token-claims';

const route = { method: 'GET', path: '/drivers' };

describe('wire errors', () => {
  it('maps statuses onto codes', () => {
    const codes = [401, 403, 404, 405, 409, 410, 400, 422, 429, 500, 503, 418].map(
      (status) => errorFromStatus(route, { status, body: { message: 'x' }, retryAfterSeconds: 3 }).code,
    );
    expect(codes).toEqual(['unauthenticated', 'forbidden', 'not_found', 'unsupported', 'conflict', 'not_found', 'bad_request', 'validation', 'rate_limited', 'server', 'server', 'server']);
  });

  it('DNS failures are offline; refused or reset connections are network', () => {
    const dns = Object.assign(new TypeError('fetch failed'), { cause: Object.assign(new Error('getaddrinfo'), { code: 'ENOTFOUND' }) });
    expect(errorFromTransport(route, dns).code).toBe('offline');
    const reset = Object.assign(new TypeError('fetch failed'), { cause: { code: 'UND_ERR_SOCKET' } });
    expect(errorFromTransport(route, reset)).toMatchObject({ code: 'network', details: { cause: 'UND_ERR_SOCKET' } });
  });

  it('reads Retry-After as seconds or as an HTTP date', () => {
    expect(parseRetryAfter('7', 0)).toBe(7);
    expect(parseRetryAfter(new Date(60_000).toUTCString(), 0)).toBe(60);
    expect(parseRetryAfter('soon', 0)).toBeNull();
    expect(parseRetryAfter(null, 0)).toBeNull();
  });

  it('tells expired, malformed and otherwise-refused tokens apart from their claims', () => {
    const jwt = (claims: object) => `eyJhbGciOiJIUzI1NiJ9.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.sig`;
    expect(tokenRejectionReason(jwt({ exp: 10 }), 20_000)).toBe('expired');
    expect(tokenRejectionReason(jwt({ exp: 10_000 }), 20_000)).toBe('rejected');
    expect(tokenRejectionReason('abc', 0)).toBe('malformed');
    expect(tokenRejectionReason('a.!!!.c', 0)).toBe('malformed');
  });
});
