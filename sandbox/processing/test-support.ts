// Test helpers for the processing/webhooks/dispatcher tests: a sandbox with an installation, a
// loopback receiver that records what it got, and a fake clock. Everything real: HTTP, SQLite, deliveries.
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startSandbox, type RunningSandbox } from '../server';
import type { SandboxOptions } from '../context';
import { toApiTimestamp } from '../time';

/** Inserts an active installation of the driver `slug` (fixture setup; the installations API is tested by CORE). */
export function insertTestInstallation(sandbox: RunningSandbox, slug = 'shopify'): { id: string; slug: string } {
  const db = sandbox.ctx.db;
  const driver = db.prepare('SELECT id, slug FROM drivers WHERE slug = ?').get(slug) as { id: string; slug: string } | undefined;
  if (driver === undefined) throw new Error(`no driver ${slug}`);
  const id = randomUUID();
  const now = toApiTimestamp(sandbox.ctx.now());
  db.prepare(
    `INSERT INTO installations (id, driver_id, name, status, status_reason, method, meta, settings, created_at, updated_at)
     VALUES (?, ?, ?, 'active', NULL, 'api_key', '{}', '{}', ?, ?)`,
  ).run(id, driver.id, `Test ${slug}`, now, now);
  return { id, slug: driver.slug };
}

export interface ReceivedRequest {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}

/**
 * A loopback HTTP server answering each POST with `respond(request, index)` (default 200) and
 * recording every request.
 */
export async function startReceiver(
  respond: (request: ReceivedRequest, index: number) => { status: number; body?: string; delayMs?: number } = () => ({ status: 200 }),
): Promise<{ url: string; received: ReceivedRequest[]; setRespond: (next: typeof respond) => void; close: () => Promise<void> }> {
  const received: ReceivedRequest[] = [];
  let current = respond;
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const entry = { path: req.url ?? '/', headers: req.headers, body: Buffer.concat(chunks).toString('utf8') };
      received.push(entry);
      const answer = current(entry, received.length - 1);
      const send = (): void => {
        if (res.destroyed) return;
        res.writeHead(answer.status, { 'content-type': 'application/json' });
        res.end(answer.body ?? JSON.stringify({ ok: answer.status < 300 }));
      };
      if (answer.delayMs !== undefined) setTimeout(send, answer.delayMs);
      else send();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hook`,
    received,
    setRespond: (next) => {
      current = next;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A clock tests move by hand; the sandbox reads it through ctx.now(). */
export function fakeClock(start = new Date('2026-01-15T10:00:00.000Z')): { now: () => Date; advance: (seconds: number) => void; set: (date: Date) => void } {
  let current = start.getTime();
  return {
    now: () => new Date(current),
    advance: (seconds) => {
      current += seconds * 1000;
    },
    set: (date) => {
      current = date.getTime();
    },
  };
}

export async function startTestSandbox(options: SandboxOptions = {}): Promise<{ sandbox: RunningSandbox; token: string }> {
  const sandbox = await startSandbox({ port: 0, seed: 'empty', ...options });
  const token = await sandbox.mintToken({ name: 'processing-test' });
  return { sandbox, token };
}
