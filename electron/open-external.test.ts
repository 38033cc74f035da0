import { describe, expect, it } from 'vitest';
import { decideOpenExternal, openExternalSafely } from './open-external';

describe('decideOpenExternal', () => {
  const sandbox = 'http://127.0.0.1:4010/v1';
  it('opens vendor hosts over https directly', () => {
    expect(decideOpenExternal('https://app.integracoesinteligentes.com/settings', null)).toMatchObject({ action: 'open' });
    expect(decideOpenExternal('https://docs.integracoesinteligentes.xyz/api/drivers/', null)).toMatchObject({ action: 'open' });
  });
  it('asks before any other https host (including look-alikes and vendor hosts on odd ports)', () => {
    expect(decideOpenExternal('https://example.org/x', null)).toMatchObject({ action: 'confirm', host: 'example.org' });
    expect(decideOpenExternal('https://app.integracoesinteligentes.com.evil.example/', null)).toMatchObject({ action: 'confirm' });
    expect(decideOpenExternal('https://app.integracoesinteligentes.com:8443/', null)).toMatchObject({ action: 'confirm' });
  });
  it('allows http only to the active profile loopback origin', () => {
    expect(decideOpenExternal('http://127.0.0.1:4010/oauth/authorize?x=1', sandbox)).toMatchObject({ action: 'open' });
    expect(decideOpenExternal('http://127.0.0.1:9999/', sandbox)).toMatchObject({ action: 'refuse' });
    expect(decideOpenExternal('http://127.0.0.1:4010/', 'https://api.integracoesinteligentes.com/v1')).toMatchObject({ action: 'refuse' });
    expect(decideOpenExternal('http://example.org/', sandbox)).toMatchObject({ action: 'refuse' });
  });
  it('refuses other schemes and credentials in URLs', () => {
    for (const url of ['file:///etc/passwd', 'javascript:alert(1)', 'smb://host/share', 'app://console/', 'not a url', 'https://user:pw@app.integracoesinteligentes.com/']) {
      expect(decideOpenExternal(url, sandbox)).toMatchObject({ action: 'refuse' });
    }
  });
});

describe('openExternalSafely', () => {
  it('opens only after a yes, refuses with an AppError', async () => {
    const opened: string[] = [];
    const shell = { openExternal: async (url: string) => void opened.push(url) };
    expect(await openExternalSafely('https://example.org/', { shell, confirm: async () => false, activeBaseUrl: null })).toEqual({ opened: false });
    expect(await openExternalSafely('https://example.org/', { shell, activeBaseUrl: null })).toEqual({ opened: false });
    expect(await openExternalSafely('https://example.org/', { shell, confirm: async () => true, activeBaseUrl: null })).toEqual({ opened: true });
    await expect(openExternalSafely('file:///etc/passwd', { shell, activeBaseUrl: null })).rejects.toMatchObject({ code: 'forbidden' });
    expect(opened).toEqual(['https://example.org/']);
  });
});
