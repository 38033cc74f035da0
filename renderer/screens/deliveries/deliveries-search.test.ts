import { describe, expect, it } from 'vitest';
import { deliveriesSearchSchema, toDispatchesFilters, toReceivedFilters } from './deliveries-search';

describe('deliveries search params', () => {
  it('drops invalid values and maps to each log’s filters', () => {
    const search = deliveriesSearchSchema.parse({ tab: 'received', event: 'e1', code: '5xx', received: 'rejected', driver: 'bling', from: '2024-01-01T00:00:00Z', bogus: 1, status: '' });
    expect(search).toEqual({ tab: 'received', event: 'e1', code: '5xx', received: 'rejected', driver: 'bling', from: '2024-01-01T00:00:00Z' });
    expect(toDispatchesFilters(search)).toEqual({ event_id: 'e1', attempt_response_code: '5xx', attempted_at_greater_than: '2024-01-01T00:00:00.000Z' });
    expect(toReceivedFilters(search)).toEqual({ integration_driver_slug: 'bling', status: 'rejected', received_at_greater_than: '2024-01-01T00:00:00.000Z' });
    expect(deliveriesSearchSchema.parse({ tab: 'nope', code: 'abc' })).toEqual({});
  });
});
