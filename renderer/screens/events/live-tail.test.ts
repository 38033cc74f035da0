import { describe, expect, it } from 'vitest';
import type { PlatformEvent } from '../../../shared/api/index';
import { emptyTail, newestCreatedAt, receive, release } from './live-tail';

const ev = (id: string, created_at: string): PlatformEvent =>
  ({ id, created_at, name: 'order.paid', status: 'pending', installation_id: null, integration_driver_slug: null, superseded: false, superseded_by: null, last_dispatch: null }) as PlatformEvent;

describe('live tail', () => {
  it('puts new events on top, newest first, never twice', () => {
    let s = receive(emptyTail, [ev('a', '2024-01-01T00:00:01Z'), ev('b', '2024-01-01T00:00:02Z')], false, new Set());
    expect(s.shown.map((e) => e.id)).toEqual(['b', 'a']);
    s = receive(s, [ev('b', '2024-01-01T00:00:02Z'), ev('c', '2024-01-01T00:00:03Z'), ev('p', '2024-01-01T00:00:04Z')], false, new Set(['p']));
    expect(s.shown.map((e) => e.id)).toEqual(['c', 'b', 'a']);
  });

  it('holds events while paused and releases them in order', () => {
    let s = receive(emptyTail, [ev('a', '2024-01-01T00:00:01Z')], false, new Set());
    s = receive(s, [ev('b', '2024-01-01T00:00:02Z')], true, new Set());
    s = receive(s, [ev('c', '2024-01-01T00:00:03Z')], true, new Set());
    expect(s.shown.map((e) => e.id)).toEqual(['a']);
    expect(s.waiting).toHaveLength(2);
    expect(newestCreatedAt(s, '2023-12-31T00:00:00Z')).toBe('2024-01-01T00:00:03Z');
    s = release(s);
    expect(s.shown.map((e) => e.id)).toEqual(['c', 'b', 'a']);
    expect(s.waiting).toEqual([]);
  });

  it('polls from the first page when the tail is empty', () => {
    expect(newestCreatedAt(emptyTail, '2024-01-01T00:00:00Z')).toBe('2024-01-01T00:00:00Z');
    expect(newestCreatedAt(emptyTail, undefined)).toBeUndefined();
  });
});
