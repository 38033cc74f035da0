import { describe, expect, it } from 'vitest';
import { mainEvents } from '../../shared/ipc/contract';
import { createEventHub, parseEvent } from './events';

describe('main → renderer events', () => {
  it('passes allowlisted events with valid payloads only', () => {
    expect(parseEvent(mainEvents, 'profiles:changed', { profileId: 'p1' })).toEqual({ name: 'profiles:changed', payload: { profileId: 'p1' } });
    expect(parseEvent(mainEvents, 'profiles:changed', { profileId: 3 })).toBeNull();
    expect(parseEvent(mainEvents, 'debug:dump', {})).toBeNull();
    expect(parseEvent(mainEvents, 'toString', {})).toBeNull();
  });

  it('fans out to listeners and stops after unsubscribe', () => {
    const hub = createEventHub(mainEvents);
    const seen: string[] = [];
    const off = hub.onEvent((name) => seen.push(name));
    expect(hub.emit('session:expired', { profileId: 'p1' })).toBe(true);
    expect(hub.emit('nope', {})).toBe(false);
    off();
    hub.emit('session:expired', { profileId: 'p1' });
    expect(seen).toEqual(['session:expired']);
  });
});
