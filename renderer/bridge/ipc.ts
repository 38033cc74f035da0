// The renderer's only way to reach main: `call(channel, input, { signal })` over the bridge the
// preload put on `window.ii`. It unwraps `{ ok, data } | { ok: false, error }` so TanStack Query
// sees plain data or a thrown IpcCallError, and turns an AbortSignal into a cancel message
// (AbortSignal itself cannot cross contextBridge).
import type { ChannelName, Contract, IiBridge } from '../../shared/ipc/contract';
import type { InputOf, IpcError, IpcResult, OutputOf } from '../../shared/ipc/kit';

declare global {
  interface Window {
    ii: IiBridge;
  }
}

export class IpcCallError extends Error {
  readonly code: IpcError['code'];
  readonly status: number | undefined;
  readonly fields: Record<string, string[]> | undefined;
  readonly retryAfter: number | undefined;
  readonly details: IpcError['details'];

  constructor(readonly channel: string, error: IpcError) {
    super(error.message);
    this.name = 'IpcCallError';
    this.code = error.code;
    this.status = error.status;
    this.fields = error.fields;
    this.retryAfter = error.retryAfter;
    this.details = error.details;
  }
}

let counter = 0;
function nextRequestId(): string {
  counter = (counter + 1) % Number.MAX_SAFE_INTEGER;
  return `r${Date.now().toString(36)}-${counter.toString(36)}`;
}

export function bridge(): IiBridge {
  if (typeof window === 'undefined' || !window.ii) {
    throw new Error('The console bridge is missing: the renderer must run inside the app window.');
  }
  return window.ii;
}

export async function call<K extends ChannelName>(
  channel: K,
  input: InputOf<Contract, K>,
  options: { signal?: AbortSignal } = {},
): Promise<OutputOf<Contract, K>> {
  const { signal } = options;
  if (signal?.aborted) throw new IpcCallError(channel, { code: 'cancelled', message: 'Cancelled before it started.' });
  const ii = bridge();
  const requestId = nextRequestId();
  const onAbort = () => ii.cancel(requestId);
  signal?.addEventListener('abort', onAbort, { once: true });
  try {
    const invoke = ii.invoke[channel] as (input: unknown, requestId: string) => Promise<IpcResult<OutputOf<Contract, K>>>;
    const result = await invoke(input, requestId);
    if (result.ok) return result.data;
    throw new IpcCallError(channel, result.error);
  } finally {
    signal?.removeEventListener('abort', onAbort);
  }
}
