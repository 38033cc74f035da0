import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CONTENT_SECURITY_POLICY } from '../../../shared/csp';
import { resolveInside, startStaticServer } from '../../harness/static-server';
import type { StaticServer } from '../../harness/static-server';

let root: string;
let server: StaticServer;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'ii-static-'));
  await mkdir(join(root, 'assets'));
  await writeFile(join(root, 'index.html'), '<!doctype html><title>x</title>');
  await writeFile(join(root, 'assets', 'app.js'), 'console.log(1)');
  await writeFile(join(root, '..', 'outside-secret.txt'), 'nope');
  server = await startStaticServer(root);
});

afterAll(async () => {
  await server.close();
  await rm(join(root, '..', 'outside-secret.txt'), { force: true });
  await rm(root, { recursive: true, force: true });
});

describe('static server for the renderer build', () => {
  it('serves index.html and assets with the production CSP header', async () => {
    const index = await fetch(`${server.origin}/`);
    expect(index.status).toBe(200);
    expect(index.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(index.headers.get('content-type')).toContain('text/html');
    const js = await fetch(`${server.origin}/assets/app.js`);
    expect(js.headers.get('content-type')).toContain('javascript');
  });

  it('keeps requests inside the build folder', async () => {
    expect(resolveInside(root, '/../outside-secret.txt')).toBeNull();
    expect(resolveInside(root, '/%2e%2e/outside-secret.txt')).toBeNull();
    expect(resolveInside(root, '/assets/%00x')).toBeNull();
    expect(resolveInside(root, '/assets/app.js')).toBe(join(root, 'assets', 'app.js'));
    const response = await fetch(`${server.origin}/%2e%2e/outside-secret.txt`);
    expect(response.status).not.toBe(200);
  });

  it('answers 404 for missing files and 405 for writes', async () => {
    expect((await fetch(`${server.origin}/missing.js`)).status).toBe(404);
    expect((await fetch(`${server.origin}/`, { method: 'POST' })).status).toBe(405);
  });
});
