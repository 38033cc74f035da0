// The name lookup (names:get) against a real sandbox: filled from the drivers and installations
// lists, fresh for its TTL, refreshed on demand, fed by the answers main reads anyway, and
// forgotten when the active profile changes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { namesSchema } from '../../shared/ipc/channels/names';
import type { HandlerContext } from '../ipc/handler-types';
import { createApiService, type ApiService } from './handlers';
import type { ApiLogEntry } from './http';
import { NAMES_TTL_MS } from './name-lookup';
import { fastTuning, startClientHarness, type ClientHarness } from './test-support';

let h: ClientHarness;
let active = 'p1';
let clock = Date.parse('2026-12-05T12:00:00Z');
const logs: ApiLogEntry[] = [];
let api: ApiService;
const ctx = (): HandlerContext => ({ signal: new AbortController().signal, sender: { id: 1, frameUrl: 'app://console/index.html', isTopFrame: true } });

beforeAll(async () => {
  h = await startClientHarness();
  h.vault.set('p2', h.token);
  const profile = (id: string) => ({ id, baseUrl: h.sandbox.baseUrl });
  api = createApiService({
    profiles: { getActive: () => profile(active), get: (id) => profile(id) },
    vault: Object.assign(h.vault, { boundOrigin: async () => null }),
    now: () => clock,
    log: (entry) => logs.push(entry),
    tuning: fastTuning,
  });
});
afterAll(async () => {
  await h.close();
});

const names = (input: { refresh?: boolean } = {}) => api.handlers['names:get']!(input, ctx());
/** The full list reads since `from` (a page of a list walk is one GET of the collection). */
const listReads = (from: number) => logs.slice(from).filter((e) => e.method === 'GET' && /\/(drivers|installations)(\?|$)/.test(e.path)).length;

describe('names:get', () => {
  it('reads every driver and installation once, and answers within the allow-listed shape', async () => {
    const answer = await names();
    expect(namesSchema.safeParse(answer).success).toBe(true);
    expect(answer.profileId).toBe('p1');
    const expectedInstallations: Array<{ id: string; name?: string | undefined; integration_driver_slug?: string | undefined }> = [];
    for await (const item of h.client.iterateItems('/installations', (await import('../../shared/api/index')).installationSchema, { limit: 100 })) expectedInstallations.push(item);
    expect(answer.installations).toHaveLength(expectedInstallations.length);
    for (const item of expectedInstallations) {
      expect(answer.installations).toContainEqual({ id: item.id, name: item.name, driverSlug: item.integration_driver_slug ?? null });
    }
    const drivers = await h.client.listDrivers({ limit: 100 });
    for (const driver of drivers.items) expect(answer.drivers).toContainEqual({ slug: driver.slug, id: driver.id, name: driver.name });
    expect(answer.fetchedAt).toBe(new Date(clock).toISOString());
    // Every installation an event names resolves (the sandbox's events belong to its installations).
    const events = await h.client.listEvents({ limit: 50 });
    const known = new Set(answer.installations.map((i) => i.id));
    const knownSlugs = new Set(answer.drivers.map((d) => d.slug));
    for (const event of events.items) {
      if (event.installation_id) expect(known.has(event.installation_id)).toBe(true);
      if (event.integration_driver_slug) expect(knownSlugs.has(event.integration_driver_slug)).toBe(true);
    }
  });

  it('stays fresh for its TTL, then reads again; refresh reads at once', async () => {
    await names();
    let mark = logs.length;
    await names();
    expect(listReads(mark)).toBe(0);
    clock += NAMES_TTL_MS + 1;
    mark = logs.length;
    await names();
    expect(listReads(mark)).toBeGreaterThanOrEqual(2);
    mark = logs.length;
    await names({ refresh: true });
    expect(listReads(mark)).toBeGreaterThanOrEqual(2);
  });

  it('shares one read between concurrent callers', async () => {
    const mark = logs.length;
    await Promise.all([names({ refresh: true }), names({ refresh: true }), names({ refresh: true })]);
    const driverWalks = logs.slice(mark).filter((e) => e.method === 'GET' && /\/drivers(\?|$)/.test(e.path) && !/page=[2-9]/.test(e.path)).length;
    expect(driverWalks).toBe(1);
  });

  it('learns a rename from the answer main reads anyway, without a full read', async () => {
    const before = await names();
    const target = before.installations[0]!;
    const actionId = `rename-${clock}`;
    await api.handlers['installations:update']!({ id: target.id, actionId, body: { name: 'Loja Renomeada' } }, ctx());
    const mark = logs.length;
    const after = await names();
    expect(listReads(mark)).toBe(0);
    expect(after.installations.find((i) => i.id === target.id)?.name).toBe('Loja Renomeada');
  });

  it('forgets the names when the active profile changes', async () => {
    await names();
    active = 'p2';
    let mark = logs.length;
    const other = await names();
    expect(other.profileId).toBe('p2');
    expect(listReads(mark)).toBeGreaterThanOrEqual(2);
    // Back to p1: its lookup was cleared on the switch, so it is read again although within its TTL.
    active = 'p1';
    mark = logs.length;
    await names();
    expect(listReads(mark)).toBeGreaterThanOrEqual(2);
  });

  it('refuses input it does not know', async () => {
    const { namesChannels } = await import('../../shared/ipc/channels/names');
    expect(namesChannels['names:get'].input.safeParse({ refresh: true, profileId: 'p2' }).success).toBe(false);
    expect(namesChannels['names:get'].input.safeParse({ refresh: 'yes' }).success).toBe(false);
  });
});
