// The per-profile scheduler against real X-RateLimit-* headers from a sandbox with a small budget,
// and its concurrency cap.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RequestScheduler } from './scheduler';
import { startClientHarness, type ClientHarness } from './test-support';

let h: ClientHarness;

beforeAll(async () => {
  h = await startClientHarness({ rateLimit: { limit: 30, windowSeconds: 600 }, demoEvents: 0 });
});
afterAll(() => h.close());

describe('RequestScheduler', () => {
  it('slows down as X-RateLimit-Remaining falls', async () => {
    const client = h.makeClient({ maxConcurrency: 6 });
    const scheduler = client.http.scheduler;
    expect(scheduler.pace()).toEqual({ concurrency: 6, minGapMs: 0 });
    for (let i = 0; i < 12; i++) await client.listDrivers({ limit: 1 }); // 18 of 30 left
    expect(scheduler.pace().concurrency).toBe(6);
    for (let i = 0; i < 6; i++) await client.listDrivers({ limit: 1 }); // 12 left: under 50 %
    expect(scheduler.pace().concurrency).toBe(3);
    for (let i = 0; i < 7; i++) await client.listDrivers({ limit: 1 }); // 5 left: under 20 %
    expect(scheduler.pace()).toEqual({ concurrency: 1, minGapMs: 100 });
    // Spaced out now: three more requests take at least two gaps.
    const started = Date.now();
    await Promise.all([client.listDrivers({ limit: 1 }), client.listDrivers({ limit: 1 }), client.listDrivers({ limit: 1 })]);
    expect(Date.now() - started).toBeGreaterThanOrEqual(190);
  });

  it('never runs more than maxConcurrency tasks at once, and runs them all', async () => {
    const scheduler = new RequestScheduler({ maxConcurrency: 3 });
    let running = 0;
    let peak = 0;
    const task = async () => {
      running++;
      peak = Math.max(peak, running);
      await new Promise((resolve) => setTimeout(resolve, 10));
      running--;
      return 1;
    };
    const results = await Promise.all(Array.from({ length: 20 }, () => scheduler.run(task)));
    expect(results).toHaveLength(20);
    expect(peak).toBe(3);
  });

  it('a 429 pause holds every queued task until it passes', async () => {
    const scheduler = new RequestScheduler({ maxConcurrency: 4 });
    scheduler.pauseFor(0.3);
    const started = Date.now();
    await scheduler.run(async () => undefined);
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
  });
});
