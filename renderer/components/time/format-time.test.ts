import { describe, expect, it } from 'vitest';
import { formatAxisTicks, formatDuration, formatRelative, formatTimestamp, fromLocalInput, isoHoursAgo, toLocalInput } from './format-time';

describe('formatTimestamp', () => {
  it('shows UTC with milliseconds from the platform microsecond format', () => {
    expect(formatTimestamp('2024-01-15T10:45:00.123456Z', 'utc')).toBe('2024-01-15 10:45:00.123 UTC');
    expect(formatTimestamp('2024-01-15T10:45:00.000000Z', 'utc', { withMillis: false })).toBe('2024-01-15 10:45:00 UTC');
  });

  it('shows local time with its offset (the same instant)', () => {
    const local = formatTimestamp('2024-01-15T10:45:00.000000Z', 'local');
    const match = /^(\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2})\.000 ([+-]\d{2}:\d{2})$/.exec(local);
    expect(match).not.toBeNull();
    const instant = new Date(`${match![1]!.replace(' ', 'T')}${match![2]}`);
    expect(instant.toISOString()).toBe('2024-01-15T10:45:00.000Z');
  });

  it('returns garbage unchanged and empty for nothing', () => {
    expect(formatTimestamp('yesterday-ish', 'utc')).toBe('yesterday-ish');
    expect(formatTimestamp(null, 'local')).toBe('');
  });
});

describe('formatRelative', () => {
  const now = new Date('2024-01-15T10:48:00Z');
  it('speaks English and Portuguese', () => {
    expect(formatRelative('2024-01-15T10:45:00.000000Z', 'en', now)).toBe('3 minutes ago');
    expect(formatRelative('2024-01-15T10:45:00.000000Z', 'pt-BR', now)).toBe('há 3 minutos');
    expect(formatRelative('2024-01-15T12:48:00Z', 'en', now)).toBe('in 2 hours');
    expect(formatRelative('nope', 'en', now)).toBe('');
  });
});

describe('formatDuration and isoHoursAgo', () => {
  it('formats durations', () => {
    expect(formatDuration(850)).toBe('850 ms');
    expect(formatDuration(0)).toBe('0 ms');
    expect(formatDuration(999.6)).toBe('1000 ms');
    expect(formatDuration(2400)).toBe('2.4 s');
    expect(formatDuration(45_000)).toBe('45 s');
    expect(formatDuration(59_960)).toBe('60 s');
    expect(formatDuration(65_000)).toBe('1 min 5 s');
    expect(formatDuration(null)).toBe('');
    expect(formatDuration(undefined)).toBe('');
    expect(formatDuration(Number.NaN)).toBe('');
    expect(formatDuration(-5)).toBe('0 ms');
  });
  it('keeps the two largest units of long durations (retry schedules), skipping a zero one', () => {
    const seconds = [60, 150, 3_600, 3_900, 3_661, 86_400 + 7_200 + 5, 86_400 + 30];
    expect(seconds.map((s) => formatDuration(s * 1000))).toEqual(['1 min', '2 min 30 s', '1 h', '1 h 5 min', '1 h 1 min', '1 d 2 h', '1 d']);
  });
  it('computes past instants', () => {
    expect(isoHoursAgo(24, new Date('2024-01-15T10:00:00Z'))).toBe('2024-01-14T10:00:00.000Z');
  });
});

describe('datetime-local inputs', () => {
  it('round-trips an instant through the input (to the minute, in local time)', () => {
    const value = toLocalInput('2024-01-15T10:45:30.000Z');
    expect(value).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/);
    expect(fromLocalInput(value)).toBe('2024-01-15T10:45:00.000Z');
  });

  it('gives empty / undefined for missing or invalid values instead of throwing', () => {
    expect(toLocalInput(undefined)).toBe('');
    expect(toLocalInput('not a date')).toBe('');
    expect(fromLocalInput('')).toBeUndefined();
    expect(fromLocalInput('2024-13-99T99:99')).toBeUndefined();
  });
});

describe('formatAxisTicks', () => {
  const at = (iso: string) => Date.parse(iso) / 1000;

  it('hours in 24-hour time, with the date at the first tick and where the day changes (UTC)', () => {
    const ticks = ['2026-11-28T20:00:00Z', '2026-11-28T22:00:00Z', '2026-11-29T00:00:00Z', '2026-11-29T02:00:00Z'].map(at);
    expect(formatAxisTicks(ticks, 7_200, 'utc', 'en')).toEqual(['20:00\n28 Nov', '22:00', '00:00\n29 Nov', '02:00']);
    expect(formatAxisTicks(ticks, 7_200, 'utc', 'pt-BR')).toEqual(['20:00\n28 nov', '22:00', '00:00\n29 nov', '02:00']);
  });

  it('days from a one-day step', () => {
    expect(formatAxisTicks([at('2026-11-27T00:00:00Z'), at('2026-11-28T00:00:00Z')], 86_400, 'utc', 'en')).toEqual(['27 Nov', '28 Nov']);
  });

  it('local mode shows the same instants in the machine zone', () => {
    const ticks = [at('2026-11-28T23:00:00Z'), at('2026-11-29T01:00:00Z')];
    const labels = formatAxisTicks(ticks, 7_200, 'local', 'en');
    ticks.forEach((seconds, index) => {
      const local = new Date(seconds * 1000);
      const hhmm = `${String(local.getHours()).padStart(2, '0')}:${String(local.getMinutes()).padStart(2, '0')}`;
      expect(labels[index]!.split('\n')[0]).toBe(hhmm);
    });
    expect(labels[0]).toContain(`\n${new Date(ticks[0]! * 1000).getDate()} Nov`);
  });
});
