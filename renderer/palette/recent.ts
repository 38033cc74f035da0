// Recently opened items, newest first, per profile, in localStorage. Only what the palette shows:
// kind, id and name — never a payload, a URL with credentials or a token.
import { z } from 'zod';

export const openKinds = ['event', 'installation', 'driver', 'endpoint'] as const;
export type OpenKind = (typeof openKinds)[number];

const recentSchema = z.array(
  z.object({ profileId: z.string().max(200), kind: z.enum(openKinds), id: z.string().max(500), name: z.string().max(200) }).strict(),
);
export type RecentItem = z.infer<typeof recentSchema>[number];

const STORAGE_KEY = 'ii.palette.recent';
const KEEP = 20;

export function readRecent(storage: Pick<Storage, 'getItem'> = localStorage): RecentItem[] {
  try {
    const parsed = recentSchema.safeParse(JSON.parse(storage.getItem(STORAGE_KEY) ?? '[]'));
    return parsed.success ? parsed.data : [];
  } catch {
    return []; // unreadable: start over rather than break the palette
  }
}

/** Puts `item` first (once) and keeps the newest `KEEP`. */
export function withRecent(list: RecentItem[], item: RecentItem): RecentItem[] {
  const same = (r: RecentItem) => r.profileId === item.profileId && r.kind === item.kind && r.id === item.id;
  return [item, ...list.filter((r) => !same(r))].slice(0, KEEP);
}

export function rememberRecent(item: RecentItem, storage: Pick<Storage, 'getItem' | 'setItem'> = localStorage): void {
  storage.setItem(STORAGE_KEY, JSON.stringify(withRecent(readRecent(storage), { ...item, name: item.name.slice(0, 200) })));
}
