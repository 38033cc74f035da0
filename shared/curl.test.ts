import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { curlForApiRequest, curlForDelivery, shellQuote } from './curl';

// Asks a real shell what words a command line splits into: the only honest test of quoting.
function shellWords(command: string, env: Record<string, string> = {}): string[] {
  const script = `set -- ${command.replace(/^curl/, '')}; for a in "$@"; do printf '%s\\0' "$a"; done`;
  const out = execFileSync('sh', ['-c', script], { env: { PATH: process.env.PATH ?? '', ...env } }).toString();
  return out.split('\0').slice(0, -1);
}

describe('shellQuote', () => {
  it('leaves plain words alone and survives quotes, spaces, $ and newlines', () => {
    expect(shellQuote('order.paid')).toBe('order.paid');
    for (const value of ["it's", 'a b', '$HOME', 'line1\nline2', '', '`id`', '"x"']) {
      expect(shellWords(shellQuote(value))).toEqual([value]);
    }
  });
});

describe('curlForApiRequest', () => {
  it('uses the $II_API_TOKEN placeholder and never a literal token', () => {
    const cmd = curlForApiRequest({
      baseUrl: 'http://127.0.0.1:4010/v1/',
      method: 'GET',
      path: '/processing/events/abc',
    });
    expect(cmd).toContain('"Authorization: Bearer $II_API_TOKEN"');
    const words = shellWords(cmd, { II_API_TOKEN: 'tok-from-env' });
    expect(words).toEqual([
      'http://127.0.0.1:4010/v1/processing/events/abc',
      '-H',
      'Authorization: Bearer tok-from-env',
      '-H',
      'Accept: application/json',
    ]);
  });

  it('encodes query filters and sends a JSON body for writes', () => {
    const cmd = curlForApiRequest({
      baseUrl: 'https://api.example.com/v1',
      method: 'POST',
      path: 'processing/events/e 1/redeliver',
      query: { 'filter[name]': "order's paid", empty: '' },
      body: { note: "it's" },
    });
    const words = shellWords(cmd, { II_API_TOKEN: 'x' });
    expect(words.slice(0, 3)).toEqual(['-X', 'POST', 'https://api.example.com/v1/processing/events/e 1/redeliver?filter%5Bname%5D=order%27s+paid']);
    expect(words).toContain('Content-Type: application/json');
    expect(words.at(-1)).toBe('{"note":"it\'s"}');
  });
});

describe('curlForDelivery', () => {
  it('replays the recorded headers and body, dropping credential headers', () => {
    const body = JSON.stringify({ id: 'e1', event: 'order.paid', payload: { name: "O'Brien" } });
    const cmd = curlForDelivery({
      url: 'http://127.0.0.1:4010/_sandbox/receiver/fail',
      request_headers: { 'X-II-Signature': 't=1,v1=abc', 'X-II-Attempt': '2', Authorization: 'Bearer leaked', Cookie: 'a=b' },
      request_body: body,
    });
    expect(cmd).not.toContain('leaked');
    expect(cmd).not.toContain('II_API_TOKEN');
    const words = shellWords(cmd);
    expect(words).toEqual([
      '-X',
      'POST',
      'http://127.0.0.1:4010/_sandbox/receiver/fail',
      '-H',
      'X-II-Signature: t=1,v1=abc',
      '-H',
      'X-II-Attempt: 2',
      '--data-raw',
      body,
    ]);
  });
});
