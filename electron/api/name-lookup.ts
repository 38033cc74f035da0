// Installation and driver names for the ids other answers carry (an event names its installation by
// id and its driver by slug), so the console can show "Loja do Pedro" instead of a UUID. One lookup
// per profile (kept with its scheduler in electron/api/handlers.ts): filled by every drivers and
// installations answer main already reads, and read in full from the API when it is older than its
// TTL or the renderer asks for a refresh. Only ids, names and slugs are kept: nothing a credential
// could hide in.
import type { z } from 'zod';
import { AppError, isAppError } from '../../shared/app-error';
import { driverSchema, installationSchema, type Driver, type Installation } from '../../shared/api/index';
import type { Names } from '../../shared/ipc/channels/names';
import type { PlatformClient } from './platform-client';

/** How long a full read stays fresh: names change rarely, and a refresh is one click away. */
export const NAMES_TTL_MS = 5 * 60_000;
/** At most this many of each kind are kept (and read): beyond it, ids show as ids. */
export const NAMES_MAX_ITEMS = 10_000;
const PAGE_LIMIT = 100;
const MAX_TEXT = 500;

interface InstallationName {
  name: string;
  driverSlug: string | null;
}
interface DriverName {
  id: string;
  name: string;
}

function bounded(text: string): string {
  return text.length > MAX_TEXT ? text.slice(0, MAX_TEXT) : text;
}

export class NameLookup {
  private readonly installations = new Map<string, InstallationName>();
  private readonly drivers = new Map<string, DriverName>();
  private fetchedAt: number | null = null;
  private truncated = false;
  private refreshing: Promise<void> | null = null;

  constructor(private readonly now: () => number = () => Date.now()) {}

  /** Records what an answer said about installations (list, get, create, update…). */
  observeInstallations(items: readonly Installation[]): void {
    for (const item of items) {
      if (typeof item.name !== 'string' || item.name === '') continue;
      if (!this.installations.has(item.id) && this.installations.size >= NAMES_MAX_ITEMS) {
        this.truncated = true;
        continue;
      }
      this.installations.set(item.id, { name: bounded(item.name), driverSlug: typeof item.integration_driver_slug === 'string' ? bounded(item.integration_driver_slug) : null });
    }
  }

  /** Records what an answer said about drivers, keyed by slug (what events carry). */
  observeDrivers(items: readonly Driver[]): void {
    for (const item of items) {
      if (!item.slug || !item.name) continue;
      if (!this.drivers.has(item.slug) && this.drivers.size >= NAMES_MAX_ITEMS) {
        this.truncated = true;
        continue;
      }
      this.drivers.set(item.slug, { id: item.id, name: bounded(item.name) });
    }
  }

  /** Forgets everything (the profile was switched away from, or its server changed). */
  clear(): void {
    this.installations.clear();
    this.drivers.clear();
    this.fetchedAt = null;
    this.truncated = false;
  }

  isFresh(): boolean {
    return this.fetchedAt !== null && this.now() - this.fetchedAt < NAMES_TTL_MS;
  }

  /**
   * The lookup, read in full first when stale or when `refresh` is asked. Concurrent callers share
   * one read. A server without an installations (or drivers) list leaves that half empty.
   */
  async get(client: PlatformClient, options: { refresh?: boolean; signal?: AbortSignal } = {}): Promise<Omit<Names, 'profileId'>> {
    if (options.refresh || !this.isFresh()) {
      this.refreshing ??= this.readAll(client).finally(() => {
        this.refreshing = null;
      });
      await abortable(this.refreshing, options.signal);
    }
    return this.snapshot();
  }

  snapshot(): Omit<Names, 'profileId'> {
    return {
      installations: [...this.installations].map(([id, v]) => ({ id, name: v.name, driverSlug: v.driverSlug })),
      drivers: [...this.drivers].map(([slug, v]) => ({ slug, id: v.id, name: v.name })),
      fetchedAt: this.fetchedAt === null ? null : new Date(this.fetchedAt).toISOString(),
      truncated: this.truncated,
    };
  }

  private async readAll(client: PlatformClient): Promise<void> {
    // Not tied to one caller's signal: the read is shared, and bounded by NAMES_MAX_ITEMS.
    const drivers = await readList(client, '/drivers', driverSchema);
    const installations = await readList(client, '/installations', installationSchema);
    // Replaced, not merged: a renamed or deleted installation must not keep its old name.
    this.clear();
    this.observeDrivers(drivers.items);
    this.observeInstallations(installations.items);
    this.truncated ||= drivers.truncated || installations.truncated;
    this.fetchedAt = this.now();
  }
}

async function readList<T extends typeof driverSchema | typeof installationSchema>(
  client: PlatformClient,
  path: '/drivers' | '/installations',
  schema: T,
): Promise<{ items: Array<z.output<T>>; truncated: boolean }> {
  const items: Array<z.output<T>> = [];
  try {
    for await (const item of client.iterateItems(path, schema, { limit: PAGE_LIMIT })) {
      if (items.length >= NAMES_MAX_ITEMS) return { items, truncated: true };
      items.push(item as z.output<T>);
    }
  } catch (error) {
    // A server without this list (docs/api-contract.md §8): its ids stay ids.
    if (isAppError(error) && (error.code === 'unsupported' || error.status === 404 || error.status === 405)) return { items: [], truncated: false };
    throw error;
  }
  return { items, truncated: false };
}

function abortable<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return promise;
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(new AppError('cancelled', 'The request was cancelled.'));
    if (signal.aborted) return onAbort();
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}
