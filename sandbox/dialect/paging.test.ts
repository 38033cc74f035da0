// The docs dialect's paging variants (docs/api-contract.md §9), where the docs are silent: a bare list
// whose `page` still offsets (none, the default), Laravel's length-aware and simple paginators, and a
// server that ignores `page` altogether.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DocsPaging } from '../context';
import { startSandbox, type RunningSandbox } from '../server';
import { request } from '../testing/client';
import { urlWindow } from './paging';

type Item = { id: string };

function useSandbox(paging: DocsPaging | undefined, ignorePage = false) {
  const state = { sandbox: undefined as unknown as RunningSandbox, token: '' };
  beforeAll(async () => {
    state.sandbox = await startSandbox({ port: 0, dialect: 'docs', demoEvents: 60, dispatch: false, ...(paging ? { paging } : {}), ignorePage });
    state.token = await state.sandbox.mintToken();
  });
  afterAll(async () => {
    await state.sandbox.close();
  });
  return {
    get: (path: string) => request(state.sandbox, 'GET', path, { token: state.token }),
    origin: () => state.sandbox.origin,
  };
}

const ids = (body: { data: Item[] }) => body.data.map((item) => item.id);

describe('paging none (the default)', () => {
  const { get } = useSandbox(undefined);

  it('bare {data}; page offsets by limit, past the end an empty list', async () => {
    const all = ids((await get('/processing/events?limit=30')).body);
    const first = await get('/processing/events?limit=10&page=1');
    expect(Object.keys(first.body)).toEqual(['data']);
    expect(ids(first.body)).toEqual(all.slice(0, 10));
    expect(ids((await get('/processing/events?limit=10&page=3')).body)).toEqual(all.slice(20, 30));
    expect((await get('/drivers?limit=10&page=50')).body).toEqual({ data: [] });
    // Laravel's paginator reads a page that is not a whole number ≥ 1 as page 1.
    for (const page of ['0', '-2', 'two', '1.5']) expect(ids((await get(`/processing/events?limit=10&page=${page}`)).body)).toEqual(all.slice(0, 10));
  });
});

describe('paging page (Laravel length-aware paginator)', () => {
  const { get, origin } = useSandbox('page');

  it('data, links and meta exactly as a JsonResource collection over ->paginate()', async () => {
    const all = (await get('/drivers?limit=100')).body.data as Item[];
    const total = all.length;
    const response = await get('/drivers?limit=5&page=2&filter[type]=webhook');
    expect(response.status).toBe(200);
    const path = `${origin()}/drivers`;
    const url = (page: number) => `${path}?limit=5&filter%5Btype%5D=webhook&page=${page}`;
    const lastPage = Math.ceil(total / 5);
    expect(Object.keys(response.body)).toEqual(['data', 'links', 'meta']);
    expect(ids(response.body)).toEqual(all.slice(5, 10).map((item) => item.id));
    expect(response.body.links).toEqual({ first: url(1), last: url(lastPage), prev: url(1), next: lastPage > 2 ? url(3) : null });
    expect(response.body.meta).toEqual({
      current_page: 2,
      from: 6,
      last_page: lastPage,
      links: [
        { url: url(1), label: '&laquo; Previous', page: 1, active: false },
        ...Array.from({ length: lastPage }, (_, i) => ({ url: url(i + 1), label: String(i + 1), page: i + 1, active: i + 1 === 2 })),
        { url: lastPage > 2 ? url(3) : null, label: 'Next &raquo;', page: lastPage > 2 ? 3 : null, active: false },
      ],
      path,
      per_page: 5,
      to: 10,
      total,
    });
  });

  it('past the last page: no rows, from/to null, no next', async () => {
    const response = await get('/processing/events?limit=10&page=99');
    expect(response.body.data).toEqual([]);
    const { total } = response.body.meta as { total: number };
    expect(total).toBeGreaterThan(0);
    expect(response.body.meta).toMatchObject({ current_page: 99, from: null, to: null, last_page: Math.ceil(total / 10) });
    expect(response.body.links.next).toBeNull();
    expect(response.body.links.prev).toContain('page=98');
  });

  it('walks every event exactly once by page', async () => {
    const seen: string[] = [];
    for (let page = 1; ; page += 1) {
      const body = (await get(`/processing/events?limit=25&page=${page}`)).body as { data: Item[]; meta: { last_page: number; total: number } };
      seen.push(...ids(body));
      if (page >= body.meta.last_page) {
        expect(seen).toHaveLength(body.meta.total);
        break;
      }
    }
    expect(new Set(seen).size).toBe(seen.length);
  });

  it('the links window is Laravel\'s UrlWindow (3 on each side, ... between)', () => {
    expect(urlWindow(1, 13)).toEqual(Array.from({ length: 13 }, (_, i) => i + 1));
    expect(urlWindow(1, 20)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, '...', 19, 20]);
    expect(urlWindow(10, 20)).toEqual([1, 2, '...', 7, 8, 9, 10, 11, 12, 13, '...', 19, 20]);
    expect(urlWindow(18, 20)).toEqual([1, 2, '...', 11, 12, 13, 14, 15, 16, 17, 18, 19, 20]);
  });
});

describe('paging simple (Laravel simple paginator)', () => {
  const { get, origin } = useSandbox('simple');

  it('no total and no last_page; next only while another row exists', async () => {
    const all = ids((await get('/processing/events?limit=100')).body);
    const path = `${origin()}/processing/events`;
    const first = await get('/processing/events?limit=20');
    expect(ids(first.body)).toEqual(all.slice(0, 20));
    expect(first.body.links).toEqual({ first: `${path}?limit=20&page=1`, last: null, prev: null, next: `${path}?limit=20&page=2` });
    expect(first.body.meta).toEqual({ current_page: 1, current_page_url: `${path}?limit=20&page=1`, from: 1, path, per_page: 20, to: 20 });
    const lastFull = Math.ceil(all.length / 20);
    const last = await get(`/processing/events?limit=20&page=${lastFull}`);
    expect(ids(last.body)).toEqual(all.slice((lastFull - 1) * 20, lastFull * 20));
    expect(last.body.links.next).toBeNull();
    expect(last.body.meta).not.toHaveProperty('total');
    expect(last.body.meta).not.toHaveProperty('last_page');
  });
});

describe('--ignore-page', () => {
  const none = useSandbox('none', true);
  const page = useSandbox('page', true);

  it('every page is the first page (a bare list and a paginator alike)', async () => {
    for (const { get } of [none, page]) {
      const first = await get('/processing/events?limit=10');
      const third = await get('/processing/events?limit=10&page=3');
      expect(ids(third.body)).toEqual(ids(first.body));
      expect(ids(first.body)).toHaveLength(10);
    }
    const meta = (await page.get('/processing/events?limit=10&page=3')).body.meta as { current_page: number };
    expect(meta.current_page).toBe(1);
  });
});
