// Runs IN THE PAGE, before any app script (Playwright init script, bundled to an IIFE by
// bundle-page-bridge.ts). It builds `window.ii` with the SAME buildBridge(contract, mainEvents, …)
// the Electron preload uses; only the transport differs: Playwright bindings into the real
// dispatcher in the test process instead of ipcRenderer. It also reports CSP violations, which the
// fixture turns into a test failure.
import { z } from 'zod';
import { buildBridge } from '../../shared/ipc/kit';
import type { BridgeTransport, IpcRequest } from '../../shared/ipc/kit';
import { contract, mainEvents } from '../../shared/ipc/contract';

interface HarnessWindow {
  __iiTransport(channel: string, request: IpcRequest): Promise<unknown>;
  __iiCancel(requestId: string): Promise<void>;
  __iiReportCsp(violation: { directive: string; blockedURI: string; sample: string }): Promise<void>;
  /** Called by the harness (page.evaluate) to deliver a main→renderer event. */
  __iiDeliverEvent?: (event: string, payload: unknown) => void;
}

// As in the renderer (renderer/zod-config.ts): no `new Function` probe under the CSP.
z.config({ jitless: true });

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
  value: buildBridge(contract, mainEvents, transport),
  writable: false,
  configurable: false,
});

document.addEventListener('securitypolicyviolation', (event) => {
  void harnessWindow.__iiReportCsp({ directive: event.effectiveDirective, blockedURI: event.blockedURI, sample: event.sample });
});
