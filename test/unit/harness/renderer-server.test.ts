// The harness's renderer server is only an adapter: every answer must be the production app://
// handler's answer for the same path, byte for byte and header for header — plus the validator that
// lets Chromium keep a code cache for the scripts, as Electron's `codeCache` privilege gives the app.
import { request as httpRequest } from 'node:http';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppRequestHandler } from '../../../electron/protocol-handler';
import { CONTENT_SECURITY_POLICY } from '../../../shared/csp';
import { appRequestFor, startRendererServer, type RendererServer } from '../../harness/renderer-server';

let base: string;
let root: string;
let server: RendererServer;

beforeAll(async () => {
  base = await mkdtemp(join(tmpdir(), 'ii-renderer-server-'));
  root = join(base, 'renderer');
  await mkdir(join(root, 'assets'), { recursive: true });
  await writeFile(join(root, 'index.html'), '<!doctype html><title>console</title>');
  await writeFile(join(root, 'assets', 'app.js'), 'console.log(1)');
  await writeFile(join(root, 'assets', 'app.css'), 'body{}');
  await writeFile(join(base, 'secret.txt'), 'outside the root');
  server = await startRendererServer(root);
});

afterAll(async () => {
  await server.close();
  await rm(base, { recursive: true, force: true });
});

/** A raw HTTP request, so the target reaches the server exactly as written (fetch would normalise it). */
function raw(method: string, target: string, headers: Record<string, string> = {}): Promise<{ status: number; headers: Record<string, string>; body: string }> {
  return new Promise((done, fail) => {
    const request = httpRequest(`${server.origin}/`, { method, path: target, headers }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (body += chunk));
      response.on('end', () => done({ status: response.statusCode ?? 0, headers: response.headers as Record<string, string>, body }));
    });
    request.on('error', fail);
    request.end();
  });
}

const sameHeaders = (headers: Headers) => Object.fromEntries(headers);

describe('the renderer server (HTTP → the app:// handler)', () => {
  it.each([
    ['GET', '/index.html'],
    ['GET', '/'],
    ['GET', '/events/123?tab=payload'],
    ['GET', '/assets/app.js'],
    ['GET', '/assets/app.css'],
    ['HEAD', '/assets/app.js'],
    ['GET', '/assets/missing.js'],
    ['GET', '/%2e%2e/secret.txt'],
    ['GET', '/../secret.txt'],
    ['GET', '/assets%2f..%2f..%2fsecret.txt'],
    ['GET', '/%00.js'],
    ['POST', '/index.html'],
  ])('%s %s answers what app://console answers', async (method, target) => {
    const expected = await createAppRequestHandler(root)(new Request(`app://console${target}`, { method }));
    const actual = await raw(method, target);
    expect(actual.status).toBe(expected.status);
    expect(actual.body).toBe(await expected.text());
    for (const [name, value] of Object.entries(sameHeaders(expected.headers))) expect(actual.headers[name], name).toBe(value);
    expect(actual.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(actual.body).not.toContain('outside the root');
  });

  it('serves the build with the MIME types and the SPA fallback of the app:// handler', async () => {
    const js = await fetch(`${server.origin}/assets/app.js`);
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(js.headers.get('x-content-type-options')).toBe('nosniff');
    const route = await fetch(`${server.origin}/settings`);
    expect(await route.text()).toContain('<title>console</title>');
  });

  it('gives each file a validator and answers 304 while the file is unchanged, so Chromium reuses its cached script and compiled code', async () => {
    const first = await raw('GET', '/assets/app.js');
    expect(first.headers['cache-control']).toBe('no-cache');
    expect(first.headers.etag).toMatch(/^"[\w-]{43}"$/);
    const again = await raw('GET', '/assets/app.js', { 'if-none-match': first.headers.etag! });
    expect(again.status).toBe(304);
    expect(again.body).toBe('');
    // Another file's validator, or a changed file, gets the whole answer.
    const css = await raw('GET', '/assets/app.css', { 'if-none-match': first.headers.etag! });
    expect(css.status).toBe(200);
    expect(css.body).toBe('body{}');
    await writeFile(join(root, 'assets', 'app.js'), 'console.log(2)');
    try {
      const changed = await raw('GET', '/assets/app.js', { 'if-none-match': first.headers.etag! });
      expect(changed.status).toBe(200);
      expect(changed.body).toBe('console.log(2)');
      expect(changed.headers.etag).not.toBe(first.headers.etag);
    } finally {
      await writeFile(join(root, 'assets', 'app.js'), 'console.log(1)');
    }
    // Errors carry no validator: a 404 is asked for again, whole.
    expect((await raw('GET', '/assets/missing.js')).headers.etag).toBeUndefined();
  });

  it('refuses request targets that are not a path on this server', async () => {
    expect(appRequestFor('GET', 'http://evil.example/index.html')).toBeNull();
    expect(appRequestFor('GET', '//evil.example/index.html')).toBeNull();
    expect(appRequestFor('OPTIONS', '*')).toBeNull();
    expect((await raw('GET', 'http://evil.example/index.html')).status).toBe(400);
    expect(appRequestFor('GET', '/assets/app.js?v=1')?.url).toBe('app://console/assets/app.js?v=1');
  });
});
