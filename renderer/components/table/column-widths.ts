// Column widths the operator dragged, remembered per screen and table in localStorage
// (`ii.columns.<table>`: column id → pixels). Only widths: nothing about the data. A stored value
// that is not an object of known column ids to sane pixel counts is ignored entry by entry, so a
// bad or old value can never break a table — it just falls back to the default width.
import { useCallback, useState } from 'react';

export const MIN_COLUMN_PX = 56;
export const MAX_COLUMN_PX = 1600;
const STORAGE_PREFIX = 'ii.columns.';

export type ColumnWidths = Readonly<Record<string, number>>;

function storage(): Storage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}

/** The stored widths of `table`'s known columns; anything unreadable is left out. */
export function readColumnWidths(table: string, known: readonly string[], store: Storage | null = storage()): ColumnWidths {
  let parsed: unknown;
  try {
    parsed = JSON.parse(store?.getItem(STORAGE_PREFIX + table) ?? 'null');
  } catch {
    return {};
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return {};
  const out: Record<string, number> = {};
  for (const id of known) {
    const value = (parsed as Record<string, unknown>)[id];
    if (typeof value === 'number' && Number.isFinite(value)) out[id] = clampWidth(value);
  }
  return out;
}

export function clampWidth(px: number): number {
  return Math.round(Math.min(MAX_COLUMN_PX, Math.max(MIN_COLUMN_PX, px)));
}

export function writeColumnWidths(table: string, widths: ColumnWidths, store: Storage | null = storage()): void {
  try {
    if (Object.keys(widths).length === 0) store?.removeItem(STORAGE_PREFIX + table);
    else store?.setItem(STORAGE_PREFIX + table, JSON.stringify(widths));
  } catch {
    // A full or refused storage only means the widths are not remembered.
  }
}

/** The widths of `table`'s columns (only those the operator set) and how to change them. */
export function useColumnWidths(table: string, known: readonly string[]) {
  const [widths, setWidths] = useState<ColumnWidths>(() => readColumnWidths(table, known));
  const setWidth = useCallback(
    (id: string, px: number | null) => {
      setWidths((current) => {
        const next = { ...current };
        if (px === null) delete next[id];
        else next[id] = clampWidth(px);
        writeColumnWidths(table, next);
        return next;
      });
    },
    [table],
  );
  return { widths, setWidth };
}
