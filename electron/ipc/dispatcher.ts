// The one place every renderer request goes through. Pure (no electron import) so it runs in
// plain Node: electron/ipc/register.ts feeds it from ipcMain, the end-to-end harness from
// Playwright's exposeBinding. It never throws: every outcome is an IpcResult.
import type { z } from 'zod';
import { AppError, isAppError } from '../../shared/app-error';
import { ipcRequestSchema, type ContractShape, type IpcError, type IpcResult } from '../../shared/ipc/kit';
import type { HandlerContext } from './handler-types';
import type { IpcSender } from './sender';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- handlers are typed per channel; the dispatcher only forwards parsed input
type AnyHandler = (input: any, ctx: HandlerContext) => unknown;

export interface DispatchSpyEntry {
  direction: 'in' | 'out';
  channel: string;
  /** 'in': the raw payload as received; 'out': the result sent back. */
  payload: unknown;
  sender: IpcSender;
}

export interface WriteCheck {
  channel: string;
  input: unknown;
  sender: IpcSender;
}

export interface DispatcherOptions<C extends ContractShape> {
  contract: C;
  handlers: Partial<Record<keyof C, AnyHandler>> | Record<string, AnyHandler>;
  isTrustedSender: (sender: IpcSender) => boolean;
  /** For `meta.write` channels: may this write run now (read-only profiles)? Default: yes. */
  isWriteAllowed?: (check: WriteCheck) => boolean;
  /** Told about every write that ran (activity log), with its outcome and, when it succeeded, its parsed output. */
  onWrite?: (entry: WriteCheck & { ok: boolean; errorCode?: string; output?: unknown }) => void;
  /** Sees every payload in and every result out (the token-secrecy test uses it). */
  spy?: (entry: DispatchSpyEntry) => void;
}

export interface Dispatcher {
  dispatch(channel: string, payload: unknown, sender: IpcSender): Promise<IpcResult<unknown>>;
  cancel(sender: Pick<IpcSender, 'id'>, requestId: string): void;
  /** Cancels everything in flight for one sender (its window closed or navigated). */
  cancelAll(sender: Pick<IpcSender, 'id'>): void;
  readonly handledChannels: readonly string[];
}

function failure(error: IpcError): IpcResult<never> {
  return { ok: false, error };
}

/** zod issues → `{ 'path.to.field': [messages] }`; '(root)' for the input itself. */
export function issuesToFields(error: z.ZodError): Record<string, string[]> {
  const fields: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = issue.path.length ? issue.path.map(String).join('.') : '(root)';
    (fields[key] ??= []).push(issue.message);
  }
  return fields;
}

/** A check that throws counts as "no": the boundary fails closed. */
function safeCheck(check: () => boolean): boolean {
  try {
    return check() === true;
  } catch {
    return false;
  }
}

const CANCELLED: IpcError = { code: 'cancelled', message: 'The request was cancelled.' };

export function createDispatcher<C extends ContractShape>(options: DispatcherOptions<C>): Dispatcher {
  const { contract, isTrustedSender, isWriteAllowed, onWrite, spy } = options;
  const handlers = options.handlers as Record<string, AnyHandler | undefined>;
  const inFlight = new Map<string, AbortController>();
  const keyOf = (senderId: number, requestId: string) => `${senderId}\u0000${requestId}`;

  const observe = (entry: DispatchSpyEntry) => {
    if (!spy) return;
    try {
      spy(entry);
    } catch {
      // A broken spy must not change what the renderer gets.
    }
  };

  async function run(channel: string, payload: unknown, sender: IpcSender): Promise<IpcResult<unknown>> {
    if (typeof channel !== 'string' || !Object.hasOwn(contract, channel)) {
      return failure({ code: 'unknown_channel', message: 'Unknown IPC channel.' });
    }
    const spec = contract[channel]!;
    const handler = Object.hasOwn(handlers, channel) ? handlers[channel] : undefined;
    if (!handler) return failure({ code: 'unknown_channel', message: `No handler for ${channel}.` });

    if (!safeCheck(() => isTrustedSender(sender))) return failure({ code: 'forbidden_sender', message: 'This frame may not call the console API.' });

    const request = ipcRequestSchema.safeParse(payload);
    if (!request.success) {
      return failure({ code: 'invalid_input', message: 'Malformed IPC request.', fields: issuesToFields(request.error) });
    }
    const input = spec.input.safeParse(request.data.input);
    if (!input.success) {
      return failure({ code: 'invalid_input', message: `Invalid input for ${channel}.`, fields: issuesToFields(input.error) });
    }

    const isWrite = spec.meta.write === true;
    const writeCheck: WriteCheck = { channel, input: input.data, sender };
    if (isWrite && isWriteAllowed) {
      if (!safeCheck(() => isWriteAllowed(writeCheck))) {
        return failure({ code: 'read_only', message: 'This profile is read-only. Unlock writes in Settings to do this.' });
      }
    }

    const key = keyOf(sender.id, request.data.requestId);
    if (inFlight.has(key)) {
      return failure({ code: 'invalid_input', message: 'A request with this id is already running.' });
    }
    const controller = new AbortController();
    inFlight.set(key, controller);
    const ctx: HandlerContext = { signal: controller.signal, sender };
    let result: IpcResult<unknown>;
    try {
      result = await runHandler(handler, input.data, ctx, spec.output, channel);
    } finally {
      inFlight.delete(key);
    }
    if (isWrite && onWrite) {
      try {
        onWrite({ ...writeCheck, ok: result.ok, ...(result.ok ? { output: result.data } : { errorCode: result.error.code }) });
      } catch {
        // The activity log failing must not change the answer.
      }
    }
    return result;
  }

  async function runHandler(
    handler: AnyHandler,
    input: unknown,
    ctx: HandlerContext,
    outputSchema: z.ZodType,
    channel: string,
  ): Promise<IpcResult<unknown>> {
    // Answer `cancelled` as soon as the renderer cancels, even if the handler ignores its signal.
    const aborted = new Promise<'aborted'>((resolve) => {
      ctx.signal.addEventListener('abort', () => resolve('aborted'), { once: true });
    });
    try {
      const outcome = await Promise.race([Promise.resolve().then(() => handler(input, ctx)), aborted]);
      if (outcome === 'aborted' || ctx.signal.aborted) return failure(CANCELLED);
      const output = outputSchema.safeParse(outcome);
      if (!output.success) {
        // Not the issues: they could quote whatever the handler produced.
        return failure({ code: 'invalid_output', message: `The main process produced an unexpected answer for ${channel}.` });
      }
      return { ok: true, data: output.data };
    } catch (error) {
      if (ctx.signal.aborted) return failure(CANCELLED);
      if (isAppError(error)) return failure(error.toIpcError());
      // Never the thrown text: a stray error could quote a header or a token.
      return failure({ code: 'internal', message: 'Something went wrong in the main process.' });
    }
  }

  return {
    async dispatch(channel, payload, sender) {
      observe({ direction: 'in', channel, payload, sender });
      let result: IpcResult<unknown>;
      try {
        result = await run(channel, payload, sender);
      } catch {
        result = failure({ code: 'internal', message: 'Something went wrong in the main process.' });
      }
      observe({ direction: 'out', channel, payload: result, sender });
      return result;
    },
    cancel(sender, requestId) {
      if (typeof requestId !== 'string') return;
      inFlight.get(keyOf(sender.id, requestId))?.abort();
    },
    cancelAll(sender) {
      const prefix = `${sender.id}\u0000`;
      for (const [key, controller] of inFlight) if (key.startsWith(prefix)) controller.abort();
    },
    handledChannels: Object.freeze(Object.keys(contract).filter((channel) => Object.hasOwn(handlers, channel))),
  };
}

/** Convenience for handlers: throw when the request was cancelled mid-way. */
export function throwIfCancelled(signal: AbortSignal): void {
  if (signal.aborted) throw new AppError('cancelled', 'The request was cancelled.');
}
