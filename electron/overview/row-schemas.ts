// What the Overview's walks read from each row, and nothing more. A first visit parses ~1,000
// delivery-log pages and about as many event pages; the full dispatch schema validates every header
// of every attempt's request and response (records of strings or string lists) and both bodies, none
// of which the figures use. These schemas validate exactly the fields the tally and the owner map read,
// read as tolerantly as the client's own (shared/api/schema-mode.ts: opaque ids, open enums, fields
// only our contract promises optional), and drop the rest — so no row is kept larger than it needs to be.
import { z } from 'zod';
import { oursField, opaqueId, openEnum, timestamp } from '../../shared/api/schema-mode';
import { dispatchStatuses } from '../../shared/api/processing';

/** A delivery-log row as the tally reads it (./tally.ts `DispatchRow`). */
export const overviewDispatchSchema = z.object({
  event_id: oursField('tolerant', opaqueId('tolerant')),
  endpoint_id: oursField('tolerant', opaqueId('tolerant').nullable()),
  url: oursField('tolerant', z.string()),
  status: openEnum('tolerant', dispatchStatuses),
  attempt_response_code: oursField('tolerant', z.number().int().nullable()),
  error: oursField('tolerant', z.string().nullable()),
  duration_ms: oursField('tolerant', z.number().nullable()),
  attempted_at: oursField('tolerant', timestamp('tolerant').nullable()),
});

/** An event as the owner map reads it: whose it is (DOC list fields, required as in `eventSchema`). */
export const overviewEventSchema = z.object({
  id: opaqueId('tolerant'),
  installation_id: opaqueId('tolerant').nullable(),
  integration_driver_slug: z.string().nullable(),
});
