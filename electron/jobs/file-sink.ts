// Where an export's bytes go. Streams into a temporary file beside the target (same folder, so the
// final rename is atomic), waits for the disk when the write buffer is full (bounded memory however
// large the export), and either renames it into place or removes it: the operator never finds a
// half-written file under the name they chose.
import { createWriteStream, type WriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

export interface FileSink {
  write(chunk: string): Promise<void>;
  /** Flushes, closes and moves the file to its final name. */
  commit(): Promise<void>;
  /** Closes and deletes the partial file. Safe to call after a failure or twice. */
  discard(): Promise<void>;
}

export type OpenFileSink = (targetPath: string, tag: string) => Promise<FileSink>;

function waitFor(stream: WriteStream, event: 'drain' | 'open'): Promise<void> {
  return new Promise((resolve, reject) => {
    const onError = (error: Error) => {
      stream.off(event, onEvent);
      reject(error);
    };
    const onEvent = () => {
      stream.off('error', onError);
      resolve();
    };
    stream.once(event, onEvent);
    stream.once('error', onError);
  });
}

function closeStream(stream: WriteStream): Promise<void> {
  return new Promise((resolve, reject) => {
    if (stream.closed) return resolve();
    stream.end((error?: Error | null) => (error ? reject(error) : resolve()));
  });
}

export const openNodeFileSink: OpenFileSink = async (targetPath, tag) => {
  const tempPath = join(dirname(targetPath), `.${basename(targetPath)}.${tag}.part`);
  // 0600: an export holds account data; other users on the machine have no business reading it.
  const stream = createWriteStream(tempPath, { flags: 'wx', mode: 0o600, highWaterMark: 256 * 1024 });
  await waitFor(stream, 'open');
  let finished = false;
  return {
    async write(chunk) {
      if (!stream.write(chunk, 'utf8')) await waitFor(stream, 'drain');
    },
    async commit() {
      await closeStream(stream);
      await rename(tempPath, targetPath);
      finished = true;
    },
    async discard() {
      if (finished) return;
      finished = true;
      stream.destroy();
      await rm(tempPath, { force: true });
    },
  };
};
