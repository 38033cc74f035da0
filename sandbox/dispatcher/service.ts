// The dispatcher as one of the sandbox's background services (started by startSandbox unless
// `dispatch: false`, stopped before the database closes).
import type { SandboxContext } from '../context';
import { Dispatcher, type DispatcherOptions } from './dispatcher';

export function startDispatcherService(ctx: SandboxContext, options: DispatcherOptions = {}): { dispatcher: Dispatcher; stop: () => Promise<void> } {
  const dispatcher = new Dispatcher(ctx, options);
  dispatcher.start();
  return { dispatcher, stop: () => dispatcher.close() };
}
