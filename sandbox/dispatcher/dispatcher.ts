// The scheduler that drives deliveries: it reads due `pending` dispatches from the database (so rows
// written by anyone — new events, retries, redeliveries, seeders — are picked up), runs a bounded
// number of attempts at once, and sleeps until the next due time. Time comes from ctx.now() and the
// timer is injectable, so tests run it on a fake clock and call runDue() after moving the clock.
import type { SandboxContext } from '../context';
import { toApiTimestamp } from '../time';
import { markAttemptCrashed, performAttempt } from './attempt';
import { setDispatcher } from './registry';

export interface DispatcherTimer {
  set(callback: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

export const realTimer: DispatcherTimer = {
  set: (callback, ms) => {
    const handle = setTimeout(callback, ms);
    handle.unref();
    return handle;
  },
  clear: (handle) => clearTimeout(handle as NodeJS.Timeout),
};

export interface DispatcherOptions {
  timer?: DispatcherTimer;
  /** Attempts in flight at once; one slow endpoint must not hold up the others. */
  concurrency?: number;
  /** Longest sleep between looks at the table (rows inserted behind our back, clock changes). */
  pollMs?: number;
  /** Where attempt crashes (bugs, not delivery failures) are reported. */
  onError?: (error: unknown) => void;
}

export class Dispatcher {
  private readonly timer: DispatcherTimer;
  private readonly concurrency: number;
  private readonly pollMs: number;
  private readonly onError: (error: unknown) => void;
  private readonly inFlight = new Map<string, Promise<void>>();
  private handle: unknown = undefined;
  private closed = false;

  constructor(
    private readonly ctx: SandboxContext,
    options: DispatcherOptions = {},
  ) {
    this.timer = options.timer ?? realTimer;
    this.concurrency = options.concurrency ?? 8;
    this.pollMs = options.pollMs ?? 1000;
    this.onError = options.onError ?? ((error) => console.error('[sandbox dispatcher]', error));
  }

  start(): void {
    setDispatcher(this.ctx, this);
    this.wake();
  }

  /** Look for due work as soon as possible. */
  wake(): void {
    if (this.closed) return;
    this.arm(0);
  }

  /** Runs every attempt due at ctx.now() — including retries that become due meanwhile — and resolves when none is left. */
  async runDue(): Promise<void> {
    for (;;) {
      this.pump();
      if (this.inFlight.size === 0) return;
      await Promise.allSettled([...this.inFlight.values()]);
    }
  }

  /** Stops scheduling and waits for attempts in flight to be recorded (before the database closes). */
  async close(): Promise<void> {
    this.closed = true;
    if (this.handle !== undefined) this.timer.clear(this.handle);
    this.handle = undefined;
    setDispatcher(this.ctx, undefined);
    await Promise.allSettled([...this.inFlight.values()]);
  }

  private pump(): void {
    if (this.closed) return;
    const free = this.concurrency - this.inFlight.size;
    if (free > 0) {
      const now = toApiTimestamp(this.ctx.now());
      const due = this.ctx.db
        .prepare("SELECT id FROM dispatches WHERE status = 'pending' AND due_at <= ? ORDER BY due_at, rowid LIMIT ?")
        .all(now, free + this.inFlight.size) as { id: string }[];
      for (const { id } of due) {
        if (this.inFlight.size >= this.concurrency) break;
        if (this.inFlight.has(id)) continue;
        const attempt = performAttempt(this.ctx, id)
          .catch((error: unknown) => {
            this.onError(error);
            try {
              markAttemptCrashed(this.ctx, id);
            } catch (markError) {
              this.onError(markError);
            }
          })
          .finally(() => {
            this.inFlight.delete(id);
            this.wake();
          });
        this.inFlight.set(id, attempt);
      }
    }
    this.armForNextDue();
  }

  private armForNextDue(): void {
    const now = this.ctx.now();
    const next = this.ctx.db
      .prepare("SELECT MIN(due_at) AS due FROM dispatches WHERE status = 'pending' AND due_at > ?")
      .get(toApiTimestamp(now)) as { due: string | null };
    const wait = next.due === null ? this.pollMs : Date.parse(next.due.replace(/(\.\d{3})\d*Z$/, '$1Z')) - now.getTime();
    this.arm(Math.max(0, Math.min(this.pollMs, wait)));
  }

  private arm(ms: number): void {
    if (this.closed) return;
    if (this.handle !== undefined) this.timer.clear(this.handle);
    this.handle = this.timer.set(() => {
      this.handle = undefined;
      try {
        this.pump();
      } catch (error) {
        // e.g. the database closed under us during shutdown: report, keep the process alive.
        this.onError(error);
      }
    }, ms);
  }
}
