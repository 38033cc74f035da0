import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSavedViewsStore } from './saved-views-store';

let dir: string;
let active: string | null;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'views-'));
  active = 'p1';
});
afterEach(() => rm(dir, { recursive: true, force: true }));

describe('saved views store', () => {
  it('saves per profile, replaces by name, lists by name, deletes', async () => {
    const store = createSavedViewsStore({ userDataDir: dir, activeProfileId: () => active });
    await store.save('Failed orders', { status: 'failed', name: 'order.paid' });
    await store.save('all bling', { driver: 'bling' });
    const replaced = await store.save('failed ORDERS', { status: 'failed' });
    expect((await store.list()).map((v) => [v.name, v.search])).toEqual([
      ['all bling', { driver: 'bling' }],
      ['failed ORDERS', { status: 'failed' }],
    ]);
    active = 'p2';
    expect(await store.list()).toEqual([]);
    expect(await store.remove(replaced.id)).toBe(false);
    active = 'p1';
    expect(await store.remove(replaced.id)).toBe(true);
    expect((await store.list()).map((v) => v.name)).toEqual(['all bling']);
    const onDisk = JSON.parse(await readFile(join(dir, 'saved-views.json'), 'utf8'));
    expect(onDisk.schemaVersion).toBe(1);
  });

  it('renames a view of the active profile, keeping its id and filters; refuses a name another view has', async () => {
    const store = createSavedViewsStore({ userDataDir: dir, activeProfileId: () => active });
    const failed = await store.save('Failed orders', { status: 'failed' });
    await store.save('Bling', { driver: 'bling' });
    const renamed = await store.rename(failed.id, '  Orders that failed ');
    expect(renamed).toMatchObject({ id: failed.id, name: 'Orders that failed', search: { status: 'failed' }, createdAt: failed.createdAt });
    expect((await store.list()).map((v) => v.name)).toEqual(['Bling', 'Orders that failed']);
    // Only the case changes: the same view, not a conflict.
    expect((await store.rename(failed.id, 'orders that FAILED')).name).toBe('orders that FAILED');
    await expect(store.rename(failed.id, 'bling')).rejects.toMatchObject({ code: 'conflict' });
    await expect(store.rename('no-such-view', 'x')).rejects.toMatchObject({ code: 'not_found' });
    active = 'p2';
    await expect(store.rename(failed.id, 'Stolen')).rejects.toMatchObject({ code: 'not_found' });
    active = 'p1';
    expect((await store.list()).map((v) => v.name)).toEqual(['Bling', 'orders that FAILED']);
  });

  it('concurrent saves all land', async () => {
    const store = createSavedViewsStore({ userDataDir: dir, activeProfileId: () => active });
    await Promise.all(Array.from({ length: 10 }, (_, i) => store.save(`v${i}`, { status: String(i) })));
    expect(await store.list()).toHaveLength(10);
  });

  it('moves a corrupt file aside and starts empty', async () => {
    await writeFile(join(dir, 'saved-views.json'), '{not json');
    const store = createSavedViewsStore({ userDataDir: dir, activeProfileId: () => active });
    expect(await store.list()).toEqual([]);
    expect((await readdir(dir)).some((f) => f.startsWith('saved-views.json.corrupt-'))).toBe(true);
  });

  it('refuses without an active profile', async () => {
    active = null;
    const store = createSavedViewsStore({ userDataDir: dir, activeProfileId: () => active });
    await expect(store.save('x', {})).rejects.toMatchObject({ code: 'no_token' });
  });
});
