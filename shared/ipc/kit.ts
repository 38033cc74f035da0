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

// The bridge's runtime half (channel constants, buildBridge) has no zod and lives in bridge.ts, so the
// preload can load it without the schemas; re-exported here for everything else.
export { buildBridge, CANCEL_CHANNEL, EVENT_CHANNEL, type BridgeTransport } from './bridge';

export type ContractShape = Record<string, ChannelSpec>;
export type EventsShape = Record<string, z.ZodType>;

export type InputOf<C extends ContractShape, K extends keyof C> = z.input<C[K]['input']>;
export type OutputOf<C extends ContractShape, K extends keyof C> = z.output<C[K]['output']>;

/** What the renderer sees on `window.ii`: one function per channel, cancel, and `on`. */
export interface Bridge<C extends ContractShape, E extends EventsShape> {
  invoke: { [K in keyof C & string]: (input: InputOf<C, K>, requestId: string) => Promise<IpcResult<OutputOf<C, K>>> };
  cancel(requestId: string): void;
  on<K extends keyof E & string>(event: K, listener: (payload: z.output<E[K]>) => void): () => void;
}

