import { describe, expect, it } from 'vitest';
import { overviewSearchSchema, windowFor } from './overview-search';

const NOW = new Date('2026-03-01T12:00:00.000Z');

describe('overview search params', () => {
  it('defaults to the last 24 hours and drops bad values', () => {
    const search = overviewSearchSchema.parse({ range: 'forever', from: 'yesterday' });
    expect(search).toEqual({ range: undefined, from: undefined, to: undefined });
    expect(windowFor(search, NOW)).toEqual({ ok: true, from: '2026-02-28T12:00:00.000Z', to: NOW.toISOString() });
  });

  it('turns presets into windows ending now', () => {
    expect(windowFor({ range: '1h' }, NOW)).toMatchObject({ from: '2026-03-01T11:00:00.000Z' });
    expect(windowFor({ range: '7d' }, NOW)).toMatchObject({ from: '2026-02-22T12:00:00.000Z' });
  });

  it('checks a custom range: both ends, in order, at most 31 days', () => {
    expect(windowFor({ range: 'custom', from: '2026-02-01T00:00:00Z' }, NOW)).toEqual({ ok: false, reason: 'incomplete' });
    expect(windowFor({ range: 'custom', from: '2026-02-02T00:00:00Z', to: '2026-02-01T00:00:00Z' }, NOW)).toEqual({ ok: false, reason: 'order' });
    expect(windowFor({ range: 'custom', from: '2025-01-01T00:00:00Z', to: '2026-02-01T00:00:00Z' }, NOW)).toEqual({ ok: false, reason: 'too_long' });
    expect(windowFor({ range: 'custom', from: '2026-02-01T00:00:00Z', to: '2026-02-02T00:00:00Z' }, NOW)).toEqual({
      ok: true,
      from: '2026-02-01T00:00:00.000Z',
      to: '2026-02-02T00:00:00.000Z',
    });
  });
});
