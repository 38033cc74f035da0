// The Deliveries screen's URL state: which log (dispatches = our deliveries to endpoints, received =
// webhooks providers sent us) and its filters (docs/api-contract.md §6), as validated search params.
import { z } from 'zod';
import type { DispatchesFilters } from '../../../shared/ipc/channels/events';
import type { ReceivedWebhooksFilters } from '../../../shared/ipc/channels/webhooks';
import { searchIsoTime, searchResponseCode, searchText } from '../../app/search-params';

export const deliveriesSearchSchema = z.object({
  tab: z.enum(['dispatches', 'received']).optional().catch(undefined),
  // Dispatches.
  event: searchText,
  endpoint: searchText,
  status: searchText,
  code: searchResponseCode,
  from: searchIsoTime,
  to: searchIsoTime,
  // Received webhooks.
  installation: searchText,
  driver: searchText,
  received: z.enum(['processed', 'rejected']).optional().catch(undefined),
});
export type DeliveriesSearch = z.infer<typeof deliveriesSearchSchema>;

export function toDispatchesFilters(search: DeliveriesSearch): DispatchesFilters {
  const f: DispatchesFilters = {};
  if (search.event) f.event_id = search.event;
  if (search.endpoint) f.endpoint_id = search.endpoint;
  if (search.status) f.status = search.status;
  if (search.code) f.attempt_response_code = search.code;
  if (search.from) f.attempted_at_greater_than = new Date(search.from).toISOString();
  if (search.to) f.attempted_at_less_than = new Date(search.to).toISOString();
  return f;
}

export function toReceivedFilters(search: DeliveriesSearch): ReceivedWebhooksFilters {
  const f: ReceivedWebhooksFilters = {};
  if (search.installation) f.installation_id = search.installation;
  if (search.driver) f.integration_driver_slug = search.driver;
  if (search.received) f.status = search.received;
  if (search.from) f.received_at_greater_than = new Date(search.from).toISOString();
  if (search.to) f.received_at_less_than = new Date(search.to).toISOString();
  return f;
}
