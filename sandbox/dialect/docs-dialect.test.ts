// The docs dialect against a real sandbox (docs/api-contract.md §9): only the documented routes, at
// the root, in the documented shapes (keys and types of the vendor's examples), and the Laravel +
// spatie answers for everything else — 400 for filters/sorts not allowed, 404/405 for other routes,
// 401 and 422 as Laravel shapes them, `limit` default 10 and max 100.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type RunningSandbox } from '../server';
import { request } from '../testing/client';

const vendor = (name: string) => JSON.parse(readFileSync(new URL(`../../shared/api/fixtures/${name}`, import.meta.url), 'utf8')) as unknown;
const vendorDrivers = vendor('vendor-drivers-list.json') as { data: Record<string, unknown>[] };
const vendorEvents = vendor('vendor-events-list.json') as { data: Record<string, unknown>[] };
const vendorInstallation = vendor('vendor-create-installation.json') as Record<string, unknown>;

/**
 * Holds `served` to the documented example's shape: the same keys in the same order, and the same JSON
 * type for every value the example shows (a documented `null` only says the key may be null).
 */
function expectDocumentedShape(served: unknown, documented: unknown, path = '$'): void {
  if (documented === null) return;
  const kind = (value: unknown) => (value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value);
  expect(kind(served), path).toBe(kind(documented));
  if (Array.isArray(documented)) {
    for (const [index, item] of (served as unknown[]).entries()) expectDocumentedShape(item, documented[0] ?? item, `${path}[${index}]`);
    return;
  }
  if (typeof documented === 'object' && served !== null) {
    const documentedObject = documented as Record<string, unknown>;
    // available_settings-like maps (the example's keys are data, not fields) are compared by type only.
    if (path.endsWith('available_settings')) return;
    expect(Object.keys(served as object), path).toEqual(Object.keys(documentedObject));
    for (const key of Object.keys(documentedObject)) {
      const value = (served as Record<string, unknown>)[key];
      // A documented null may be an object or a string in other rows; a non-null must keep its type.
      if (documentedObject[key] !== null && value !== null) expectDocumentedShape(value, documentedObject[key], `${path}.${key}`);
    }
  }
}

describe('docs dialect', () => {
  let sandbox: RunningSandbox;
  let token: string;
  const get = (path: string, withToken = true) => request(sandbox, 'GET', path, { token: withToken ? token : null });

  beforeAll(async () => {
    sandbox = await startSandbox({ port: 0, dialect: 'docs', demoEvents: 300, dispatch: false });
    token = await sandbox.mintToken();
  });
  afterAll(async () => {
    await sandbox.close();
  });

  it('serves at the root', () => {
    expect(sandbox.baseUrl).toBe(sandbox.origin);
  });

  describe('GET /drivers', () => {
    it('serves the two documented drivers verbatim: the vendor example, byte for byte', async () => {
      const response = await get('/drivers?limit=2');
      expect(response.status).toBe(200);
      expect(response.text).toBe(JSON.stringify(vendorDrivers));
    });

    it('a bare {"data": [...]} of 10 by default, every driver in the documented shape', async () => {
      const response = await get('/drivers');
      expect(response.status).toBe(200);
      expect(Object.keys(response.body)).toEqual(['data']);
      expect(response.body.data).toHaveLength(10);
      const all = (await get('/drivers?limit=100')).body.data as unknown[];
      expect(all.length).toBeGreaterThanOrEqual(12);
      for (const driver of all) expectDocumentedShape(driver, vendorDrivers.data[1]);
    });

    it('filters by name (contains, any of comma-separated values), type and enabled', async () => {
      expect((await get('/drivers?filter[name]=blin')).body.data.map((d: { slug: string }) => d.slug)).toEqual(['bling']);
      const two = (await get('/drivers?filter[name]=bling,guru')).body.data.map((d: { slug: string }) => d.slug);
      expect(two.sort()).toEqual(['bling', 'digital_manager_guru']);
      expect((await get('/drivers?limit=100&filter[type]=webhook')).body.data.length).toBeGreaterThanOrEqual(12);
      expect((await get('/drivers?filter[type]=ftp')).body.data).toEqual([]);
      const enabled = (await get('/drivers?limit=100&filter[enabled]=true')).body.data as { enabled: boolean }[];
      const disabled = (await get('/drivers?limit=100&filter[enabled]=0')).body.data as { enabled: boolean }[];
      expect(enabled.length).toBeGreaterThan(0);
      expect(disabled.length).toBeGreaterThan(0);
      expect(enabled.every((d) => d.enabled)).toBe(true);
      expect(disabled.every((d) => !d.enabled)).toBe(true);
      // A value the column cannot hold matches nothing (no error: spatie does not validate values).
      expect((await get('/drivers?filter[enabled]=maybe')).body.data).toEqual([]);
      // An empty value is no filter at all (Laravel turns it into null).
      expect((await get('/drivers?filter[name]=')).body.data).toHaveLength(10);
    });

    it('sorts on the documented keys, - for descending, several keys', async () => {
      const names = async (sort: string) => ((await get(`/drivers?limit=100&sort=${sort}`)).body.data as { name: string }[]).map((d) => d.name);
      const ascending = await names('name');
      expect(ascending).toEqual([...ascending].sort((a, b) => a.localeCompare(b, 'en', { sensitivity: 'base' })));
      expect(await names('-name')).toEqual([...ascending].reverse());
      const byEnabledThenName = (await get('/drivers?limit=100&sort=-status,name')).body.data as { enabled: boolean; name: string }[];
      const firstDisabled = byEnabledThenName.findIndex((d) => !d.enabled);
      expect(byEnabledThenName.slice(firstDisabled).every((d) => !d.enabled)).toBe(true);
      for (const key of ['slug', 'version', 'type', 'created_at', '-created_at']) expect((await get(`/drivers?sort=${key}`)).status).toBe(200);
    });

    it('400 with spatie\'s message for a filter or sort it does not allow', async () => {
      const filter = await get('/drivers?filter[auth_method]=oauth');
      expect(filter.status).toBe(400);
      expect(filter.body).toEqual({
        message: 'Requested filter(s) `auth_method` are not allowed. Allowed filter(s) are `name, type, enabled`.',
      });
      const two = await get('/drivers?filter[slug]=x&filter[name]=b&filter[id]=y');
      expect(two.body.message).toBe('Requested filter(s) `slug, id` are not allowed. Allowed filter(s) are `name, type, enabled`.');
      const sort = await get('/drivers?sort=-enabled_at,name');
      expect(sort.status).toBe(400);
      expect(sort.body).toEqual({
        message: 'Requested sort(s) `enabled_at` is not allowed. Allowed sort(s) are `name, slug, version, type, status, created_at`.',
      });
    });
  });

  describe('GET /processing/events', () => {
    it('a bare list of 10 by default, newest first, every event in the documented shape', async () => {
      const response = await get('/processing/events');
      expect(response.status).toBe(200);
      expect(Object.keys(response.body)).toEqual(['data']);
      const events = response.body.data as { created_at: string }[];
      expect(events).toHaveLength(10);
      const hundred = (await get('/processing/events?limit=100')).body.data as { created_at: string; last_dispatch: unknown }[];
      expect(hundred).toHaveLength(100);
      for (const event of hundred) expectDocumentedShape(event, vendorEvents.data[0]);
      expect(hundred.some((event) => event.last_dispatch !== null)).toBe(true);
      const times = hundred.map((event) => event.created_at);
      expect(times).toEqual([...times].sort().reverse());
    });

    it('the five documented filters', async () => {
      const [sample] = (await get('/processing/events?limit=1')).body.data as {
        name: string;
        status: string;
        installation_id: string;
        integration_driver_slug: string;
        created_at: string;
      }[];
      for (const [filter, value] of [
        ['name', sample!.name],
        ['status', sample!.status],
        ['installation_id', sample!.installation_id],
        ['integration_driver_slug', sample!.integration_driver_slug],
      ] as const) {
        const rows = (await get(`/processing/events?limit=100&filter[${filter}]=${encodeURIComponent(value)}`)).body.data as Record<string, string>[];
        expect(rows.length, filter).toBeGreaterThan(0);
        expect(rows.every((row) => row[filter] === value), filter).toBe(true);
      }
      const all = (await get('/processing/events?limit=100')).body.data as { created_at: string }[];
      const boundary = all[50]!.created_at;
      const newer = (await get(`/processing/events?limit=100&filter[created_at_greater_than]=${boundary}`)).body.data as { created_at: string }[];
      expect(newer.length).toBeGreaterThan(0);
      expect(newer.length).toBeLessThanOrEqual(50);
      expect(newer.every((event) => event.created_at > boundary)).toBe(true);
      expect((await get('/processing/events?filter[status]=no-such-status')).body.data).toEqual([]);
    });

    it('400 for the contract\'s own filters and for any sort (the docs name none)', async () => {
      const allowed = 'name, status, installation_id, integration_driver_slug, created_at_greater_than';
      for (const filter of ['created_at_less_than', 'superseded', 'dispatch_status', 'attempt_response_code']) {
        const response = await get(`/processing/events?filter[${filter}]=1`);
        expect(response.status, filter).toBe(400);
        expect(response.body).toEqual({ message: `Requested filter(s) \`${filter}\` are not allowed. Allowed filter(s) are \`${allowed}\`.` });
      }
      for (const sort of ['created_at', '-created_at']) {
        const response = await get(`/processing/events?sort=${sort}`);
        expect(response.status, sort).toBe(400);
        expect(response.body).toEqual({ message: 'Requested sort(s) `created_at` is not allowed. Allowed sort(s) are ``.' });
      }
    });

    it('422 on the field for a created_at_greater_than that is not a date', async () => {
      const response = await get('/processing/events?filter[created_at_greater_than]=yesterday-ish');
      expect(response.status).toBe(422);
      expect(response.body).toEqual({
        message: 'The filter.created at greater than field must be a valid date.',
        errors: { 'filter.created_at_greater_than': ['The filter.created at greater than field must be a valid date.'] },
      });
    });
  });

  describe('limit', () => {
    it('defaults to 10, accepts 1..100, and is a 422 outside (Laravel\'s integer|min:1|max:100, never a silent clamp)', async () => {
      expect((await get('/processing/events?limit=1')).body.data).toHaveLength(1);
      expect((await get('/processing/events?limit=')).body.data).toHaveLength(10);
      const cases: [string, string][] = [
        ['101', 'The limit field must not be greater than 100.'],
        ['1000', 'The limit field must not be greater than 100.'],
        ['0', 'The limit field must be at least 1.'],
        ['-5', 'The limit field must be at least 1.'],
        ['ten', 'The limit field must be an integer.'],
        ['2.5', 'The limit field must be an integer.'],
      ];
      for (const [limit, message] of cases) {
        for (const path of ['/drivers', '/processing/events']) {
          const response = await get(`${path}?limit=${limit}`);
          expect(response.status, `${path} limit=${limit}`).toBe(422);
          expect(response.body).toEqual({ message, errors: { limit: [message] } });
        }
      }
    });
  });

  describe('GET /processing/events/{id}', () => {
    it('the event wrapped in data, with its payload object and no other undocumented field', async () => {
      const [listed] = (await get('/processing/events?limit=1')).body.data as Record<string, unknown>[];
      const response = await get(`/processing/events/${listed!.id as string}`);
      expect(response.status).toBe(200);
      expect(Object.keys(response.body)).toEqual(['data']);
      const { payload, ...fields } = response.body.data as Record<string, unknown>;
      expect(fields).toEqual(listed);
      expect(typeof payload).toBe('object');
      expect(Array.isArray(payload)).toBe(false);
    });

    it('404 as route-model binding answers for an unknown id', async () => {
      const response = await get('/processing/events/0192abcd-0000-0000-0000-000000000000');
      expect(response.status).toBe(404);
      expect(response.body).toEqual({ message: 'No query results for model [App\\Models\\Event] 0192abcd-0000-0000-0000-000000000000' });
    });
  });

  describe('POST /installations', () => {
    const post = (body: unknown) => request(sandbox, 'POST', '/installations', { token, body });

    it('an OAuth driver: 201 and the documented bare {id, status, auth_url}; approving at auth_url activates it', async () => {
      const response = await post({
        driver_id: 'bling',
        name: 'Loja Centro',
        meta: { store: 'centro' },
        settings: { 'oauth_settings.redirect_url': 'https://example.com/cb' },
      });
      expect(response.status).toBe(201);
      expect(Object.keys(response.body)).toEqual(Object.keys(vendorInstallation));
      expectDocumentedShape(response.body, vendorInstallation);
      expect(response.body.status).toBe('pending_auth');
      const authUrl = new URL(response.body.auth_url as string);
      expect((await request(sandbox, 'GET', authUrl.href)).status).toBe(200);
      const form = new URLSearchParams(authUrl.searchParams);
      form.set('decision', 'approve');
      const approve = await request(sandbox, 'POST', `${authUrl.origin}${authUrl.pathname}`, {
        rawBody: form.toString(),
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
      });
      expect(approve.status).toBe(200);
      const row = sandbox.ctx.db.prepare('SELECT status, name FROM installations WHERE id = ?').get(response.body.id) as { status: string; name: string };
      expect(row).toEqual({ status: 'active', name: 'Loja Centro' });
    });

    it('an API-key driver is checked and active at once: auth_url null', async () => {
      const driver = sandbox.ctx.db
        .prepare("SELECT slug, credential_setting FROM drivers WHERE auth_method = 'api_key' AND enabled = 1 LIMIT 1")
        .get() as { slug: string; credential_setting: string } | undefined;
      expect(driver).toBeDefined();
      const definitions = JSON.parse(
        (sandbox.ctx.db.prepare('SELECT available_settings FROM drivers WHERE slug = ?').get(driver!.slug) as { available_settings: string }).available_settings,
      ) as Record<string, { required?: boolean; type: string; options?: string[] }>;
      const settings = Object.fromEntries(
        Object.entries(definitions)
          .filter(([, definition]) => definition.required === true)
          .map(([key, definition]) => [
            key,
            key === driver!.credential_setting
              ? 'sk_live_0123456789abcdef'
              : definition.type === 'integer'
                ? 1
                : definition.type === 'boolean'
                  ? true
                  : definition.type === 'url'
                    ? 'https://example.com'
                    : (definition.options?.[0] ?? 'value'),
          ]),
      );
      const response = await post({ driver_id: driver!.slug, name: 'Chave', settings });
      expect(response.status, JSON.stringify(response.body)).toBe(201);
      expect(response.body).toEqual({ id: expect.any(String), status: 'active', auth_url: null });
    });

    it('422 as a Laravel FormRequest answers: every field\'s errors at once, in Laravel\'s words', async () => {
      const empty = await post({});
      expect(empty.status).toBe(422);
      expect(empty.body).toEqual({
        message: 'The driver id field is required. (and 1 more error)',
        errors: { driver_id: ['The driver id field is required.'], name: ['The name field is required.'] },
      });
      const bad = await post({ driver_id: 'no-such-driver', name: 'x'.repeat(256), meta: 'text' });
      expect(bad.body.errors).toEqual({
        driver_id: ['The selected driver id is invalid.'],
        name: ['The name field must not be greater than 255 characters.'],
        meta: ['The meta field must be an array.'],
      });
      const types = await post({ driver_id: 7, name: ['a'] });
      expect(types.body.errors).toEqual({ driver_id: ['The driver id field must be a string.'], name: ['The name field must be a string.'] });
      const settings = await post({ driver_id: 'bling', name: 'Sem URL' });
      expect(settings.status).toBe(422);
      expect(Object.keys(settings.body.errors)).toEqual(['settings.oauth_settings.redirect_url']);
    });
  });

  describe('routes the docs do not show', () => {
    it('404 with Laravel\'s message for every undocumented path, with or without a token (routing comes first)', async () => {
      const paths = [
        '/drivers/bling',
        '/drivers/bling/enable',
        '/installations/abc',
        '/processing/dispatches',
        '/processing/webhooks',
        '/webhooks/endpoints',
        '/webhooks/retry-policy',
        '/v1/drivers',
        '/',
      ];
      for (const path of paths) {
        for (const withToken of [true, false]) {
          const response = await get(path, withToken);
          expect(response.status, path).toBe(404);
          expect(response.body).toEqual({ message: `The route ${path === '/' ? '/' : path.slice(1)} could not be found.` });
        }
      }
      for (const [method, path] of [
        ['POST', '/drivers/bling/enable'],
        ['POST', '/processing/events/x/redeliver'],
        ['PATCH', '/installations/abc'],
        ['PUT', '/webhooks/retry-policy'],
      ] as const) {
        const response = await request(sandbox, method, path, { token, body: {} });
        expect(response.status, `${method} ${path}`).toBe(404);
      }
    });

    it('405 naming the supported methods when a documented path is asked with another method (GET /installations)', async () => {
      const list = await get('/installations');
      expect(list.status).toBe(405);
      expect(list.body).toEqual({ message: 'The GET method is not supported for route installations. Supported methods: POST.' });
      expect(list.headers.get('allow')).toBe('POST');
      const post = await request(sandbox, 'POST', '/drivers', { token, body: {} });
      expect(post.status).toBe(405);
      expect(post.body).toEqual({ message: 'The POST method is not supported for route drivers. Supported methods: GET, HEAD.' });
      const remove = await request(sandbox, 'DELETE', '/processing/events/abc', { token });
      expect(remove.body.message).toBe('The DELETE method is not supported for route processing/events/abc. Supported methods: GET, HEAD.');
      const options = await request(sandbox, 'OPTIONS', '/drivers', {});
      expect(options.status).toBe(200);
      expect(options.headers.get('allow')).toBe('GET,HEAD');
    });
  });

  describe('auth and rate limit', () => {
    it('401 {"message":"Unauthenticated."} on every documented route without a valid token, before anything else', async () => {
      for (const [method, path] of [
        ['GET', '/drivers?limit=1000'],
        ['GET', '/processing/events?sort=x'],
        ['GET', '/processing/events/nope'],
        ['POST', '/installations'],
      ] as const) {
        for (const bad of [null, 'not-a-jwt']) {
          const response = await request(sandbox, method, path, { token: bad, body: method === 'POST' ? {} : undefined });
          expect(response.status, `${method} ${path}`).toBe(401);
          expect(response.body).toEqual({ message: 'Unauthenticated.' });
        }
      }
    });

    it('sends the rate-limit headers a throttled Laravel route sends', async () => {
      const response = await get('/drivers?limit=1');
      expect(Number(response.headers.get('x-ratelimit-limit'))).toBeGreaterThan(0);
      expect(response.headers.get('x-ratelimit-remaining')).not.toBeNull();
    });
  });
});

describe('docs dialect: faults and prefix', () => {
  it('applies --faults to the documented routes, and can be served under a prefix', async () => {
    const sandbox = await startSandbox({ port: 0, dialect: 'docs', demoEvents: 0, dispatch: false, faults: 'error_rate=1', prefix: '/api/v1' });
    try {
      const token = await sandbox.mintToken();
      expect(sandbox.baseUrl).toBe(`${sandbox.origin}/api/v1`);
      const response = await request(sandbox, 'GET', '/drivers', { token });
      expect([500, 502, 503]).toContain(response.status);
      await request(sandbox, 'PUT', `${sandbox.origin}/_sandbox/faults`, { body: { spec: 'none' }, headers: { 'x-sandbox-admin': sandbox.adminSecret } });
      expect((await request(sandbox, 'GET', '/drivers', { token })).status).toBe(200);
      const root = await request(sandbox, 'GET', `${sandbox.origin}/drivers`, { token });
      expect(root.body).toEqual({ message: 'The route drivers could not be found.' });
      const wrongMethod = await request(sandbox, 'GET', '/installations', { token });
      expect(wrongMethod.body.message).toBe('The GET method is not supported for route api/v1/installations. Supported methods: POST.');
    } finally {
      await sandbox.close();
    }
  });

  it('refuses paging options for the contract dialect', async () => {
    await expect(startSandbox({ port: 0, demoEvents: 0, paging: 'page' })).rejects.toThrow(/docs dialect only/);
  });
});
