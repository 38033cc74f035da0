// names:* — installation and driver names for the ids the other answers carry (events, deliveries,
// the overview), from a per-profile lookup main keeps (electron/api/name-lookup.ts). One channel
// rather than names folded into each list answer: the Events grid and the Deliveries log would
// otherwise pay a join per row on every page, and every screen reads the same small map.
import { z } from 'zod';
import { op } from '../kit';

/** Bounded like any IPC string: a name is shown, never parsed. */
const shortText = z.string().max(500);

export const installationNameSchema = z.object({ id: shortText, name: shortText, driverSlug: shortText.nullable() }).strict();
export const driverNameSchema = z.object({ slug: shortText, id: shortText, name: shortText }).strict();

export const namesSchema = z
  .object({
    profileId: z.string(),
    installations: z.array(installationNameSchema).max(20_000),
    drivers: z.array(driverNameSchema).max(20_000),
    /** When the lists were last read in full (ISO), or null when nothing has been read yet. */
    fetchedAt: z.string().nullable(),
    /** True when a list was longer than the lookup keeps: some ids then show as ids. */
    truncated: z.boolean(),
  })
  .strict();
export type Names = z.infer<typeof namesSchema>;

export const namesChannels = {
  /** The lookup, read from the API when older than its TTL (or `refresh: true`). */
  'names:get': op(z.object({ refresh: z.boolean().optional() }).strict(), namesSchema),
};

export const namesEvents = {};
