// shell:* — opening pages in the system browser. The renderer can never navigate or open windows
// itself; main applies the rules in electron/open-external.ts.
import { z } from 'zod';
import { op } from '../kit';

export const dashboardPageSchema = z.enum(['home', 'api-keys']);
export type DashboardPage = z.infer<typeof dashboardPageSchema>;

export const shellChannels = {
  /** opened false: the operator declined the confirmation for an unknown host. */
  'shell:openExternal': op(z.object({ url: z.string().max(4096) }).strict(), z.object({ opened: z.boolean() })),
  'shell:openDashboard': op(z.object({ page: dashboardPageSchema.optional() }).strict(), z.object({ opened: z.boolean() })),
};

export const shellEvents = {};
