// One "running app" for one end-to-end test: the REAL main-process services (createMainServices)
// on a fresh temp userData dir, with fake Electron APIs (fake-electron.ts), talking to a real
// sandbox. Every IPC payload in and every result and event out is recorded, so the secrecy spec
// can search them for the token.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createMainServices } from '../../electron/services';
import type { ApiLogEntry } from '../../electron/api/http';
import type { IpcSender } from '../../electron/ipc/sender';
import type { ChannelName, Contract } from '../../shared/ipc/contract';
import type { InputOf, IpcResult, OutputOf } from '../../shared/ipc/kit';
import { createFakeClipboard, createFakeConfirm, createFakeDialog, createFakeSafeStorage, createFakeShell } from './fake-electron';
import type { FakeLinuxBackend } from './fake-electron';

export interface IpcRecord {
  direction: 'in' | 'out' | 'event';
  channel: string;
  payload: unknown;
}

export interface AppSessionOptions {
  /** The origin the page is served from; main trusts only its top frame. */
  appOrigin: string;
  /** OS locale main reports in app:info (`pt-BR`, `en-US`…). */
  locale?: string;
  /** Environment main sees (II_API_TOKEN for "Import from II_API_TOKEN"). */
  env?: Record<string, string>;
  safeStorageBackend?: FakeLinuxBackend;
  encryptionAvailable?: boolean;
  /** Keep every IPC message in `records` (default true: specs assert on them). Benchmarks turn it off:
   *  100,000 loaded rows kept alive would weigh on the measured process. */
  record?: boolean;
  /** Where the platform client's request log goes (main wires electron-log here; see electron/log-setup.ts). */
  apiLog?: (entry: ApiLogEntry) => void;
  /** What main's platform client fetches with (the hostile suite wraps the real fetch to watch it). */
  fetch?: typeof fetch;
  /** Runs on the fresh userData folder before main starts: what an earlier run left there. */
  beforeStart?: (userDataDir: string) => Promise<void>;
}

export type AppSession = Awaited<ReturnType<typeof startAppSession>>;

/**
 * The webContents id of the harness's one "window" (the Playwright page), registered with the
 * dispatcher as main registers its BrowserWindow's: requests from any other id are refused.
 */
export const APP_WINDOW_ID = 1;

export async function startAppSession(options: AppSessionOptions) {
  const userDataDir = await mkdtemp(join(tmpdir(), 'ii-e2e-userdata-'));
  await options.beforeStart?.(userDataDir);
  const safeStorage = createFakeSafeStorage({ backend: options.safeStorageBackend, available: options.encryptionAvailable });
  const clipboard = createFakeClipboard();
  const dialog = createFakeDialog();
  const shell = createFakeShell();
  const confirm = createFakeConfirm();
  const records: IpcRecord[] = [];
  const record = (entry: IpcRecord) => {
    if (options.record !== false) records.push(entry);
  };
  // Kept by reference: a spec may set II_API_TOKEN after start, as an operator would before importing.
  const env: Record<string, string | undefined> = { ...(options.env ?? {}) };
  const services = await createMainServices({
    userDataDir,
    safeStorage,
    clipboard,
    dialog,
    shell,
    env,
    platform: 'linux',
    appInfo: { version: '0.0.0-e2e', platform: 'linux', locale: options.locale ?? 'en-US', isPackaged: false },
    appOrigin: options.appOrigin,
    ...(options.apiLog ? { apiLog: options.apiLog } : {}),
    confirmChange: confirm.confirm,
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
  services.windows.add(APP_WINDOW_ID);
  const stopEvents = services.onEvent((name, payload) => record({ direction: 'event', channel: name, payload }));

  async function dispatch(channel: string, payload: unknown, sender: IpcSender): Promise<IpcResult<unknown>> {
    record({ direction: 'in', channel, payload });
    const result = await services.dispatcher.dispatch(channel, payload, sender);
    record({ direction: 'out', channel, payload: result });
    return result;
  }

  let setupRequests = 0;
  /** Test setup straight through the dispatcher, as the app's own top frame would. Throws on error. */
  async function call<K extends ChannelName>(channel: K, input: InputOf<Contract, K>): Promise<OutputOf<Contract, K>> {
    setupRequests += 1;
    const result = await dispatch(channel, { requestId: `setup-${setupRequests}`, input }, { id: APP_WINDOW_ID, frameUrl: `${options.appOrigin}/index.html`, isTopFrame: true });
    if (!result.ok) throw new Error(`${channel} failed in test setup: ${result.error.code} ${result.error.message}`);
    return result.data as OutputOf<Contract, K>;
  }

  return {
    services,
    userDataDir,
    fakes: { safeStorage, clipboard, dialog, shell, confirm },
    env,
    records,
    dispatch,
    cancel: (senderId: number, requestId: string) => services.dispatcher.cancel({ id: senderId }, requestId),
    onEvent: services.onEvent,
    call,
    async close() {
      stopEvents();
      await services.close();
      await rm(userDataDir, { recursive: true, force: true });
    },
  };
}
