import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openNodeFileSink } from './file-sink';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sink-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

describe('openNodeFileSink', () => {
  it('writes through a hidden temp file and renames on commit, private to the user', async () => {
    const target = join(dir, 'out.csv');
    const sink = await openNodeFileSink(target, 'abc');
    for (let i = 0; i < 2000; i++) await sink.write(`${'x'.repeat(1000)}\n`);
    expect(await readdir(dir)).toEqual(['.out.csv.abc.part']);
    await sink.commit();
    expect(await readdir(dir)).toEqual(['out.csv']);
    expect((await readFile(target, 'utf8')).length).toBe(2000 * 1001);
    expect((await stat(target)).mode & 0o777).toBe(0o600);
  });

  it('discard removes the partial file, even with writes in flight', async () => {
    const sink = await openNodeFileSink(join(dir, 'out.csv'), 'abc');
    const pending = sink.write('y'.repeat(1_000_000)).catch(() => undefined);
    await sink.discard();
    await pending;
    await sink.discard();
    expect(await readdir(dir)).toEqual([]);
  });

  it('fails clearly when the folder does not exist', async () => {
    await expect(openNodeFileSink(join(dir, 'missing', 'out.csv'), 'abc')).rejects.toMatchObject({ code: 'ENOENT' });
  });
});
