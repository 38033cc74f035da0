// The Webhooks screen's state in the URL: `?endpoint=<id>` highlights one endpoint (the event
// detail's attempt timeline links here). A bad value is dropped rather than breaking the screen.
import { z } from 'zod';

/**
 * An endpoint id. The router parses search values as JSON, so a hand-typed `?endpoint=42` arrives
 * as the number 42; APIs with numeric ids are tolerated elsewhere too, so it is read as "42".
 */
const endpointId = z
  .union([z.string(), z.number().int().nonnegative().transform(String)])
  .pipe(z.string().trim().min(1).max(500))
  .optional()
  .catch(undefined);

export const webhooksSearchSchema = z.object({
  /** The endpoint to highlight in the endpoints table. */
  endpoint: endpointId,
});
export type WebhooksSearch = z.infer<typeof webhooksSearchSchema>;
