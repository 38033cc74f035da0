// GET/POST /drivers against a real sandbox: the vendor's documented drivers served verbatim,
// filters, sorts, limits, page pagination, enable/disable, and the strict contract schemas.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { strictApiSchemas } from '../../shared/api';
import { startSandbox, type RunningSandbox } from '../server';
import { request } from '../testing/client';

const fixture = JSON.parse(
  readFileSync(new URL('../../shared/api/fixtures/vendor-drivers-list.json', import.meta.url), 'utf8'),
) as { data: Record<string, unknown>[] };

describe('/drivers', () => {
  let sandbox: RunningSandbox;
  let token: string;
  const get = (path: string) => request(sandbox, 'GET', path, { token });

  beforeAll(async () => {
    sandbox = await startSandbox({ port: 0, demoEvents: 0 });
    token = await sandbox.mintToken();
  });
  afterAll(async () => {
    await sandbox.close();
  });

  const allDrivers = async (query = '') => {
    const response = await get(`/drivers?limit=100${query}`);
    expect(response.status).toBe(200);
    return response.body.data as Record<string, unknown>[];
  };

  it('lists the two documented drivers first, exactly as the vendor example (fields, values, key order)', async () => {
    const response = await get('/drivers?limit=2');
    expect(response.status).toBe(200);
    const served = response.body.data as Record<string, unknown>[];
    expect(served).toHaveLength(2);
    served.forEach((driver, index) => {
      const documented = fixture.data[index]!;
      const documentedKeys = Object.keys(documented);
      // our only addition is auth_method, after the documented fields
      expect(Object.keys(driver)).toEqual([...documentedKeys, 'auth_method']);
      const picked = Object.fromEntries(documentedKeys.map((key) => [key, driver[key]]));
      expect(JSON.stringify(picked)).toBe(JSON.stringify(documented));
    });
    expect(served.map((d) => d.auth_method)).toEqual(['none', 'oauth']);
  });

  it('serves at least 12 drivers whose settings use every setting type, required and required_if', async () => {
    const drivers = await allDrivers();
    expect(drivers.length).toBeGreaterThanOrEqual(12);
    expect(drivers.map((d) => d.name)).toEqual(
      expect.arrayContaining(['Shopify', 'Hotmart', 'Stripe', 'Nuvemshop', 'VTEX', 'Mercado Livre', 'Kiwify', 'Eduzz', 'Pagar.me', 'Tray']),
    );
    const settings = drivers.flatMap((d) => Object.values(d.available_settings as Record<string, Record<string, unknown>>));
    expect(new Set(settings.map((s) => s.type))).toEqual(new Set(['boolean', 'url', 'string', 'secret', 'integer', 'enum']));
    expect(settings.filter((s) => s.type === 'enum').every((s) => Array.isArray(s.options) && (s.options as unknown[]).length > 0)).toBe(true);
    expect(settings.some((s) => s.required === true)).toBe(true);
    expect(settings.some((s) => typeof s.required_if === 'string')).toBe(true);
    for (const driver of drivers) expect(driver.id).toMatch(/^[0-9a-hjkmnp-tv-z]{26}$/);
  });

  it('matches the strict contract schemas (list, single, errors)', async () => {
    strictApiSchemas.page(strictApiSchemas.driver).parse((await get('/drivers?limit=100')).body);
    strictApiSchemas.wrapped(strictApiSchemas.driver).parse((await get('/drivers/bling')).body);
    strictApiSchemas.errorBody.parse((await get('/drivers/nope')).body);
    strictApiSchemas.validationErrorBody.parse((await get('/drivers?limit=0')).body);
  });

  it('gets one driver by id or by slug, 404 otherwise', async () => {
    const byId = await get('/drivers/01ke7rhnt6fhb6tsbbhcdpepyb');
    const bySlug = await get('/drivers/bling');
    expect(byId.status).toBe(200);
    expect(bySlug.body).toEqual(byId.body);
    expect(byId.body.data.name).toBe('Bling');
    for (const bad of ['nope', '01KE7RHNT6FHB6TSBBHCDPEPYB', "bling' OR 1=1 --", '%20']) {
      const response = await get(`/drivers/${encodeURIComponent(bad)}`);
      expect(response.status).toBe(404);
      expect(response.body).toEqual({ message: 'Not found.' });
    }
  });

  it('filters by name (contains, case-insensitive), type and enabled', async () => {
    expect((await allDrivers('&filter[name]=SHOP')).map((d) => d.slug)).toEqual(['shopify', 'nuvemshop']);
    expect((await allDrivers('&filter[name]=%25')).length).toBe(0); // % is a literal, not a wildcard
    expect((await allDrivers('&filter[type]=webhook')).length).toBe((await allDrivers()).length);
    expect(await allDrivers('&filter[type]=polling')).toEqual([]);
    const enabled = await allDrivers('&filter[enabled]=true');
    const disabled = await allDrivers('&filter[enabled]=0');
    expect(enabled.every((d) => d.enabled === true)).toBe(true);
    expect(disabled.every((d) => d.enabled === false)).toBe(true);
    expect(disabled.map((d) => d.slug)).toContain('digital_manager_guru');
    expect(enabled.length + disabled.length).toBe((await allDrivers()).length);
    expect(await allDrivers('&filter[enabled]=1')).toEqual(enabled);
    expect(await allDrivers('&filter[enabled]=false')).toEqual(disabled);
    const bad = await get('/drivers?filter[enabled]=yes');
    expect(bad.status).toBe(400);
    expect(bad.body.message).toMatch(/enabled/);
  });

  it('sorts by one or several keys, ascending or descending', async () => {
    const names = (list: Record<string, unknown>[]) => list.map((d) => String(d.name));
    const byName = names(await allDrivers('&sort=name'));
    expect(byName).toEqual([...byName].sort((a, b) => a.localeCompare(b, 'en', { sensitivity: 'base' })));
    expect(names(await allDrivers('&sort=-name'))).toEqual([...byName].reverse());
    const slugs = (await allDrivers('&sort=-slug')).map((d) => String(d.slug));
    expect(slugs).toEqual([...slugs].sort().reverse());
    // status (enabled state) first — disabled before enabled — then name descending within each group
    const multi = await allDrivers('&sort=status,-name');
    const firstEnabled = multi.findIndex((d) => d.enabled === true);
    expect(multi.slice(0, firstEnabled).every((d) => d.enabled === false)).toBe(true);
    expect(multi.slice(firstEnabled).every((d) => d.enabled === true)).toBe(true);
    const enabledNames = names(multi.slice(firstEnabled));
    expect(enabledNames).toEqual([...enabledNames].sort((a, b) => b.localeCompare(a, 'en', { sensitivity: 'base' })));
    const created = (await allDrivers('&sort=-created_at')).map((d) => String(d.created_at));
    expect(created).toEqual([...created].sort().reverse());
  });

  it('refuses unknown filters and sort keys with 400', async () => {
    for (const path of ['/drivers?filter[slug]=bling', '/drivers?filter=bling', '/drivers?sort=description', '/drivers?sort=name,', '/drivers?sort=name,-name']) {
      const response = await get(path);
      expect(response.status, path).toBe(400);
      expect(typeof response.body.message).toBe('string');
    }
  });

  it('applies limit bounds: default 10, max 100, bad values 422', async () => {
    expect((await get('/drivers')).body.meta.per_page).toBe(10);
    expect((await get('/drivers?limit=100')).status).toBe(200);
    for (const limit of ['0', '101', '-1', 'abc', '1.5', '']) {
      const response = await get(`/drivers?limit=${limit}`);
      expect(response.status, limit).toBe(422);
      expect(response.body.errors.limit).toHaveLength(1);
    }
    for (const page of ['0', 'x', '-2']) expect((await get(`/drivers?page=${page}`)).status).toBe(422);
  });

  it('pages through every driver exactly once with consistent links and meta', async () => {
    const total = (await allDrivers()).length;
    const seen: string[] = [];
    let url: string | null = `${sandbox.baseUrl}/drivers?limit=5&sort=name`;
    let pages = 0;
    while (url !== null) {
      const response = await request(sandbox, 'GET', url, { token });
      expect(response.status).toBe(200);
      const { meta, links, data } = response.body;
      pages += 1;
      expect(meta.current_page).toBe(pages);
      expect(meta.total).toBe(total);
      expect(meta.last_page).toBe(Math.ceil(total / 5));
      expect(meta.path).toBe(`${sandbox.baseUrl}/drivers`);
      expect(meta.from).toBe((pages - 1) * 5 + 1);
      expect(meta.to).toBe(meta.from + data.length - 1);
      expect(links.first).toContain('page=1');
      expect(links.first).toContain('sort=name');
      expect(links.prev === null).toBe(pages === 1);
      seen.push(...data.map((d: { id: string }) => d.id));
      url = links.next;
    }
    expect(seen).toHaveLength(total);
    expect(new Set(seen).size).toBe(total);
    const beyond = await get('/drivers?limit=5&page=99');
    expect(beyond.status).toBe(200);
    expect(beyond.body.data).toEqual([]);
    expect(beyond.body.meta.from).toBeNull();
  });

  it('enables and disables idempotently, returning the driver', async () => {
    const enable1 = await request(sandbox, 'POST', '/drivers/digital_manager_guru/enable', { token });
    expect(enable1.status).toBe(200);
    expect(enable1.body.data.enabled).toBe(true);
    expect(enable1.body.data.enabled_at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/);
    const enable2 = await request(sandbox, 'POST', '/drivers/01ke7rhnt6fhb6tsbbhcdpepya/enable', { token });
    expect(enable2.body).toEqual(enable1.body);

    const disable1 = await request(sandbox, 'POST', '/drivers/digital_manager_guru/disable', { token });
    expect(disable1.body.data.enabled).toBe(false);
    expect(disable1.body.data.enabled_at).toBeNull();
    const disable2 = await request(sandbox, 'POST', '/drivers/digital_manager_guru/disable', { token });
    expect(disable2.body).toEqual(disable1.body);
    expect((await get('/drivers/digital_manager_guru')).body).toEqual(disable1.body);

    expect((await request(sandbox, 'POST', '/drivers/nope/enable', { token })).status).toBe(404);
  });
});
