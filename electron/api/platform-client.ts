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
  describeParseIssues,
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
import { itemIdentity, ListKnowledge } from './list-knowledge';
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
    readonly lists: ListKnowledge = new ListKnowledge(),
  ) {}

  // ── generic ─────────────────────────────────────────────────────────────────────────────────

  /**
   * Sends one list request. A `sort` this server refused before is not sent; a `400` whose message
   * names the sort is answered by dropping it, remembering that, and asking once more (docs/api-contract.md §8:
   * an undocumented parameter is an optional refinement).
   */
  private async sendList(path: ListPath, query: ListQuery, signal: AbortSignal | undefined): Promise<{ response: ApiResponse; sent: ListQuery; sortDropped: boolean }> {
    const get = (q: ListQuery) => this.http.send({ method: 'GET', path, query: listQueryParams(q), signal });
    if (query.sort !== undefined && this.lists.sortRefused(path, query.sort)) {
      const sent = { ...query, sort: undefined };
      return { response: await get(sent), sent, sortDropped: true };
    }
    try {
      return { response: await get(query), sent: query, sortDropped: false };
    } catch (error) {
      if (query.sort === undefined || !isSortRefusal(error, query.sort)) throw error;
      this.lists.refuseSort(path, query.sort);
      const sent = { ...query, sort: undefined };
      return { response: await get(sent), sent, sortDropped: true };
    }
  }

  /**
   * One page of a list. Besides parsing (items that fail their schema come back as `unreadable`),
   * it applies the paging rules learned for this server: a page that repeats the previous one is
   * answered as the end of the list, and a bare list says it has a next page only when the server
   * is known to honour `page` (see `bareListPagination`).
   */
  async list<T extends z.ZodType>(path: ListPath, item: T, query: ListQuery = {}, options: CallOptions = {}): Promise<ParsedList<z.output<T>>> {
    const { response, sent, sortDropped } = await this.sendList(path, query, options.signal);
    const parsed = parseList(item, response.body, { requestedLimit: sent.limit });
    if (!parsed.success) throw malformedError({ method: 'GET', path }, describeParseError(parsed.error));
    let list = parsed.data;
    const data = (response.body as { data: unknown[] }).data;
    const firstPage = (sent.page === undefined || sent.page === 1) && sent.cursor === undefined;
    if (this.lists.repeatsPrevious(listKey(path, sent), itemIdentity(data[0]), firstPage)) {
      if (list.pagination.kind !== 'cursor') this.lists.learnPageParam(path, 'ignored');
      list = { items: [], pagination: endOf(list.pagination) };
    } else if (list.pagination.kind === 'none') {
      list = { ...list, pagination: await this.bareListPagination(path, sent, data, options.signal) };
    }
    if (sortDropped) list.sortDropped = true;
    return list;
  }

  /**
   * Whether a bare `{data:[…]}` page has a next one. The docs say nothing about paging, so it is
   * learned once per list route: the first non-empty page is followed by a request for the next
   * page. The same first row again → the server ignores `page` (one page only, never "load more");
   * anything else → it honours `page`, and a first page shorter than the `limit` asked for but
   * followed by more rows reveals the server's own, lower page size. Known afterwards: a page is
   * full when it holds as many rows as the effective page size.
   */
  private async bareListPagination(path: ListPath, sent: ListQuery, data: unknown[], signal: AbortSignal | undefined): Promise<ListPagination> {
    const count = data.length;
    const requested = sent.limit;
    if (count === 0) return { kind: 'none', full: false };
    const support = this.lists.pageParamSupport(path);
    if (support === 'ignored') return { kind: 'none', full: false };
    if (support === 'honoured') {
      const pageSize = Math.min(requested ?? Number.POSITIVE_INFINITY, this.lists.limitCap(path) ?? Number.POSITIVE_INFINITY);
      return { kind: 'none', full: Number.isFinite(pageSize) && count >= pageSize };
    }
    const fallback: ListPagination = { kind: 'none', full: requested !== undefined && count >= requested };
    let probeData: unknown[];
    try {
      const probe = await this.http.send({ method: 'GET', path, query: listQueryParams({ ...sent, page: (sent.page ?? 1) + 1 }), signal });
      const body = probe.body as { data?: unknown } | null;
      if (typeof body !== 'object' || body === null || !Array.isArray(body.data)) return fallback;
      probeData = body.data;
    } catch (error) {
      if (isAppError(error) && error.code === 'cancelled') throw error;
      return fallback; // not learned this time; the next first page asks again
    }
    if (probeData.length > 0 && itemIdentity(probeData[0]) === itemIdentity(data[0])) {
      this.lists.learnPageParam(path, 'ignored');
      return { kind: 'none', full: false };
    }
    this.lists.learnPageParam(path, 'honoured');
    if (probeData.length > 0 && requested !== undefined && count < requested) this.lists.learnLimitCap(path, count);
    return { kind: 'none', full: probeData.length > 0 };
  }

  /**
   * Walks every page from `query`'s start. Page lists follow `page`, cursor lists `next_cursor`,
   * bare lists ask for the next `page` while pages come back full (or while it is not yet known
   * whether the server honours `page`, or caps `limit`). A page that repeats the previous one's
   * first row ends the walk, unyielded. Stopping the loop (`break`) stops the walk: no further page
   * is requested, and with `prefetch` the one already on its way is cancelled.
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
      const sent = this.sendList(path, q, signal);
      sent.catch(() => undefined); // a prefetch abandoned by `break` must not surface as unhandled
      return sent;
    };
    const seenCursors = new Set<string>();
    let previousFirstItem: string | undefined;
    let current: ListQuery = { ...query };
    let inFlight: ReturnType<typeof request> | null = request(current);
    let sortDropped = false;
    try {
      while (inFlight) {
        const answer = await inFlight;
        const { response, sent } = answer;
        inFlight = null;
        sortDropped ||= answer.sortDropped;
        // Later pages go out as the first one went (without a refused sort).
        current = sent;
        const pagination = parseListPagination(response.body, { requestedLimit: current.limit });
        if (!pagination.success) throw malformedError({ method: 'GET', path }, describeParseError(pagination.error));
        const data = (response.body as { data: unknown[] }).data;
        const firstItem = itemIdentity(data[0]);
        if (previousFirstItem !== undefined && firstItem === previousFirstItem) {
          if (pagination.data.kind !== 'cursor') this.lists.learnPageParam(path, 'ignored');
          return;
        }
        const next = this.nextPageQuery(path, current, pagination.data, data.length, seenCursors);
        if (next && options.prefetch) inFlight = request(next);
        const items = parseListItems(item, response.body);
        if (!items.success) throw malformedError({ method: 'GET', path }, describeParseError(items.error));
        const page: ParsedList<z.output<T>> = { items: items.data.items, pagination: pagination.data };
        if (items.data.unreadable.length > 0) page.unreadable = items.data.unreadable;
        if (sortDropped) page.sortDropped = true;
        yield page;
        if (!next) return;
        current = next;
        previousFirstItem = firstItem;
        if (!inFlight) inFlight = request(current);
      }
    } finally {
      stop.abort();
    }
  }

  /** The query of the page after `current`, or null at the end of the list. */
  private nextPageQuery(path: ListPath, current: ListQuery, p: ListPagination, count: number, seenCursors: Set<string>): ListQuery | null {
    if (p.kind === 'page') return p.nextPage === null ? null : { ...current, page: p.nextPage };
    if (p.kind === 'cursor') {
      if (p.nextCursor === null || seenCursors.has(p.nextCursor)) return null;
      seenCursors.add(p.nextCursor);
      return { ...current, cursor: p.nextCursor };
    }
    const support = this.lists.pageParamSupport(path);
    if (count === 0 || support === 'ignored') return null;
    const pageSize = Math.min(current.limit ?? Number.POSITIVE_INFINITY, this.lists.limitCap(path) ?? Number.POSITIVE_INFINITY);
    // Unknown paging: one more page decides (empty, new rows, or a repeat that ends the walk).
    const more = support === undefined || (Number.isFinite(pageSize) && count >= pageSize);
    return more ? { ...current, page: (current.page ?? 1) + 1 } : null;
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
   * ambiguous — the route or the resource may be missing — so `routeIsMissing` decides (e.g. the
   * resource itself can be read, or the collection's route answers 404 too).
   */
  private async optional<T>(name: CapabilityName, run: () => Promise<T>, routeIsMissing?: () => Promise<boolean>): Promise<T> {
    if (this.capabilities.get(name) === 'unsupported') throw unsupportedError(name);
    try {
      const result = await run();
      this.capabilities.set(name, 'supported');
      return result;
    } catch (error) {
      if (!isAppError(error)) throw error;
      // Once the route answered, a 404 on it is about the resource, not the route.
      if (error.status === 404 && this.capabilities.get(name) === 'supported') throw error;
      const routeMissing =
        error.status === 405 || (error.code === 'unsupported' && error.status === undefined) ||
        (error.status === 404 && (routeIsMissing === undefined || (await routeIsMissing())));
      if (routeMissing) {
        this.capabilities.set(name, 'unsupported');
        throw unsupportedError(name);
      }
      throw error;
    }
  }

  /** Whether a list route is absent on this server (a 404/405 to a one-row GET). */
  private async routeMissing(path: string, signal: AbortSignal | undefined): Promise<boolean> {
    try {
      await this.http.send({ method: 'GET', path, query: { limit: 1 }, signal, maxAttempts: 2 });
      return false;
    } catch (error) {
      if (isAppError(error) && (error.status === 404 || error.status === 405)) return true;
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

  /**
   * By id or slug. `GET /drivers/{id}` is not on the vendor's pages: where the server lacks it the
   * driver is looked up in the documented list instead (and the route is not asked again).
   */
  async getDriver(idOrSlug: string, options: CallOptions = {}) {
    if (this.capabilities.get('driver_detail') !== 'unsupported') {
      try {
        const driver = await this.single({ method: 'GET', path: `/drivers/${pathId(idOrSlug)}`, signal: options.signal }, driverSchema);
        this.capabilities.set('driver_detail', 'supported');
        return driver;
      } catch (error) {
        const routeMayBeMissing = isAppError(error) && (error.status === 405 || (error.status === 404 && this.capabilities.get('driver_detail') === 'unknown'));
        if (!routeMayBeMissing) throw error;
      }
    }
    for await (const driver of this.iterateItems('/drivers', driverSchema, { limit: 100 }, options)) {
      if (driver.id === idOrSlug || driver.slug === idOrSlug) {
        this.capabilities.set('driver_detail', 'unsupported');
        return driver;
      }
    }
    throw new AppError('not_found', `No driver "${idOrSlug}" in this API's driver list.`, { status: 404 });
  }

  enableDriver(idOrSlug: string, options: WriteOptions) {
    return this.optional(
      'driver_toggle',
      () => this.single({ method: 'POST', path: `/drivers/${pathId(idOrSlug)}/enable`, ...write(options) }, driverSchema),
      () => this.driverExists(idOrSlug, options.signal),
    );
  }

  disableDriver(idOrSlug: string, options: WriteOptions) {
    return this.optional(
      'driver_toggle',
      () => this.single({ method: 'POST', path: `/drivers/${pathId(idOrSlug)}/disable`, ...write(options) }, driverSchema),
      () => this.driverExists(idOrSlug, options.signal),
    );
  }

  private async driverExists(idOrSlug: string, signal: AbortSignal | undefined): Promise<boolean> {
    try {
      await this.getDriver(idOrSlug, { signal });
      return true;
    } catch (error) {
      if (isAppError(error) && error.code === 'not_found') return false;
      throw error;
    }
  }

  // ── installations ───────────────────────────────────────────────────────────────────────────
  // Only creating one is on the vendor's pages (DOC [PROV]); the rest is OURS and optional.

  listInstallations(query: ListQuery = {}, options: CallOptions = {}) {
    return this.optional('installations', () => this.list('/installations', installationSchema, query, options));
  }

  getInstallation(id: string, options: CallOptions = {}) {
    return this.optional(
      'installations',
      () => this.single({ method: 'GET', path: `/installations/${pathId(id)}`, signal: options.signal }, installationSchema),
      () => this.routeMissing('/installations', options.signal),
    );
  }

  /** `201` with the installation (OAuth drivers: `status: pending_auth` + `auth_url`), wrapped or bare. */
  createInstallation(body: CreateInstallationBody, options: WriteOptions) {
    return this.single({ method: 'POST', path: '/installations', body, ...write(options) }, installationSchema);
  }

  patchInstallation(id: string, body: PatchInstallationBody, options: WriteOptions) {
    return this.installationAction(id, { method: 'PATCH', path: `/installations/${pathId(id)}`, body, ...write(options) });
  }

  disableInstallation(id: string, options: WriteOptions) {
    return this.installationAction(id, { method: 'POST', path: `/installations/${pathId(id)}/disable`, ...write(options) });
  }

  enableInstallation(id: string, options: WriteOptions) {
    return this.installationAction(id, { method: 'POST', path: `/installations/${pathId(id)}/enable`, ...write(options) });
  }

  /** A new `auth_url` for the same installation id. */
  reauthorizeInstallation(id: string, options: WriteOptions) {
    return this.installationAction(id, { method: 'POST', path: `/installations/${pathId(id)}/reauthorize`, ...write(options) });
  }

  /** A 404 means the route is missing when the installation itself can be read (or cannot be read at all here). */
  private installationAction(id: string, request: ApiRequest) {
    return this.optional(
      'installation_actions',
      () => this.single(request, installationSchema),
      async () => this.capabilities.get('installations') === 'unsupported' || (await this.exists(`/installations/${pathId(id)}`, request.signal)),
    );
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
  // Nothing of it is on the vendor's pages (docs/api-contract.md §7): all of it is optional.

  listWebhookEndpoints(query: ListQuery = {}, options: CallOptions = {}) {
    return this.optional('webhook_endpoints', () => this.list('/webhooks/endpoints', webhookEndpointSchema, query, options));
  }

  getWebhookEndpoint(id: string, options: CallOptions = {}) {
    return this.optional(
      'webhook_endpoints',
      () => this.single({ method: 'GET', path: `/webhooks/endpoints/${pathId(id)}`, signal: options.signal }, webhookEndpointSchema),
      () => this.routeMissing('/webhooks/endpoints', options.signal),
    );
  }

  /** The only answer, with rotate-secret, that carries the signing secret. */
  createWebhookEndpoint(body: CreateWebhookEndpointBody, options: WriteOptions) {
    return this.optional('webhook_endpoints', () =>
      this.single({ method: 'POST', path: '/webhooks/endpoints', body, ...write(options) }, webhookEndpointWithSecretSchema),
    );
  }

  patchWebhookEndpoint(id: string, body: PatchWebhookEndpointBody, options: WriteOptions) {
    return this.optional(
      'webhook_endpoints',
      () => this.single({ method: 'PATCH', path: `/webhooks/endpoints/${pathId(id)}`, body, ...write(options) }, webhookEndpointSchema),
      () => this.routeMissing('/webhooks/endpoints', options.signal),
    );
  }

  async deleteWebhookEndpoint(id: string, options: WriteOptions): Promise<void> {
    await this.optional(
      'webhook_endpoints',
      () => this.http.send({ method: 'DELETE', path: `/webhooks/endpoints/${pathId(id)}`, ...write(options) }),
      () => this.routeMissing('/webhooks/endpoints', options.signal),
    );
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
      ['installations', () => this.listInstallations({ limit: 1 }, options)],
      ['webhook_endpoints', () => this.listWebhookEndpoints({ limit: 1 }, options)],
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

const describeParseError = describeParseIssues;

/**
 * A `400` that names the sort — says "sort" and one of the keys sent (spatie: "Requested sort(s)
 * `-created_at` is not allowed…") — means the server does not allow that ordering.
 */
function isSortRefusal(error: unknown, sort: string): boolean {
  if (!isAppError(error) || error.code !== 'bad_request' || !/sort/i.test(error.message)) return false;
  const message = error.message.toLowerCase();
  return sort.split(',').some((key) => key.trim() !== '' && message.includes(key.trim().replace(/^[-+]/, '').toLowerCase()));
}

/** Identifies one list (path + everything but the page position) for the repeated-page rule. */
function listKey(path: string, query: ListQuery): string {
  return JSON.stringify([path, query.filters ?? {}, query.sort ?? null, query.limit ?? null]);
}

/** The same pagination, saying there is nothing after it. */
function endOf(p: ListPagination): ListPagination {
  if (p.kind === 'page') return { ...p, nextPage: null };
  if (p.kind === 'cursor') return { ...p, nextCursor: null };
  return { kind: 'none', full: false };
}
