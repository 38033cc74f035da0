// Optional routes (docs/api-contract.md §6–7): a real server may lack them. Each is learned lazily — the first
// call that answers 404/405 marks it unsupported for that profile (cached), and the renderer asks
// `capabilities:get` to hide the matching actions with a note.
import { AppError } from '../../shared/app-error';
import { capabilityNames, type CapabilityState } from '../../shared/ipc/channels/capabilities';

export { capabilityNames, type CapabilityState };
export type CapabilityName = (typeof capabilityNames)[number];

const descriptions: Record<CapabilityName, string> = {
  redeliver: 'redelivering events',
  dispatches: 'the delivery log',
  received_webhooks: 'the received webhooks log',
  retry_policy: 'the retry policy',
  rotate_secret: 'rotating endpoint secrets',
  test_endpoint: 'test deliveries to endpoints',
  installations: 'listing or reading installations',
  installation_actions: 'changing, disabling, enabling or re-authorising installations',
  webhook_endpoints: 'managing webhook endpoints',
  driver_detail: 'reading one driver by id',
  driver_toggle: 'enabling or disabling drivers',
};

export class CapabilityCache {
  private readonly states = new Map<CapabilityName, CapabilityState>();

  get(name: CapabilityName): CapabilityState {
    return this.states.get(name) ?? 'unknown';
  }

  set(name: CapabilityName, state: Exclude<CapabilityState, 'unknown'>): void {
    // Once a server said "no", a later success cannot happen; once "yes", a 404 means not found.
    if (this.states.get(name) === undefined) this.states.set(name, state);
  }

  snapshot(): Record<CapabilityName, CapabilityState> {
    return Object.fromEntries(capabilityNames.map((name) => [name, this.get(name)])) as Record<CapabilityName, CapabilityState>;
  }
}

export function unsupportedError(name: CapabilityName): AppError {
  return new AppError('unsupported', `This API does not offer ${descriptions[name]}.`, { details: { capability: name } });
}
