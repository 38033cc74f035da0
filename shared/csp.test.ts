import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, parseCsp } from './csp';

describe('the renderer CSP', () => {
  const policy = parseCsp(CONTENT_SECURITY_POLICY);

  it("starts from default-src 'none' and adds back exactly what the renderer uses", () => {
    expect(Object.fromEntries(policy)).toEqual({
      'default-src': ["'none'"],
      'script-src': ["'self'"],
      'style-src': ["'self'", "'unsafe-inline'"],
      'img-src': ['data:'],
      'connect-src': ["'none'"],
      'object-src': ["'none'"],
      'base-uri': ["'none'"],
      'form-action': ["'none'"],
      'frame-ancestors': ["'none'"],
    });
  });

  it('allows no eval, no inline script and no network from the renderer', () => {
    expect(policy.get('script-src')).not.toContain("'unsafe-inline'");
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-eval');
    expect(policy.get('connect-src')).toEqual(["'none'"]);
  });

  it('parses directives case-insensitively and ignores empty parts', () => {
    expect([...parseCsp("Default-Src 'none';; img-src data: ").entries()]).toEqual([
      ['default-src', ["'none'"]],
      ['img-src', ['data:']],
    ]);
  });
});
