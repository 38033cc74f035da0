import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openNodeFileSink, SINK_BATCH_BYTES, SINK_BUFFER_BYTES } from './file-sink';

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

  it('gathers small writes in memory, and holds at most one batch plus the stream buffer: the rest is on disk', async () => {
    const sink = await openNodeFileSink(join(dir, 'out.csv'), 'abc');
    const part = join(dir, '.out.csv.abc.part');
    for (let i = 0; i < 10; i++) await sink.write('z'.repeat(1000));
    expect((await stat(part)).size).toBe(0); // held: one write later instead of ten
    const chunks = Math.ceil((SINK_BATCH_BYTES + SINK_BUFFER_BYTES) * 2 / 1000);
    const total = chunks * 1000;
    for (let i = 10; i < chunks; i++) await sink.write('z'.repeat(1000));
    // Each full batch went to the stream, and a write waited for the disk whenever its buffer was full.
    expect((await stat(part)).size).toBeGreaterThanOrEqual(total - SINK_BATCH_BYTES - SINK_BUFFER_BYTES - 1000);
    await sink.commit();
    expect((await readFile(join(dir, 'out.csv'), 'utf8')).length).toBe(total);
  });

  it('keeps text that is not ASCII intact, and says how many bytes each write took', async () => {
    const target = join(dir, 'out.csv');
    const sink = await openNodeFileSink(target, 'abc');
    const line = 'ação,✓,日本,😀\r\n';
    for (let i = 0; i < 3; i++) expect(await sink.write(line)).toBe(Buffer.byteLength(line));
    // Larger than a batch, and crossing batch boundaries in the middle of multi-byte characters.
    const big = '✓😀é'.repeat(Math.ceil(SINK_BATCH_BYTES / 3));
    expect(await sink.write(big)).toBe(Buffer.byteLength(big));
    for (let i = 0; i < 2000; i++) await sink.write(line);
    await sink.commit();
    expect(await readFile(target, 'utf8')).toBe(line.repeat(3) + big + line.repeat(2000));
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
