// payloadIndex:* — the opt-in, per-profile search inside event payloads (docs/payload-index.md).
// Main walks the profile's events and keeps a blind index of their payloads; the renderer only
// turns it on and off, watches progress and searches. A search answers with what the events list
// already shows (id, created_at, name, status) plus the matched field path — never a payload value.
import { z } from 'zod';
import { op } from '../kit';
import { ipcErrorSchema } from '../kit';
import { eventsFiltersSchema } from './events';

export const payloadIndexWindows = [7, 30] as const;
export const payloadIndexStates = ['off', 'building', 'live', 'paused', 'error'] as const;

const profileIdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'A profile id.');

export const payloadIndexStatusSchema = z.object({
  profileId: z.string(),
  state: z.enum(payloadIndexStates),
  /** Days of events kept (and walked when building). */
  windowDays: z.union([z.literal(7), z.literal(30)]).nullable(),
  /** `encrypted-file`: on disk under a key kept in the OS keychain; `memory`: this session only. */
  storage: z.enum(['encrypted-file', 'memory']).nullable(),
  /** Why the index lives in memory only (as the token vault says it for tokens). */
  memoryReason: z.enum(['basic_text', 'encryption_unavailable']).nullable(),
  indexedEvents: z.number().int(),
  /** Events looked at by the current or last walk (indexed or already known). */
  scannedEvents: z.number().int(),
  /** The newest indexed event's creation instant. */
  newestEventAt: z.string().nullable(),
  /** When the index last finished a walk (the build, then each incremental poll). */
  lastSyncAt: z.string().nullable(),
  /** The last walk's failure; the index keeps what it had and tries again at the next poll. */
  error: ipcErrorSchema.nullable(),
});
export type PayloadIndexStatus = z.infer<typeof payloadIndexStatusSchema>;

export const payloadIndexHitSchema = z.object({
  id: z.string(),
  created_at: z.string(),
  name: z.string(),
  status: z.string(),
  /** Where in the payload the query matched (`order.customer.email`); a name, never a value. */
  paths: z.array(z.string()),
});
export type PayloadIndexHit = z.infer<typeof payloadIndexHitSchema>;

const profileRef = z.object({ profileId: profileIdSchema }).strict();

export const payloadIndexChannels = {
  'payloadIndex:status': op(profileRef, payloadIndexStatusSchema),
  /** Turns the index on for a profile (or changes its window) and starts walking. */
  'payloadIndex:enable': op(
    z.object({ profileId: profileIdSchema, windowDays: z.union([z.literal(7), z.literal(30)]) }).strict(),
    payloadIndexStatusSchema,
  ),
  /** Turns it off and deletes everything it kept. */
  'payloadIndex:disable': op(profileRef, payloadIndexStatusSchema),
  'payloadIndex:pause': op(profileRef, payloadIndexStatusSchema),
  'payloadIndex:resume': op(profileRef, payloadIndexStatusSchema),
  /** Deletes the index's files and key (and turns it off). */
  'payloadIndex:forget': op(profileRef, payloadIndexStatusSchema),
  /**
   * Events of the active profile whose payload holds `query` (words, or a whole value: an id, an
   * e-mail, a document number), newest first; narrowed by the events list filters, applied to the
   * index's own copy of each event's name, status, installation, driver and creation instant.
   */
  'payloadIndex:search': op(
    z
      .object({
        query: z.string().trim().min(1, 'Type something to search for.').max(200, 'At most 200 characters.'),
        filters: eventsFiltersSchema.optional(),
        limit: z.number().int().min(1).max(200).optional(),
      })
      .strict(),
    z.object({ profileId: z.string(), state: z.enum(payloadIndexStates), hits: z.array(payloadIndexHitSchema), more: z.boolean() }),
  ),
};

export const payloadIndexEvents = {
  /** A full status snapshot whenever it changes (progress while walking). */
  'payloadIndex:progress': payloadIndexStatusSchema,
};
