// jobs:* — long-running work that lives in main, not in a component, so it survives navigation:
// exporting the filtered events list to a file and redelivering every event matching a filter.
// Progress arrives as `jobs:progress` events (a full snapshot each time, so a screen that mounts
// late is never out of date); `jobs:list` returns the same snapshots.
import { z } from 'zod';
import { op } from '../kit';
import { exportFormats } from '../../export-format';
import { ipcErrorSchema } from '../kit';
import { eventsFiltersSchema } from './events';

/**
 * The events list filters, exactly those of docs/api-contract.md §6 (DOC + OURS), as sent to `filter[<key>]` —
 * the same schema `events:list` takes, so a job walks exactly the list the operator is looking at.
 */
export const eventFilterSchema = eventsFiltersSchema;
export type EventFilter = z.infer<typeof eventFilterSchema>;

export const jobKinds = ['export', 'bulk_redeliver'] as const;
export const jobStates = ['running', 'cancelling', 'cancelled', 'completed', 'failed'] as const;

export const jobSnapshotSchema = z.object({
  id: z.string(),
  kind: z.enum(jobKinds),
  state: z.enum(jobStates),
  profileId: z.string(),
  profileName: z.string(),
  filters: eventFilterSchema,
  /** Export: the file format. */
  format: z.enum(exportFormats).nullable(),
  /** Export: the chosen file's name (not its folder). */
  fileName: z.string().nullable(),
  /** How many events the job expects to touch; null when unknown (exports do not count first). */
  total: z.number().int().nullable(),
  /** Events handled so far (exported rows, or redeliveries attempted). */
  processed: z.number().int(),
  succeeded: z.number().int(),
  failed: z.number().int(),
  skipped: z.number().int(),
  /** Export: bytes written so far. */
  bytes: z.number().int(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  /** Bulk redeliver: seconds the job is waiting because the server asked it to (429 Retry-After). */
  waitingSeconds: z.number().nullable(),
  /**
   * Bulk redeliver: how fast it goes — redeliveries started per second so far (the pace it aims at,
   * `targetPerSecond`, halves after each 429 and doubles back after a quiet spell), at most `concurrency` at once, how many answers were
   * 429 and how long the job waited for their Retry-After. Null for exports.
   */
  pacing: z
    .object({
      requestsPerSecond: z.number(),
      targetPerSecond: z.number(),
      concurrency: z.number().int(),
      rateLimited: z.number().int(),
      waitedSeconds: z.number(),
    })
    .nullable()
    .optional(),
  /** Why the job failed (same shape as IPC errors, so the renderer shows its usual message). */
  error: ipcErrorSchema.nullable(),
});
export type JobSnapshot = z.infer<typeof jobSnapshotSchema>;

export const jobCountSchema = z.object({
  /** Matching events, counted up to `cap`. */
  count: z.number().int(),
  /** True when there are more than `cap`: the job will stop at `cap`. */
  capped: z.boolean(),
  /** The instant the count was taken: the job only touches events created before it. */
  asOf: z.string(),
  profileId: z.string(),
  profileName: z.string(),
});
export type JobCount = z.infer<typeof jobCountSchema>;

/** The largest bulk redelivery one job may start; beyond it, narrow the filter. */
export const BULK_REDELIVER_CAP = 10_000;

export const jobsChannels = {
  /** Counts the events a bulk redelivery would touch (walks the filter, stops at `cap`). */
  'jobs:countEvents': op(
    z.object({ filters: eventFilterSchema, cap: z.number().int().min(1).max(BULK_REDELIVER_CAP).optional() }).strict(),
    jobCountSchema,
  ),
  /** Asks for a file in a native save dialog, then streams the filtered list into it. `job` is null if the dialog was cancelled. */
  'jobs:startExport': op(
    z.object({ filters: eventFilterSchema, format: z.enum(exportFormats) }).strict(),
    z.object({ job: jobSnapshotSchema.nullable() }),
  ),
  /**
   * Redelivers the events the operator confirmed (`count` from jobs:countEvents). Only events
   * created before `asOf` are touched, and at most `expected`. A write: refused on read-only profiles.
   */
  'jobs:startBulkRedeliver': op(
    z
      .object({
        filters: eventFilterSchema,
        asOf: z.iso.datetime({ offset: true }),
        expected: z.number().int().min(1).max(BULK_REDELIVER_CAP),
        /** Redeliveries per second (paced so the receiver and the API are not flooded). */
        ratePerSecond: z.number().min(0.1).max(50).optional(),
        actionId: z.string().min(1).max(64),
      })
      .strict(),
    z.object({ job: jobSnapshotSchema }),
    { write: true },
  ),
  'jobs:cancel': op(z.object({ jobId: z.string().min(1).max(64) }).strict(), z.object({ job: jobSnapshotSchema })),
  /** Every job of this session, newest first. */
  'jobs:list': op(z.object({}).strict(), z.object({ jobs: z.array(jobSnapshotSchema) })),
  /** Saves a finished bulk redelivery's per-event outcomes (native save dialog). */
  'jobs:exportSummary': op(
    z.object({ jobId: z.string().min(1).max(64), format: z.enum(exportFormats) }).strict(),
    z.object({ saved: z.boolean(), count: z.number().int(), fileName: z.string().nullable() }),
  ),
};

export const jobsEvents = {
  'jobs:progress': jobSnapshotSchema,
};
