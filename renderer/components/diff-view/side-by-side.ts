// Side-by-side diff model over the `diff` package: two texts (or two JSON values, canonicalized so
// key order is not noise) become aligned rows, left = old, right = new. Pure and unit-tested.
import { diffLines } from 'diff';

export type DiffCellKind = 'same' | 'removed' | 'added' | 'empty';

export interface DiffCell {
  /** 1-based line number in its own text; null for the filler cell opposite an insertion/deletion. */
  lineNumber: number | null;
  text: string;
  kind: DiffCellKind;
}

export interface DiffRow {
  left: DiffCell;
  right: DiffCell;
}

export interface SideBySideDiff {
  rows: DiffRow[];
  added: number;
  removed: number;
  /** True when the diff gave up (texts too large/different for the time budget). */
  tooLarge: boolean;
}

/** JSON with object keys sorted at every level, so two payloads differing only in key order are equal. */
export function canonicalJson(value: unknown): string {
  const sort = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(sort);
    if (v !== null && typeof v === 'object') {
      return Object.fromEntries(
        Object.keys(v as Record<string, unknown>)
          .sort()
          .map((k) => [k, sort((v as Record<string, unknown>)[k])]),
      );
    }
    return v;
  };
  return JSON.stringify(sort(value), null, 2) ?? 'undefined';
}

/** Bodies are shown as pretty JSON when they parse, else as they are. */
export function prettyBody(body: string | null | undefined): string {
  if (body === null || body === undefined) return '';
  try {
    return canonicalJson(JSON.parse(body));
  } catch {
    return body;
  }
}

function splitLines(value: string): string[] {
  const lines = value.split('\n');
  if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  return lines;
}

const EMPTY: DiffCell = { lineNumber: null, text: '', kind: 'empty' };

export function sideBySide(oldText: string, newText: string, timeoutMs = 1500): SideBySideDiff {
  const changes = diffLines(oldText, newText, { timeout: timeoutMs });
  if (!changes) return { rows: [], added: 0, removed: 0, tooLarge: true };
  const rows: DiffRow[] = [];
  let leftNo = 1;
  let rightNo = 1;
  let added = 0;
  let removed = 0;
  for (let i = 0; i < changes.length; i++) {
    const change = changes[i]!;
    if (!change.added && !change.removed) {
      for (const text of splitLines(change.value)) {
        rows.push({ left: { lineNumber: leftNo++, text, kind: 'same' }, right: { lineNumber: rightNo++, text, kind: 'same' } });
      }
      continue;
    }
    // A removal directly followed by an addition is a modification: pair its lines side by side.
    const removedLines = change.removed ? splitLines(change.value) : [];
    let addedLines: string[] = change.added ? splitLines(change.value) : [];
    const next = changes[i + 1];
    if (change.removed && next?.added) {
      addedLines = splitLines(next.value);
      i++;
    }
    removed += removedLines.length;
    added += addedLines.length;
    const height = Math.max(removedLines.length, addedLines.length);
    for (let k = 0; k < height; k++) {
      const l = removedLines[k];
      const r = addedLines[k];
      rows.push({
        left: l === undefined ? EMPTY : { lineNumber: leftNo++, text: l, kind: 'removed' },
        right: r === undefined ? EMPTY : { lineNumber: rightNo++, text: r, kind: 'added' },
      });
    }
  }
  return { rows, added, removed, tooLarge: false };
}
