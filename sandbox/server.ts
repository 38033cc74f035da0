// Starts a sandbox: opens + migrates the database, seeds it, builds the app, listens on loopback.
// Used by the CLI and, as a library, by every test that needs a real API server.
import type { FastifyInstance } from 'fastify';
import { buildApp } from './app';
import { mintToken, revokeToken, type MintTokenOptions } from './auth/tokens';
import { createContext, type SandboxContext, type SandboxOptions } from './context';
import { openDatabase } from './db/connection';
import { runMigrations } from './db/migrate';
import { migrations } from './db/migrations/index';
import { applySeed } from './seed/index';
import { ensureProcessingIndexes } from './seed/bulk-indexes';
import { prepareEventData } from './seed/events';
import { startSimulator } from './simulate';
import { startDispatcherService } from './dispatcher/service';

export interface RunningSandbox {
  /** e.g. http://127.0.0.1:4010/v1 (contract dialect) or http://127.0.0.1:4010 (docs dialect, at the root) */
  baseUrl: string;
  /** e.g. http://127.0.0.1:4010 */
  origin: string;
  /** Random per start; guards /_sandbox/faults. */
  adminSecret: string;
  mintToken: (options?: MintTokenOptions) => Promise<string>;
  revokeToken: (jti: string) => boolean;
  ctx: SandboxContext;
  app: FastifyInstance;
  /** Stops accepting requests, lets in-flight ones finish, stops background work, closes the DB. */
  close: () => Promise<void>;
}

/** Background work started with the server (dispatcher, simulator…), stopped before the DB closes. */
export interface BackgroundService {
  stop: () => Promise<void> | void;
}

export async function startSandbox(options: SandboxOptions = {}): Promise<RunningSandbox> {
  const host = options.host ?? '127.0.0.1';
  if (!isLoopback(host)) throw new Error(`The sandbox only listens on loopback; "${host}" is not a loopback address.`);

  const db = openDatabase(options.db ?? ':memory:');
  let app: FastifyInstance | undefined;
  const services: BackgroundService[] = [];
  try {
    runMigrations(db, migrations);
    // A bulk load (--events) that crashed after dropping the secondary indexes gets them back here.
    ensureProcessingIndexes(db);
    const ctx = createContext(db, options);

    applySeed(ctx, options.seed ?? 'demo');

    app = buildApp(ctx);
    await app.listen({ port: options.port ?? 0, host });
    const address = app.server.address();
    if (address === null || typeof address === 'string') throw new Error('The sandbox did not get a TCP address.');
    const hostForUrl = host.includes(':') ? `[${host}]` : host;
    ctx.origin = `http://${hostForUrl}:${address.port}`;

    // Demo event history and --events (they need the origin), before the dispatcher looks for work.
    prepareEventData(ctx);

    // Background services start here, one line each, once the origin is known.
    if (options.dispatch !== false) services.push(startDispatcherService(ctx));
    if (options.simulate !== undefined && options.simulate > 0) services.push(startSimulator(ctx, options.simulate));

    const listening = app;
    let closed = false;
    return {
      baseUrl: `${ctx.origin}${ctx.prefix}`,
      origin: ctx.origin,
      adminSecret: ctx.adminSecret,
      mintToken: async (tokenOptions) => (await mintToken(db, ctx.now(), tokenOptions)).token,
      revokeToken: (jti) => revokeToken(db, jti, ctx.now()),
      ctx,
      app: listening,
      close: async () => {
        if (closed) return;
        closed = true;
        await listening.close();
        for (const service of services.reverse()) await service.stop();
        db.close();
      },
    };
  } catch (error) {
    for (const service of services.reverse()) await service.stop();
    if (app !== undefined) await app.close();
    db.close();
    throw error;
  }
}

function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127(\.\d{1,3}){3}$/.test(host);
}
