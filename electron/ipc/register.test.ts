import { describe, expect, it, vi } from 'vitest';
import { CANCEL_CHANNEL, EVENT_CHANNEL } from '../../shared/ipc/kit';
import { mainEvents } from '../../shared/ipc/contract';

type Invoke = (event: unknown, payload: unknown) => Promise<unknown>;
const handles = new Map<string, Invoke>();
const listeners = new Map<string, (event: unknown, ...args: unknown[]) => void>();

vi.mock('electron', () => ({
  ipcMain: {
    handle: (channel: string, fn: Invoke) => handles.set(channel, fn),
    removeHandler: (channel: string) => handles.delete(channel),
    on: (channel: string, fn: (event: unknown, ...args: unknown[]) => void) => listeners.set(channel, fn),
    removeListener: (channel: string) => listeners.delete(channel),
  },
}));

const { registerIpc, pushEvent } = await import('./register');

function fakeDispatcher() {
  const calls: Array<{ channel: string; sender: unknown }> = [];
  const cancels: Array<[number, string]> = [];
  return {
    calls,
    cancels,
    dispatcher: {
      dispatch: async (channel: string, _payload: unknown, sender: unknown) => {
        calls.push({ channel, sender });
        return { ok: true as const, data: null };
      },
      cancel: (sender: { id: number }, requestId: string) => void cancels.push([sender.id, requestId]),
      cancelAll: () => undefined,
      handledChannels: [],
    },
  };
}

describe('registerIpc', () => {
  it('registers one handler per channel and passes the sender frame facts', async () => {
    const { dispatcher, calls, cancels } = fakeDispatcher();
    const unregister = registerIpc(dispatcher, ['app:info', 'profiles:list']);
    expect([...handles.keys()].sort()).toEqual(['app:info', 'profiles:list']);

    const topFrame = { url: 'app://console/index.html', parent: null };
    await handles.get('app:info')!({ sender: { id: 3 }, senderFrame: topFrame }, { requestId: 'a', input: {} });
    await handles.get('app:info')!({ sender: { id: 3 }, senderFrame: { url: 'app://console/x', parent: topFrame } }, {});
    await handles.get('profiles:list')!({ sender: { id: 4 }, senderFrame: null }, {});
    expect(calls.map((c) => c.sender)).toEqual([
      { id: 3, frameUrl: 'app://console/index.html', isTopFrame: true },
      { id: 3, frameUrl: 'app://console/x', isTopFrame: false },
      { id: 4, frameUrl: '', isTopFrame: false },
    ]);

    listeners.get(CANCEL_CHANNEL)!({ sender: { id: 3 } }, 'a');
    listeners.get(CANCEL_CHANNEL)!({ sender: { id: 3 } }, { not: 'a string' });
    expect(cancels).toEqual([[3, 'a']]);

    unregister();
    expect(handles.size).toBe(0);
    expect(listeners.has(CANCEL_CHANNEL)).toBe(false);
  });
});

describe('pushEvent', () => {
  it('sends allowlisted, parsed events only, and not to a destroyed window', () => {
    const sent: unknown[][] = [];
    const webContents = { isDestroyed: () => false, send: (...args: unknown[]) => void sent.push(args) };
    pushEvent(webContents as never, mainEvents, 'profiles:changed', { profileId: 'p1', extra: 'dropped' });
    pushEvent(webContents as never, mainEvents, 'profiles:changed', { profileId: 1 });
    pushEvent(webContents as never, mainEvents, 'not:allowed', {});
    pushEvent({ ...webContents, isDestroyed: () => true } as never, mainEvents, 'profiles:changed', { profileId: 'p2' });
    expect(sent).toEqual([[EVENT_CHANNEL, 'profiles:changed', { profileId: 'p1' }]]);
  });
});
