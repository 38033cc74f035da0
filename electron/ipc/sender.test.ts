// The sender check with fake senders, through the real dispatcher: only the top frame of
// app://console in a webContents main registered (its window) may call, and only while it is open.
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { op } from '../../shared/ipc/kit';
import { createDispatcher } from './dispatcher';
import { createTrustedWindows, originOf, trustedSenderCheck, type IpcSender } from './sender';

const APP = 'app://console';
const contract = { 'demo:ping': op(z.object({}).strict(), z.object({ pong: z.boolean() })) };
const MAIN_WINDOW_ID = 3;
const mainWindowFrame: IpcSender = { id: MAIN_WINDOW_ID, frameUrl: `${APP}/index.html#/events`, isTopFrame: true };

function setup() {
  const windows = createTrustedWindows();
  const dispatcher = createDispatcher({
    contract,
    handlers: { 'demo:ping': async () => ({ pong: true }) },
    isTrustedSender: trustedSenderCheck(APP, windows),
  });
  let counter = 0;
  const ping = (sender: IpcSender) => dispatcher.dispatch('demo:ping', { requestId: `r${++counter}`, input: {} }, sender);
  return { windows, ping };
}

const refused = { ok: false, error: { code: 'forbidden_sender', message: 'This frame may not call the console API.' } };

describe('IPC sender allow-list', () => {
  it("accepts the main window's top frame", async () => {
    const { windows, ping } = setup();
    windows.add(MAIN_WINDOW_ID);
    expect(await ping(mainWindowFrame)).toEqual({ ok: true, data: { pong: true } });
  });

  it('refuses a top frame on the right origin in another webContents', async () => {
    const { windows, ping } = setup();
    windows.add(MAIN_WINDOW_ID);
    expect(await ping({ ...mainWindowFrame, id: MAIN_WINDOW_ID + 1 })).toEqual(refused);
    expect(await ping({ ...mainWindowFrame, id: 0 })).toEqual(refused);
  });

  it("refuses the window's id once the window closed", async () => {
    const { windows, ping } = setup();
    windows.add(MAIN_WINDOW_ID);
    expect((await ping(mainWindowFrame)).ok).toBe(true);
    windows.remove(MAIN_WINDOW_ID);
    expect(await ping(mainWindowFrame)).toEqual(refused);
  });

  it('refuses everything before a window is registered', async () => {
    const { ping } = setup();
    expect(await ping(mainWindowFrame)).toEqual(refused);
  });

  it('still checks the origin and the top frame inside the main window', async () => {
    const { windows, ping } = setup();
    windows.add(MAIN_WINDOW_ID);
    expect(await ping({ ...mainWindowFrame, isTopFrame: false })).toEqual(refused);
    expect(await ping({ ...mainWindowFrame, frameUrl: 'https://evil.example/index.html' })).toEqual(refused);
    expect(await ping({ ...mainWindowFrame, frameUrl: '' })).toEqual(refused);
  });

  it('compares scheme://host, since URL.origin is "null" for app:', () => {
    expect(new URL('app://console/x').origin).toBe('null');
    expect(originOf('app://console/index.html#/a')).toBe('app://console');
    expect(originOf('not a url')).toBeNull();
    expect(() => trustedSenderCheck('nope', createTrustedWindows())).toThrow(/Not an origin/);
  });
});
