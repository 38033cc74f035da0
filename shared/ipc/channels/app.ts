// app:* — facts about the running app the renderer needs before anything else.
import { z } from 'zod';
import { op } from '../kit';

export const appInfoSchema = z.object({
  version: z.string(),
  platform: z.string(),
  /** OS locale as reported by main (e.g. `pt-BR`); the renderer picks pt-BR for any `pt*`. */
  locale: z.string(),
  isPackaged: z.boolean(),
});
export type AppInfo = z.infer<typeof appInfoSchema>;

export const appChannels = {
  'app:info': op(z.object({}).strict(), appInfoSchema),
};

export const appEvents = {};
