import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../shared/csp';
import { createAppRequestHandler, resolveAppPath } from './protocol-handler';

let base: string;
let root: string;
beforeAll(async () => {
  base = await mkdtemp(join(tmpdir(), 'ii-protocol-'));
  root = join(base, 'renderer');
  await mkdir(join(root, 'assets'), { recursive: true });
  await writeFile(join(root, 'index.html'), '<!doctype html><title>console</title>');
  await writeFile(join(root, 'assets', 'app.js'), 'console.log(1)');
  await writeFile(join(base, 'secret.txt'), 'outside the root');
});
afterAll(async () => {
  await rm(base, { recursive: true, force: true });
});

describe('resolveAppPath', () => {
  it('maps files under the root and falls back to index.html for routes', () => {
    expect(resolveAppPath(root, 'app://console/assets/app.js')).toEqual({ kind: 'file', path: join(root, 'assets', 'app.js') });
    expect(resolveAppPath(root, 'app://console/')).toEqual({ kind: 'file', path: join(root, 'index.html') });
    expect(resolveAppPath(root, 'app://console/events/123')).toEqual({ kind: 'file', path: join(root, 'index.html') });
  });

  // The URL parser already removes dot segments (plain or %2e-encoded) at the root, so these
  // resolve inside the root (to a file that does not exist) rather than above it.
  it.each(['app://console/../secret.txt', 'app://console/%2e%2e/secret.txt', 'app://console/assets/%2E%2E/%2E%2E/secret.txt'])(
    'keeps %s inside the root',
    (url) => {
      const result = resolveAppPath(root, url);
      expect(result).toEqual({ kind: 'file', path: join(root, 'secret.txt') });
    },
  );

  it.each([
    'app://console/assets%2f..%2f..%2fsecret.txt',
    'app://console/..%5csecret.txt',
    'app://console/%00.js',
    'app://console/C:/Windows/win.ini',
    'app://console/%E0%A4%A.js',
    'app://other/index.html',
    'https://console/index.html',
    'nonsense',
  ])('refuses %s', (url) => {
    expect(resolveAppPath(root, url)).toEqual({ kind: 'not_found' });
  });
});

describe('createAppRequestHandler', () => {
  const handler = () => createAppRequestHandler(root);

  it('serves files with the CSP header on every response', async () => {
    const ok = await handler()(new Request('app://console/assets/app.js'));
    expect(ok.status).toBe(200);
    expect(ok.headers.get('content-type')).toContain('text/javascript');
    expect(ok.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(await ok.text()).toBe('console.log(1)');

    const route = await handler()(new Request('app://console/settings'));
    expect(await route.text()).toContain('<title>console</title>');

    const missing = await handler()(new Request('app://console/assets/nope.js'));
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);

    const escape = await handler()(new Request('app://console/%2e%2e/secret.txt'));
    expect(escape.status).toBe(404);
    expect(await escape.text()).not.toContain('outside');
  });

  it('the CSP forbids network access from the renderer', () => {
    expect(CONTENT_SECURITY_POLICY).toContain("connect-src 'none'");
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-eval');
  });
});
