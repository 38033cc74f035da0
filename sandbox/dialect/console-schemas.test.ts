// The console's client reading the docs dialect: its tolerant schemas and list/single parsers
// (shared/api) take every body the dialect sends, in every paging variant. Where they do not yet,
// the test is marked `it.fails` with the reason: the client's tolerance is fixed on the client side,
// and these then start passing (vitest reports it, so the mark is removed there and then).
import { describe, expect, it } from 'vitest';
import {
  createInstallationResponseSchema,
  driverSchema,
  errorBodySchema,
  eventDetailSchema,
  eventSchema,
  parseList,
  parseSingle,
  validationErrorBodySchema,
} from '../../shared/api';
import { useDocsSandbox } from './test-support';

describe('the console reads the docs dialect (paging none)', () => {
  const { call } = useDocsSandbox({ paging: 'none', demoEvents: 40 });

  it('drivers and events lists: bare lists, "full" when a page came back with `limit` items', async () => {
    const drivers = parseList(driverSchema, (await call('GET', '/drivers?limit=5')).body, { requestedLimit: 5 });
    expect(drivers.success).toBe(true);
    if (drivers.success) {
      expect(drivers.data.items).toHaveLength(5);
      expect(drivers.data.pagination).toEqual({ kind: 'none', full: true });
    }
    const events = parseList(eventSchema, (await call('GET', '/processing/events?limit=100')).body, { requestedLimit: 100 });
    expect(events.success).toBe(true);
    if (events.success) expect(events.data.pagination).toEqual({ kind: 'none', full: false });
  });

  it('the event detail and the documented create answer', async () => {
    const [event] = (await call('GET', '/processing/events?limit=1')).body.data as { id: string }[];
    const detail = parseSingle(eventDetailSchema, (await call('GET', `/processing/events/${event!.id}`)).body);
    expect(detail.success).toBe(true);
    const created = await call('POST', '/installations', {
      driver_id: 'bling',
      name: 'Leitura',
      settings: { 'oauth_settings.redirect_url': 'https://example.com/cb' },
    });
    expect(created.status).toBe(201);
    const parsed = parseSingle(createInstallationResponseSchema, created.body);
    expect(parsed.success).toBe(true);
    if (parsed.success) expect(parsed.data).toMatchObject({ id: created.body.id, status: 'pending_auth' });
  });

  it('error bodies: 400, 404, 405 {message}; 422 {message, errors}', async () => {
    for (const [method, path] of [
      ['GET', '/processing/events?sort=-created_at'],
      ['GET', '/drivers/bling'],
      ['GET', '/installations'],
    ] as const) {
      expect(errorBodySchema.safeParse((await call(method, path)).body).success, path).toBe(true);
    }
    expect(validationErrorBodySchema.safeParse((await call('GET', '/drivers?limit=500')).body).success).toBe(true);
    expect(validationErrorBodySchema.safeParse((await call('POST', '/installations', {})).body).success).toBe(true);
  });
});

describe('the console reads the docs dialect (paging page)', () => {
  const { call } = useDocsSandbox({ paging: 'page', demoEvents: 40 });

  it('a length-aware page (meta.links[] is an extra field the tolerant schema keeps)', async () => {
    const parsed = parseList(eventSchema, (await call('GET', '/processing/events?limit=10&page=2')).body, { requestedLimit: 10 });
    expect(parsed.success).toBe(true);
    if (parsed.success) expect(parsed.data.pagination).toMatchObject({ kind: 'page', currentPage: 2, nextPage: 3 });
  });
});

describe('the console reads the docs dialect (paging simple)', () => {
  const { call } = useDocsSandbox({ paging: 'simple', demoEvents: 40 });

  // docs/api-contract.md §8: a `meta` with only current_page/per_page is as valid as a full one.
  it('a simple page: no total, no last_page; next page from links.next', async () => {
    const parsed = parseList(eventSchema, (await call('GET', '/processing/events?limit=10')).body, { requestedLimit: 10 });
    expect(parsed.success).toBe(true);
    if (parsed.success) expect(parsed.data.pagination).toMatchObject({ kind: 'page', currentPage: 1, lastPage: null, total: null, nextPage: 2 });
  });
});
