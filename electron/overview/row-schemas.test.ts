import { describe, expect, it } from 'vitest';
import { dispatchSchema, eventSchema } from '../../shared/api/index';
import { overviewDispatchSchema, overviewEventSchema } from './row-schemas';

const attempt = {
  id: 'dsp_1',
  event_id: 'evt_1',
  endpoint_id: 'end_1',
  url: 'https://example.test/hook',
  attempt: 2,
  trigger: 'automatic',
  status: 'failed',
  attempt_response_code: 503,
  error: null,
  duration_ms: 812.5,
  request_headers: { 'content-type': 'application/json', 'x-ii-attempt': '2' },
  request_body: '{"order":1}',
  response_headers: { 'retry-after': ['30'] },
  response_body: 'busy',
  attempted_at: '2026-12-05T10:00:00.000000Z',
  next_retry_at: null,
};

describe('the Overview row schemas', () => {
  it('read what the tally reads, as the full dispatch schema reads it, and drop the rest', () => {
    const lean = overviewDispatchSchema.parse(attempt);
    const full = dispatchSchema.parse(attempt);
    for (const key of Object.keys(lean) as Array<keyof typeof lean>) expect(lean[key], key).toEqual(full[key]);
    expect(Object.keys(lean).sort()).toEqual(['attempt_response_code', 'attempted_at', 'duration_ms', 'endpoint_id', 'error', 'event_id', 'status', 'url']);
  });

  it('are as tolerant as the client: number ids, statuses it does not know, fields only our contract promises missing', () => {
    expect(overviewDispatchSchema.parse({ event_id: 42, status: 'retrying' })).toEqual({ event_id: '42', status: 'retrying' });
    expect(overviewEventSchema.parse({ id: 7, installation_id: null, integration_driver_slug: 'shopify', name: 'order.paid' })).toEqual({ id: '7', installation_id: null, integration_driver_slug: 'shopify' });
  });

  it('refuse a row whose fields have the wrong type, as the full schemas do', () => {
    for (const bad of [{ ...attempt, status: 5 }, { ...attempt, duration_ms: 'slow' }, { ...attempt, attempt_response_code: 503.5 }]) {
      expect(overviewDispatchSchema.safeParse(bad).success).toBe(false);
      expect(dispatchSchema.safeParse(bad).success).toBe(false);
    }
    const event = { id: 'evt_1', installation_id: 'ins_1', integration_driver_slug: 'hotmart', name: 'x', created_at: '2026-12-05T10:00:00.000000Z', status: 'failed', superseded: false, superseded_by: null, last_dispatch: null };
    expect(overviewEventSchema.safeParse({ ...event, installation_id: undefined }).success).toBe(false);
    expect(eventSchema.safeParse({ ...event, installation_id: undefined }).success).toBe(false);
  });
});
