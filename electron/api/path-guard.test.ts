// Paths cannot be steered: a dot-segment or separator id is refused by the path builder, and every
// request URL is checked after resolution to stay under the profile's base path. Nothing refused
// here ever reaches fetch.
import { describe, expect, it } from 'vitest';
import { CapabilityCache } from './capabilities';
import { PlatformHttp, pathId } from './http';
import { PlatformClient } from './platform-client';
import { RequestScheduler } from './scheduler';
import { MemoryVault } from './test-support';

function clientWithRecorder(baseUrl: string) {
  const fetched: string[] = [];
  const vault = new MemoryVault();
  vault.set('p1', 'header.payload.signature');
  const fetchImpl = (async (input: URL | string) => {
    fetched.push(String(input));
    return new Response(JSON.stringify({ data: [] }), { status: 200, headers: { 'content-type': 'application/json' } });
  }) as typeof fetch;
  const http = new PlatformHttp({ id: 'p1', baseUrl }, { vault, scheduler: new RequestScheduler({ maxConcurrency: 1 }), fetch: fetchImpl });
  return { http, client: new PlatformClient(http, new CapabilityCache()), fetched };
}

describe('request paths', () => {
  it.each(['..', '.', '%2e%2e', '%2E%2e', '%252e', '../admin', 'a/b', 'a\\b', '%2f', 'x\r\nX-Injected: 1'])('pathId refuses %j', (id) => {
    expect(() => pathId(id)).toThrow(expect.objectContaining({ code: 'invalid_input', details: { reason: 'unsafe_id' } }));
  });

  it('a client call with a steering id never reaches fetch', async () => {
    const { client, fetched } = clientWithRecorder('https://api.example.com/v1');
    for (const id of ['..', '%2e%2e', '%252e%252e', '..\\..\\admin']) {
      // (Refused while the path is built, before any promise exists; handlers turn it into a rejection.)
      await expect(async () => client.getDriver(id)).rejects.toMatchObject({ code: 'invalid_input' });
      await expect(async () => client.enableDriver(id, { idempotencyKey: 'k' })).rejects.toMatchObject({ code: 'invalid_input' });
      await expect(async () => client.getWebhookEndpoint(id)).rejects.toMatchObject({ code: 'invalid_input' });
    }
    expect(fetched).toEqual([]);
  });

  it.each([
    ['https://api.example.com/v1', '/../admin'],
    ['https://api.example.com/v1', '/%2e%2e/admin'],
    ['https://api.example.com/v1', '/drivers/%2E%2e'],
    ['https://api.example.com/v1', '/drivers/./x'],
    ['https://api.example.com/v1', '/%2e/drivers'],
    ['https://api.example.com/v1', '//evil.example/x'],
    ['https://api.example.com/v1', '/drivers//x'],
    ['https://api.example.com/v1', '/\\evil.example/x'],
    ['https://api.example.com', '/../../etc'],
    ['http://127.0.0.1:4010/api/v1', '/../../v2/drivers'],
  ])('base %s: the resolved URL of %j leaves the base path and is refused before sending', async (baseUrl, path) => {
    const { http, fetched } = clientWithRecorder(baseUrl);
    await expect(http.send({ method: 'GET', path })).rejects.toMatchObject({ code: 'invalid_input', details: { reason: 'path_outside_base' } });
    expect(fetched).toEqual([]);
  });

  it('ordinary paths resolve under the base path', async () => {
    const { http, fetched } = clientWithRecorder('https://api.example.com/v1');
    await http.send({ method: 'GET', path: `/drivers/${pathId('a..b')}`, query: { q: '../x' } });
    expect(fetched).toEqual(['https://api.example.com/v1/drivers/a..b?q=..%2Fx']);
  });
});
