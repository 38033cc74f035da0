// One scheduler per profile: caps how many requests are in flight and slows down as the server's
// `X-RateLimit-Remaining` falls, so a burst of screens (or an export) does not spend the whole
// budget and earn a wall of 429s. A 429 pauses every queued request until `Retry-After` passes.
import { cancelledError } from './wire-errors';

export interface SchedulerOptions {
  maxConcurrency?: number;
  now?: () => number;
}

interface Waiter {
  resolve: () => void;
  reject: (error: unknown) => void;
  signal: AbortSignal | undefined;
  onAbort: () => void;
}

export class RequestScheduler {
  private readonly maxConcurrency: number;
  private readonly now: () => number;
  private active = 0;
  private readonly queue: Waiter[] = [];
  private limit: number | null = null;
  private remaining: number | null = null;
  private pausedUntil = 0;
  private lastStart = 0;
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(options: SchedulerOptions = {}) {
    this.maxConcurrency = Math.max(1, options.maxConcurrency ?? 6);
    this.now = options.now ?? Date.now;
  }

  /**
   * Runs `task` when a slot is free; rejects with `cancelled` if the signal aborts while queued.
   * `first: true` (a retry, which already waited its turn once) goes to the head of the queue, so
   * a long queue cannot eat a request's retry budget.
   */
  async run<T>(task: () => Promise<T>, signal?: AbortSignal, options: { first?: boolean } = {}): Promise<T> {
    await this.acquire(signal, options.first === true);
    try {
      return await task();
    } finally {
      this.active--;
      this.pump();
    }
  }

  /** Reads the rate-limit headers of an answer. */
  observe(headers: Headers): void {
    const limit = Number(headers.get('x-ratelimit-limit'));
    const remaining = Number(headers.get('x-ratelimit-remaining'));
    if (headers.has('x-ratelimit-limit') && Number.isFinite(limit) && limit > 0) this.limit = limit;
    if (headers.has('x-ratelimit-remaining') && Number.isFinite(remaining) && remaining >= 0) this.remaining = remaining;
    this.pump();
  }

  /** After a 429: nobody starts before `seconds` have passed. */
  pauseFor(seconds: number): void {
    this.pausedUntil = Math.max(this.pausedUntil, this.now() + seconds * 1000);
    this.remaining = null; // the new window's budget is unknown until the next answer
  }

  /** Concurrency and spacing for the current budget (exposed for tests and the status bar). */
  pace(): { concurrency: number; minGapMs: number } {
    if (this.limit === null || this.remaining === null) return { concurrency: this.maxConcurrency, minGapMs: 0 };
    const ratio = this.remaining / this.limit;
    if (ratio >= 0.5) return { concurrency: this.maxConcurrency, minGapMs: 0 };
    if (ratio >= 0.2) return { concurrency: Math.max(1, Math.ceil(this.maxConcurrency / 2)), minGapMs: 0 };
    if (this.remaining > 0) return { concurrency: 1, minGapMs: 100 };
    return { concurrency: 1, minGapMs: 1000 };
  }

  get inFlight(): number {
    return this.active;
  }

  get queued(): number {
    return this.queue.length;
  }

  private acquire(signal: AbortSignal | undefined, first: boolean): Promise<void> {
    if (signal?.aborted) return Promise.reject(cancelledError());
    return new Promise<void>((resolve, reject) => {
      const waiter: Waiter = {
        resolve,
        reject,
        signal,
        onAbort: () => {
          const index = this.queue.indexOf(waiter);
          if (index >= 0) this.queue.splice(index, 1);
          reject(cancelledError());
        },
      };
      signal?.addEventListener('abort', waiter.onAbort, { once: true });
      if (first) this.queue.unshift(waiter);
      else this.queue.push(waiter);
      this.pump();
    });
  }

  private pump(): void {
    while (this.queue.length > 0) {
      const { concurrency, minGapMs } = this.pace();
      if (this.active >= concurrency) return;
      const now = this.now();
      const startAt = Math.max(this.pausedUntil, this.lastStart + minGapMs);
      if (now < startAt) {
        this.wakeAt(startAt - now);
        return;
      }
      const waiter = this.queue.shift()!;
      waiter.signal?.removeEventListener('abort', waiter.onAbort);
      this.active++;
      this.lastStart = now;
      // Spend one unit of the known budget locally, so a burst paces itself before answers arrive.
      if (this.remaining !== null && this.remaining > 0) this.remaining--;
      waiter.resolve();
    }
  }

  private wakeAt(delayMs: number): void {
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.pump();
    }, delayMs);
  }
}
