// The load generator for `npm run bench:sandbox`, run as a separate process so the client's own CPU
// work does not share an event loop with the server it measures. Keeps `concurrency` keep-alive
// connections busy with GET requests for `durationMs`, then prints one JSON line with the results.
// Input: argv[2] = JSON {url, concurrency, durationMs}; the bearer token comes in BENCH_TOKEN (env,
// never argv, so it does not show up in process listings).

import { Agent, request } from 'node:http';
import { z } from 'zod';

const input = z
  .object({ url: z.url(), concurrency: z.number().int().min(1).max(256), durationMs: z.number().int().min(100) })
  .parse(JSON.parse(process.argv[2] ?? '{}'));
const token = process.env.BENCH_TOKEN;
if (!token) throw new Error('BENCH_TOKEN is not set');

export interface LoadResult {
  requests: number;
  errors: number;
  non200: number;
  seconds: number;
  requestsPerSecond: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  bytesPerResponse: number;
  /** This process's CPU seconds (user + system) while it ran the load: how busy the client kept its core. */
  cpuSeconds: number;
  /** Every request's latency (ms, rounded to µs), so runs split into rounds can be merged. */
  latenciesMs: number[];
}

const agent = new Agent({ keepAlive: true, maxSockets: input.concurrency });
const target = new URL(input.url);
const latencies: number[] = [];
let errors = 0;
let non200 = 0;
let bytes = 0;

function once(): Promise<void> {
  return new Promise((resolve) => {
    const started = performance.now();
    const req = request(
      { agent, host: target.hostname, port: target.port, path: `${target.pathname}${target.search}`, headers: { authorization: `Bearer ${token}`, accept: 'application/json' } },
      (res) => {
        let size = 0;
        res.on('data', (chunk: Buffer) => (size += chunk.length));
        res.on('end', () => {
          latencies.push(performance.now() - started);
          bytes += size;
          if (res.statusCode !== 200) non200++;
          resolve();
        });
        res.on('error', () => {
          errors++;
          resolve();
        });
      },
    );
    req.on('error', () => {
      errors++;
      resolve();
    });
    req.end();
  });
}

const cpuBefore = process.cpuUsage();
const started = performance.now();
const deadline = started + input.durationMs;
async function worker(): Promise<void> {
  while (performance.now() < deadline) await once();
}
await Promise.all(Array.from({ length: input.concurrency }, worker));
const seconds = (performance.now() - started) / 1000;
const cpu = process.cpuUsage(cpuBefore);
agent.destroy();

latencies.sort((a, b) => a - b);
const percentile = (p: number): number => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))] ?? NaN;
const result: LoadResult = {
  requests: latencies.length,
  errors,
  non200,
  seconds,
  requestsPerSecond: latencies.length / seconds,
  p50Ms: percentile(50),
  p95Ms: percentile(95),
  p99Ms: percentile(99),
  bytesPerResponse: latencies.length === 0 ? 0 : Math.round(bytes / latencies.length),
  cpuSeconds: (cpu.user + cpu.system) / 1e6,
  latenciesMs: latencies.map((ms) => Math.round(ms * 1000) / 1000),
};
process.stdout.write(`${JSON.stringify(result)}\n`);
