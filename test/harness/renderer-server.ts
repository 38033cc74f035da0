// Serves the real renderer build (dist/renderer) on 127.0.0.1 through the production app://
// request handler (electron/protocol-handler.ts): this file only adapts Node's HTTP server to it,
// so the headers, the CSP, the MIME types, the SPA fallback and the path checks the end-to-end
// tests and the bench run under are exactly the ones Electron's protocol.handle serves.
//
// One addition, so the page compiles scripts as the app does: main registers app:// with the
// `codeCache` privilege (electron/protocol.ts), so from its second launch on the app runs its scripts
// from V8's code cache. Chromium keeps a code cache for an http(s) script only when the script comes
// from its HTTP cache, so this server gives every successful answer a validator (ETag, the body's
// hash) and `Cache-Control: no-cache`: the browser asks again each time (a rebuilt file is never
// stale) and a 304 lets it reuse the cached script and its compiled code. The headers of the
// handler's answer are passed on unchanged.
import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { APP_ORIGIN, createAppRequestHandler } from '../../electron/protocol-handler';

export interface RendererServer {
  /** `http://127.0.0.1:<port>`: the origin the harness's main services trust. */
  origin: string;
  close(): Promise<void>;
}

/**
 * The app:// request Electron would hand the handler for this HTTP request: the same path and
 * query on app://console. Only origin-form targets (`/path`) are served; an absolute-form target
 * (`http://other/…`, as sent to a proxy) or `*` gets null.
 */
export function appRequestFor(method: string, target: string): Request | null {
  if (!target.startsWith('/') || target.startsWith('//')) return null;
  return new Request(`${APP_ORIGIN}${target}`, { method });
}

async function respond(handle: (request: Request) => Promise<Response>, incoming: IncomingMessage, outgoing: ServerResponse): Promise<void> {
  const request = appRequestFor(incoming.method ?? 'GET', incoming.url ?? '');
  if (!request) {
    outgoing.writeHead(400, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Bad request target');
    return;
  }
  const response = await handle(request);
  const body = Buffer.from(await response.arrayBuffer());
  const headers = Object.fromEntries(response.headers);
  if (response.status === 200) {
    const etag = `"${createHash('sha256').update(body).digest('base64url')}"`;
    Object.assign(headers, { etag, 'cache-control': 'no-cache' });
    if (incoming.headers['if-none-match'] === etag) {
      outgoing.writeHead(304, { etag, 'cache-control': 'no-cache' }).end();
      return;
    }
  }
  outgoing.writeHead(response.status, headers);
  outgoing.end(body);
}

export async function startRendererServer(root: string): Promise<RendererServer> {
  const handle = createAppRequestHandler(root);
  const server = createServer((incoming, outgoing) => {
    respond(handle, incoming, outgoing).catch(() => {
      // The handler answers every request itself; reaching here is a harness bug, not a 404.
      if (!outgoing.headersSent) outgoing.writeHead(500);
      outgoing.end();
    });
  });
  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => done());
  });
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((done) => {
        server.close(() => done());
        // Keep-alive connections from the browser would hold close() open until they time out.
        server.closeAllConnections();
      }),
  };
}
