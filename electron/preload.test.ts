import { beforeEach, describe, expect, it, vi } from 'vitest';
import { CANCEL_CHANNEL, EVENT_CHANNEL } from '../shared/ipc/kit';
import { channelNames, mainEvents } from '../shared/ipc/contract';

type Listener = (event: unknown, ...args: unknown[]) => void;
const exposed = new Map<string, unknown>();
const listeners = new Map<string, Set<Listener>>();
const ipcRenderer = {
  invoke: vi.fn(async (channel: string, request: unknown) => ({ ok: true, data: { channel, request } })),
  send: vi.fn(),
  on: vi.fn((channel: string, listener: Listener) => {
    if (!listeners.has(channel)) listeners.set(channel, new Set());
    listeners.get(channel)!.add(listener);
  }),
  removeListener: vi.fn((channel: string, listener: Listener) => listeners.get(channel)?.delete(listener)),
  sendSync: vi.fn(),
};

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, value: unknown) => exposed.set(key, value) },
  ipcRenderer,
}));

function fire(name: string, payload: unknown) {
  for (const listener of listeners.get(EVENT_CHANNEL) ?? []) listener({ sender: 'raw-ipc-event' }, name, payload);
}

describe('preload', () => {
  beforeEach(async () => {
    vi.resetModules();
    exposed.clear();
    listeners.clear();
    await import('./preload');
  });

  it('exposes only window.ii with exactly the contract channels, cancel and on', () => {
    expect([...exposed.keys()]).toEqual(['ii']);
    const ii = exposed.get('ii') as Record<string, unknown>;
    expect(Object.keys(ii).sort()).toEqual(['cancel', 'invoke', 'on']);
    const invoke = ii.invoke as Record<string, unknown>;
    expect(Object.keys(invoke).sort()).toEqual([...channelNames].sort());
    for (const fn of Object.values(invoke)) expect(typeof fn).toBe('function');
    expect(JSON.stringify(Object.keys(ii))).not.toContain('ipcRenderer');
    expect(Object.values(ii)).not.toContain(ipcRenderer);
    expect(Object.isFrozen(ii)).toBe(true);
  });

  it('invokes over ipcRenderer with {requestId, input} and cancels by id', async () => {
    const ii = exposed.get('ii') as { invoke: Record<string, (input: unknown, id: string) => Promise<unknown>>; cancel(id: string): void };
    await ii.invoke['app:info']!({}, 'req-1');
    expect(ipcRenderer.invoke).toHaveBeenCalledWith('app:info', { requestId: 'req-1', input: {} });
    ii.cancel('req-1');
    expect(ipcRenderer.send).toHaveBeenCalledWith(CANCEL_CHANNEL, 'req-1');
  });

  // Payload shapes are checked where events are sent (main's event hub, electron/ipc/events.ts);
  // the preload allow-lists names, so it carries no schemas.
  it('delivers allowlisted events and drops every other name', () => {
    const ii = exposed.get('ii') as { on(name: string, listener: (payload: unknown) => void): () => void };
    const received: unknown[] = [];
    const off = ii.on('profiles:changed', (payload) => received.push(payload));
    fire('profiles:changed', { profileId: 'p1' });
    fire('secret:dump', { token: 'x' }); // not allowlisted
    fire('__proto__', { token: 'x' });
    expect(received).toEqual([{ profileId: 'p1' }]);
    expect(() => ii.on('secret:dump', () => {})).toThrow(/Unknown event/);
    off();
    fire('profiles:changed', { profileId: 'p2' });
    expect(received).toHaveLength(1);
    expect(Object.keys(mainEvents)).toContain('profiles:changed');
  });
});
