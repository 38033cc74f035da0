// The Webhooks screen's state in the URL: `?endpoint=<id>` highlights one endpoint (the event
// detail's attempt timeline links here). A bad value is dropped rather than breaking the screen.
import { z } from 'zod';
import { searchText } from '../../app/search-params';

export const webhooksSearchSchema = z.object({
  /** The endpoint to highlight in the endpoints table (`?endpoint=42` stays the string "42"). */
  endpoint: searchText,
});
export type WebhooksSearch = z.infer<typeof webhooksSearchSchema>;
