// Event data that needs a listening server (SANDBOX-OPS): the demo history (its endpoints point at
// the built-in receiver on this run's origin), retargeting receiver endpoints of a reopened database
// file to this run's port, and `--events N`. Called by startSandbox after listen, before the dispatcher.
import type { SandboxContext } from '../context';
import { retargetReceiverEndpoints } from './demo-endpoints';
import { addBulkEvents } from './events-bulk';
import { LIBRARY_DEMO_EVENT_COUNT, seedDemoEvents } from './events-demo';

export function prepareEventData(ctx: SandboxContext): void {
  const seed = ctx.options.seed ?? 'demo';
  const demoEvents = ctx.options.demoEvents ?? LIBRARY_DEMO_EVENT_COUNT;
  if (seed === 'demo' && demoEvents > 0) seedDemoEvents(ctx, { count: demoEvents });
  retargetReceiverEndpoints(ctx);
  if (ctx.options.events !== undefined && ctx.options.events > 0) {
    const spanDays = ctx.options.eventsSpanDays;
    addBulkEvents(ctx, ctx.options.events, spanDays === undefined ? {} : { spanMs: spanDays * 24 * 60 * 60 * 1000 });
  }
}
