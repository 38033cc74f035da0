// One query-key factory per API resource. Every key starts with the resource name, so
// `invalidateQueries({ queryKey: queryKeys.drivers.all })` reaches every drivers query, and a profile
// switch (the shell drops non-session queries) clears them all.
import type { DriversListInput } from '../../shared/ipc/channels/drivers';
import type { InstallationsListInput } from '../../shared/ipc/channels/installations';
import type { DispatchesListInput, EventsFilters, EventsListInput } from '../../shared/ipc/channels/events';
import type { EndpointsListInput, ReceivedWebhooksListInput } from '../../shared/ipc/channels/webhooks';

export const queryKeys = {
  drivers: {
    all: ['drivers'] as const,
    lists: () => ['drivers', 'list'] as const,
    list: (input: DriversListInput) => ['drivers', 'list', input] as const,
    /** Every page of a list, loaded on demand ("load more"). */
    pages: (input: DriversListInput) => ['drivers', 'list', input, 'pages'] as const,
    details: () => ['drivers', 'detail'] as const,
    detail: (id: string) => ['drivers', 'detail', id] as const,
  },
  installations: {
    all: ['installations'] as const,
    lists: () => ['installations', 'list'] as const,
    list: (input: InstallationsListInput) => ['installations', 'list', input] as const,
    pages: (input: InstallationsListInput) => ['installations', 'list', input, 'pages'] as const,
    detail: (id: string) => ['installations', 'detail', id] as const,
    /** Recent volume and failures, derived from its newest events (Installations screen). */
    health: (id: string) => ['installations', 'health', id] as const,
    /** How many installations use a driver (under installations: their writes change it). */
    countByDriver: (driverId: string) => ['installations', 'count-by-driver', driverId] as const,
  },
  events: {
    all: ['events'] as const,
    lists: () => ['events', 'list'] as const,
    list: (input: Omit<EventsListInput, 'cursor' | 'page'>) => ['events', 'list', input] as const,
    /** The Events screen's list: also keyed on the time its relative range was fixed to. */
    pages: (input: Omit<EventsListInput, 'cursor' | 'page'>, anchor: string) => ['events', 'list', input, anchor] as const,
    tail: (filters: EventsFilters, since: string) => ['events', 'tail', filters, since] as const,
    detail: (id: string) => ['events', 'detail', id] as const,
  },
  dispatches: {
    all: ['dispatches'] as const,
    list: (input: Omit<DispatchesListInput, 'cursor' | 'page'>) => ['dispatches', 'list', input] as const,
  },
  receivedWebhooks: {
    all: ['received-webhooks'] as const,
    list: (input: Omit<ReceivedWebhooksListInput, 'cursor' | 'page'>) => ['received-webhooks', 'list', input] as const,
  },
  webhookEndpoints: {
    all: ['webhook-endpoints'] as const,
    lists: () => ['webhook-endpoints', 'list'] as const,
    list: (input: EndpointsListInput) => ['webhook-endpoints', 'list', input] as const,
    detail: (id: string) => ['webhook-endpoints', 'detail', id] as const,
  },
  retryPolicy: {
    all: ['retry-policy'] as const,
  },
  capabilities: {
    all: ['capabilities'] as const,
  },
};
