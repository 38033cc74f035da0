import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import {
  createInstallationResponseSchema,
  driverSchema,
  eventDetailSchema,
  eventSchema,
  eventStatuses,
  installationSchema,
  parseList,
  parseSingle,
  retryPolicySchema,
  strictApiSchemas,
  validationErrorBodySchema,
  webhookEndpointSchema,
} from './index';

function fixture(name: string): unknown {
  return JSON.parse(readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8'));
}

const ts = '2024-01-15T10:45:00.000000Z';

describe('vendor examples parse unchanged', () => {
  it('drivers list: every field kept, settings with required/required_if', () => {
    const body = fixture('vendor-drivers-list.json') as { data: unknown[] };
    const parsed = parseList(driverSchema, body);
    expect(parsed.success).toBe(true);
    if (!parsed.success) return;
    expect(parsed.data.items).toEqual(body.data);
    expect(parsed.data.pagination).toEqual({ kind: 'none', full: false });
    const bling = parsed.data.items[1];
    expect(bling?.available_settings['oauth_settings.custom_oauth.client_id']?.required_if).toBe('custom_oauth_enabled,true');
    // The documented drivers are also valid under the strict (OURS) reading.
    expect(strictApiSchemas.bare(strictApiSchemas.driver).safeParse(body).success).toBe(true);
  });

  it('events list', () => {
    const body = fixture('vendor-events-list.json') as { data: unknown[] };
    const parsed = parseList(eventSchema, body);
    expect(parsed.success && parsed.data.items).toEqual(body.data);
    expect(strictApiSchemas.bare(strictApiSchemas.event).safeParse(body).success).toBe(true);
  });

  it('create-installation answer: bare object with an inst_ id', () => {
    const body = fixture('vendor-create-installation.json');
    const parsed = parseSingle(createInstallationResponseSchema, body);
    expect(parsed.success && parsed.data).toEqual(body);
    // Not OURS: the strict reading requires the full installation.
    expect(strictApiSchemas.installation.safeParse(body).success).toBe(false);
  });
});

describe('tolerance (docs/api-contract.md §8)', () => {
  it('keeps unknown enum values and unknown fields', () => {
    const raw = {
      id: 'e1', installation_id: null, integration_driver_slug: 'bling', name: 'order.paid', created_at: ts,
      status: 'quarantined', superseded: false, superseded_by: null, last_dispatch: null, shard: 7,
    };
    const parsed = eventSchema.parse(raw);
    expect(parsed.status).toBe('quarantined');
    expect(parsed.shard).toBe(7);
    expect((eventStatuses as readonly string[]).includes(parsed.status)).toBe(false);
    expect(strictApiSchemas.event.safeParse(raw).success).toBe(false);
  });

  it('treats ids as opaque strings, numbers included', () => {
    expect(installationSchema.parse({ id: 42 }).id).toBe('42');
    expect(installationSchema.parse({ id: 'inst_ä/🙂' }).id).toBe('inst_ä/🙂');
  });

  it('accepts wrapped and bare single resources', () => {
    const endpoint = { id: 'w1', url: 'https://example.test/hook' };
    expect(parseSingle(webhookEndpointSchema, { data: endpoint })).toEqual({ success: true, data: endpoint });
    expect(parseSingle(webhookEndpointSchema, endpoint)).toEqual({ success: true, data: endpoint });
  });

  it('reads the three list shapes', () => {
    const data = [{ id: 'a' }, { id: 'b' }];
    const page = parseList(installationSchema, {
      data,
      links: { first: 'x', last: 'y', prev: null, next: 'y' },
      meta: { current_page: 1, from: 1, last_page: 3, path: '/installations', per_page: 2, to: 2, total: 6 },
    });
    expect(page.success && page.data.pagination).toEqual({ kind: 'page', currentPage: 1, lastPage: 3, perPage: 2, total: 6, nextPage: 2 });
    const cursor = parseList(installationSchema, {
      data,
      links: { first: null, last: null, prev: null, next: 'n' },
      meta: { path: '/processing/events', per_page: 2, next_cursor: 'abc', prev_cursor: null },
    });
    expect(cursor.success && cursor.data.pagination).toEqual({ kind: 'cursor', perPage: 2, nextCursor: 'abc', prevCursor: null });
    const bareFull = parseList(installationSchema, { data }, { requestedLimit: 2 });
    expect(bareFull.success && bareFull.data.pagination).toEqual({ kind: 'none', full: true });
    expect(parseList(installationSchema, { data: 'nope' }).success).toBe(false);
    expect(parseList(installationSchema, [{ id: 'a' }]).success).toBe(false);
  });

  it('normalises 422 per-field messages to arrays', () => {
    const parsed = validationErrorBodySchema.parse({ message: 'Invalid.', errors: { name: 'required', url: ['bad', 'worse'] } });
    expect(parsed.errors).toEqual({ name: ['required'], url: ['bad', 'worse'] });
  });

  it('event detail keeps payload of any shape and its dispatches', () => {
    const detail = eventDetailSchema.parse({
      id: 'e1', installation_id: 'i1', integration_driver_slug: 'bling', name: 'order.paid', created_at: ts, status: 'failed',
      superseded: true, superseded_by: { id: 'e2', name: 'order.canceled' }, last_dispatch: null,
      payload: { order: { id: 1 } }, dispatches: [{ id: 'd1', status: 'failed', attempt_response_code: null, error: 'timeout' }],
    });
    expect(detail.dispatches?.[0]?.error).toBe('timeout');
  });
});

describe('strict (OURS) reading for the sandbox', () => {
  it('requires the documented timestamp format and known enums', () => {
    const policy = {
      max_attempts: 8, strategy: 'exponential', initial_delay_seconds: 30, max_delay_seconds: 36000,
      retry_on: ['5xx', '429'], disable_endpoint_after_failures: null,
    };
    expect(strictApiSchemas.retryPolicy.safeParse(policy).success).toBe(true);
    expect(strictApiSchemas.retryPolicy.safeParse({ ...policy, strategy: 'random' }).success).toBe(false);
    expect(retryPolicySchema.parse({ ...policy, strategy: 'random' }).strategy).toBe('random');
    const endpoint = {
      id: 'w1', url: 'http://127.0.0.1:1/x', description: null, enabled: true, events: ['*'], headers: {},
      timeout_seconds: 10, secret_hint: 'abcd', created_at: ts, updated_at: ts, disabled_reason: null,
    };
    expect(strictApiSchemas.webhookEndpoint.safeParse(endpoint).success).toBe(true);
    expect(strictApiSchemas.webhookEndpoint.safeParse({ ...endpoint, created_at: '2024-01-15T10:45:00Z' }).success).toBe(false);
    expect(strictApiSchemas.webhookEndpoint.safeParse({ ...endpoint, extra: 1 }).success).toBe(false);
    const { secret_hint: _omit, ...missing } = endpoint;
    expect(strictApiSchemas.webhookEndpoint.safeParse(missing).success).toBe(false);
    expect(webhookEndpointSchema.safeParse(missing).success).toBe(true);
  });
});

describe('unreadable items', () => {
  it('carry the raw item redacted: secret-named values, JWTs and Bearer credentials never ride along', () => {
    const jwt = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJsZWFrIn0.c2lnbmF0dXJl';
    const odd = {
      // no id: fails the schema, so it travels raw
      url: 'https://receiver.example/hook',
      secret: 'whsec_should_not_cross',
      headers: { Authorization: `Bearer ${jwt}`, 'X-Api-Key': 'key-should-not-cross', Accept: 'application/json' },
      settings: { client_secret: 'cs-should-not-cross', note: `token ${jwt}` },
    };
    const parsed = parseList(webhookEndpointSchema, { data: [odd] });
    expect(parsed.success).toBe(true);
    if (!parsed.success) return;
    const text = JSON.stringify(parsed.data.unreadable);
    expect(parsed.data.unreadable).toHaveLength(1);
    for (const secret of ['whsec_should_not_cross', 'key-should-not-cross', 'cs-should-not-cross', jwt]) expect(text).not.toContain(secret);
    // What is not secret is still there to read.
    expect(text).toContain('https://receiver.example/hook');
    expect(text).toContain('application/json');
  });
});
