// The token's origin is compared after one normalisation: spellings of one server are equal,
// different names are not — even when they reach the same machine.
import { describe, expect, it } from 'vitest';
import { canonicalOrigin, originProblem, sameOrigin } from './origin';

describe('canonicalOrigin', () => {
  it('drops default ports, paths, upper case and one trailing dot', () => {
    expect(canonicalOrigin('https://API.Example.COM:443/v1/x?y#z')).toBe('https://api.example.com');
    expect(canonicalOrigin('HTTP://127.0.0.1:80/v1')).toBe('http://127.0.0.1');
    expect(canonicalOrigin('https://api.example.com./v1')).toBe('https://api.example.com');
    expect(canonicalOrigin('http://127.0.0.1:4010')).toBe('http://127.0.0.1:4010');
    expect(canonicalOrigin('https://api.example.com:8443/')).toBe('https://api.example.com:8443');
  });

  it('keeps IPv6 hosts bracketed and normalised', () => {
    expect(canonicalOrigin('http://[::1]:4010/v1')).toBe('http://[::1]:4010');
    expect(canonicalOrigin('http://[0:0:0:0:0:0:0:1]:4010/v1')).toBe('http://[::1]:4010');
  });

  it('refuses user info, other schemes and no host', () => {
    expect(() => canonicalOrigin('https://user:pass@api.example.com/v1')).toThrow(/user name or password/);
    expect(() => canonicalOrigin('https://user@api.example.com/v1')).toThrow(/user name or password/);
    expect(originProblem('ftp://api.example.com')).toMatch(/http and https/);
    expect(originProblem('file:///etc/passwd')).not.toBeNull();
    expect(originProblem('not a url')).toBe('Not a valid URL.');
  });
});

describe('sameOrigin', () => {
  it('treats loopback spellings, ports, schemes and hosts as different origins', () => {
    const home = 'http://127.0.0.1:4010/v1';
    expect(sameOrigin(home, 'http://127.0.0.1:4010/api/v1')).toBe(true);
    expect(sameOrigin(home, 'http://localhost:4010/v1')).toBe(false);
    expect(sameOrigin(home, 'http://[::1]:4010/v1')).toBe(false);
    expect(sameOrigin(home, 'http://127.0.0.2:4010/v1')).toBe(false);
    expect(sameOrigin(home, 'http://127.0.0.1:4011/v1')).toBe(false);
    expect(sameOrigin(home, 'https://127.0.0.1:4010/v1')).toBe(false);
    expect(sameOrigin('https://api.example.com/v1', 'https://api.example.com.evil.test/v1')).toBe(false);
    expect(sameOrigin('https://api.example.com/v1', 'https://API.example.com:443/other')).toBe(true);
    expect(sameOrigin('https://api.example.com/v1', 'https://x@api.example.com/v1')).toBe(false);
  });
});
