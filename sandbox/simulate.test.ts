// `--simulate R` on a real sandbox: events arrive at about R per second through the real creation
// path (and are delivered for real), and stop when the sandbox closes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type RunningSandbox } from './server';
import { request } from './testing/client';
import { startSimulator } from './simulate';

describe('--simulate R', () => {
  let sandbox: RunningSandbox;
  const eventCount = () => (sandbox.ctx.db.prepare('SELECT count(*) n FROM events').get() as { n: number }).n;

  beforeAll(async () => {
    sandbox = await startSandbox({ port: 0, seed: 'demo', demoEvents: 0 });
    const token = await sandbox.mintToken();
    const endpoint = await request(sandbox, 'POST', '/webhooks/endpoints', {
      token,
      body: { url: `${sandbox.origin}/_sandbox/receiver/ok?verify=strict`, events: ['*'] },
    });
    expect(endpoint.status).toBe(201);
  });
  afterAll(async () => {
    await sandbox?.close();
  });

  it('produces about R events per second, delivered for real, and stops when told', async () => {
    const started = performance.now();
    const simulator = startSimulator(sandbox.ctx, 20, { seed: 'simulate-test' });
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    simulator.stop();
    const elapsedSeconds = (performance.now() - started) / 1000;
    const produced = simulator.produced();
    // About 20/s over the time it really ran (a busy machine's timers fire late, so the run can
    // last longer than 2 s): never more than the rate allows, and not far fewer.
    expect(produced).toBeGreaterThanOrEqual(20);
    expect(produced).toBeLessThanOrEqual(Math.ceil(20 * elapsedSeconds) + 5);
    expect(eventCount()).toBe(produced);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(eventCount()).toBe(produced);

    // Give the dispatcher a moment, then the events are delivered and signed correctly (strict receiver).
    await expect.poll(() => (sandbox.ctx.db.prepare("SELECT count(*) n FROM events WHERE status = 'dispatched'").get() as { n: number }).n, { timeout: 10_000 }).toBeGreaterThan(0);
    const log = await request(sandbox, 'GET', `${sandbox.origin}/_sandbox/receiver/log?limit=1000`);
    expect(log.body.data.length).toBeGreaterThan(0);
    expect(log.body.data.every((entry: { signature: string; response_status: number }) => entry.signature === 'valid' && entry.response_status === 200)).toBe(true);
  });

  it('names only events the installation’s driver supports', () => {
    const foreign = sandbox.ctx.db
      .prepare(
        `SELECT count(*) n FROM events e JOIN installations i ON i.id = e.installation_id JOIN drivers d ON d.id = i.driver_id
         WHERE NOT EXISTS (SELECT 1 FROM json_each(d.supported_events) WHERE value = e.name)`,
      )
      .get() as { n: number };
    expect(foreign.n).toBe(0);
  });

  it('runs from the start options and stops with close()', async () => {
    const live = await startSandbox({ port: 0, seed: 'demo', demoEvents: 0, simulate: 50, dispatch: false });
    await new Promise((resolve) => setTimeout(resolve, 600));
    const count = () => (live.ctx.db.prepare('SELECT count(*) n FROM events').get() as { n: number }).n;
    expect(count()).toBeGreaterThan(0);
    await live.close();
    expect(live.ctx.db.open).toBe(false);
  });

  it('refuses a rate that is not positive', () => {
    expect(() => startSimulator(sandbox.ctx, 0)).toThrow(/positive rate/);
  });
});
