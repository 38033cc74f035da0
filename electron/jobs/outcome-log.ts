// A bulk redelivery's per-event outcomes, kept on disk instead of in memory: a job of 10,000 events
// would otherwise hold 10,000 objects in main until the session ends, only for a summary the
// operator may never export. Each outcome is appended as one NDJSON line to a private temp file
// (0600 in a 0700 folder of its own: event ids and names are account data), read back line by line
// when the summary is exported, and deleted when the job is forgotten or the app quits. Main keeps
// them under its user-data folder; jobs do not outlive the app, so a log found there at start-up was
// left by a crash and is swept (`sweepOutcomeLogs`).
// Appends arrive at the job's pace (≤ 50 a second, ~150 bytes each), so the stream's buffer stays
// tiny without waiting on it; `close` waits for everything to be on disk.
import { createReadStream, createWriteStream, type WriteStream } from 'node:fs';
import { mkdir, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { RedeliverOutcome } from '../../shared/export-format';

export interface OutcomeLog {
  append(outcome: RedeliverOutcome): void;
  /** How many outcomes were appended. */
  readonly count: number;
  /** Every outcome, in the order appended (after `close`). */
  read(): AsyncIterable<RedeliverOutcome>;
  /** No more appends: flushes to disk. Safe to call twice. */
  close(): Promise<void>;
  /** Deletes what the log holds. Safe to call twice. */
  dispose(): Promise<void>;
}

export type OpenOutcomeLog = () => Promise<OutcomeLog>;

const LOG_DIR_PREFIX = 'ii-redelivery-';

export function openFileOutcomeLog(parentDir: string = tmpdir()): OpenOutcomeLog {
  return async () => {
    await mkdir(parentDir, { recursive: true, mode: 0o700 });
    const dir = await mkdtemp(join(parentDir, LOG_DIR_PREFIX));
    const path = join(dir, 'outcomes.ndjson');
    const stream: WriteStream = createWriteStream(path, { flags: 'wx', mode: 0o600 });
    // A write error (disk full) surfaces when the summary is read, never as an uncaught 'error'.
    let failure: Error | null = null;
    stream.on('error', (error) => {
      failure ??= error;
    });
    let count = 0;
    let closing: Promise<void> | null = null;
    let disposed = false;
    const close = () =>
      (closing ??= new Promise<void>((resolve) => {
        if (stream.destroyed) return resolve();
        stream.end(() => resolve());
      }));
    return {
      append(outcome) {
        if (closing || disposed) throw new Error('The outcome log is closed.');
        stream.write(`${JSON.stringify(outcome)}\n`);
        count++;
      },
      get count() {
        return count;
      },
      async *read() {
        await close();
        if (failure) throw failure;
        if (disposed) return;
        const lines = createInterface({ input: createReadStream(path, { encoding: 'utf8' }), crlfDelay: Number.POSITIVE_INFINITY });
        for await (const line of lines) if (line !== '') yield JSON.parse(line) as RedeliverOutcome;
      },
      close,
      async dispose() {
        if (disposed) return;
        disposed = true;
        await close();
        await rm(dir, { recursive: true, force: true });
      },
    };
  };
}

/**
 * Deletes the outcome logs left in `parentDir` by an earlier run (a crash skips `dispose`). Only at
 * start-up, before any job of this run opens one. Returns how many were removed.
 */
export async function sweepOutcomeLogs(parentDir: string): Promise<number> {
  let names: string[];
  try {
    names = await readdir(parentDir);
  } catch {
    return 0; // no folder yet: nothing was ever left
  }
  const stale = names.filter((name) => name.startsWith(LOG_DIR_PREFIX));
  await Promise.all(stale.map((name) => rm(join(parentDir, name), { recursive: true, force: true })));
  return stale.length;
}
