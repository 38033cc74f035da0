// IPC handlers for the platform API: one per channel in connection/capabilities/drivers/
// installations/events/webhooks. MAIN merges them with `createApiHandlers(deps)` in
// electron/services.ts. Structural deps, so this module does not wait for MAIN's types.
import { AppError } from '../../shared/app-error';
import type { Driver, Installation } from '../../shared/api/index';
import { sameOrigin } from '../../shared/origin';
import type { HandlerContext, PartialHandlers } from '../ipc/handler-types';
import type { ListQuery } from './platform-client';
import { PlatformClient } from './platform-client';
import { CapabilityCache } from './capabilities';
import { detectBasePath, detectBasePathWithoutToken, testConnection } from './connection';
import { ListKnowledge } from './list-knowledge';
import { idempotencyKeyFor, PlatformHttp, type ApiLogEntry, type ApiProfile, type RetryTuning, type TokenAccess } from './http';
import { RequestScheduler } from './scheduler';
import { SecretSettingsLookup } from './installation-secrets';
import { NameLookup } from './name-lookup';

type MaybePromise<T> = T | Promise<T>;

export interface ApiHandlerDeps {
  profiles: {
    getActive(): MaybePromise<ApiProfile | null | undefined>;
    get(id: string): MaybePromise<ApiProfile | null | undefined>;
  };
  /** `boundOrigin`: the origin a profile's token was imported for (null without a token); not a secret. */
  vault: TokenAccess & { boundOrigin(profileId: string): Promise<string | null> };
  fetch?: typeof fetch;
  now?: () => number;
  log?: (entry: ApiLogEntry) => void;
  tuning?: Partial<RetryTuning>;
  maxConcurrency?: number;
}

export interface ApiService {
  /** The client for a profile (the active one by default); shared with jobs (export, bulk redeliver). */
  clientFor(profileId?: string): Promise<PlatformClient>;
  handlers: PartialHandlers;
}

interface ProfileState {
  scheduler: RequestScheduler;
  capabilities: CapabilityCache;
  secretSettings: SecretSettingsLookup;
  lists: ListKnowledge;
  names: NameLookup;
}

type ListInput = { filters?: Record<string, string | number | boolean | undefined> | undefined; sort?: string | undefined; page?: number | undefined; cursor?: string | undefined; limit?: number | undefined };

function listQuery(input: ListInput): ListQuery {
  return { filters: input.filters, sort: input.sort, page: input.page, cursor: input.cursor, limit: input.limit };
}

export function createApiService(deps: ApiHandlerDeps): ApiService {
  // One scheduler + capability cache per profile and base URL: a changed base URL is another server.
  const states = new Map<string, ProfileState>();

  async function resolveProfile(profileId?: string): Promise<ApiProfile> {
    const profile = profileId === undefined ? await deps.profiles.getActive() : await deps.profiles.get(profileId);
    if (!profile) {
      throw new AppError(
        'not_found',
        profileId === undefined ? 'No profile is active. Create or choose one in Settings.' : 'That profile does not exist any more.',
        { details: { reason: profileId === undefined ? 'no_active_profile' : 'no_such_profile' } },
      );
    }
    return profile;
  }

  function clientForProfile(profile: ApiProfile): PlatformClient {
    const key = `${profile.id}\u0000${profile.baseUrl}`;
    let state = states.get(key);
    if (!state) {
      state = {
        scheduler: new RequestScheduler({ maxConcurrency: deps.maxConcurrency ?? 6 }),
        capabilities: new CapabilityCache(),
        secretSettings: new SecretSettingsLookup(deps.now),
        lists: new ListKnowledge(),
        names: new NameLookup(deps.now),
      };
      states.set(key, state);
    }
    const http = new PlatformHttp(profile, {
      vault: deps.vault,
      scheduler: state.scheduler,
      ...(deps.fetch ? { fetch: deps.fetch } : {}),
      ...(deps.now ? { now: deps.now } : {}),
      ...(deps.log ? { log: deps.log } : {}),
      ...(deps.tuning ? { tuning: deps.tuning } : {}),
    });
    return new PlatformClient(http, state.capabilities, state.lists);
  }

  /** An installation answer as it may cross IPC: settings the driver types secret are null. */
  async function installationOut(client: PlatformClient, answer: Promise<Installation>, ctx: HandlerContext): Promise<Installation> {
    return secretSettingsFor(client).hide(client, namedInstallation(client, await answer), ctx.signal);
  }
  function secretSettingsFor(client: PlatformClient): SecretSettingsLookup {
    return stateOf(client).secretSettings;
  }
  function stateOf(client: PlatformClient): ProfileState {
    return states.get(`${client.http.profile.id}\u0000${client.http.profile.baseUrl}`)!;
  }
  /** Feeds the name lookup from an answer main read anyway, and hands the answer on. */
  function namedInstallations<T extends { items: Installation[] }>(client: PlatformClient, list: T): T {
    stateOf(client).names.observeInstallations(list.items);
    return list;
  }
  function namedInstallation(client: PlatformClient, installation: Installation): Installation {
    stateOf(client).names.observeInstallations([installation]);
    return installation;
  }
  function namedDrivers<T extends { items: Driver[] }>(client: PlatformClient, list: T): T {
    stateOf(client).names.observeDrivers(list.items);
    return list;
  }
  function namedDriver(client: PlatformClient, driver: Driver): Driver {
    stateOf(client).names.observeDrivers([driver]);
    return driver;
  }

  // Names are kept for the active profile only: switching profiles forgets every lookup, so a
  // profile's names are never shown under another's ids and a stale list is not kept around.
  let activeProfileId: string | null = null;
  function forgetNamesOnSwitch(profile: ApiProfile) {
    if (profile.id === activeProfileId) return;
    activeProfileId = profile.id;
    for (const state of states.values()) state.names.clear();
  }

  async function clientFor(profileId?: string): Promise<PlatformClient> {
    const profile = await resolveProfile(profileId);
    if (profileId === undefined) forgetNamesOnSwitch(profile);
    return clientForProfile(profile);
  }

  /** The write's Idempotency-Key: one per operator action (actionId) and operation. */
  const keyed = (client: PlatformClient, operation: string, actionId: string, ctx: HandlerContext) => ({
    idempotencyKey: idempotencyKeyFor(client.http.profile.id, operation, actionId),
    signal: ctx.signal,
  });
  const read = (ctx: HandlerContext) => ({ signal: ctx.signal });

  const handlers: PartialHandlers = {
    'connection:test': async (input, ctx) => testConnection((await clientFor(input.profileId)).http, ctx.signal, deps.now),
    'connection:detectBasePath': async (input, ctx) => {
      if (input.baseUrl !== undefined) return detectBasePathWithoutToken(input.baseUrl, deps.fetch ? { fetch: deps.fetch } : {}, ctx.signal);
      const profile = await resolveProfile(input.profileId);
      // Only the token's own origin is ever probed. (Without a token nothing is sent at all: the
      // vault refuses before the first fetch.)
      const bound = await deps.vault.boundOrigin(profile.id);
      if (bound !== null && !sameOrigin(bound, profile.baseUrl)) {
        throw new AppError('token_origin_mismatch', `This profile's token belongs to ${bound}; its base URL points elsewhere, so nothing was probed.`, {
          details: { reason: 'origin_mismatch', tokenOrigin: bound },
        });
      }
      return detectBasePath(
        { id: profile.id, baseUrl: bound ?? profile.baseUrl },
        { vault: deps.vault, ...(deps.fetch ? { fetch: deps.fetch } : {}), ...(deps.now ? { now: deps.now } : {}), ...(deps.log ? { log: deps.log } : {}) },
        ctx.signal,
      );
    },
    'capabilities:get': async (input, ctx) => {
      const client = await clientFor();
      if (input.probe) await client.probeReadCapabilities(read(ctx));
      return { profileId: client.http.profile.id, capabilities: client.capabilities.snapshot() };
    },

    'drivers:list': async (input, ctx) => {
      const client = await clientFor();
      return namedDrivers(client, await client.listDrivers(listQuery(input), read(ctx)));
    },
    'drivers:get': async (input, ctx) => {
      const client = await clientFor();
      return namedDriver(client, await client.getDriver(input.id, read(ctx)));
    },
    'drivers:enable': async (input, ctx) => {
      const client = await clientFor();
      return client.enableDriver(input.id, keyed(client, 'drivers:enable', input.actionId, ctx));
    },
    'drivers:disable': async (input, ctx) => {
      const client = await clientFor();
      return client.disableDriver(input.id, keyed(client, 'drivers:disable', input.actionId, ctx));
    },
    'names:get': async (input, ctx) => {
      const client = await clientFor();
      const names = await stateOf(client).names.get(client, { refresh: input.refresh === true, signal: ctx.signal });
      return { profileId: client.http.profile.id, ...names };
    },

    'installations:list': async (input, ctx) => {
      const client = await clientFor();
      const list = namedInstallations(client, await client.listInstallations(listQuery(input), read(ctx)));
      return { ...list, items: await secretSettingsFor(client).hideAll(client, list.items, ctx.signal) };
    },
    'installations:get': async (input, ctx) => {
      const client = await clientFor();
      return installationOut(client, client.getInstallation(input.id, read(ctx)), ctx);
    },
    'installations:create': async (input, ctx) => {
      const client = await clientFor();
      return installationOut(client, client.createInstallation(input.body, keyed(client, 'installations:create', input.actionId, ctx)), ctx);
    },
    'installations:update': async (input, ctx) => {
      const client = await clientFor();
      return installationOut(client, client.patchInstallation(input.id, input.body, keyed(client, 'installations:update', input.actionId, ctx)), ctx);
    },
    'installations:disable': async (input, ctx) => {
      const client = await clientFor();
      return installationOut(client, client.disableInstallation(input.id, keyed(client, 'installations:disable', input.actionId, ctx)), ctx);
    },
    'installations:enable': async (input, ctx) => {
      const client = await clientFor();
      return installationOut(client, client.enableInstallation(input.id, keyed(client, 'installations:enable', input.actionId, ctx)), ctx);
    },
    'installations:reauthorize': async (input, ctx) => {
      const client = await clientFor();
      return installationOut(client, client.reauthorizeInstallation(input.id, keyed(client, 'installations:reauthorize', input.actionId, ctx)), ctx);
    },

    'events:list': async (input, ctx) => (await clientFor()).listEvents(listQuery(input), read(ctx)),
    'events:get': async (input, ctx) => (await clientFor()).getEvent(input.id, read(ctx)),
    'events:redeliver': async (input, ctx) => {
      const client = await clientFor();
      return client.redeliverEvent(input.id, { ...keyed(client, 'events:redeliver', input.actionId, ctx), endpointId: input.endpointId });
    },
    'events:dispatches': async (input, ctx) => (await clientFor()).listDispatches(listQuery(input), read(ctx)),

    'webhooks:endpointsList': async (input, ctx) => (await clientFor()).listWebhookEndpoints(listQuery(input), read(ctx)),
    'webhooks:endpointGet': async (input, ctx) => (await clientFor()).getWebhookEndpoint(input.id, read(ctx)),
    'webhooks:endpointCreate': async (input, ctx) => {
      const client = await clientFor();
      return client.createWebhookEndpoint(input.body, keyed(client, 'webhooks:endpointCreate', input.actionId, ctx));
    },
    'webhooks:endpointUpdate': async (input, ctx) => {
      const client = await clientFor();
      return client.patchWebhookEndpoint(input.id, input.body, keyed(client, 'webhooks:endpointUpdate', input.actionId, ctx));
    },
    'webhooks:endpointDelete': async (input, ctx) => {
      const client = await clientFor();
      await client.deleteWebhookEndpoint(input.id, keyed(client, 'webhooks:endpointDelete', input.actionId, ctx));
      return { id: input.id, deleted: true as const };
    },
    'webhooks:endpointTest': async (input, ctx) => {
      const client = await clientFor();
      return client.testWebhookEndpoint(input.id, keyed(client, 'webhooks:endpointTest', input.actionId, ctx));
    },
    'webhooks:endpointRotateSecret': async (input, ctx) => {
      const client = await clientFor();
      return client.rotateWebhookSecret(input.id, keyed(client, 'webhooks:endpointRotateSecret', input.actionId, ctx));
    },
    'webhooks:retryPolicyGet': async (_input, ctx) => (await clientFor()).getRetryPolicy(read(ctx)),
    'webhooks:retryPolicyPut': async (input, ctx) => {
      const client = await clientFor();
      return client.putRetryPolicy(input.body, keyed(client, 'webhooks:retryPolicyPut', input.actionId, ctx));
    },
    'webhooks:received': async (input, ctx) => (await clientFor()).listReceivedWebhooks(listQuery(input), read(ctx)),
  };

  return { clientFor, handlers };
}

/** The handlers alone, as `createMainServices` merges them. */
export function createApiHandlers(deps: ApiHandlerDeps): PartialHandlers {
  return createApiService(deps).handlers;
}
