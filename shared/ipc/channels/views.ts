// views:* — named saved views of the Events screen, per profile (stored by main).
import { z } from 'zod';
import { op } from '../kit';
import { savedViewNameSchema, savedViewSchema, savedViewSearchSchema } from '../../saved-views';

export const viewsChannels = {
  /** The active profile's views, by name. */
  'views:list': op(z.object({}).strict(), z.object({ views: z.array(savedViewSchema) })),
  /** Saves (or replaces, by name) a view for the active profile. */
  'views:save': op(z.object({ name: savedViewNameSchema, search: savedViewSearchSchema }).strict(), z.object({ view: savedViewSchema })),
  /** Renames one of the active profile's views (filters and id kept); a name another view has is refused (`conflict`). */
  'views:rename': op(z.object({ id: z.string().min(1).max(64), name: savedViewNameSchema }).strict(), z.object({ view: savedViewSchema })),
  'views:delete': op(z.object({ id: z.string().min(1).max(64) }).strict(), z.object({ deleted: z.boolean() })),
};

export const viewsEvents = {};
