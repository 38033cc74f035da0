// The Webhooks screen's state in the URL: `?endpoint=<id>` highlights one endpoint (the event
// detail's attempt timeline links here). A bad value is dropped rather than breaking the screen.
import { z } from 'zod';

/** An endpoint id (the router keeps `?endpoint=42` a string; see app/search-serialization.ts). */
const endpointId = z.string().trim().min(1).max(500).optional().catch(undefined);

export const webhooksSearchSchema = z.object({
  /** The endpoint to highlight in the endpoints table. */
  endpoint: endpointId,
});
export type WebhooksSearch = z.infer<typeof webhooksSearchSchema>;
