// Named saved views of the Events screen, per profile: a name and the URL search params (filters)
// it restores. Stored by main in the app's data folder; validated on the way in and out.
import { z } from 'zod';

export const savedViewNameSchema = z.string().trim().min(1, 'Give the view a name.').max(80, 'Use at most 80 characters.');

/** The filters as URL search params (strings only; the Events route re-validates them on apply). */
export const savedViewSearchSchema = z.record(z.string().max(40), z.string().max(500)).refine((r) => Object.keys(r).length <= 20, 'Too many filters.');

export const savedViewSchema = z.object({
  id: z.string(),
  profileId: z.string(),
  name: savedViewNameSchema,
  search: savedViewSearchSchema,
  createdAt: z.string(),
});
export type SavedView = z.infer<typeof savedViewSchema>;

export const savedViewsFileSchema = z.object({
  schemaVersion: z.literal(1),
  views: z.array(savedViewSchema),
});
export type SavedViewsFile = z.infer<typeof savedViewsFileSchema>;

export const MAX_VIEWS_PER_PROFILE = 100;

/** Adds or replaces (same profile + same name, case-insensitive) a view. Pure. */
export function upsertView(views: readonly SavedView[], view: SavedView): SavedView[] {
  const same = (v: SavedView) => v.profileId === view.profileId && v.name.toLowerCase() === view.name.toLowerCase();
  const existing = views.find(same);
  const next = views.filter((v) => !same(v));
  next.push(existing ? { ...view, id: existing.id, createdAt: existing.createdAt } : view);
  return next;
}
