// The Events screen's state in the URL: every filter is a search param, validated with zod, so any
// view is a deep link (`#/events?status=failed&range=24h&installation=…`). Bad or unknown values are
// dropped (`.catch`) rather than breaking the screen. This module also turns the URL state into the
// API's filters (docs/api-contract.md §6).
import { z } from 'zod';
import type { EventFilter } from '../../../shared/ipc/channels/jobs';
import { searchIsoTime, searchResponseCode, searchText } from '../../app/search-params';

export const rangePresets = ['15m', '1h', '24h', '7d', '30d'] as const;
export type RangePreset = (typeof rangePresets)[number];
const presetHours: Record<RangePreset, number> = { '15m': 0.25, '1h': 1, '24h': 24, '7d': 168, '30d': 720 };

export const eventsSearchSchema = z.object({
  /** Event name (exact, as the API filters it), e.g. `order.paid`. */
  name: searchText,
  status: searchText,
  installation: searchText,
  driver: searchText,
  /** A preset relative range, or `custom` with from/to. */
  range: z.enum([...rangePresets, 'custom']).optional().catch(undefined),
  from: searchIsoTime,
  to: searchIsoTime,
  /** Last attempt's response code: exact (`500`) or a class (`5xx`). */
  code: searchResponseCode,
  dispatch: searchText,
  superseded: z.enum(['true', 'false']).optional().catch(undefined),
  /** The event whose detail is open. */
  event: searchText,
});
export type EventsSearch = z.infer<typeof eventsSearchSchema>;

/** Keys that are filters (everything but the open event). */
export const filterKeys = ['name', 'status', 'installation', 'driver', 'range', 'from', 'to', 'code', 'dispatch', 'superseded'] as const;

export function hasFilters(search: EventsSearch): boolean {
  return filterKeys.some((key) => search[key] !== undefined);
}

/** The search without the open-event key: what a saved view stores and what defines the list. */
export function filtersOnly(search: EventsSearch): EventsSearch {
  const out: EventsSearch = {};
  for (const key of filterKeys) {
    const value = search[key];
    if (value !== undefined) (out as Record<string, string>)[key] = value;
  }
  return out;
}

/**
 * The API filters for the URL state. A relative range is anchored at `anchor` (the moment the list
 * was loaded), so the query — and the keyset pages under it — stays stable until the operator
 * refreshes; live tail picks up newer events separately.
 */
export function toEventFilter(search: EventsSearch, anchor: Date): EventFilter {
  const filter: EventFilter = {};
  if (search.name) filter.name = search.name;
  if (search.status) filter.status = search.status;
  if (search.installation) filter.installation_id = search.installation;
  if (search.driver) filter.integration_driver_slug = search.driver;
  if (search.code) filter.attempt_response_code = search.code;
  if (search.dispatch) filter.dispatch_status = search.dispatch;
  if (search.superseded) filter.superseded = search.superseded;
  if (search.range && search.range !== 'custom') {
    filter.created_at_greater_than = new Date(anchor.getTime() - presetHours[search.range] * 3_600_000).toISOString();
  } else if (search.range === 'custom') {
    if (search.from) filter.created_at_greater_than = new Date(search.from).toISOString();
    if (search.to) filter.created_at_less_than = new Date(search.to).toISOString();
  }
  return filter;
}

/** A stable string for a filter (query keys, change detection). */
export function filterKey(filter: EventFilter): string {
  return JSON.stringify(Object.entries(filter).sort(([a], [b]) => a.localeCompare(b)));
}
