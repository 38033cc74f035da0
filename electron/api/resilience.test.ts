// Resilience against a real sandbox: a keyed write retried after a dropped connection acts once;
// cancelling a request closes it on the server too.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { idempotencyKeyFor } from './http';
import { everythingIn, startClientHarness, type ClientHarness } from './test-support';

let h: ClientHarness;
const errors: unknown[] = [];

beforeAll(async () => {
  h = await startClientHarness();
});
afterAll(async () => {
  expect(everythingIn(h.logs) + everythingIn(errors)).not.toContain(h.token);
  await h.close();
});

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

describe('idempotent writes', () => {
  it('a create whose answer is lost (connection dropped after the server acted) is retried with the same key and acts once', async () => {
    // A loopback relay in front of the sandbox: it forwards the first POST, lets the sandbox act,
    // then drops the client's connection instead of answering. Later requests pass through.
    let dropped = 0;
    const keysSeen: string[] = [];
    const relay = createServer(async (req: IncomingMessage, res: ServerResponse) => {
      const body = await readBody(req);
      const headers = Object.fromEntries(Object.entries(req.headers).filter(([k]) => k !== 'host' && k !== 'connection' && k !== 'content-length')) as Record<string, string>;
      if (req.method === 'POST') keysSeen.push(headers['idempotency-key'] ?? '(none)');
      const upstream = await fetch(`${h.sandbox.origin}${req.url}`, { method: req.method, headers, ...(body.length ? { body: body.toString("utf8") } : {}) });
      const text = await upstream.text();
      if (req.method === 'POST' && dropped === 0) {
        dropped++;
        req.socket.destroy();
        return;
      }
      res.writeHead(upstream.status, { 'content-type': upstream.headers.get('content-type') ?? 'application/json' }).end(text);
    });
    const relayOrigin = await listen(relay);
    try {
      const client = h.makeClient({ baseUrl: `${relayOrigin}/v1` });
      const name = `Once ${Date.now()}`;
      const key = idempotencyKeyFor('p1', 'installations:create', 'click-123456');
      const created = await client.createInstallation({ driver_id: 'hotmart', name, settings: { hottok: 'x-secret-1' } }, { idempotencyKey: key });
      expect(dropped).toBe(1);
      expect(keysSeen).toEqual([key, key]);
      const found = await h.client.listInstallations({ filters: { name }, limit: 10 });
      expect(found.items.map((i) => i.id)).toEqual([created.id]);
    } finally {
      await new Promise<void>((resolve) => relay.close(() => resolve()));
    }
  });

  it('a write without an answer and without a key is not retried', async () => {
    let posts = 0;
    const blackhole = createServer((req) => {
      posts++;
      req.socket.destroy();
    });
    const origin = await listen(blackhole);
    try {
      const client = h.makeClient({ baseUrl: `${origin}/v1` });
      // Reaching http.send directly: every client write method demands a key.
      await expect(client.http.send({ method: 'POST', path: '/installations', body: {} })).rejects.toMatchObject({ code: 'network' });
      expect(posts).toBe(1);
    } finally {
      await new Promise<void>((resolve) => blackhole.close(() => resolve()));
    }
  });
});

describe('cancellation', () => {
  it('aborting the caller’s signal closes the request on the sandbox side', async () => {
    // A slow webhook receiver makes `POST /webhooks/endpoints/{id}/test` slow on the sandbox.
    const slow = createServer((_req, res) => {
      // Slower than the bound below by far, so a loaded machine cannot make the check flaky.
      const timer = setTimeout(() => res.writeHead(200).end('{}'), 8000);
      res.on('close', () => clearTimeout(timer));
    });
    const slowOrigin = await listen(slow);
    const closedEarly: string[] = [];
    const onRequest = (req: IncomingMessage, res: ServerResponse) => {
      res.on('close', () => {
        if (!res.writableFinished) closedEarly.push(`${req.method} ${req.url}`);
      });
    };
    h.sandbox.app.server.on('request', onRequest);
    try {
      const endpoint = await h.client.createWebhookEndpoint({ url: `${slowOrigin}/hook`, events: ['ping'] }, { idempotencyKey: `k-cancel-${Date.now()}` });
      const controller = new AbortController();
      const started = Date.now();
      const pending = h.client.testWebhookEndpoint(endpoint.id, { idempotencyKey: `k-cancel-test-${Date.now()}`, signal: controller.signal });
      setTimeout(() => controller.abort(), 200);
      await expect(pending).rejects.toMatchObject({ code: 'cancelled' });
      expect(Date.now() - started).toBeLessThan(6000); // long before the receiver would answer
      await expect.poll(() => closedEarly, { timeout: 2000 }).toContainEqual(expect.stringMatching(/\/test$/));
    } finally {
      h.sandbox.app.server.off('request', onRequest);
      slow.closeAllConnections();
      await new Promise<void>((resolve) => slow.close(() => resolve()));
    }
  });

  it('a request queued in the scheduler is dropped when cancelled, before it is ever sent', async () => {
    const client = h.makeClient({ maxConcurrency: 1 });
    const before = h.logs.length;
    const controller = new AbortController();
    const first = client.listDrivers({ limit: 1 });
    const second = client.listDrivers({ limit: 2 }, { signal: controller.signal });
    controller.abort();
    await expect(second).rejects.toMatchObject({ code: 'cancelled' });
    await first;
    expect(h.logs.slice(before).filter((l) => l.message === 'request answered')).toHaveLength(1);
  });
});
