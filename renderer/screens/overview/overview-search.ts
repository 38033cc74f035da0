// The Overview's URL state: the window (`?range=24h`, or `?range=custom&from=…&to=…`), validated
// so a hand-edited deep link falls back to the default instead of breaking the screen.
import { z } from 'zod';
import { OVERVIEW_MAX_WINDOW_MS } from '../../../shared/ipc/channels/overview';
import { searchIsoTime } from '../../app/search-params';

export const overviewRanges = ['1h', '24h', '7d', 'custom'] as const;
export type OverviewRange = (typeof overviewRanges)[number];

export const overviewSearchSchema = z.object({
  range: z.enum(overviewRanges).optional().catch(undefined),
  from: searchIsoTime,
  to: searchIsoTime,
});
export type OverviewSearch = z.infer<typeof overviewSearchSchema>;

const PRESET_MS: Record<Exclude<OverviewRange, 'custom'>, number> = { '1h': 3_600_000, '24h': 86_400_000, '7d': 7 * 86_400_000 };

export type OverviewWindow = { ok: true; from: string; to: string } | { ok: false; reason: 'incomplete' | 'order' | 'too_long' };

/** The window the search asks for, ending now for the presets. */
export function windowFor(search: OverviewSearch, now: Date = new Date()): OverviewWindow {
  const range = search.range ?? '24h';
  if (range !== 'custom') return { ok: true, from: new Date(now.getTime() - PRESET_MS[range]).toISOString(), to: now.toISOString() };
  if (!search.from || !search.to) return { ok: false, reason: 'incomplete' };
  const from = Date.parse(search.from);
  const to = Date.parse(search.to);
  if (to <= from) return { ok: false, reason: 'order' };
  if (to - from > OVERVIEW_MAX_WINDOW_MS) return { ok: false, reason: 'too_long' };
  return { ok: true, from: new Date(from).toISOString(), to: new Date(to).toISOString() };
}
