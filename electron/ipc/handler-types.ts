// The shape every IPC handler has, typed from the contract: it gets the parsed input (zod output
// type) and answers with data the dispatcher parses against the channel's output schema.
import type { z } from 'zod';
import type { ContractShape, OutputOf } from '../../shared/ipc/kit';
import type { Contract } from '../../shared/ipc/contract';
import type { IpcSender } from './sender';

export interface HandlerContext {
  /** Aborted when the renderer cancels the request (or the window goes away). */
  signal: AbortSignal;
  sender: IpcSender;
}

export type Handler<C extends ContractShape, K extends keyof C> = (
  input: z.output<C[K]['input']>,
  ctx: HandlerContext,
) => Promise<z.input<C[K]['output']> | OutputOf<C, K>>;

export type HandlerMap<C extends ContractShape> = { [K in keyof C]: Handler<C, K> };

/** Handlers for part of the app's contract (each module provides its namespace). */
export type PartialHandlers = Partial<HandlerMap<Contract>>;
export type AppHandlers = HandlerMap<Contract>;
