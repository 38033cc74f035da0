// Runs IN THE PAGE, before any app script (Playwright init script, bundled to an IIFE by
// bundle-page-bridge.ts). It builds `window.ii` with the SAME buildBridge(channel names, event names, …)
// the Electron preload uses; only the transport differs: Playwright bindings into the real
// dispatcher in the test process instead of ipcRenderer. It also reports CSP violations, which the
// fixture turns into a test failure.
import { buildBridge, type BridgeTransport } from '../../shared/ipc/bridge';
import type { IpcRequest } from '../../shared/ipc/kit';
import type { Contract, MainEvents } from '../../shared/ipc/contract';
import { channelNameList, eventNameList } from '../../shared/ipc/names';

interface HarnessWindow {
  __iiTransport(channel: string, request: IpcRequest): Promise<unknown>;
  __iiCancel(requestId: string): Promise<void>;
  __iiReportCsp(violation: { directive: string; blockedURI: string; sample: string }): Promise<void>;
  /** Called by the harness (page.evaluate) to deliver a main→renderer event. */
  __iiDeliverEvent?: (event: string, payload: unknown) => void;
}

const harnessWindow = window as unknown as Window & HarnessWindow;
const listeners = new Set<(event: string, payload: unknown) => void>();

const transport: BridgeTransport = {
  invoke: (channel, request) => harnessWindow.__iiTransport(channel, request),
  cancel: (requestId) => void harnessWindow.__iiCancel(requestId),
  subscribe(listener) {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};

Object.defineProperty(harnessWindow, '__iiDeliverEvent', {
  value: (event: string, payload: unknown) => {
    for (const listener of listeners) listener(event, payload);
  },
  writable: false,
  configurable: false,
});

Object.defineProperty(harnessWindow, 'ii', {
  value: buildBridge<Contract, MainEvents>(channelNameList, eventNameList, transport),
  writable: false,
  configurable: false,
});

document.addEventListener('securitypolicyviolation', (event) => {
  void harnessWindow.__iiReportCsp({ directive: event.effectiveDirective, blockedURI: event.blockedURI, sample: event.sample });
});
