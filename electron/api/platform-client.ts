// The platform API, one method per endpoint of docs/api-contract.md, parsed with the shared
// schemas under the tolerance rules. Lists come back as `{items, pagination}` whichever of the
// three shapes the server used; `iterateItems`/`iteratePages` walk them and may be stopped early.
import type { z } from 'zod';
import { AppError, isAppError } from '../../shared/app-error';
import {
  dispatchSchema,
  driverSchema,
  eventDetailSchema,
  eventSchema,
  installationSchema,
  parseList,
  parseListItems,
  parseListPagination,
  parseSingle,
  receivedWebhookSchema,
  retryPolicySchema,
  webhookEndpointSchema,
  webhookEndpointWithSecretSchema,
  type CreateInstallationBody,
  type CreateWebhookEndpointBody,
  type ListPagination,
  type ParsedList,
  type PatchInstallationBody,
  type PatchWebhookEndpointBody,
  type RetryPolicyBody,
} from '../../shared/api/index';
import { CapabilityCache, unsupportedError, type CapabilityName } from './capabilities';
import { pathId, type PlatformHttp, type ApiRequest, type ApiResponse, type QueryValue } from './http';
import { malformedError } from './wire-errors';

export interface ListQuery {
  /** Sent as `filter[<key>]=value`. */
  filters?: Record<string, QueryValue> | undefined;
  sort?: string | undefined;
  page?: number | undefined;
  cursor?: string | undefined;
  limit?: number | undefined;
}

export interface CallOptions {
  signal?: AbortSignal | undefined;
}

export interface PageWalkOptions extends CallOptions {
  /** Request the next page while this one is validated and used (see iteratePages). */
  prefetch?: boolean | undefined;
}

/** Writes carry the Idempotency-Key of the operator action that caused them. */
export interface WriteOptions extends CallOptions {
  idempotencyKey: string;
}

type ListPath = string;

function listQueryParams(query: ListQuery): Record<string, QueryValue> {
  const params: Record<string, QueryValue> = {};
  for (const [key, value] of Object.entries(query.filters ?? {})) params[`filter[${key}]`] = value;
  params.sort = query.sort;
  params.page = query.page;
  params.cursor = query.cursor;
  params.limit = query.limit;
  return params;
}

export class PlatformClient {
  constructor(
    readonly http: PlatformHttp,
    readonly capabilities: CapabilityCache = new CapabilityCache(),
  ) {}

  // ── generic ─────────────────────────────────────────────────────────────────────────────────

  async list<T extends z.ZodType>(path: ListPath, item: T, query: ListQuery = {}, options: CallOptions = {}): Promise<ParsedList<z.output<T>>> {
    const response = await this.http.send({ method: 'GET', path, query: listQueryParams(query), signal: options.signal });
    const parsed = parseList(item, response.body, { requestedLimit: query.limit });
    if (!parsed.success) throw malformedError({ method: 'GET', path }, describeParseError(parsed.error));
    return parsed.data;
  }

  /**
   * Walks every page from `query`'s start. Page lists follow `page`, cursor lists `next_cursor`,
   * bare lists ask for the next `page` only while pages come back full (docs/api-contract.md §8). Stopping the
   * loop (`break`) stops the walk: no further page is requested, and with `prefetch` the one
   * already on its way is cancelled.
   *
   * `prefetch`: ask for the next page as soon as this one says where it is — before its items are
   * validated and handed over — so the server works on page N+1 while this process validates and
   * uses page N (an export runs at the server's pace, not at the sum of both). One request ahead
   * at most.
   */
  async *iteratePages<T extends z.ZodType>(path: ListPath, item: T, query: ListQuery = {}, options: PageWalkOptions = {}): AsyncGenerator<ParsedList<z.output<T>>> {
    const stop = new AbortController();
    const signal = options.signal ? AbortSignal.any([options.signal, stop.signal]) : stop.signal;
    const request = (q: ListQuery) => {
      const sent = this.http.send({ method: 'GET', path, query: listQueryParams(q), signal });
      sent.catch(() => undefined); // a prefetch abandoned by `break` must not surface as unhandled
      return sent;
    };
    const seenCursors = new Set<string>();
    let previousFirstItem: string | undefined;
    let current: ListQuery = { ...query };
    let inFlight: Promise<ApiResponse> | null = request(current);
    try {
      while (inFlight) {
        const response = await inFlight;
        inFlight = null;
        const pagination = parseListPagination(response.body, { requestedLimit: current.limit });
        if (!pagination.success) throw malformedError({ method: 'GET', path }, describeParseError(pagination.error));
        const next = this.nextPageQuery(current, pagination.data, response.body, seenCursors, previousFirstItem);
        if (next && options.prefetch) inFlight = request(next.query);
        const items = parseListItems(item, response.body);
        if (!items.success) throw malformedError({ method: 'GET', path }, describeParseError(items.error));
        yield { items: items.data, pagination: pagination.data };
        if (!next) return;
        current = next.query;
        previousFirstItem = next.firstItem;
        if (!inFlight) inFlight = request(current);
      }
    } finally {
      stop.abort();
    }
  }

  /** The query of the page after `current`, or null at the end of the list. */
  private nextPageQuery(
    current: ListQuery,
    p: ListPagination,
    body: unknown,
    seenCursors: Set<string>,
    previousFirstItem: string | undefined,
  ): { query: ListQuery; firstItem?: string } | null {
    if (p.kind === 'page') return p.nextPage === null ? null : { query: { ...current, page: p.nextPage } };
    if (p.kind === 'cursor') {
      if (p.nextCursor === null || seenCursors.has(p.nextCursor)) return null;
      seenCursors.add(p.nextCursor);
      return { query: { ...current, cursor: p.nextCursor } };
    }
    // A bare list that ignores `page` would repeat itself forever: stop when it does.
    const firstItem = JSON.stringify((body as { data: unknown[] }).data[0] ?? null);
    if (!p.full || firstItem === previousFirstItem) return null;
    return { query: { ...current, page: (current.page ?? 1) + 1 }, firstItem };
  }

  async *iterateItems<T extends z.ZodType>(path: ListPath, item: T, query: ListQuery = {}, options: CallOptions = {}): AsyncGenerator<z.output<T>> {
    for await (const page of this.iteratePages(path, item, query, options)) yield* page.items;
  }

  private async single<T extends z.ZodType>(request: ApiRequest, item: T): Promise<z.output<T>> {
    const response = await this.http.send(request);
    const parsed = parseSingle(item, response.body);
    if (!parsed.success) throw malformedError(request, describeParseError(parsed.error));
    return parsed.data;
  }

  /**
   * Calls an optional route. A cached "unsupported" answers at once; 405 (or 404 on a route with
   * no resource id in it) marks the capability unsupported. On a route under a resource, a 404 is
   * ambiguous — the route or the resource may be missing — so `parentExists` decides.
   */
  private async optional<T>(name: CapabilityName, run: () => Promise<T>, parentExists?: () => Promise<boolean>): Promise<T> {
    if (this.capabilities.get(name) === 'unsupported') throw unsupportedError(name);
    try {
      const result = await run();
      this.capabilities.set(name, 'supported');
      return result;
    } catch (error) {
      if (!isAppError(error)) throw error;
      const routeMissing =
        error.status === 405 || (error.code === 'unsupported' && error.status === undefined) ||
        (error.status === 404 && (parentExists === undefined || (await parentExists())));
      if (routeMissing) {
        this.capabilities.set(name, 'unsupported');
        throw unsupportedError(name);
      }
      throw error;
    }
  }

  private async exists(path: string, signal: AbortSignal | undefined): Promise<boolean> {
    try {
      await this.http.send({ method: 'GET', path, signal, maxAttempts: 2 });
      return true;
    } catch (error) {
      if (isAppError(error) && error.code === 'not_found') return false;
      throw error;
    }
  }

  // ── drivers ─────────────────────────────────────────────────────────────────────────────────

  listDrivers(query: ListQuery = {}, options: CallOptions = {}) {
    return this.list('/drivers', driverSchema, query, options);
  }

  getDriver(idOrSlug: string, options: CallOptions = {}) {
    return this.single({ method: 'GET', path: `/drivers/${pathId(idOrSlug)}`, signal: options.signal }, driverSchema);
  }

  enableDriver(idOrSlug: string, options: WriteOptions) {
    return this.single({ method: 'POST', path: `/drivers/${pathId(idOrSlug)}/enable`, ...write(options) }, driverSchema);
  }

  disableDriver(idOrSlug: string, options: WriteOptions) {
    return this.single({ method: 'POST', path: `/drivers/${pathId(idOrSlug)}/disable`, ...write(options) }, driverSchema);
  }

  // ── installations ───────────────────────────────────────────────────────────────────────────

  listInstallations(query: ListQuery = {}, options: CallOptions = {}) {
    return this.list('/installations', installationSchema, query, options);
  }

  getInstallation(id: string, options: CallOptions = {}) {
    return this.single({ method: 'GET', path: `/installations/${pathId(id)}`, signal: options.signal }, installationSchema);
  }

  /** `201` with the installation (OAuth drivers: `status: pending_auth` + `auth_url`), wrapped or bare. */
  createInstallation(body: CreateInstallationBody, options: WriteOptions) {
    return this.single({ method: 'POST', path: '/installations', body, ...write(options) }, installationSchema);
  }

  patchInstallation(id: string, body: PatchInstallationBody, options: WriteOptions) {
    return this.single({ method: 'PATCH', path: `/installations/${pathId(id)}`, body, ...write(options) }, installationSchema);
  }

  disableInstallation(id: string, options: WriteOptions) {
    return this.single({ method: 'POST', path: `/installations/${pathId(id)}/disable`, ...write(options) }, installationSchema);
  }

  enableInstallation(id: string, options: WriteOptions) {
    return this.single({ method: 'POST', path: `/installations/${pathId(id)}/enable`, ...write(options) }, installationSchema);
  }

  /** A new `auth_url` for the same installation id. */
  reauthorizeInstallation(id: string, options: WriteOptions) {
    return this.single({ method: 'POST', path: `/installations/${pathId(id)}/reauthorize`, ...write(options) }, installationSchema);
  }

  // ── processing ──────────────────────────────────────────────────────────────────────────────

  listEvents(query: ListQuery = {}, options: CallOptions = {}) {
    return this.list('/processing/events', eventSchema, query, options);
  }

  getEvent(id: string, options: CallOptions = {}) {
    return this.single({ method: 'GET', path: `/processing/events/${pathId(id)}`, signal: options.signal }, eventDetailSchema);
  }

  /** `202` with the new pending (manual) dispatch; to `endpointId`, or the event's last endpoint. Optional route. */
  redeliverEvent(id: string, options: WriteOptions & { endpointId?: string | undefined }) {
    const body = options.endpointId === undefined ? {} : { body: { endpoint_id: options.endpointId } };
    return this.optional(
      'redeliver',
      () => this.single({ method: 'POST', path: `/processing/events/${pathId(id)}/redeliver`, ...body, ...write(options) }, dispatchSchema),
      () => this.exists(`/processing/events/${pathId(id)}`, options.signal),
    );
  }

  listDispatches(query: ListQuery = {}, options: CallOptions = {}) {
    return this.optional('dispatches', () => this.list('/processing/dispatches', dispatchSchema, query, options));
  }

  listReceivedWebhooks(query: ListQuery = {}, options: CallOptions = {}) {
    return this.optional('received_webhooks', () => this.list('/processing/webhooks', receivedWebhookSchema, query, options));
  }

  // ── webhook configuration ───────────────────────────────────────────────────────────────────

  listWebhookEndpoints(query: ListQuery = {}, options: CallOptions = {}) {
    return this.list('/webhooks/endpoints', webhookEndpointSchema, query, options);
  }

  getWebhookEndpoint(id: string, options: CallOptions = {}) {
    return this.single({ method: 'GET', path: `/webhooks/endpoints/${pathId(id)}`, signal: options.signal }, webhookEndpointSchema);
  }

  /** The only answer, with rotate-secret, that carries the signing secret. */
  createWebhookEndpoint(body: CreateWebhookEndpointBody, options: WriteOptions) {
    return this.single({ method: 'POST', path: '/webhooks/endpoints', body, ...write(options) }, webhookEndpointWithSecretSchema);
  }

  patchWebhookEndpoint(id: string, body: PatchWebhookEndpointBody, options: WriteOptions) {
    return this.single({ method: 'PATCH', path: `/webhooks/endpoints/${pathId(id)}`, body, ...write(options) }, webhookEndpointSchema);
  }

  async deleteWebhookEndpoint(id: string, options: WriteOptions): Promise<void> {
    await this.http.send({ method: 'DELETE', path: `/webhooks/endpoints/${pathId(id)}`, ...write(options) });
  }

  /** Sends a `ping` event to the endpoint; answers with its dispatch. Optional route. */
  testWebhookEndpoint(id: string, options: WriteOptions) {
    return this.optional(
      'test_endpoint',
      () => this.single({ method: 'POST', path: `/webhooks/endpoints/${pathId(id)}/test`, ...write(options) }, dispatchSchema),
      () => this.exists(`/webhooks/endpoints/${pathId(id)}`, options.signal),
    );
  }

  /** New signing secret (the old one keeps verifying for 24 h). Optional route. */
  rotateWebhookSecret(id: string, options: WriteOptions) {
    return this.optional(
      'rotate_secret',
      () => this.single({ method: 'POST', path: `/webhooks/endpoints/${pathId(id)}/rotate-secret`, ...write(options) }, webhookEndpointWithSecretSchema),
      () => this.exists(`/webhooks/endpoints/${pathId(id)}`, options.signal),
    );
  }

  getRetryPolicy(options: CallOptions = {}) {
    return this.optional('retry_policy', () => this.single({ method: 'GET', path: '/webhooks/retry-policy', signal: options.signal }, retryPolicySchema));
  }

  putRetryPolicy(body: RetryPolicyBody, options: WriteOptions) {
    return this.optional('retry_policy', () => this.single({ method: 'PUT', path: '/webhooks/retry-policy', body, ...write(options) }, retryPolicySchema));
  }

  /** Probes the optional read routes not yet known (cheap GETs), for `capabilities:get`. */
  async probeReadCapabilities(options: CallOptions = {}): Promise<void> {
    const probes: Array<[CapabilityName, () => Promise<unknown>]> = [
      ['dispatches', () => this.listDispatches({ limit: 1 }, options)],
      ['received_webhooks', () => this.listReceivedWebhooks({ limit: 1 }, options)],
      ['retry_policy', () => this.getRetryPolicy(options)],
    ];
    for (const [name, probe] of probes) {
      if (this.capabilities.get(name) !== 'unknown') continue;
      try {
        await probe();
      } catch (error) {
        // Only "unsupported" is recorded (by `optional`); other failures leave it unknown.
        if (isAppError(error) && error.code === 'cancelled') throw error;
      }
    }
  }
}

function write(options: WriteOptions): Pick<ApiRequest, 'idempotencyKey' | 'signal'> {
  if (!options.idempotencyKey) throw new AppError('invalid_input', 'A write needs an Idempotency-Key.');
  return { idempotencyKey: options.idempotencyKey, signal: options.signal };
}

function describeParseError(error: Error): string {
  const issues = (error as { issues?: Array<{ path: PropertyKey[]; message: string }> }).issues;
  if (!issues || issues.length === 0) return error.message;
  const first = issues[0]!;
  const where = first.path.length ? first.path.map(String).join('.') : 'the body';
  return `${where}: ${first.message}${issues.length > 1 ? ` (and ${issues.length - 1} more)` : ''}`;
}
