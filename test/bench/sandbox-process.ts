// The benchmark's sandbox in a process of its own, as the real API is on another machine: the
// console's main process (here, the bench process hosting the main services) never shares a thread
// with the server it calls, so a millisecond the export spends on a page is not a millisecond taken
// from the server's answer to it. Parent and child talk over Node's IPC channel (fork); a minted
// token travels in an IPC message, never through stdout or a log.
//
// Run by the parent with `startSandboxProcess(options)`; the child half is this same file, started
// with `--child`.
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { SandboxOptions } from '../../sandbox/context';
import type { MintTokenOptions } from '../../sandbox/auth/tokens';

type Request = { id: number; kind: 'mint'; options: MintTokenOptions } | { id: number; kind: 'cpu' } | { id: number; kind: 'close' };
/** A request before it is numbered (Omit over each member of the union). */
type Unnumbered<T> = T extends unknown ? Omit<T, 'id'> : never;
type Reply = { kind: 'ready'; baseUrl: string } | { kind: 'failed'; message: string } | { id: number; kind: 'minted'; token: string } | { id: number; kind: 'cpu'; ms: number } | { id: number; kind: 'closed' };

/** What the bench needs of a sandbox, whichever process it runs in. */
export interface SandboxHandle {
  baseUrl: string;
  mintToken(options?: MintTokenOptions): Promise<string>;
  /** CPU time (user + system) the sandbox's process has used so far, ms: the server's share of a measured span. */
  cpuMs(): Promise<number>;
  close(): Promise<void>;
}

const self = fileURLToPath(import.meta.url);

/**
 * The Events benches' sandbox (run.ts, ab.ts): `events` bulk-seeded into the file database `db`,
 * dispatcher off, and the rate limit out of the way — they measure the console, not the sandbox's
 * per-token budget (6,000/min by default).
 */
export function eventsSandboxOptions(events: number, db: string): SandboxOptions {
  return { port: 0, seed: 'demo', demoEvents: 0, events, dispatch: false, db, rateLimit: { limit: 1_000_000, windowSeconds: 60 } };
}

/** Starts the sandbox in a child process (seeding included) and resolves once it listens. */
export function startSandboxProcess(options: SandboxOptions): Promise<SandboxHandle> {
  const child: ChildProcess = fork(self, ['--child'], { execArgv: ['--import', 'tsx'], serialization: 'advanced', stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  let nextId = 1;
  const pending = new Map<number, (reply: Reply) => void>();
  const call = (request: Unnumbered<Request>) =>
    new Promise<Reply>((resolve, reject) => {
      const id = nextId++;
      pending.set(id, resolve);
      child.send({ ...request, id }, (error) => error && reject(error));
    });
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`the sandbox process exited (${code}) before it was ready`)));
    child.on('message', (reply: Reply) => {
      if (reply.kind === 'ready') {
        child.removeAllListeners('exit');
        resolve({
          baseUrl: reply.baseUrl,
          async mintToken(mint = {}) {
            const answer = await call({ kind: 'mint', options: mint });
            if (answer.kind !== 'minted') throw new Error(`mint: unexpected reply ${answer.kind}`);
            return answer.token;
          },
          async cpuMs() {
            const answer = await call({ kind: 'cpu' });
            if (answer.kind !== 'cpu') throw new Error(`cpu: unexpected reply ${answer.kind}`);
            return answer.ms;
          },
          async close() {
            await call({ kind: 'close' });
            await new Promise((done) => (child.exitCode === null ? child.once('exit', done) : done(null)));
          },
        });
      } else if (reply.kind === 'failed') {
        reject(new Error(`the sandbox process failed: ${reply.message}`));
      } else {
        pending.get(reply.id)?.(reply);
        pending.delete(reply.id);
      }
    });
    child.send({ kind: 'start', options });
  });
}

async function runChild() {
  const { startSandbox } = await import('../../sandbox/server');
  const send = (reply: Reply) => process.send?.(reply);
  process.once('message', async (start: { kind: 'start'; options: SandboxOptions }) => {
    try {
      const sandbox = await startSandbox(start.options);
      process.on('message', async (request: Request) => {
        if (request.kind === 'mint') send({ id: request.id, kind: 'minted', token: await sandbox.mintToken(request.options) });
        if (request.kind === 'cpu') {
          const used = process.cpuUsage();
          send({ id: request.id, kind: 'cpu', ms: (used.user + used.system) / 1000 });
        }
        if (request.kind === 'close') {
          await sandbox.close();
          send({ id: request.id, kind: 'closed' });
          process.disconnect();
        }
      });
      send({ kind: 'ready', baseUrl: sandbox.baseUrl });
    } catch (error) {
      send({ kind: 'failed', message: error instanceof Error ? error.message : String(error) });
      process.exit(1);
    }
  });
}

if (process.argv.includes('--child')) void runChild();
