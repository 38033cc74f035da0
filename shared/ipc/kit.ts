// The building blocks of the IPC contract. Imported by main (dispatcher), the preload (bridge)
// and the renderer (typed client). No Electron, no DOM: this file runs everywhere, tests included.
import { z } from 'zod';

/**
 * What main needs to know about an operation besides its shapes. `write: true` marks an action
 * that changes the remote account: the dispatcher refuses it on a read-only profile (unless the
 * operator unlocked writes) and records it in the activity log.
 */
export interface ChannelMeta {
  write?: boolean;
}

/** One request/response operation: what the renderer may send and what main answers. */
export interface ChannelSpec<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  input: I;
  output: O;
  meta: ChannelMeta;
}

export function op<I extends z.ZodType, O extends z.ZodType>(input: I, output: O, meta: ChannelMeta = {}): ChannelSpec<I, O> {
  return { input, output, meta };
}

/**
 * Error codes that may cross IPC. The client's wire errors (401, 422, 429, …) map onto these,
 * and the renderer has an i18n message for each (`errors.<code>`).
 */
export const ipcErrorCodes = [
  // boundary errors raised by the dispatcher itself
  'unknown_channel',
  'forbidden_sender',
  'invalid_input',
  'invalid_output',
  'internal',
  // domain errors raised by handlers
  'unauthenticated',
  'forbidden',
  'not_found',
  'validation',
  'rate_limited',
  'server',
  'network',
  'offline',
  'timeout',
  'cancelled',
  'unsupported',
  'malformed_response',
  /** The API's answer was larger than the profile's `maxResponseMb`; main stopped reading it. */
  'response_too_large',
  'no_token',
  'invalid_token',
  'read_only',
  'conflict',
  // the credential boundary (docs/security.md)
  'token_origin_mismatch',
  'not_confirmed',
  /** A 400 the client could not resolve by itself (not field validation): the server's words as they are. */
  'bad_request',
] as const;
export const ipcErrorCodeSchema = z.enum(ipcErrorCodes);
export type IpcErrorCode = z.infer<typeof ipcErrorCodeSchema>;

export const ipcErrorSchema = z.object({
  code: ipcErrorCodeSchema,
  /** English fallback text; the renderer shows the i18n message for `code` and may add this. */
  message: z.string(),
  status: z.number().int().optional(),
  /** Per-field messages (422 validation, or invalid IPC input paths). */
  fields: z.record(z.string(), z.array(z.string())).optional(),
  /** Seconds to wait before retrying (429). */
  retryAfter: z.number().optional(),
  /** Extra facts the message can interpolate (e.g. `reason: 'expired'` for 401). */
  details: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])).optional(),
});
export type IpcError = z.infer<typeof ipcErrorSchema>;

export type IpcResult<T> = { ok: true; data: T } | { ok: false; error: IpcError };

/** What the renderer sends with every call: the input and an id it can later cancel by. */
export const ipcRequestSchema = z.object({
  requestId: z.string().min(1).max(64),
  input: z.unknown(),
});
export type IpcRequest = z.infer<typeof ipcRequestSchema>;

/** The channel the renderer uses to cancel an in-flight request (fire-and-forget). */
export const CANCEL_CHANNEL = 'ipc:cancel';
/** The channel main uses to push allowlisted events to the renderer. */
export const EVENT_CHANNEL = 'ipc:event';

export type ContractShape = Record<string, ChannelSpec>;
export type EventsShape = Record<string, z.ZodType>;

export type InputOf<C extends ContractShape, K extends keyof C> = z.input<C[K]['input']>;
export type OutputOf<C extends ContractShape, K extends keyof C> = z.output<C[K]['output']>;

/**
 * The transport a bridge runs over. The preload implements it over Electron's renderer-side IPC; the end-to-end
 * harness implements it with Playwright's exposeBinding into the real dispatcher.
 */
export interface BridgeTransport {
  invoke(channel: string, request: IpcRequest): Promise<unknown>;
  cancel(requestId: string): void;
  subscribe(listener: (event: string, payload: unknown) => void): () => void;
}

/** What the renderer sees on `window.ii`: one function per channel, cancel, and `on`. */
export interface Bridge<C extends ContractShape, E extends EventsShape> {
  invoke: { [K in keyof C & string]: (input: InputOf<C, K>, requestId: string) => Promise<IpcResult<OutputOf<C, K>>> };
  cancel(requestId: string): void;
  on<K extends keyof E & string>(event: K, listener: (payload: z.output<E[K]>) => void): () => void;
}

/**
 * Builds the bridge object from the contract. Only channels named in the contract get a function;
 * only events named in `events` reach listeners, and only after their payload parses.
 * Results are passed through untouched: main already validated them, and the renderer treats
 * them as data, never as code.
 */
export function buildBridge<C extends ContractShape, E extends EventsShape>(
  contract: C,
  events: E,
  transport: BridgeTransport,
): Bridge<C, E> {
  const invoke = {} as Record<string, (input: unknown, requestId: string) => Promise<unknown>>;
  for (const channel of Object.keys(contract)) {
    invoke[channel] = (input: unknown, requestId: string) => transport.invoke(channel, { requestId: String(requestId), input });
  }
  Object.freeze(invoke);
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  let unsubscribe: (() => void) | null = null;
  const ensureSubscribed = () => {
    if (unsubscribe) return;
    unsubscribe = transport.subscribe((event, payload) => {
      const schema = events[event];
      const set = listeners.get(event);
      if (!schema || !set || set.size === 0) return;
      const parsed = schema.safeParse(payload);
      if (!parsed.success) return;
      for (const listener of set) listener(parsed.data);
    });
  };
  return Object.freeze({
    invoke: invoke as Bridge<C, E>['invoke'],
    cancel: (requestId: string) => transport.cancel(String(requestId)),
    on: (event: string, listener: (payload: never) => void) => {
      if (!Object.hasOwn(events, event)) throw new Error(`Unknown event: ${event}`);
      if (typeof listener !== 'function') throw new Error('Listener must be a function');
      ensureSubscribed();
      let set = listeners.get(event);
      if (!set) listeners.set(event, (set = new Set()));
      const wrapped = listener as (payload: unknown) => void;
      set.add(wrapped);
      return () => {
        set.delete(wrapped);
      };
    },
  }) as Bridge<C, E>;
}
