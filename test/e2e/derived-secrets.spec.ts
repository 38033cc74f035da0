// Derived secrets never reach the DOM. The profile points at a small loopback proxy in front of
// the sandbox that makes every answer leak what a careless or hostile server could: the endpoint's
// real signing secret and custom header values (read from the sandbox's own database), a
// `client_secret` and the stored secret settings in installations, Authorization / X-Api-Key in
// delivery attempts and received webhooks, and an unknown `api_key` on every object. The operator
// then walks the screens that show those resources, details open; the page's HTML must hold none.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { test, expect } from './fixtures';
import { seedProfile, seedToken } from './support';

const LEAK = {
  extra: 'leak-extra-api-key-e2e-7f3a',
  clientSecret: 'leak-client-secret-e2e-91bd',
  attemptAuth: 'leak-attempt-authorization-e2e-c0de',
  attemptKey: 'leak-attempt-x-api-key-e2e-5eed',
  receivedAuth: 'leak-received-authorization-e2e-b1ab',
};

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

test('no endpoint secret, header value, secret setting or unknown field reaches the page', async ({ app }) => {
  test.slow(); // several screens with details open
  const db = app.sandbox.ctx.db;
  const endpoints = db.prepare('SELECT id, secret, headers FROM webhook_endpoints').all() as { id: string; secret: string; headers: string }[];
  const storedSecrets = endpoints.map((e) => e.secret);
  const storedHeaderValues = endpoints.flatMap((e) => Object.values(JSON.parse(e.headers) as Record<string, string>));
  // The stored values of settings their driver types `secret` (the sandbox keeps them, never serves them).
  const rows = db.prepare('SELECT i.settings, d.available_settings FROM installations i JOIN drivers d ON d.id = i.driver_id').all() as { settings: string; available_settings: string }[];
  const installationSettings = rows.flatMap((row) => {
    const types = JSON.parse(row.available_settings) as Record<string, { type?: string }>;
    return Object.entries(JSON.parse(row.settings) as Record<string, unknown>)
      .filter(([key, value]) => types[key]?.type === 'secret' && typeof value === 'string' && value.length >= 8)
      .map(([, value]) => value as string);
  });
  expect(installationSettings.length).toBeGreaterThan(0);
  expect(storedSecrets.length).toBeGreaterThan(0);
  expect(storedHeaderValues.length).toBeGreaterThan(0);
  const secretById = new Map(endpoints.map((e) => [e.id, e]));

  // What the proxy adds to each kind of object it sees.
  let injected = 0;
  const leakInto = (value: Json): Json => {
    if (Array.isArray(value)) return value.map(leakInto);
    if (value === null || typeof value !== 'object') return value;
    const out: { [key: string]: Json } = {};
    for (const [key, item] of Object.entries(value)) out[key] = leakInto(item);
    if (typeof out.id === 'string') {
      out.api_key = LEAK.extra;
      injected++;
      const stored = secretById.get(out.id);
      if (stored && 'secret_hint' in out) {
        out.secret = stored.secret;
        out.secret_hint = stored.secret;
        out.headers = JSON.parse(stored.headers) as Json;
      }
      if ('driver_id' in out && out.settings && typeof out.settings === 'object' && !Array.isArray(out.settings)) {
        out.settings = { ...out.settings, client_secret: LEAK.clientSecret };
      }
      if (out.request_headers && typeof out.request_headers === 'object' && !Array.isArray(out.request_headers)) {
        out.request_headers = { ...out.request_headers, Authorization: `Bearer ${LEAK.attemptAuth}`, 'X-Api-Key': LEAK.attemptKey };
      }
      if ('received_at' in out && out.headers && typeof out.headers === 'object' && !Array.isArray(out.headers)) {
        out.headers = { ...out.headers, authorization: `Basic ${LEAK.receivedAuth}` };
      }
    }
    return out;
  };

  const upstream = new URL(app.sandbox.baseUrl);
  const proxy: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      void (async () => {
        const headers = new Headers();
        for (const name of ['authorization', 'content-type', 'idempotency-key', 'accept']) {
          const value = req.headers[name];
          if (typeof value === 'string') headers.set(name, value);
        }
        const body = chunks.length ? Buffer.concat(chunks) : undefined;
        const answer = await fetch(`${upstream.origin}${req.url ?? '/'}`, { method: req.method ?? 'GET', headers, ...(body ? { body } : {}), redirect: 'manual' });
        let text = await answer.text();
        if ((answer.headers.get('content-type') ?? '').includes('json') && text) text = JSON.stringify(leakInto(JSON.parse(text) as Json));
        const out: Record<string, string> = { 'content-type': answer.headers.get('content-type') ?? 'application/json' };
        for (const name of ['retry-after', 'x-ratelimit-limit', 'x-ratelimit-remaining', 'location']) {
          const value = answer.headers.get(name);
          if (value) out[name] = value;
        }
        res.writeHead(answer.status, out).end(text);
      })().catch(() => res.writeHead(502).end());
    });
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  try {
    const proxyBase = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}${upstream.pathname}`;
    const profile = await seedProfile(app, { name: 'Leaky proxy', baseUrl: proxyBase, environment: 'sandbox' }, { activate: true });
    await seedToken(app, profile.id);

    const needles = [...Object.values(LEAK), ...storedSecrets, ...storedHeaderValues, ...installationSettings];
    const seen: string[] = [];
    const check = async (where: string) => {
      const html = await app.page.evaluate(() => document.documentElement.outerHTML);
      for (const needle of needles) if (html.includes(needle)) seen.push(`${where}: ${needle.slice(0, 12)}…`);
    };

    // Events: an event whose attempts went to an endpoint with custom headers, attempt and raw JSON open.
    const withHeaders = endpoints.find((e) => Object.keys(JSON.parse(e.headers) as object).length > 0)!;
    const eventId = (db.prepare('SELECT event_id FROM dispatches WHERE endpoint_id = ? ORDER BY attempted_at DESC LIMIT 1').get(withHeaders.id) as { event_id: string }).event_id;
    await app.open(`/events?event=${encodeURIComponent(eventId)}`);
    await expect(app.page.getByTestId('event-detail')).toHaveAttribute('data-event-id', eventId);
    await expect(app.page.getByText('••••').first()).toBeVisible();
    await check('event detail');
    await app.page.getByTestId('tab-raw').click();
    await expect(app.page.getByTestId('raw-viewer')).toBeVisible();
    await check('event raw');

    // Deliveries: an attempt open; received webhooks with one open.
    await app.open('/deliveries');
    await app.page.getByTestId('dispatch-row').first().locator('td').first().click();
    await check('deliveries');
    await app.open('/deliveries?tab=received');
    await app.page.getByTestId('received-row').first().click();
    await check('received webhooks');

    // Webhooks: the endpoints, and the edit form of the one with custom headers.
    await app.open('/webhooks');
    await expect(app.page.getByText(new URL(db.prepare('SELECT url FROM webhook_endpoints WHERE id = ?').pluck().get(withHeaders.id) as string).pathname).first()).toBeVisible();
    await check('webhooks');

    // Installations: the list and one open.
    await app.open('/installations');
    // One whose driver has a secret setting, so its settings are on screen.
    const withSecret = db
      .prepare(`SELECT i.id FROM installations i JOIN drivers d ON d.id = i.driver_id WHERE d.available_settings LIKE '%"secret"%' LIMIT 1`)
      .pluck()
      .get() as string | undefined;
    if (withSecret) await app.open(`/installations?installation=${encodeURIComponent(withSecret)}`);
    else {
      await app.open('/installations');
      await app.page.getByTestId('installation-row').first().getByRole('button').first().click();
    }
    await expect(app.page.getByTestId('installation-detail')).toBeVisible();
    await check('installations');

    expect(injected).toBeGreaterThan(50);
    expect(seen).toEqual([]);
  } finally {
    await new Promise<void>((resolve) => proxy.close(() => resolve()));
  }
});
