// The query layer end to end in plain Node: QueryClient → call() → bridge → MAIN's real dispatcher
// → createApiHandlers → the platform client → a real sandbox. Covers the optimistic driver toggle
// (applied at once, confirmed by the server, rolled back exactly on failure) and the IPC surface.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MutationObserver, QueryClient } from '@tanstack/react-query';
import { contract, type Contract, type MainEvents } from '../../shared/ipc/contract';
import { channelNameList, eventNameList } from '../../shared/ipc/names';
import { buildBridge, type IpcResult } from '../../shared/ipc/kit';
import { driversChannels } from '../../shared/ipc/channels/drivers';
import { installationsChannels } from '../../shared/ipc/channels/installations';
import { eventsChannels } from '../../shared/ipc/channels/events';
import { webhooksChannels } from '../../shared/ipc/channels/webhooks';
import { connectionChannels } from '../../shared/ipc/channels/connection';
import { capabilitiesChannels } from '../../shared/ipc/channels/capabilities';
import { namesChannels } from '../../shared/ipc/channels/names';
import { createDispatcher, type Dispatcher } from '../../electron/ipc/dispatcher';
import { createApiHandlers } from '../../electron/api/handlers';
import { everythingIn, fastTuning, MemoryVault } from '../../electron/api/test-support';
import { startSandbox, type RunningSandbox } from '../../sandbox/server';
import { call } from '../bridge/ipc';
import { driverToggleOptions, type DriverToggle } from './drivers';
import { queryKeys } from './keys';
import { newActionId } from './action-id';
import { nextPageParam } from './list-pages';

const apiChannels = { ...connectionChannels, ...capabilitiesChannels, ...driversChannels, ...installationsChannels, ...eventsChannels, ...webhooksChannels, ...namesChannels };
const sender = { id: 1, frameUrl: 'app://console/index.html', isTopFrame: true };

let sandbox: RunningSandbox;
let token: string;
let dispatcher: Dispatcher;
const results: unknown[] = [];

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, seed: 'demo', demoEvents: 200, dispatch: false });
  token = await sandbox.mintToken();
  const vault = new MemoryVault();
  vault.set('p1', token);
  const profile = { id: 'p1', baseUrl: sandbox.baseUrl, readOnly: false };
  const handlers = createApiHandlers({ profiles: { getActive: () => profile, get: (id) => (id === 'p1' ? profile : null) }, vault, tuning: fastTuning });
  dispatcher = createDispatcher({ contract, handlers, isTrustedSender: () => true, spy: (entry) => results.push(entry.payload) });
  const ii = buildBridge<Contract, MainEvents>(channelNameList, eventNameList, {
    invoke: (channel, request) => dispatcher.dispatch(channel, request, sender),
    cancel: (requestId) => dispatcher.cancel(sender, requestId),
    subscribe: () => () => {},
  });
  (globalThis as unknown as { window: { ii: typeof ii } }).window = { ii };
});
afterAll(async () => {
  // Nothing that crossed IPC in this file carries the token.
  expect(everythingIn(results)).not.toContain(token);
  sandbox.app.server.closeAllConnections();
  await sandbox.close();
});

describe('API handlers behind the dispatcher', () => {
  it('there is exactly one handler per API channel', () => {
    const handlers = createApiHandlers({ profiles: { getActive: () => null, get: () => null }, vault: new MemoryVault() });
    expect(Object.keys(handlers).sort()).toEqual(Object.keys(apiChannels).sort());
  });

  it('writes are marked, and refused without an actionId', async () => {
    for (const [name, spec] of Object.entries(apiChannels)) {
      const isWrite = /:(enable|disable|create|update|reauthorize|redeliver|endpointCreate|endpointUpdate|endpointDelete|endpointTest|endpointRotateSecret|retryPolicyPut)$/.test(name);
      expect(spec.meta.write === true, name).toBe(isWrite);
    }
    const result = (await dispatcher.dispatch('drivers:enable', { requestId: 'r1', input: { id: 'bling' } }, sender)) as IpcResult<unknown>;
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });

  it('answers data and typed errors through call()', async () => {
    const list = await call('drivers:list', { limit: 2 });
    expect(list.items).toHaveLength(2);
    await expect(call('drivers:get', { id: 'nope' })).rejects.toMatchObject({ code: 'not_found' });
    const caps = await call('capabilities:get', { probe: true });
    expect(caps.capabilities).toMatchObject({ dispatches: 'supported', received_webhooks: 'supported', retry_policy: 'supported' });
    const test = await call('connection:test', {});
    expect(test).toMatchObject({ ok: true, status: 200 });
    const detected = await call('connection:detectBasePath', {});
    expect(detected.baseUrl).toBe(sandbox.baseUrl);
  });

  it('cancelling from the renderer reaches the handler', async () => {
    const controller = new AbortController();
    const pending = call('events:list', { limit: 100 }, { signal: controller.signal });
    controller.abort();
    await expect(pending).rejects.toMatchObject({ code: 'cancelled' });
  });
});

describe('optimistic driver toggle', () => {
  it('applies at once in every cached drivers query, then keeps the server answer', async () => {
    const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
    const input = { limit: 100 };
    const list = await queryClient.fetchQuery({ queryKey: queryKeys.drivers.list(input), queryFn: () => call('drivers:list', input) });
    const guru = list.items.find((d) => d.slug === 'digital_manager_guru')!;
    const target = !guru.enabled;
    const observer = new MutationObserver(queryClient, driverToggleOptions(queryClient));
    const done = observer.mutate({ id: guru.id, enable: target, actionId: newActionId() } satisfies DriverToggle);
    // Optimistic: visible before the server answers.
    await expect.poll(() => queryClient.getQueryData<typeof list>(queryKeys.drivers.list(input))?.items.find((d) => d.id === guru.id)?.enabled).toBe(target);
    const driver = await done;
    expect(driver.enabled).toBe(target);
    expect(queryClient.getQueryData(queryKeys.drivers.detail(guru.id))).toMatchObject({ enabled: target });
  });

  it('rolls back exactly when the server refuses', async () => {
    const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
    const input = { limit: 100 };
    const list = await queryClient.fetchQuery({ queryKey: queryKeys.drivers.list(input), queryFn: () => call('drivers:list', input) });
    const bling = list.items.find((d) => d.slug === 'bling')!;
    queryClient.setQueryData(queryKeys.drivers.detail('ghost'), { ...bling, id: 'ghost', slug: 'ghost' });
    const before = structuredClone(queryClient.getQueryData(queryKeys.drivers.list(input)));
    const observer = new MutationObserver(queryClient, driverToggleOptions(queryClient));
    await expect(observer.mutate({ id: 'ghost', enable: !bling.enabled, actionId: newActionId() })).rejects.toMatchObject({ code: 'not_found' });
    expect(queryClient.getQueryData(queryKeys.drivers.list(input))).toEqual(before);
    expect(queryClient.getQueryData(queryKeys.drivers.detail('ghost'))).toMatchObject({ enabled: bling.enabled });
  });
});

describe('keys and pages', () => {
  it('keys nest under their resource so invalidation is exact', () => {
    expect(queryKeys.drivers.list({ limit: 5 }).slice(0, 2)).toEqual(queryKeys.drivers.lists());
    expect(queryKeys.drivers.detail('x')[0]).toBe(queryKeys.drivers.all[0]);
    expect(queryKeys.events.detail('x').slice(0, 1)).toEqual([...queryKeys.events.all]);
  });

  it('next page param for each list shape', () => {
    expect(nextPageParam({ pagination: { kind: 'cursor', perPage: 10, nextCursor: 'c2', prevCursor: null } }, 1)).toEqual({ cursor: 'c2' });
    expect(nextPageParam({ pagination: { kind: 'cursor', perPage: 10, nextCursor: null, prevCursor: 'c1' } }, 2)).toBeUndefined();
    expect(nextPageParam({ pagination: { kind: 'page', currentPage: 1, lastPage: 3, perPage: 10, total: 30, nextPage: 2 } }, 1)).toEqual({ page: 2 });
    expect(nextPageParam({ pagination: { kind: 'none', full: true } }, 1)).toEqual({ page: 2 });
    expect(nextPageParam({ pagination: { kind: 'none', full: false } }, 1)).toBeUndefined();
  });
});
