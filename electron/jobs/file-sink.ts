// Where an export's bytes go. Streams into a temporary file beside the target (same folder, so the
// final rename is atomic), waits for the disk when the write buffer is full (bounded memory however
// large the export), and either renames it into place or removes it: the operator never finds a
// half-written file under the name they chose. Small writes (an export writes one page of ~25 KB
// at a time) are gathered into ~1 MiB ones: each write is a thread-pool round trip, and on a busy
// machine hundreds of them per second cost more than the text itself. Each chunk is encoded
// straight into the batch's own buffer (`buffer.write`), which also counts its bytes: a
// `Buffer.from` per page allocated ~25 KB outside V8's heap each time and cost ten times the
// encoding itself (measured), and joining the text into one 1 MiB string first cost more still.
import { createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

export interface FileSink {
  /** Appends `chunk` (UTF-8); resolves with its size in bytes once the sink can take more. */
  write(chunk: string): Promise<number>;
  /** Flushes, closes and moves the file to its final name. */
  commit(): Promise<void>;
  /** Closes and deletes the partial file. Safe to call after a failure or twice. */
  discard(): Promise<void>;
}

/** Bytes gathered before they are handed to the stream (at most this plus one chunk). */
export const SINK_BATCH_BYTES = 1024 * 1024;
/**
 * What the stream may hold before a write waits for the disk: a few batches, so handing over one
 * batch does not wait for it to land (the export goes on while the disk writes), yet a disk slower
 * than the export still holds it back with a few MiB in memory at most.
 */
export const SINK_BUFFER_BYTES = 4 * SINK_BATCH_BYTES;

export type OpenFileSink = (targetPath: string, tag: string) => Promise<FileSink>;

export const openNodeFileSink: OpenFileSink = async (targetPath, tag) => {
  const tempPath = join(dirname(targetPath), `.${basename(targetPath)}.${tag}.part`);
  // 0600: an export holds account data; other users on the machine have no business reading it.
  const stream = createWriteStream(tempPath, { flags: 'wx', mode: 0o600, highWaterMark: SINK_BUFFER_BYTES });
  // Every stream error is kept and surfaces on the next write/commit (never as an uncaught 'error').
  let failure: Error | null = null;
  const waiters = new Set<(error: Error | null) => void>();
  stream.on('error', (error) => {
    failure ??= error;
    for (const wake of waiters) wake(error);
  });
  const waitFor = (event: 'drain' | 'open') =>
    new Promise<void>((resolve, reject) => {
      if (failure) return reject(failure);
      const wake = (error: Error | null) => {
        waiters.delete(wake);
        stream.off(event, onEvent);
        if (error) reject(error);
        else resolve();
      };
      const onEvent = () => wake(null);
      waiters.add(wake);
      stream.once(event, onEvent);
    });
  await waitFor('open');
  let finished = false;
  // The batch being filled: one buffer, handed to the stream whole when full (the stream keeps it
  // until it is on disk, so the next batch gets a buffer of its own).
  let batch = Buffer.allocUnsafe(SINK_BATCH_BYTES);
  let batchBytes = 0;
  const flush = async () => {
    if (batchBytes === 0) return;
    const room = stream.write(batch.subarray(0, batchBytes));
    batch = Buffer.allocUnsafe(SINK_BATCH_BYTES);
    batchBytes = 0;
    if (!room) await waitFor('drain');
  };
  return {
    async write(chunk) {
      if (failure) throw failure;
      // A UTF-16 code unit is at most 3 bytes in UTF-8: with that much room the chunk always fits
      // whole (`buffer.write` would otherwise cut it short, at a character boundary).
      const worstCase = chunk.length * 3;
      if (batchBytes + worstCase > batch.length) {
        await flush();
        if (worstCase > batch.length) batch = Buffer.allocUnsafe(worstCase);
      }
      const bytes = batch.write(chunk, batchBytes, 'utf8');
      batchBytes += bytes;
      if (batchBytes >= SINK_BATCH_BYTES) await flush();
      return bytes;
    },
    async commit() {
      if (failure) throw failure;
      await flush();
      await new Promise<void>((resolve, reject) => stream.end((error?: Error | null) => (error ? reject(error) : resolve())));
      if (failure) throw failure;
      await rename(tempPath, targetPath);
      finished = true;
    },
    async discard() {
      if (finished) return;
      finished = true;
      batchBytes = 0;
      stream.destroy();
      await rm(tempPath, { force: true });
    },
  };
};
