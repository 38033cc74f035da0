// /installations and the OAuth approval page against a real sandbox: demo seed, listing,
// create (settings validation, API-key check, OAuth pending_auth), write-only secrets, PATCH,
// enable/disable/reauthorize, approval activating the installation, strict schemas.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { strictApiSchemas } from '../../shared/api';
import type { InstallationResource } from '../context';
import { startSandbox, type RunningSandbox } from '../server';
import { request, type RequestOptions } from '../testing/client';

const SECRET = 'sk_live_super_secret_value_123';

describe('/installations', () => {
  let sandbox: RunningSandbox;
  let token: string;
  let updates: InstallationResource[];
  const call = (method: string, path: string, options: RequestOptions = {}) => request(sandbox, method, path, { token, ...options });
  const rowCount = () => (sandbox.ctx.db.prepare('SELECT COUNT(*) AS n FROM installations').get() as { n: number }).n;
  const storedSettings = (id: string) =>
    JSON.parse((sandbox.ctx.db.prepare('SELECT settings FROM installations WHERE id = ?').get(id) as { settings: string }).settings);

  beforeAll(async () => {
    sandbox = await startSandbox({ port: 0, demoEvents: 0 });
    token = await sandbox.mintToken();
    sandbox.ctx.hooks.onInstallationUpdated = (installation) => updates.push(installation);
  });
  beforeEach(() => {
    updates = [];
  });
  afterAll(async () => {
    await sandbox.close();
  });

  const allInstallations = async (query = '') => {
    const items: InstallationResource[] = [];
    let url: string | null = `${sandbox.baseUrl}/installations?limit=100${query}`;
    while (url !== null) {
      const response = await request(sandbox, 'GET', url, { token });
      expect(response.status).toBe(200);
      items.push(...response.body.data);
      url = response.body.links.next;
    }
    return items;
  };

  describe('demo seed and listing', () => {
    it('has about 200 installations in every status, each page matching the strict schema', async () => {
      const first = await call('GET', '/installations?limit=100');
      strictApiSchemas.page(strictApiSchemas.installation).parse(first.body);
      expect(first.body.meta.total).toBeGreaterThanOrEqual(200);
      const all = await allInstallations();
      expect(all).toHaveLength(first.body.meta.total);
      expect(new Set(all.map((i) => i.id)).size).toBe(all.length);
      expect(new Set(all.map((i) => i.status))).toEqual(new Set(['pending_auth', 'active', 'disabled', 'error']));
      expect(all.filter((i) => i.status === 'error').every((i) => typeof i.status_reason === 'string')).toBe(true);
      expect(all.filter((i) => i.status === 'pending_auth').every((i) => i.auth_url !== null && i.method === 'oauth')).toBe(true);
      expect(all.filter((i) => i.status !== 'pending_auth').every((i) => i.auth_url === null)).toBe(true);
      expect(all.filter((i) => i.status === 'disabled').every((i) => i.disabled_at !== null)).toBe(true);
    });

    it('is deterministic: a second sandbox seeds the same installations', async () => {
      const again = await startSandbox({ port: 0, demoEvents: 0, now: sandbox.ctx.now });
      try {
        const ids = (s: RunningSandbox) =>
          (s.ctx.db.prepare('SELECT id, name, status, driver_id FROM installations ORDER BY id').all() as unknown[]);
        expect(ids(again)).toEqual(ids(sandbox).slice(0, 200));
      } finally {
        await again.close();
      }
    });

    it('sorts by -created_at by default, and by other keys on request', async () => {
      const all = await allInstallations();
      const created = all.map((i) => i.created_at);
      expect(created).toEqual([...created].sort().reverse());
      const byStatusThenName = await allInstallations('&sort=status,name');
      const statuses = byStatusThenName.map((i) => i.status);
      expect(statuses).toEqual([...statuses].sort());
      expect((await call('GET', '/installations?sort=driver_id')).status).toBe(400);
    });

    it('filters by status, driver id, driver slug and name, each result consistent with the filter', async () => {
      const all = await allInstallations();
      for (const status of ['pending_auth', 'active', 'disabled', 'error']) {
        const filtered = await allInstallations(`&filter[status]=${status}`);
        expect(filtered.length).toBe(all.filter((i) => i.status === status).length);
      }
      const bling = await allInstallations('&filter[integration_driver_slug]=bling');
      expect(bling.length).toBeGreaterThan(0);
      expect(bling.every((i) => i.integration_driver_slug === 'bling')).toBe(true);
      expect(await allInstallations('&filter[driver_id]=01ke7rhnt6fhb6tsbbhcdpepyb')).toEqual(bling);
      expect(await allInstallations('&filter[driver_id]=bling')).toEqual(bling);
      expect(await allInstallations('&filter[driver_id]=nope')).toEqual([]);
      const named = await allInstallations('&filter[name]=aurora');
      expect(named.length).toBe(all.filter((i) => i.name.toLowerCase().includes('aurora')).length);
      const combined = await allInstallations('&filter[integration_driver_slug]=bling&filter[status]=active');
      expect(combined.length).toBe(bling.filter((i) => i.status === 'active').length);
      expect((await call('GET', '/installations?filter[status]=archived')).status).toBe(400);
      expect((await call('GET', '/installations?filter[secret]=x')).status).toBe(400);
    });

    it('gets one installation; unknown ids are 404', async () => {
      const [first] = await allInstallations('&filter[status]=active');
      const response = await call('GET', `/installations/${first!.id}`);
      expect(response.status).toBe(200);
      strictApiSchemas.wrapped(strictApiSchemas.installation).parse(response.body);
      expect(response.body.data).toEqual(first);
      for (const bad of ['nope', '00000000-0000-4000-8000-000000000000', "1' OR '1'='1"]) {
        expect((await call('GET', `/installations/${encodeURIComponent(bad)}`)).status).toBe(404);
      }
    });
  });

  describe('create', () => {
    it('activates an API-key installation at once, never reading the secret back', async () => {
      const response = await call('POST', '/installations', {
        body: { driver_id: 'stripe', name: 'Loja Teste Stripe', meta: { team: 'ops' }, settings: { api_key: SECRET, capture_delay_days: 3 } },
      });
      expect(response.status).toBe(201);
      strictApiSchemas.wrapped(strictApiSchemas.installation).parse(response.body);
      const created = response.body.data;
      expect(created).toMatchObject({
        integration_driver_slug: 'stripe',
        status: 'active',
        method: 'api_key',
        auth_url: null,
        meta: { team: 'ops' },
        settings: { api_key: null, capture_delay_days: 3 },
        disabled_at: null,
      });
      expect(response.text).not.toContain(SECRET);
      expect(updates.map((u) => u.id)).toEqual([created.id]);
      // stored, but never served: not by get, not by list
      expect(storedSettings(created.id).api_key).toBe(SECRET);
      expect((await call('GET', `/installations/${created.id}`)).text).not.toContain(SECRET);
      expect((await call('GET', '/installations?limit=100&filter[integration_driver_slug]=stripe')).text).not.toContain(SECRET);
    });

    it('answers an OAuth driver with pending_auth and an auth_url outside the API prefix', async () => {
      const response = await call('POST', '/installations', {
        body: { driver_id: '01ke7rhnt6fhb6tsbbhcdpepyb', name: 'Bling da Loja', settings: { 'oauth_settings.redirect_url': 'https://loja.example.com/cb' } },
      });
      expect(response.status).toBe(201);
      const created = response.body.data;
      expect(created.status).toBe('pending_auth');
      expect(created.method).toBe('oauth');
      const authUrl = new URL(created.auth_url);
      expect(authUrl.origin).toBe(sandbox.origin);
      expect(authUrl.pathname).toBe('/_sandbox/oauth/authorize');
      expect(authUrl.searchParams.get('state')!.length).toBeGreaterThanOrEqual(32);
      expect(updates).toEqual([]);
    });

    it('validates settings against available_settings: type, required, required_if, unknown keys', async () => {
      const before = rowCount();
      const response = await call('POST', '/installations', {
        body: {
          driver_id: 'bling',
          name: 'Bling custom',
          settings: { custom_oauth_enabled: true, 'oauth_settings.redirect_url': 'not a url', unknown_key: 1 },
        },
      });
      expect(response.status).toBe(422);
      strictApiSchemas.validationErrorBody.parse(response.body);
      expect(Object.keys(response.body.errors).sort()).toEqual([
        'settings.oauth_settings.custom_oauth.client_id',
        'settings.oauth_settings.custom_oauth.client_secret',
        'settings.oauth_settings.redirect_url',
        'settings.unknown_key',
      ]);
      expect(response.body.errors['settings.oauth_settings.custom_oauth.client_id'][0]).toMatch(/required when custom_oauth_enabled is true/);
      expect(rowCount()).toBe(before);

      // required_if not triggered: custom_oauth_enabled false needs no client id/secret
      const ok = await call('POST', '/installations', {
        body: { driver_id: 'bling', name: 'Bling default', settings: { custom_oauth_enabled: false, 'oauth_settings.redirect_url': 'https://a.example/cb' } },
      });
      expect(ok.status).toBe(201);
      // and satisfied when given
      const custom = await call('POST', '/installations', {
        body: {
          driver_id: 'bling',
          name: 'Bling custom ok',
          settings: {
            custom_oauth_enabled: true,
            'oauth_settings.redirect_url': 'https://a.example/cb',
            'oauth_settings.custom_oauth.client_id': 'cid',
            'oauth_settings.custom_oauth.client_secret': 'csecret',
          },
        },
      });
      expect(custom.status).toBe(201);
    });

    it.each([
      ['boolean', 'shopify', { shop_domain: 'https://s.example', api_version: '2024-07', sync_inventory: 'yes' }, 'settings.sync_inventory'],
      ['enum', 'shopify', { shop_domain: 'https://s.example', api_version: '1999-01' }, 'settings.api_version'],
      ['url', 'shopify', { shop_domain: 'ftp://s.example', api_version: '2024-07' }, 'settings.shop_domain'],
      ['integer', 'stripe', { api_key: SECRET, capture_delay_days: 2.5 }, 'settings.capture_delay_days'],
      ['string', 'vtex', { account_name: 42 }, 'settings.account_name'],
      ['secret', 'stripe', { api_key: 12345678 }, 'settings.api_key'],
    ])('refuses a wrong %s value', async (_type, driver, settings, field) => {
      if (driver === 'vtex') await call('POST', '/drivers/vtex/enable');
      const response = await call('POST', '/installations', { body: { driver_id: driver, name: 'x', settings } });
      expect(response.status).toBe(422);
      expect(response.body.errors[field]).toHaveLength(1);
    });

    it('rejects an API key that is invalid or too short on that field', async () => {
      for (const key of ['invalid', 'short']) {
        const response = await call('POST', '/installations', { body: { driver_id: 'stripe', name: 'x', settings: { api_key: key } } });
        expect(response.status).toBe(422);
        expect(Object.keys(response.body.errors)).toEqual(['settings.api_key']);
        expect(response.text).not.toContain(`"${key}"`);
      }
    });

    it('refuses a disabled or unknown driver, and bad bodies, writing nothing', async () => {
      await call('POST', '/drivers/tray/disable');
      const before = rowCount();
      const disabled = await call('POST', '/installations', {
        body: { driver_id: 'tray', name: 'x', settings: { store_url: 'https://t.example', consumer_key: 'k', consumer_secret: 's' } },
      });
      expect(disabled.status).toBe(422);
      expect(disabled.body.errors.driver_id[0]).toMatch(/disabled/);
      expect((await call('POST', '/installations', { body: { driver_id: 'nope', name: 'x' } })).body.errors.driver_id).toHaveLength(1);

      const cases: [RequestOptions, number][] = [
        [{ rawBody: '{"driver_id": "stripe", ' }, 400],
        [{ rawBody: '[]' }, 400],
        [{ rawBody: '"text"' }, 400],
        [{ body: {} }, 422],
        [{ body: { driver_id: 'stripe', name: '   ' } }, 422],
        [{ body: { driver_id: 'stripe', name: 'x'.repeat(256) } }, 422],
        [{ body: { driver_id: 'stripe', name: 'x', settings: [] } }, 422],
        [{ body: { driver_id: 'stripe', name: 'x', meta: 'm' } }, 422],
        [{ body: { driver_id: 'stripe', name: 'x', status: 'active' } }, 422],
        [{ rawBody: 'driver_id=stripe', headers: { 'content-type': 'text/plain' } }, 415],
      ];
      for (const [options, status] of cases) {
        const response = await call('POST', '/installations', options);
        expect(response.status, JSON.stringify(options)).toBe(status);
        expect(typeof response.body.message).toBe('string');
      }
      expect(rowCount()).toBe(before);
    });
  });

  describe('changes', () => {
    const createStripe = async () =>
      (await call('POST', '/installations', { body: { driver_id: 'stripe', name: 'Patch me', settings: { api_key: SECRET, account_type: 'express' } } }))
        .body.data as InstallationResource;

    it('PATCH is partial: omitted (or null) secrets keep their value, other fields change', async () => {
      const created = await createStripe();
      updates = [];
      const patched = await call('PATCH', `/installations/${created.id}`, {
        body: { name: 'Patched', settings: { capture_delay_days: 7, api_key: null } },
      });
      expect(patched.status).toBe(200);
      strictApiSchemas.wrapped(strictApiSchemas.installation).parse(patched.body);
      expect(patched.body.data).toMatchObject({
        name: 'Patched',
        meta: {},
        settings: { api_key: null, account_type: 'express', capture_delay_days: 7 },
      });
      expect(patched.text).not.toContain(SECRET);
      expect(storedSettings(created.id).api_key).toBe(SECRET);
      expect(updates.map((u) => u.name)).toEqual(['Patched']);

      // clearing a non-secret with null, changing the secret
      const newKey = 'sk_live_rotated_key_456789';
      const second = await call('PATCH', `/installations/${created.id}`, { body: { settings: { account_type: null, api_key: newKey } } });
      expect(second.body.data.settings).toEqual({ api_key: null, capture_delay_days: 7 });
      expect(storedSettings(created.id).api_key).toBe(newKey);
    });

    it('PATCH with a new, accepted API key repairs an installation in error', async () => {
      const [broken] = await allInstallations('&filter[integration_driver_slug]=stripe&filter[status]=error');
      expect(broken).toBeDefined();
      const renamed = await call('PATCH', `/installations/${broken!.id}`, { body: { name: 'Still broken' } });
      expect(renamed.body.data.status).toBe('error');
      const repaired = await call('PATCH', `/installations/${broken!.id}`, { body: { settings: { api_key: 'sk_live_new_working_key' } } });
      expect(repaired.body.data).toMatchObject({ status: 'active', status_reason: null });
    });

    it('a failing hook listener does not turn a committed change into an error', async () => {
      const created = await createStripe();
      const listener = sandbox.ctx.hooks.onInstallationUpdated;
      const quietError = console.error;
      sandbox.ctx.hooks.onInstallationUpdated = () => {
        throw new Error('listener broke');
      };
      console.error = () => {};
      try {
        const response = await call('PATCH', `/installations/${created.id}`, { body: { name: 'Hook failed' } });
        expect(response.status).toBe(200);
        expect((await call('GET', `/installations/${created.id}`)).body.data.name).toBe('Hook failed');
      } finally {
        sandbox.ctx.hooks.onInstallationUpdated = listener;
        console.error = quietError;
      }
    });

    it('PATCH validates like create and writes nothing on error', async () => {
      const created = await createStripe();
      const before = storedSettings(created.id);
      for (const body of [{ settings: { api_key: 'invalid' } }, { settings: { nope: 1 } }, { name: '' }, { driver_id: 'bling' }]) {
        expect((await call('PATCH', `/installations/${created.id}`, { body })).status).toBe(422);
      }
      expect(storedSettings(created.id)).toEqual(before);
      expect((await call('PATCH', '/installations/nope', { body: { name: 'x' } })).status).toBe(404);
    });

    it('disable and enable are idempotent and keep the authorization', async () => {
      const created = await createStripe();
      const disabled = await call('POST', `/installations/${created.id}/disable`);
      expect(disabled.body.data.status).toBe('disabled');
      expect(disabled.body.data.disabled_at).not.toBeNull();
      expect((await call('POST', `/installations/${created.id}/disable`)).body).toEqual(disabled.body);
      const enabled = await call('POST', `/installations/${created.id}/enable`);
      expect(enabled.body.data).toMatchObject({ status: 'active', disabled_at: null });
      expect((await call('POST', `/installations/${created.id}/enable`)).body).toEqual(enabled.body);
    });

    it('reauthorize gives an OAuth installation a new auth_url and keeps its id; others get 422', async () => {
      const [active] = await allInstallations('&filter[integration_driver_slug]=shopify&filter[status]=active');
      const first = await call('POST', `/installations/${active!.id}/reauthorize`);
      expect(first.status).toBe(200);
      expect(first.body.data).toMatchObject({ id: active!.id, status: 'pending_auth' });
      const second = await call('POST', `/installations/${active!.id}/reauthorize`);
      expect(second.body.data.auth_url).not.toBe(first.body.data.auth_url);
      // the older link no longer works
      expect((await fetch(first.body.data.auth_url)).status).toBe(404);
      const apiKey = await createStripe();
      expect((await call('POST', `/installations/${apiKey.id}/reauthorize`)).status).toBe(422);
    });
  });

  describe('OAuth approval page', () => {
    const createPending = async () =>
      (
        await call('POST', '/installations', {
          body: { driver_id: 'nuvemshop', name: 'Nuvem <Loja>', settings: { store_id: 123, 'oauth_settings.redirect_url': 'https://n.example/cb' } },
        })
      ).body.data as InstallationResource;
    const submit = (authUrl: string, decision: string) => {
      const url = new URL(authUrl);
      const form = new URLSearchParams({
        installation_id: url.searchParams.get('installation_id')!,
        state: url.searchParams.get('state')!,
        decision,
      });
      return fetch(`${url.origin}${url.pathname}`, { method: 'POST', body: form });
    };

    it('shows a real page with Approve and Deny, without a bearer token, escaping the name', async () => {
      const pending = await createPending();
      const page = await fetch(pending.auth_url!);
      expect(page.status).toBe(200);
      expect(page.headers.get('content-type')).toMatch(/text\/html/);
      const html = await page.text();
      expect(html).toContain('Nuvemshop');
      expect(html).toContain('Nuvem &#60;Loja&#62;');
      expect(html).toMatch(/<button[^>]*value="approve"[^>]*>Approve<\/button>/);
      expect(html).toMatch(/<button[^>]*value="deny"[^>]*>Deny<\/button>/);
    });

    it('approving activates the pending installation, once, and tells the hooks', async () => {
      const pending = await createPending();
      updates = [];
      const approved = await submit(pending.auth_url!, 'approve');
      expect(approved.status).toBe(200);
      expect(await approved.text()).toContain('Access approved');
      const after = (await call('GET', `/installations/${pending.id}`)).body.data;
      expect(after).toMatchObject({ status: 'active', auth_url: null, status_reason: null });
      expect(updates.map((u) => [u.id, u.status])).toEqual([[pending.id, 'active']]);
      // single use
      expect((await submit(pending.auth_url!, 'approve')).status).toBe(404);
      expect((await fetch(pending.auth_url!)).status).toBe(404);
    });

    it('denying puts the installation in error with a reason', async () => {
      const pending = await createPending();
      expect((await submit(pending.auth_url!, 'deny')).status).toBe(200);
      const after = (await call('GET', `/installations/${pending.id}`)).body.data;
      expect(after.status).toBe('error');
      expect(after.status_reason).toMatch(/denied/);
    });

    it('refuses a wrong state or a bad form without changing anything', async () => {
      const pending = await createPending();
      const url = new URL(pending.auth_url!);
      url.searchParams.set('state', 'x'.repeat(32));
      expect((await fetch(url)).status).toBe(404);
      expect((await submit(url.toString(), 'approve')).status).toBe(404);
      expect((await submit(pending.auth_url!, 'maybe')).status).toBe(404);
      expect((await call('GET', `/installations/${pending.id}`)).body.data.status).toBe('pending_auth');
    });
  });
});
