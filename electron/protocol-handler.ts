// Serves the renderer from dist/renderer under app://console/. Pure (Fetch API Request/Response,
// both in Node 20 and Electron), so containment is tested in Node; electron/protocol.ts registers it.
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { CONTENT_SECURITY_POLICY } from '../shared/csp';

export const APP_SCHEME = 'app';
export const APP_HOST = 'console';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.map': 'application/json; charset=utf-8',
};

export type AppPathResolution = { kind: 'file'; path: string } | { kind: 'not_found' };

/**
 * Maps an app:// URL to a file under `root`, or not_found. Refuses other hosts, `..` in any form
 * (plain or percent-encoded), backslashes, NUL bytes and absolute paths. A path without an
 * extension is a client-side route: it gets index.html (SPA fallback).
 */
export function resolveAppPath(root: string, requestUrl: string): AppPathResolution {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return { kind: 'not_found' };
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return { kind: 'not_found' };
  let pathname: string;
  try {
    pathname = decodeURIComponent(url.pathname);
  } catch {
    return { kind: 'not_found' };
  }
  if (pathname.includes('\0') || pathname.includes('\\')) return { kind: 'not_found' };
  const segments = pathname.split('/').filter(Boolean);
  if (segments.some((segment) => segment === '..' || segment === '.' || /^[a-zA-Z]:$/.test(segment))) return { kind: 'not_found' };
  const relative = segments.join('/');
  const base = resolve(root);
  if (!relative || !extname(relative)) return { kind: 'file', path: join(base, 'index.html') };
  const full = resolve(base, normalize(relative));
  if (!full.startsWith(base + sep)) return { kind: 'not_found' };
  return { kind: 'file', path: full };
}

function headers(contentType: string): Headers {
  return new Headers({
    'Content-Type': contentType,
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Referrer-Policy': 'no-referrer',
  });
}

export function createAppRequestHandler(root: string): (request: Request) => Promise<Response> {
  return async (request) => {
    const notFound = () => new Response('Not found', { status: 404, headers: headers('text/plain; charset=utf-8') });
    if (request.method !== 'GET' && request.method !== 'HEAD') return new Response('Method not allowed', { status: 405, headers: headers('text/plain; charset=utf-8') });
    const resolved = resolveAppPath(root, request.url);
    if (resolved.kind === 'not_found') return notFound();
    try {
      const info = await stat(resolved.path);
      if (!info.isFile()) return notFound();
      const body = await readFile(resolved.path);
      return new Response(request.method === 'HEAD' ? null : body, {
        status: 200,
        headers: headers(MIME[extname(resolved.path).toLowerCase()] ?? 'application/octet-stream'),
      });
    } catch {
      return notFound();
    }
  };
}
