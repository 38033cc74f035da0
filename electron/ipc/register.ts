// Wires the pure dispatcher to Electron: one ipcMain.handle per contract channel, the cancel
// channel, and event pushes to the window. The only main-side file that touches ipcMain.
import { ipcMain, type IpcMainEvent, type IpcMainInvokeEvent, type WebContents } from 'electron';
import { CANCEL_CHANNEL, EVENT_CHANNEL, type EventsShape } from '../../shared/ipc/kit';
import type { Dispatcher } from './dispatcher';
import { parseEvent } from './events';
import type { IpcSender } from './sender';

function senderOf(event: IpcMainInvokeEvent | IpcMainEvent): IpcSender {
  // senderFrame is null when the frame navigated or was destroyed: then it is not trusted.
  const frame = event.senderFrame;
  return {
    id: event.sender.id,
    frameUrl: frame?.url ?? '',
    isTopFrame: frame ? frame.parent === null : false,
  };
}

export function registerIpc(dispatcher: Dispatcher, channels: readonly string[]): () => void {
  for (const channel of channels) {
    ipcMain.handle(channel, (event, payload: unknown) => dispatcher.dispatch(channel, payload, senderOf(event)));
  }
  const onCancel = (event: IpcMainEvent, requestId: unknown) => {
    if (typeof requestId === 'string') dispatcher.cancel({ id: event.sender.id }, requestId);
  };
  ipcMain.on(CANCEL_CHANNEL, onCancel);
  return () => {
    for (const channel of channels) ipcMain.removeHandler(channel);
    ipcMain.removeListener(CANCEL_CHANNEL, onCancel);
  };
}

/** Sends an allowlisted event to one window, after parsing its payload with the event's schema. */
export function pushEvent(webContents: WebContents, events: EventsShape, name: string, payload: unknown): void {
  const event = parseEvent(events, name, payload);
  if (!event || webContents.isDestroyed()) return;
  webContents.send(EVENT_CHANNEL, event.name, event.payload);
}
