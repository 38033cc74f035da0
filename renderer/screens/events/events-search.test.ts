import { describe, expect, it } from 'vitest';
import { eventsSearchSchema, filterKey, filtersOnly, hasFilters, toEventFilter } from './events-search';

describe('events search params', () => {
  it('keeps valid params and drops invalid ones instead of failing', () => {
    const search = eventsSearchSchema.parse({ name: 'order.paid', status: 'failed', range: '24h', code: '5xx', superseded: 'maybe', from: 'not a date', event: 'e1', extra: 'x' });
    expect(search).toEqual({ name: 'order.paid', status: 'failed', range: '24h', code: '5xx', event: 'e1' });
    expect(eventsSearchSchema.parse({ code: '5xxx', range: 'forever' })).toEqual({});
  });

  it('separates filters from the open event', () => {
    const search = eventsSearchSchema.parse({ status: 'failed', event: 'e1' });
    expect(filtersOnly(search)).toEqual({ status: 'failed' });
    expect(hasFilters({ event: 'e1' })).toBe(false);
    expect(hasFilters(search)).toBe(true);
  });

  it('maps to the contract filters, anchoring relative ranges', () => {
    const anchor = new Date('2024-01-15T12:00:00.000Z');
    expect(
      toEventFilter({ name: 'order.paid', status: 'failed', installation: 'inst_1', driver: 'bling', range: '24h', code: '500', dispatch: 'failed', superseded: 'false' }, anchor),
    ).toEqual({
      name: 'order.paid',
      status: 'failed',
      installation_id: 'inst_1',
      integration_driver_slug: 'bling',
      created_at_greater_than: '2024-01-14T12:00:00.000Z',
      attempt_response_code: '500',
      dispatch_status: 'failed',
      superseded: 'false',
    });
    expect(toEventFilter({ range: 'custom', from: '2024-01-01T00:00:00Z', to: '2024-01-02T00:00:00Z' }, anchor)).toEqual({
      created_at_greater_than: '2024-01-01T00:00:00.000Z',
      created_at_less_than: '2024-01-02T00:00:00.000Z',
    });
    // from/to without `custom` are ignored: the preset (or nothing) wins.
    expect(toEventFilter({ from: '2024-01-01T00:00:00Z' }, anchor)).toEqual({});
  });

  it('filterKey ignores key order', () => {
    expect(filterKey({ name: 'a', status: 'b' })).toBe(filterKey({ status: 'b', name: 'a' }));
  });
});
