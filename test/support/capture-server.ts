// A tiny HTTP server on loopback that stands in for an attacker's host: it records every request
// it receives (method, the Host it was reached by, the path, and a SHA-256 of any Authorization
// header — never the header itself, so a failing assertion cannot print a token) and answers 200
// with an empty list. A request under `/bounce/<status>/…` answers that redirect to
// `<bounceTo><…>` instead, so it can also play a server that bounces a request to another origin. Listens dual-stack where the machine
// allows it, so `127.0.0.1`, `localhost` and `[::1]` all reach it as three different origins.
import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface CapturedRequest {
  method: string;
  host: string;
  path: string;
  /** sha256 of the Authorization header, or null when there was none. */
  authorizationHash: string | null;
}

export interface CaptureServer {
  port: number;
  /** Whether `[::1]` reaches this server (false on a machine without IPv6 loopback). */
  ipv6: boolean;
  /** `http://<host>:<port>` for a loopback host spelling (`127.0.0.1`, `localhost`, `[::1]`). */
  origin(host?: string): string;
  requests: CapturedRequest[];
  /** Where `/bounce/<status>/<rest>` redirects to (`<bounceTo>/<rest>`). */
  bounceTo: string;
  /** Requests that carried exactly `Bearer <token>`. */
  carrying(token: string): CapturedRequest[];
  close(): Promise<void>;
}

export const hashOf = (value: string): string => createHash('sha256').update(value).digest('hex');

function record(requests: CapturedRequest[], request: IncomingMessage): void {
  const authorization = request.headers.authorization;
  requests.push({
    method: request.method ?? '',
    host: request.headers.host ?? '',
    path: request.url ?? '',
    authorizationHash: typeof authorization === 'string' ? hashOf(authorization) : null,
  });
}

async function listen(server: Server, host: string): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen({ port: 0, host, ipv6Only: false }, () => {
      server.off('error', reject);
      resolve();
    });
  });
}

export async function startCaptureServer(): Promise<CaptureServer> {
  const requests: CapturedRequest[] = [];
  const state = { bounceTo: '' };
  const server = createServer((request, response) => {
    record(requests, request);
    const url = new URL(request.url ?? '/', 'http://capture.invalid');
    const bounce = /^\/bounce\/(30[1278])(\/.*)?$/.exec(url.pathname);
    request.resume();
    if (bounce && state.bounceTo) {
      response.writeHead(Number(bounce[1]), { location: `${state.bounceTo}${bounce[2] ?? ''}${url.search}`, 'content-type': 'application/json' });
      response.end('{}');
      return;
    }
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(JSON.stringify({ data: [] }));
  });
  let ipv6 = true;
  try {
    await listen(server, '::');
  } catch {
    ipv6 = false;
    await listen(server, '127.0.0.1');
  }
  const { port } = server.address() as AddressInfo;
  return {
    port,
    ipv6,
    get bounceTo() {
      return state.bounceTo;
    },
    set bounceTo(value: string) {
      state.bounceTo = value;
    },
    origin: (host = '127.0.0.1') => `http://${host}:${port}`,
    requests,
    carrying: (token) => requests.filter((r) => r.authorizationHash === hashOf(`Bearer ${token}`)),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
