import { describe, expect, it } from 'vitest';
import { baseUrlProblem } from '../../../shared/base-url';
import { baseUrlErrorKey, colorErrorKey, emptyProfileForm, maxResponseMbErrorKey, nameErrorKey } from './profile-form';

describe('profile form validation', () => {
  it('accepts https anywhere and http only to loopback', () => {
    expect(baseUrlErrorKey('https://api.integracoesinteligentes.com/v1')).toBeNull();
    expect(baseUrlErrorKey('http://127.0.0.1:4010/v1')).toBeNull();
    expect(baseUrlErrorKey('http://localhost:4010')).toBeNull();
    expect(baseUrlErrorKey('http://api.example.com/v1')).toBe('urlHttpRemote');
    expect(baseUrlErrorKey('ftp://example.com')).toBe('urlScheme');
    expect(baseUrlErrorKey('not a url')).toBe('urlInvalid');
    expect(baseUrlErrorKey('https://user:pw@example.com')).toBe('urlCredentials');
    expect(baseUrlErrorKey('https://example.com/v1?x=1')).toBe('urlQuery');
  });

  it('agrees with main about which URLs are acceptable', () => {
    const samples = ['https://a.b/v1', 'http://127.0.0.1:1/v1', 'http://[::1]:8/x', 'http://10.0.0.1/v1', 'javascript:alert(1)', 'https://u@h.com', 'https://h.com/#x', '', 'file:///etc/passwd'];
    for (const sample of samples) {
      expect(baseUrlErrorKey(sample) === null, sample).toBe(baseUrlProblem(sample) === null);
    }
  });

  it('requires a name of at most 80 characters and a hex colour', () => {
    expect(nameErrorKey('  ')).toBe('nameRequired');
    expect(nameErrorKey('x'.repeat(81))).toBe('nameTooLong');
    expect(nameErrorKey('Loja')).toBeNull();
    expect(colorErrorKey('#1c7ed6')).toBeNull();
    expect(colorErrorKey('red')).toBe('colorInvalid');
  });

  it('accepts a whole number of MB from 1 to 200 as the response size limit, as main does', () => {
    for (const ok of [1, 20, 200, '35']) expect(maxResponseMbErrorKey(ok), String(ok)).toBeNull();
    for (const bad of [0, 201, 1.5, -1, '', 'abc']) expect(maxResponseMbErrorKey(bad), String(bad)).toBe('maxResponseMbInvalid');
    expect(emptyProfileForm().maxResponseMb).toBe(20);
  });
});
