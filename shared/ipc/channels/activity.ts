// activity:* — the local log of every write the console made (who/where/what/outcome), kept by main
// under userData. Entries hold ids and names only: never request bodies, settings, secrets or headers.
import { z } from 'zod';
import { op } from '../kit';
import { exportFormats } from '../../export-format';

export const activityResults = ['ok', 'error'] as const;
export const activityResultSchema = z.enum(activityResults);

export const activityTargetSchema = z.object({
  /** The resource kind, from the channel's namespace (`driver`, `installation`, `endpoint`, …). */
  kind: z.string(),
  id: z.string().nullable(),
  name: z.string().nullable(),
  /** For endpoints: the URL's origin only (a query string could hold a secret). */
  host: z.string().nullable().optional(),
});
export type ActivityTarget = z.infer<typeof activityTargetSchema>;

export const activityEntrySchema = z.object({
  id: z.string(),
  /** ISO 8601 UTC, when the write finished. */
  at: z.string(),
  profileId: z.string().nullable(),
  profileName: z.string().nullable(),
  environment: z.string().nullable(),
  /** The IPC channel of the write, e.g. `drivers:enable`. */
  action: z.string(),
  target: activityTargetSchema,
  result: activityResultSchema,
  /** The IPC error code when result is `error` (`validation`, `server`, …). */
  errorCode: z.string().nullable(),
  /** The operator action's idempotency key, to correlate retries of one click. */
  actionId: z.string().nullable(),
});
export type ActivityEntry = z.infer<typeof activityEntrySchema>;

export const activityFiltersSchema = z
  .object({
    profileId: z.string().max(64).optional(),
    /** An exact channel (`drivers:enable`) or a namespace (`drivers`). */
    action: z.string().max(64).optional(),
    result: activityResultSchema.optional(),
    /** ISO times, inclusive. */
    from: z.iso.datetime({ offset: true }).optional(),
    to: z.iso.datetime({ offset: true }).optional(),
    /** Case-insensitive text in the action, target id/name/host, profile name or error code. */
    search: z.string().max(200).optional(),
  })
  .strict();
export type ActivityFilters = z.infer<typeof activityFiltersSchema>;

export const activityListInputSchema = activityFiltersSchema
  .extend({ limit: z.number().int().min(1).max(5000).optional() })
  .strict();

export const activityChannels = {
  /** Newest first. `total` counts every match; `entries` holds at most `limit` (default 500). */
  'activity:list': op(activityListInputSchema, z.object({ entries: z.array(activityEntrySchema), total: z.number().int() })),
  /** Opens a native save dialog; saved false when the operator cancelled it. */
  'activity:export': op(
    z.object({ format: z.enum(exportFormats), filters: activityFiltersSchema.optional() }).strict(),
    z.object({ saved: z.boolean(), count: z.number().int(), fileName: z.string().nullable() }),
  ),
};

export const activityEvents = {
  /** A write was recorded: the Activity screen refetches. */
  'activity:appended': z.object({ id: z.string() }),
};
