// capabilities:* — which optional routes the active profile's server supports (docs/api-contract.md §8), so
// the renderer hides actions the server lacks, with a note.
import { z } from 'zod';
import { op } from '../kit';

export const capabilityNames = [
  'redeliver',
  'dispatches',
  'received_webhooks',
  'retry_policy',
  'rotate_secret',
  'test_endpoint',
  // Routes the vendor's pages do not show (docs/api-contract.md §4, §5, §7): a server may lack them all.
  'installations',
  'installation_actions',
  'webhook_endpoints',
  'driver_detail',
  'driver_toggle',
] as const;
export const capabilityStateSchema = z.enum(['supported', 'unsupported', 'unknown']);
export type CapabilityState = z.infer<typeof capabilityStateSchema>;

export const capabilitiesSchema = z.object({
  profileId: z.string(),
  capabilities: z.record(z.enum(capabilityNames), capabilityStateSchema),
});
export type Capabilities = z.infer<typeof capabilitiesSchema>;

export const capabilitiesChannels = {
  /**
   * What is known so far. `probe: true` first asks the optional read routes still unknown
   * (dispatches, received webhooks, retry policy); write-only routes are learned on first use.
   */
  'capabilities:get': op(z.object({ probe: z.boolean().optional() }).strict(), capabilitiesSchema),
};

export const capabilitiesEvents = {};
