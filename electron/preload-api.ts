// What the preload exposes, built from the contract's names over an ipcRenderer-like object. Pure
// (no electron import) so tests can check exactly what the renderer gets: one function per contract
// channel, cancel, and on(event) for the allowlisted events. Never the raw ipcRenderer, never the
// IPC event object. Imports no schema (shared/ipc/bridge.ts, names.ts): the preload runs before the
// page loads, so everything it builds delays the window's first screen.
import { buildBridge, CANCEL_CHANNEL, EVENT_CHANNEL, type BridgeTransport } from '../shared/ipc/bridge';
import type { IpcRequest } from '../shared/ipc/kit';
import type { Contract, IiBridge, MainEvents } from '../shared/ipc/contract';
import { channelNameList, eventNameList } from '../shared/ipc/names';

/** The part of Electron's ipcRenderer the preload uses. */
export interface IpcRendererLike {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  send(channel: string, ...args: unknown[]): void;
  on(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
  removeListener(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
}

export function ipcRendererTransport(ipcRenderer: IpcRendererLike): BridgeTransport {
  return {
    invoke: (channel: string, request: IpcRequest) => ipcRenderer.invoke(channel, request),
    cancel: (requestId: string) => ipcRenderer.send(CANCEL_CHANNEL, requestId),
    subscribe(listener) {
      const onEvent = (_event: unknown, name: unknown, payload: unknown) => {
        if (typeof name === 'string') listener(name, payload);
      };
      ipcRenderer.on(EVENT_CHANNEL, onEvent as (event: unknown, ...args: unknown[]) => void);
      return () => {
        ipcRenderer.removeListener(EVENT_CHANNEL, onEvent as (event: unknown, ...args: unknown[]) => void);
      };
    },
  };
}

export function buildPreloadApi(ipcRenderer: IpcRendererLike): IiBridge {
  return buildBridge<Contract, MainEvents>(channelNameList, eventNameList, ipcRendererTransport(ipcRenderer));
}
