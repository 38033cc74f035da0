// Test support for the client's integration tests (not a test itself): a real sandbox on loopback,
// an in-memory token holder with MAIN's `withToken` shape, and a recorder of every log line and
// error the client produced, so tests can grep them for the token.
import { AppError } from '../../shared/app-error';
import { startSandbox, type RunningSandbox } from '../../sandbox/server';
import type { SandboxOptions } from '../../sandbox/context';
import { CapabilityCache } from './capabilities';
import { PlatformHttp, type ApiLogEntry, type RetryTuning, type TokenAccess } from './http';
import { PlatformClient } from './platform-client';
import { RequestScheduler } from './scheduler';

export class MemoryVault implements TokenAccess {
  private readonly tokens = new Map<string, string>();
  set(profileId: string, token: string): void {
    this.tokens.set(profileId, token);
  }
  remove(profileId: string): void {
    this.tokens.delete(profileId);
  }
  /** The client tests do not bind origins (the TokenVault's own tests do). */
  async boundOrigin(_profileId: string): Promise<string | null> {
    return null;
  }
  async withToken<T>(profileId: string, _origin: string, use: (token: string) => Promise<T>): Promise<T> {
    const token = this.tokens.get(profileId);
    // The same answer MAIN's TokenVault gives.
    if (token === undefined) throw new AppError('no_token', 'This profile has no API token yet.');
    return use(token);
  }
}

export interface ClientHarness {
  sandbox: RunningSandbox;
  token: string;
  vault: MemoryVault;
  logs: ApiLogEntry[];
  client: PlatformClient;
  makeClient(options?: { baseUrl?: string; tuning?: Partial<RetryTuning>; maxConcurrency?: number; fetch?: typeof fetch }): PlatformClient;
  close(): Promise<void>;
}

/** Fast retries so fault tests stay quick; production defaults are in http.ts. */
export const fastTuning: Partial<RetryTuning> = { baseDelayMs: 10, maxDelayMs: 50, timeoutMs: 5_000 };

export async function startClientHarness(options: SandboxOptions = {}): Promise<ClientHarness> {
  // A few hundred demo events are plenty here, and start in well under a second (50,000 do not).
  // No background dispatcher: these tests are about the client, and its deliveries to the built-in
  // receiver keep sandbox-to-sandbox connections open that would slow `close()` down.
  const sandbox = await startSandbox({ port: 0, seed: 'demo', demoEvents: 300, dispatch: false, ...options });
  const token = await sandbox.mintToken();
  const vault = new MemoryVault();
  vault.set('p1', token);
  const logs: ApiLogEntry[] = [];
  const makeClient: ClientHarness['makeClient'] = (o = {}) =>
    new PlatformClient(
      new PlatformHttp(
        { id: 'p1', baseUrl: o.baseUrl ?? sandbox.baseUrl },
        {
          vault,
          scheduler: new RequestScheduler({ maxConcurrency: o.maxConcurrency ?? 6 }),
          log: (entry) => logs.push(entry),
          tuning: { ...fastTuning, ...o.tuning },
          ...(o.fetch ? { fetch: o.fetch } : {}),
        },
      ),
      new CapabilityCache(),
    );
  const close = async () => {
    // Whatever is still connected (a cancelled request's leftovers, keep-alive sockets) is cut:
    // the test is over, and `close()` would otherwise wait for each to time out.
    sandbox.app.server.closeAllConnections();
    await sandbox.close();
  };
  return { sandbox, token, vault, logs, client: makeClient(), makeClient, close };
}

/** Everything an error exposes: message, own fields, cause chain — as one string to grep. */
export function everythingIn(value: unknown): string {
  const seen = new Set<unknown>();
  const walk = (v: unknown): string => {
    if (v === null || v === undefined) return String(v);
    if (typeof v !== 'object') return String(v);
    if (seen.has(v)) return '';
    seen.add(v);
    const parts: string[] = [];
    if (v instanceof Error) parts.push(v.name, v.message, v.stack ?? '', walk((v as { cause?: unknown }).cause));
    for (const key of Object.getOwnPropertyNames(v)) parts.push(key, walk((v as Record<string, unknown>)[key]));
    return parts.join(' ');
  };
  return walk(value);
}

/** Sets the sandbox's runtime faults (SANDBOX-OPS's control route). */
export async function setFaults(sandbox: RunningSandbox, spec: string): Promise<void> {
  const response = await fetch(`${sandbox.origin}/_sandbox/faults`, {
    method: 'PUT',
    headers: { 'Content-Type': 'application/json', 'X-Sandbox-Admin': sandbox.adminSecret },
    body: JSON.stringify({ spec }),
  });
  if (!response.ok) throw new Error(`PUT /_sandbox/faults answered ${response.status}: ${await response.text()}`);
}

/** What a failed client call rejected with, as the tests read it. */
export type CaughtFailure = { code?: string; status?: number; retryAfter?: number; details?: Record<string, unknown>; fields?: Record<string, string[]> };

/**
 * Awaits a call that must fail and returns its error, kept in `errors` too (the suites check no
 * error ever carries the token). A call that succeeds fails the test.
 */
export async function captureFailure(errors: unknown[], promise: Promise<unknown>): Promise<CaughtFailure> {
  try {
    await promise;
  } catch (error) {
    errors.push(error);
    return error as CaughtFailure;
  }
  throw new Error('expected a failure');
}
