// Bounded responses: main stops reading an API answer past the profile's limit (20 MB by default)
// and reports `response_too_large`. A tiny loopback server offers 100 MB bodies — chunked with no
// Content-Length, with an honest one, and with a lying huge one — and the test checks both the
// typed error and that memory stayed bounded (the server could not push anything near 100 MB in).
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CapabilityCache } from './capabilities';
import { PlatformHttp } from './http';
import { PlatformClient } from './platform-client';
import { RequestScheduler } from './scheduler';
import { MemoryVault, fastTuning } from './test-support';

const MB = 1024 * 1024;
const BODY_BYTES = 100 * MB;
// One chunk, reused for every write: the server itself allocates nothing per write, so what the
// process's memory does is the client's doing.
const CHUNK = Buffer.alloc(64 * 1024, 'a');

let server: Server;
let base: string;
/** Bytes the server managed to hand to the socket for the last streamed answer. */
let written = 0;

async function stream(res: ServerResponse, total: number): Promise<void> {
  written = 0;
  let closed = false;
  res.on('close', () => {
    closed = true;
  });
  while (written < total && !closed) {
    const ok = res.write(CHUNK);
    written += CHUNK.length;
    if (!ok) await new Promise<void>((resolve) => {
      const done = () => {
        res.off('drain', done);
        res.off('close', done);
        resolve();
      };
      res.on('drain', done);
      res.on('close', done);
    });
  }
  if (!closed) res.end();
}

beforeAll(async () => {
  server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    if (path === '/chunked/drivers') {
      // No Content-Length: only counting the bytes can stop it.
      res.writeHead(200, { 'content-type': 'application/json' });
      void stream(res, BODY_BYTES);
    } else if (path === '/honest/drivers') {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(BODY_BYTES) });
      void stream(res, BODY_BYTES);
    } else if (path === '/lying/drivers') {
      // Claims 10 GB and would send 100 MB: refused on the header, before any byte is read.
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(10 * 1024 * MB) });
      void stream(res, BODY_BYTES);
    } else if (path === '/error/drivers') {
      // An error body is bounded too.
      res.writeHead(500, { 'content-type': 'application/json' });
      void stream(res, BODY_BYTES);
    } else if (path.startsWith('/sized/')) {
      // A valid JSON list of about N KB.
      const kb = Number(path.split('/')[2]);
      const body = JSON.stringify({ data: [], padding: 'x'.repeat(kb * 1024) });
      res.writeHead(200, { 'content-type': 'application/json' }).end(body);
    } else res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

function client(prefix: string, maxResponseMb?: number) {
  const vault = new MemoryVault();
  vault.set('p', 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln');
  const http = new PlatformHttp({ id: 'p', baseUrl: `${base}/${prefix}`, maxResponseMb }, { vault, scheduler: new RequestScheduler(), tuning: { ...fastTuning, timeoutMs: 60_000 } });
  return new PlatformClient(http, new CapabilityCache());
}

// The array-buffer figure only means something after a collection: without one it still holds the
// previous test's freed buffers (CI once read 63 MB of them). vitest's workers run without --expose-gc,
// so the flag is set at run time and gc taken from a fresh context.
setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

function memory() {
  collectGarbage();
  const usage = process.memoryUsage();
  return { rss: usage.rss, arrayBuffers: usage.arrayBuffers };
}

describe('bounded responses (default 20 MB)', () => {
  it.each([
    ['chunked, no Content-Length', 'chunked'],
    ['an honest 100 MB Content-Length', 'honest'],
    ['a lying 10 GB Content-Length', 'lying'],
    ['an error status', 'error'],
  ])('a 100 MB body with %s fails with response_too_large and memory stays bounded', async (_name, prefix) => {
    const before = memory();
    let peakRss = before.rss;
    const sampler = setInterval(() => {
      peakRss = Math.max(peakRss, process.memoryUsage().rss);
    }, 5);
    try {
      await expect(client(prefix).listDrivers()).rejects.toMatchObject({ code: 'response_too_large', details: { limitMb: 20 } });
    } finally {
      clearInterval(sampler);
    }
    // The client stopped the transfer: the server could not write anything near the 100 MB body.
    // (20 MB read + what sat in socket buffers when the reader cancelled.)
    await expect.poll(() => written).toBeGreaterThan(0);
    expect(written).toBeLessThan(prefix === 'chunked' || prefix === 'error' ? 40 * MB : 16 * MB);
    // Generous: 20 MB of text plus stream buffers, far from the 100 MB (or 10 GB) offered.
    expect(peakRss - before.rss).toBeLessThan(85 * MB);
    // What is retained: once the cancelled transfer's last buffers are let go (the socket may still be
    // closing when the request has already failed), array buffers fall back under 30 MB.
    await expect.poll(() => memory().arrayBuffers - before.arrayBuffers, { timeout: 10_000 }).toBeLessThan(30 * MB);
  });
});

describe('per-profile limit', () => {
  it('a profile with maxResponseMb 1 refuses a 2 MB answer and reads a 500 KB one', async () => {
    await expect(client('sized/2048', 1).listDrivers()).rejects.toMatchObject({ code: 'response_too_large', details: { limitMb: 1 } });
    await expect(client('sized/500', 1).listDrivers()).resolves.toMatchObject({ items: [] });
    // The default (20 MB) reads 2 MB fine.
    await expect(client('sized/2048').listDrivers()).resolves.toMatchObject({ items: [] });
  });
});
