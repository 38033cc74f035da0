import { describe, expect, it } from 'vitest';
import { eventsSearchSchema } from '../screens/events/events-search';
import { deliveriesSearchSchema } from '../screens/deliveries/deliveries-search';
import { driversSearchSchema } from '../screens/drivers/route';
import { webhooksSearchSchema } from '../screens/webhooks/webhooks-search';
import { parseSearchAsStrings, stringifySearchAsStrings } from './search-serialization';

describe('search params as strings', () => {
  it('reads numbers, booleans and times as the strings the screens expect', () => {
    expect(parseSearchAsStrings('?code=500&superseded=true&name=order.paid&from=2026-11-29T10%3A00%3A00.000Z&blank=')).toEqual({
      code: '500',
      superseded: 'true',
      name: 'order.paid',
      from: '2026-11-29T10:00:00.000Z',
      blank: '',
    });
    expect(parseSearchAsStrings('')).toEqual({});
    expect(parseSearchAsStrings('status=failed')).toEqual({ status: 'failed' });
  });

  it('keeps the first of a repeated key', () => {
    expect(parseSearchAsStrings('?status=failed&status=dispatched')).toEqual({ status: 'failed' });
  });

  it('reads the quoted values older builds wrote, and leaves other quotes alone', () => {
    expect(parseSearchAsStrings('?code=%22500%22&superseded=%22true%22')).toEqual({ code: '500', superseded: 'true' });
    expect(parseSearchAsStrings('?name=%22a&q=%22a%22b%22')).toEqual({ name: '"a', q: '"a"b"' });
  });

  it('writes plain values in order, skipping undefined, and round-trips awkward text', () => {
    expect(stringifySearchAsStrings({ code: '500', superseded: 'true', event: undefined, status: 'failed' })).toBe('?code=500&superseded=true&status=failed');
    expect(stringifySearchAsStrings({})).toBe('');
    expect(stringifySearchAsStrings({ event: undefined })).toBe('');
    const awkward = { name: 'a&b=c d', q: 'ção/€?#', n: '007', t: 'true' };
    expect(parseSearchAsStrings(stringifySearchAsStrings(awkward))).toEqual(awkward);
  });

  it('a hand-written deep link keeps every filter on each screen', () => {
    expect(eventsSearchSchema.parse(parseSearchAsStrings('?code=500&superseded=true&status=failed&range=24h'))).toEqual({
      code: '500',
      superseded: 'true',
      status: 'failed',
      range: '24h',
    });
    expect(deliveriesSearchSchema.parse(parseSearchAsStrings('?tab=dispatches&code=429&event=123'))).toEqual({ tab: 'dispatches', code: '429', event: '123' });
    expect(driversSearchSchema.parse(parseSearchAsStrings('?enabled=false&name=2024'))).toMatchObject({ enabled: 'false', name: '2024' });
    expect(webhooksSearchSchema.parse(parseSearchAsStrings('?endpoint=42'))).toEqual({ endpoint: '42' });
  });
});
