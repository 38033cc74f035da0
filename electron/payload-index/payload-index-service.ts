// The payload index of each profile that opted in: its key, its database, and the walk that fills
// it. The first walk reads every event of the chosen window (with its payload, from the list when
// the server includes it, else from the event's detail); then a poll every 30 s reads what arrived
// since the newest indexed event, and prunes what left the window. Every request goes through the
// profile's platform client, so the per-profile scheduler paces it like any other.
//
// At rest (`<userData>/payload-index/`): `<profileId>.sqlite` (blind index, see blind-index.ts),
// `<profileId>.key` (the index key, safeStorage ciphertext, 0600) and `<profileId>.json` (the
// opt-in: window and paused — no event data). Where safeStorage is not good enough for a token
// (safe-storage.ts decides), the index lives in memory for this session only.
import { randomBytes } from 'node:crypto';
import { readFile, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { AppError } from '../../shared/app-error';
import { eventSchema, type PlatformEvent } from '../../shared/api/index';
import type { IpcError } from '../../shared/ipc/kit';
import type { EventsFilters } from '../../shared/ipc/channels/events';
import type { PayloadIndexStatus } from '../../shared/ipc/channels/payload-index';
import { abortableSleep } from '../api/abortable-sleep';
import type { PlatformClient } from '../api/platform-client';
import { toIpcError } from '../jobs/job-errors';
import { decideStorage, type SafeStorageLike } from '../vault/safe-storage';
import { ensurePrivateDir, wipeFile, writeFileAtomic } from '../vault/secure-file';
import { INDEX_KEY_BYTES, openBlindIndex, openSqlite, type BlindIndex, type OpenDatabase } from './blind-index';

export type PayloadIndexClient = Pick<PlatformClient, 'iteratePages' | 'getEvent'>;

export interface PayloadIndexServiceDeps {
  /** `<userData>/payload-index` */
  dir: string;
  safeStorage: SafeStorageLike;
  platform: string;
  clientFor: (profileId: string) => Promise<PayloadIndexClient>;
  emit: (event: 'payloadIndex:progress', status: PayloadIndexStatus) => void;
  now?: () => number;
  /** Between incremental walks (default 30 s). */
  pollMs?: number;
  openDatabase?: OpenDatabase;
}

const DAY_MS = 86_400_000;
export const POLL_MS = 30_000;
/** An incremental walk starts this far before the newest indexed event: events stamped in the same second are not missed (known ones are skipped). */
const OVERLAP_MS = 60_000;
const PAGE_LIMIT = 100;
const PROFILE_ID = /^[A-Za-z0-9_-]{1,64}$/;
const BUILT_KEY = 'built_for_window';

const configSchema = z.object({ version: z.literal(1), windowDays: z.union([z.literal(7), z.literal(30)]), paused: z.boolean() });
type Config = z.infer<typeof configSchema>;

// The list item as the client's tolerant parser reads it: unknown fields (a `payload`) are kept.
const listItemSchema = eventSchema;
type ListItem = PlatformEvent & { payload?: unknown };

interface Runtime {
  profileId: string;
  config: Config;
  index: BlindIndex;
  storage: 'encrypted-file' | 'memory';
  memoryReason: PayloadIndexStatus['memoryReason'];
  state: 'building' | 'live' | 'paused' | 'error';
  scanned: number;
  lastSyncAt: string | null;
  error: IpcError | null;
  controller: AbortController | null;
  loop: Promise<void> | null;
}

export type PayloadIndexService = ReturnType<typeof createPayloadIndexService>;

export function createPayloadIndexService(deps: PayloadIndexServiceDeps) {
  const now = deps.now ?? (() => Date.now());
  const pollMs = deps.pollMs ?? POLL_MS;
  const runtimes = new Map<string, Runtime>();
  // One change per profile at a time (enable, forget, …), so a forget cannot race an open.
  const queues = new Map<string, Promise<unknown>>();

  const files = (profileId: string) => {
    if (!PROFILE_ID.test(profileId)) throw new AppError('invalid_input', 'Invalid profile id.');
    const base = join(deps.dir, profileId);
    return { config: `${base}.json`, key: `${base}.key`, db: `${base}.sqlite`, wal: `${base}.sqlite-wal`, shm: `${base}.sqlite-shm`, journal: `${base}.sqlite-journal` };
  };

  function serialize<T>(profileId: string, change: () => Promise<T>): Promise<T> {
    const previous = queues.get(profileId) ?? Promise.resolve();
    const next = previous.then(change, change);
    queues.set(profileId, next.catch(() => undefined));
    return next;
  }

  function status(profileId: string): PayloadIndexStatus {
    const rt = runtimes.get(profileId);
    if (!rt) {
      return { profileId, state: 'off', windowDays: null, storage: null, memoryReason: null, indexedEvents: 0, scannedEvents: 0, newestEventAt: null, lastSyncAt: null, error: null };
    }
    const bounds = rt.index.bounds();
    return {
      profileId,
      state: rt.state,
      windowDays: rt.config.windowDays,
      storage: rt.storage,
      memoryReason: rt.memoryReason,
      indexedEvents: rt.index.count(),
      scannedEvents: rt.scanned,
      newestEventAt: bounds ? new Date(bounds.newestMs).toISOString() : null,
      lastSyncAt: rt.lastSyncAt,
      error: rt.error,
    };
  }

  const report = (rt: Runtime) => deps.emit('payloadIndex:progress', status(rt.profileId));

  /** The index key: from the keychain-encrypted file, or a new one (an index whose key is gone is unreadable, so it is dropped). */
  async function loadOrCreateKey(profileId: string): Promise<Buffer> {
    const paths = files(profileId);
    const sealed = await readFile(paths.key).catch(() => null);
    if (sealed) {
      try {
        const { result } = await deps.safeStorage.decryptStringAsync(sealed);
        const key = Buffer.from(result, 'base64');
        if (key.length === INDEX_KEY_BYTES) return key;
      } catch {
        // fall through: a key the keychain cannot open is as good as none
      }
    }
    await wipeIndexFiles(profileId, { keepConfig: true });
    const key = randomBytes(INDEX_KEY_BYTES);
    await writeFileAtomic(paths.key, await deps.safeStorage.encryptStringAsync(key.toString('base64')));
    return key;
  }

  async function openRuntime(profileId: string, config: Config): Promise<Runtime> {
    const decision = await decideStorage(deps.safeStorage, deps.platform);
    const open = deps.openDatabase ?? openSqlite;
    let index: BlindIndex;
    try {
      if (decision.storage === 'keychain') {
        await ensurePrivateDir(deps.dir);
        index = openBlindIndex({ location: files(profileId).db, key: await loadOrCreateKey(profileId), open });
      } else {
        index = openBlindIndex({ location: ':memory:', key: randomBytes(INDEX_KEY_BYTES), open });
      }
    } catch (error) {
      if (error instanceof AppError) throw error;
      throw new AppError('unsupported', 'The payload index could not be opened on this system.');
    }
    const memoryReason = decision.storage === 'keychain' ? null : decision.reason === 'basic_text' ? 'basic_text' : 'encryption_unavailable';
    return {
      profileId,
      config,
      index,
      storage: decision.storage === 'keychain' ? 'encrypted-file' : 'memory',
      memoryReason,
      state: config.paused ? 'paused' : 'building',
      scanned: 0,
      lastSyncAt: null,
      error: null,
      controller: null,
      loop: null,
    };
  }

  async function saveConfig(profileId: string, config: Config): Promise<void> {
    await ensurePrivateDir(deps.dir);
    await writeFileAtomic(files(profileId).config, JSON.stringify(config));
  }

  async function wipeIndexFiles(profileId: string, options: { keepConfig?: boolean } = {}): Promise<void> {
    const paths = files(profileId);
    for (const path of [paths.db, paths.wal, paths.shm, paths.journal, paths.key]) await wipeFile(path);
    if (!options.keepConfig) await rm(paths.config, { force: true });
  }

  async function stopLoop(rt: Runtime): Promise<void> {
    rt.controller?.abort();
    await rt.loop?.catch(() => undefined);
    rt.controller = null;
    rt.loop = null;
  }

  function startLoop(rt: Runtime): void {
    const controller = new AbortController();
    rt.controller = controller;
    rt.loop = runLoop(rt, controller.signal);
  }

  async function runLoop(rt: Runtime, signal: AbortSignal): Promise<void> {
    while (!signal.aborted) {
      try {
        await walk(rt, signal);
        rt.index.pruneBefore(now() - rt.config.windowDays * DAY_MS);
        rt.lastSyncAt = new Date(now()).toISOString();
        rt.error = null;
        rt.state = 'live';
      } catch (error) {
        if (signal.aborted) return;
        rt.error = toIpcError(error);
        rt.state = 'error';
      }
      report(rt);
      try {
        await abortableSleep(pollMs, signal);
      } catch {
        return;
      }
    }
  }

  /** One pass: the whole window until it was walked once for this window, then only what is new. */
  async function walk(rt: Runtime, signal: AbortSignal): Promise<void> {
    const windowStart = now() - rt.config.windowDays * DAY_MS;
    const built = rt.index.getState(BUILT_KEY) === String(rt.config.windowDays);
    const bounds = rt.index.bounds();
    const since = built && bounds ? Math.max(windowStart, bounds.newestMs - OVERLAP_MS) : windowStart;
    if (!built) rt.state = 'building';
    rt.scanned = 0;
    report(rt);
    const client = await deps.clientFor(rt.profileId);
    // No `sort`: the index does not depend on the order (known events are skipped), and a server
    // that allows no sort (docs/api-contract.md §9) still answers.
    const pages = client.iteratePages('/processing/events', listItemSchema, { filters: { created_at_greater_than: new Date(since).toISOString() }, limit: PAGE_LIMIT }, { signal });
    for await (const page of pages) {
      const batch: Parameters<BlindIndex['addMany']>[0] = [];
      for (const item of page.items as ListItem[]) {
        if (signal.aborted) return;
        rt.scanned += 1;
        const createdMs = Date.parse(item.created_at);
        if (!Number.isFinite(createdMs) || createdMs < windowStart || rt.index.has(item.id)) continue;
        const payload = Object.hasOwn(item, 'payload') ? item.payload : (await client.getEvent(item.id, { signal })).payload;
        const meta = {
          id: item.id,
          name: item.name,
          status: item.status,
          created_at: item.created_at,
          installation_id: item.installation_id ?? null,
          integration_driver_slug: item.integration_driver_slug ?? null,
        };
        batch.push({ meta, payload });
      }
      // One transaction per page: what a page brought is indexed together or, if stopped, not at all.
      if (signal.aborted) return;
      rt.index.addMany(batch);
      report(rt);
    }
    if (!built) rt.index.setState(BUILT_KEY, String(rt.config.windowDays));
  }

  async function enable(profileId: string, windowDays: 7 | 30): Promise<PayloadIndexStatus> {
    return serialize(profileId, async () => {
      const config: Config = { version: 1, windowDays, paused: false };
      let rt = runtimes.get(profileId);
      if (rt) {
        await stopLoop(rt);
        rt.config = config;
      } else {
        rt = await openRuntime(profileId, config);
        runtimes.set(profileId, rt);
      }
      await saveConfig(profileId, config);
      rt.state = 'building';
      startLoop(rt);
      return status(profileId);
    });
  }

  /** Stops, closes and deletes everything the profile's index kept (files, key, opt-in). */
  async function forget(profileId: string): Promise<PayloadIndexStatus> {
    return serialize(profileId, async () => {
      const rt = runtimes.get(profileId);
      if (rt) {
        await stopLoop(rt);
        rt.index.close();
        runtimes.delete(profileId);
      }
      await wipeIndexFiles(profileId);
      const off = status(profileId);
      deps.emit('payloadIndex:progress', off);
      return off;
    });
  }

  async function setPaused(profileId: string, paused: boolean): Promise<PayloadIndexStatus> {
    return serialize(profileId, async () => {
      const rt = runtimes.get(profileId);
      if (!rt) throw new AppError('not_found', 'Search inside payloads is not turned on for this profile.');
      rt.config = { ...rt.config, paused };
      await saveConfig(profileId, rt.config);
      await stopLoop(rt);
      if (paused) {
        rt.state = 'paused';
        report(rt);
      } else {
        rt.state = 'building';
        startLoop(rt);
      }
      return status(profileId);
    });
  }

  return {
    status: (profileId: string) => {
      files(profileId);
      return status(profileId);
    },
    enable,
    disable: forget,
    forget,
    pause: (profileId: string) => setPaused(profileId, true),
    resume: (profileId: string) => setPaused(profileId, false),

    search(profileId: string, query: string, filters: EventsFilters = {}, limit = 50) {
      const rt = runtimes.get(profileId);
      if (!rt) throw new AppError('not_found', 'Search inside payloads is not turned on for this profile. Turn it on in Settings.');
      const result = rt.index.search(query, filters, limit);
      return {
        profileId,
        state: rt.state,
        hits: result.hits.map((hit) => ({ id: hit.id, created_at: hit.created_at, name: hit.name, status: hit.status, paths: hit.paths })),
        more: result.more,
      };
    },

    /** Opens every index that was turned on and resumes its walk (after a restart). */
    async resumeAll(): Promise<void> {
      const names = await readdir(deps.dir).catch(() => [] as string[]);
      for (const name of names) {
        if (!name.endsWith('.json')) continue;
        const profileId = name.slice(0, -'.json'.length);
        if (!PROFILE_ID.test(profileId) || runtimes.has(profileId)) continue;
        await serialize(profileId, async () => {
          const raw = await readFile(files(profileId).config, 'utf8').catch(() => null);
          const parsed = raw === null ? null : configSchema.safeParse(safeJson(raw));
          if (!parsed?.success) return;
          const rt = await openRuntime(profileId, parsed.data);
          runtimes.set(profileId, rt);
          if (!parsed.data.paused) startLoop(rt);
        }).catch(() => undefined);
      }
    },

    /** Session end: stops every walk and closes every database (in-memory indexes are gone). */
    async close(): Promise<void> {
      for (const rt of runtimes.values()) {
        await stopLoop(rt);
        rt.index.close();
      }
      runtimes.clear();
    },
  };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
