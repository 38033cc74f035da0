// The JSON viewer's model, kept free of React so it is unit-tested and cheap: a JSON value becomes a
// flat list of visible lines (what the virtualized list renders), given which nodes are open.
// Big payloads stay fast because only open nodes are walked and only visible lines are rendered.

export type JsonPath = readonly (string | number)[];
export type JsonKind = 'object' | 'array' | 'string' | 'number' | 'boolean' | 'null';

export interface JsonLine {
  /** Stable identity of the node (also the React key); closing lines get a `/close` suffix. */
  id: string;
  path: JsonPath;
  depth: number;
  /** The property name or array index this node sits under; null for the root. */
  label: string | number | null;
  kind: JsonKind;
  /** `open`: the line that opens an expanded container; `closed`: a folded container; `close`: `}`/`]`. */
  role: 'leaf' | 'open' | 'closed' | 'close';
  /** For leaves: the value. For containers: undefined. */
  value?: string | number | boolean | null;
  /** For containers: how many children. */
  size?: number;
  /** Whether a comma follows (not the last child of its parent). */
  trailingComma: boolean;
}

export function kindOf(value: unknown): JsonKind {
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return 'array';
  switch (typeof value) {
    case 'object':
      return 'object';
    case 'string':
      return 'string';
    case 'number':
    case 'bigint':
      return 'number';
    case 'boolean':
      return 'boolean';
    default:
      return 'string';
  }
}

/** A stable string for a path (JSON of the segments: no ambiguity between `a.b` and `["a.b"]`). */
export function pathId(path: JsonPath): string {
  return JSON.stringify(path);
}

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** The path as an operator would type it in jq or JavaScript: `$.order.items[0]["unit-price"]`. */
export function formatPath(path: JsonPath): string {
  let out = '$';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else if (IDENTIFIER.test(segment)) out += `.${segment}`;
    else out += `[${JSON.stringify(segment)}]`;
  }
  return out;
}

/** Reads the value at a path (undefined when it does not exist). */
export function valueAt(root: unknown, path: JsonPath): unknown {
  let node: unknown = root;
  for (const segment of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string | number, unknown>)[segment];
  }
  return node;
}

/** What "copy value" puts on the clipboard: strings raw, everything else as pretty JSON. */
export function copyableValue(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value === undefined) return '';
  return JSON.stringify(value, null, 2);
}

function entriesOf(value: unknown): [string | number, unknown][] {
  if (Array.isArray(value)) return value.map((v, i) => [i, v]);
  if (value !== null && typeof value === 'object') return Object.entries(value as Record<string, unknown>);
  return [];
}

export interface OpenState {
  /** Explicit choices by the operator (path id → open?). */
  overrides: ReadonlyMap<string, boolean>;
  /** Containers at depth < this are open by default; deeper ones start folded. */
  defaultOpenDepth: number;
}

export function isOpen(state: OpenState, path: JsonPath): boolean {
  const override = state.overrides.get(pathId(path));
  return override ?? path.length < state.defaultOpenDepth;
}

/** The visible lines for the current open state. Iterative, so deep payloads cannot overflow the stack. */
export function visibleLines(root: unknown, state: OpenState): JsonLine[] {
  const lines: JsonLine[] = [];
  type Frame = { value: unknown; path: JsonPath; label: string | number | null; trailingComma: boolean } | { close: JsonLine };
  const stack: Frame[] = [{ value: root, path: [], label: null, trailingComma: false }];
  while (stack.length > 0) {
    const frame = stack.pop()!;
    if ('close' in frame) {
      lines.push(frame.close);
      continue;
    }
    const { value, path, label, trailingComma } = frame;
    const kind = kindOf(value);
    const id = pathId(path);
    const depth = path.length;
    if (kind !== 'object' && kind !== 'array') {
      const leaf = typeof value === 'bigint' ? value.toString() : (value as string | number | boolean | null | undefined);
      lines.push({ id, path, depth, label, kind, role: 'leaf', value: leaf ?? null, trailingComma });
      continue;
    }
    const entries = entriesOf(value);
    if (entries.length === 0 || !isOpen(state, path)) {
      lines.push({ id, path, depth, label, kind, role: 'closed', size: entries.length, trailingComma });
      continue;
    }
    lines.push({ id, path, depth, label, kind, role: 'open', size: entries.length, trailingComma: false });
    stack.push({ close: { id: `${id}/close`, path, depth, label: null, kind, role: 'close', trailingComma } });
    for (let i = entries.length - 1; i >= 0; i--) {
      const [key, child] = entries[i]!;
      stack.push({ value: child, path: [...path, key], label: key, trailingComma: i < entries.length - 1 });
    }
  }
  return lines;
}

/**
 * Paths whose key or primitive value contains the query (case-insensitive), in document order.
 * Bounded by `limit` so a one-letter query on a huge payload stays responsive.
 */
export function searchJson(root: unknown, query: string, limit = 1000): JsonPath[] {
  const needle = query.trim().toLowerCase();
  if (!needle) return [];
  const matches: JsonPath[] = [];
  const stack: { value: unknown; path: JsonPath }[] = [{ value: root, path: [] }];
  while (stack.length > 0 && matches.length < limit) {
    const { value, path } = stack.pop()!;
    const last = path[path.length - 1];
    const keyHit = typeof last === 'string' && last.toLowerCase().includes(needle);
    const kind = kindOf(value);
    const valueHit = kind !== 'object' && kind !== 'array' && String(value).toLowerCase().includes(needle);
    if (keyHit || valueHit) matches.push(path);
    const entries = entriesOf(value);
    for (let i = entries.length - 1; i >= 0; i--) {
      const [key, child] = entries[i]!;
      stack.push({ value: child, path: [...path, key] });
    }
  }
  return matches;
}

/** Overrides that open every ancestor of the given paths, so each match becomes a visible line. */
export function openAncestors(overrides: ReadonlyMap<string, boolean>, paths: readonly JsonPath[]): Map<string, boolean> {
  const next = new Map(overrides);
  for (const path of paths) {
    for (let i = 0; i < path.length; i++) next.set(pathId(path.slice(0, i)), true);
  }
  return next;
}

/** Overrides that open (or fold) every container, for "expand all" / "collapse all". */
export function setAll(root: unknown, open: boolean): Map<string, boolean> {
  const next = new Map<string, boolean>();
  const stack: { value: unknown; path: JsonPath }[] = [{ value: root, path: [] }];
  while (stack.length > 0) {
    const { value, path } = stack.pop()!;
    const entries = entriesOf(value);
    if (entries.length === 0) continue;
    // Collapse all keeps the root open: a single folded line tells the operator nothing.
    next.set(pathId(path), open || path.length === 0);
    for (const [key, child] of entries) stack.push({ value: child, path: [...path, key] });
  }
  return next;
}
