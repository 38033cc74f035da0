// `npm run bench:index`: the payload index (docs/payload-index.md), two parts.
// 1. Index-bound: BENCH_INDEX_EVENTS (default 100,000) events with the sandbox's own payload
//    generator, added straight into a file-backed blind index: rows/s, size on disk per 1,000
//    events, main-process memory while indexing, then query p50/p95 (exact e-mails, order numbers,
//    CPFs without punctuation, two-word names, a common word).
// 2. API-bound: a sandbox with BENCH_API_EVENTS (default 3,000) demo events and the real main
//    services walking them through the platform client and its scheduler (list + one detail per
//    event, as the contract dialect's list carries no payload): rows/s end to end.
// Figures go to stdout and to docs/benchmarks.md between the payload-index markers.
import { randomBytes } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openBlindIndex } from '../../electron/payload-index/blind-index';
import { createMainServices, SANDBOX_PROFILE_ID } from '../../electron/services';
import { startSandbox } from '../../sandbox/server';
import { buildPayload, randomPurchase } from '../../sandbox/seed/event-payloads';
import { createPrng } from '../../sandbox/seed/prng';
import { createFakeSafeStorage } from '../support/fake-safe-storage';
import { percentile, round } from './stats';

const INDEX_EVENTS = Number(process.env.BENCH_INDEX_EVENTS ?? 100_000);
const API_EVENTS = Number(process.env.BENCH_API_EVENTS ?? 3_000);
const QUERIES = 400;
const root = fileURLToPath(new URL('../../', import.meta.url));
const docPath = join(root, 'docs/benchmarks.md');
const START = '<!-- payload-index-bench:start -->';
const END = '<!-- payload-index-bench:end -->';
const NAMES = ['order.paid', 'order.created', 'order.refunded', 'customer.created', 'subscription.renewed', 'checkout.abandoned', 'product.updated'];

const log = (message: string) => process.stdout.write(`${message}\n`);
const mb = (bytes: number) => round(bytes / 1024 / 1024, 1);

async function dirSize(dir: string): Promise<number> {
  let total = 0;
  for (const name of await readdir(dir)) total += (await stat(join(dir, name))).size;
  return total;
}

async function indexBound() {
  const dir = await mkdtemp(join(os.tmpdir(), 'ii-index-bench-'));
  const prng = createPrng('payload-index-bench');
  const index = openBlindIndex({ location: join(dir, 'bench.sqlite'), key: randomBytes(32) });
  const samples: Array<{ email: string; orderNumber: string; cpf: string; name: string }> = [];
  const start = Date.now() - INDEX_EVENTS * 20_000;
  const batch: Parameters<typeof index.addMany>[0] = [];
  let peakRss = 0;
  let peakHeap = 0;
  const began = performance.now();
  for (let i = 0; i < INDEX_EVENTS; i++) {
    const name = NAMES[i % NAMES.length]!;
    const purchase = randomPurchase(prng, `ord_${prng.hex(10)}`);
    const createdAt = new Date(start + i * 20_000).toISOString();
    const payload = buildPayload(prng, { driverSlug: 'shopify', name, occurredAt: createdAt, purchase });
    // Pages of 100 in one transaction each, as the service adds them.
    batch.push({ meta: { id: `evt_${i.toString(36)}_${prng.hex(6)}`, name, status: 'dispatched', created_at: createdAt, installation_id: 'ins_bench', integration_driver_slug: 'shopify' }, payload });
    if (batch.length === 100 || i === INDEX_EVENTS - 1) index.addMany(batch.splice(0));
    if (name.startsWith('order.') && samples.length < QUERIES && prng.chance(0.05)) {
      const order = payload as { order_number: string; customer: { email: string; name: string; document: { number: string } } };
      samples.push({ email: order.customer.email, orderNumber: order.order_number, cpf: order.customer.document.number.replace(/\D/g, ''), name: order.customer.name });
    }
    if (i % 1000 === 0) {
      const usage = process.memoryUsage();
      peakRss = Math.max(peakRss, usage.rss);
      peakHeap = Math.max(peakHeap, usage.heapUsed);
    }
  }
  const seconds = (performance.now() - began) / 1000;
  const timings: number[] = [];
  const queries = samples.flatMap((s) => [s.email, s.orderNumber, s.cpf, s.name, 'pix']).slice(0, QUERIES);
  for (const query of queries) {
    const t0 = performance.now();
    index.search(query, {}, 50);
    timings.push(performance.now() - t0);
  }
  index.close();
  const bytes = await dirSize(dir);
  await rm(dir, { recursive: true, force: true });
  return {
    events: INDEX_EVENTS,
    rowsPerSecond: Math.round(INDEX_EVENTS / seconds),
    seconds: round(seconds, 1),
    queryP50: round(percentile(timings, 50), 2),
    queryP95: round(percentile(timings, 95), 2),
    queries: timings.length,
    bytesPer1000: Math.round((bytes / INDEX_EVENTS) * 1000),
    totalMb: mb(bytes),
    peakRssMb: mb(peakRss),
    peakHeapMb: mb(peakHeap),
  };
}

async function apiBound() {
  const sandbox = await startSandbox({ port: 0, seed: 'demo', demoEvents: API_EVENTS });
  const userDataDir = await mkdtemp(join(os.tmpdir(), 'ii-index-bench-app-'));
  const services = await createMainServices({
    userDataDir,
    safeStorage: createFakeSafeStorage(),
    platform: 'linux',
    clipboard: { readText: () => '', clear: () => undefined },
    dialog: { showOpenDialog: async () => ({ canceled: true, filePaths: [] }), showSaveDialog: async () => ({ canceled: true }) },
    shell: { openExternal: async () => undefined },
    env: { II_SANDBOX_BASE_URL: sandbox.baseUrl, II_API_TOKEN: await sandbox.mintToken() },
    appInfo: { version: 'bench', platform: 'linux', locale: 'en', isPackaged: false },
    appOrigin: 'app://console',
  });
  const sender = { id: 1, frameUrl: 'app://console/index.html', isTopFrame: true };
  const call = async (channel: string, input: unknown) => {
    const result = await services.dispatcher.dispatch(channel, { requestId: `b${Math.random()}`, input }, sender);
    if (!result.ok) throw new Error(`${channel}: ${result.error.message}`);
    return result.data as { state: string; indexedEvents: number };
  };
  const began = performance.now();
  await call('payloadIndex:enable', { profileId: SANDBOX_PROFILE_ID, windowDays: 30 });
  let status = await call('payloadIndex:status', { profileId: SANDBOX_PROFILE_ID });
  while (status.state !== 'live') {
    if (status.state === 'error') throw new Error('the index walk failed');
    await new Promise((resolve) => setTimeout(resolve, 200));
    status = await call('payloadIndex:status', { profileId: SANDBOX_PROFILE_ID });
  }
  const seconds = (performance.now() - began) / 1000;
  await services.close();
  await sandbox.close();
  await rm(userDataDir, { recursive: true, force: true });
  return { events: status.indexedEvents, seconds: round(seconds, 1), rowsPerSecond: Math.round(status.indexedEvents / seconds) };
}

async function main() {
  const load = os.loadavg().map((value) => round(value, 2));
  log(`load average before: ${load.join(' ')}`);
  const index = await indexBound();
  log(`index-bound: ${JSON.stringify(index)}`);
  const api = await apiBound();
  log(`api-bound: ${JSON.stringify(api)}`);
  const loadAfter = os.loadavg().map((value) => round(value, 2));
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  const section = [
    START,
    `Measured ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC on ${os.cpus().length} × ${cpu}, ${mb(os.totalmem()) / 1024 > 1 ? `${round(os.totalmem() / 1024 ** 3, 1)} GB` : ''} RAM, Node ${process.version}; load average ${load.join(' / ')} before, ${loadAfter.join(' / ')} after (the machine was shared with other test runs: figures are pessimistic).`,
    '',
    '| Figure | Value |',
    '|---|---|',
    `| Indexing, index-bound (${index.events.toLocaleString('en')} events from the sandbox's payload generator, straight into the file) | ${index.rowsPerSecond.toLocaleString('en')} events/s (${index.seconds} s) |`,
    `| Indexing, API-bound (${api.events.toLocaleString('en')} sandbox events: list + one detail per event, through the scheduler) | ${api.rowsPerSecond.toLocaleString('en')} events/s (${api.seconds} s) |`,
    `| Search at ${index.events.toLocaleString('en')} events (${index.queries} queries: e-mails, order numbers, CPFs, names, a common word) | p50 ${index.queryP50} ms, p95 ${index.queryP95} ms |`,
    `| Size on disk | ${index.bytesPer1000.toLocaleString('en')} bytes per 1,000 events (${index.totalMb} MB in all) |`,
    `| Main-process memory while indexing | peak RSS ${index.peakRssMb} MB, peak heap ${index.peakHeapMb} MB |`,
    END,
  ].join('\n');
  const doc = await readFile(docPath, 'utf8');
  const next = doc.includes(START) ? doc.replace(new RegExp(`${START}[\\s\\S]*?${END}`), section) : doc;
  if (next !== doc) await writeFile(docPath, next);
  log(section);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
