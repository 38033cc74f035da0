// One job's live state in main: its snapshot (what the renderer sees), its AbortController (cancel),
// and a throttle so a fast job does not flood IPC with progress events (≤ 5 per second, plus every
// change of state, so the final figures always arrive).
import type { IpcError } from '../../shared/ipc/kit';
import type { EventFilter, JobSnapshot } from '../../shared/ipc/channels/jobs';
import type { ExportFormat } from '../../shared/export-format';
import type { OutcomeLog } from './outcome-log';

const PROGRESS_INTERVAL_MS = 200;

export type EmitProgress = (snapshot: JobSnapshot) => void;

export class JobRecord {
  readonly controller = new AbortController();
  readonly snapshot: JobSnapshot;
  /** Bulk redeliver: one line per event handled, on disk, for the exportable summary. */
  outcomeLog: OutcomeLog | null = null;
  private lastEmit = 0;
  private pending: ReturnType<typeof setTimeout> | null = null;
  /** Resolves when the job has stopped, whatever the reason. */
  done: Promise<void> = Promise.resolve();

  constructor(
    init: {
      id: string;
      kind: JobSnapshot['kind'];
      profileId: string;
      profileName: string;
      filters: EventFilter;
      format?: ExportFormat | null;
      fileName?: string | null;
      total?: number | null;
      startedAt: string;
    },
    private readonly emit: EmitProgress,
    private readonly now: () => Date,
  ) {
    this.snapshot = {
      id: init.id,
      kind: init.kind,
      state: 'running',
      profileId: init.profileId,
      profileName: init.profileName,
      filters: init.filters,
      format: init.format ?? null,
      fileName: init.fileName ?? null,
      total: init.total ?? null,
      processed: 0,
      succeeded: 0,
      failed: 0,
      skipped: 0,
      bytes: 0,
      startedAt: init.startedAt,
      finishedAt: null,
      waitingSeconds: null,
      pacing: null,
      error: null,
    };
  }

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  get finished(): boolean {
    const s = this.snapshot.state;
    return s === 'completed' || s === 'failed' || s === 'cancelled';
  }

  copy(): JobSnapshot {
    const { pacing } = this.snapshot;
    return { ...this.snapshot, filters: { ...this.snapshot.filters }, error: this.snapshot.error ? { ...this.snapshot.error } : null, ...(pacing ? { pacing: { ...pacing } } : {}) };
  }

  /** Counters changed: tell the renderer soon (throttled). */
  progressed(): void {
    const elapsed = Date.now() - this.lastEmit;
    if (elapsed >= PROGRESS_INTERVAL_MS) return this.flush();
    if (this.pending) return;
    this.pending = setTimeout(() => this.flush(), PROGRESS_INTERVAL_MS - elapsed);
  }

  /** Sends the snapshot now (state changes, the end). */
  flush(): void {
    if (this.pending) clearTimeout(this.pending);
    this.pending = null;
    this.lastEmit = Date.now();
    this.emit(this.copy());
  }

  requestCancel(): void {
    if (this.finished) return;
    this.snapshot.state = 'cancelling';
    this.controller.abort();
    this.flush();
  }

  finish(state: 'completed' | 'failed' | 'cancelled', error: IpcError | null = null): void {
    this.snapshot.state = state;
    this.snapshot.error = error;
    this.snapshot.waitingSeconds = null;
    this.snapshot.finishedAt = this.now().toISOString();
    this.flush();
  }
}
