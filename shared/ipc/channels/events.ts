// events:* — processed events, their detail, redelivery and the delivery log (docs/api-contract.md §6).
import { z } from 'zod';
import { op } from '../kit';
import { dispatchSchema, eventDetailSchema, eventSchema } from '../../api/processing';
import { actionIdSchema, cursorListInput, listOutput, optionalFilterText, resourceIdSchema } from '../../api/ipc-lists';

const isoTime = z.string().min(1).max(64).optional();
const responseCode = z.string().regex(/^(\d{3}|[1-5]xx)$/, 'An HTTP code like 500 or a class like 5xx.').optional();

/** `filter[<key>]` of GET /processing/events (DOC + OURS), values as on the wire. */
export const eventsFiltersSchema = z
  .object({
    name: optionalFilterText,
    status: optionalFilterText,
    installation_id: optionalFilterText,
    integration_driver_slug: optionalFilterText,
    created_at_greater_than: isoTime,
    created_at_less_than: isoTime,
    superseded: z.enum(['true', 'false']).optional(),
    dispatch_status: optionalFilterText,
    attempt_response_code: responseCode,
  })
  .strict();
export type EventsFilters = z.infer<typeof eventsFiltersSchema>;

export const eventsListInputSchema = cursorListInput(eventsFiltersSchema);
export type EventsListInput = z.infer<typeof eventsListInputSchema>;

export const dispatchesFiltersSchema = z
  .object({
    event_id: optionalFilterText,
    endpoint_id: optionalFilterText,
    status: optionalFilterText,
    attempt_response_code: responseCode,
    attempted_at_greater_than: isoTime,
    attempted_at_less_than: isoTime,
  })
  .strict();
export type DispatchesFilters = z.infer<typeof dispatchesFiltersSchema>;

export const dispatchesListInputSchema = cursorListInput(dispatchesFiltersSchema);
export type DispatchesListInput = z.infer<typeof dispatchesListInputSchema>;

export const eventsChannels = {
  'events:list': op(eventsListInputSchema, listOutput(eventSchema)),
  /** The event with its payload and every delivery attempt (newest first). */
  'events:get': op(z.object({ id: resourceIdSchema }).strict(), eventDetailSchema),
  /** A new manual attempt, to `endpointId` or the event's last endpoint (optional route: `unsupported` when missing). */
  'events:redeliver': op(
    z.object({ id: resourceIdSchema, actionId: actionIdSchema, endpointId: resourceIdSchema.optional() }).strict(),
    dispatchSchema,
    { write: true },
  ),
  /** The delivery log (optional route). */
  'events:dispatches': op(dispatchesListInputSchema, listOutput(dispatchSchema)),
};

export const eventsEvents = {};
