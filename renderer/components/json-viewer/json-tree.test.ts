import { describe, expect, it } from 'vitest';
import { copyableValue, formatPath, openAncestors, searchJson, setAll, valueAt, visibleLines, type OpenState } from './json-tree';

const payload = {
  order: { id: 'ord_1', total: 99.5, paid: true, coupon: null, items: [{ sku: 'A-1', 'unit-price': 10 }, { sku: 'B-2' }] },
  customer: { name: 'Ana', tags: [] as string[] },
};
const allOpen: OpenState = { overrides: new Map(), defaultOpenDepth: 99 };

function render(lines: ReturnType<typeof visibleLines>): string {
  return lines
    .map((l) => {
      const indent = '  '.repeat(l.depth);
      const label = l.label === null ? '' : typeof l.label === 'number' ? '' : `${JSON.stringify(l.label)}: `;
      const comma = l.trailingComma ? ',' : '';
      const brackets = l.kind === 'array' ? ['[', ']'] : ['{', '}'];
      if (l.role === 'close') return `${indent}${brackets[1]}${comma}`;
      if (l.role === 'open') return `${indent}${label}${brackets[0]}`;
      if (l.role === 'closed') return `${indent}${label}${brackets[0]}${l.size ? '…' : ''}${brackets[1]}${comma}`;
      return `${indent}${label}${JSON.stringify(l.value)}${comma}`;
    })
    .join('\n');
}

describe('visibleLines', () => {
  it('fully open renders exactly like JSON.stringify(…, 2), with empty containers inline', () => {
    const text = render(visibleLines(payload, allOpen)).replace('[]', '[]');
    expect(text).toBe(JSON.stringify(payload, null, 2));
  });

  it('folds containers deeper than the default depth and honours overrides', () => {
    const state: OpenState = { overrides: new Map(), defaultOpenDepth: 1 };
    const folded = visibleLines(payload, state);
    expect(folded.map((l) => [l.role, l.label])).toEqual([
      ['open', null],
      ['closed', 'order'],
      ['closed', 'customer'],
      ['close', null],
    ]);
    const opened = visibleLines(payload, { ...state, overrides: new Map([[JSON.stringify(['order']), true]]) });
    expect(opened.map((l) => l.label)).toContain('total');
    const rootFolded = visibleLines(payload, { ...state, overrides: new Map([[JSON.stringify([]), false]]) });
    expect(rootFolded).toHaveLength(1);
    expect(rootFolded[0]).toMatchObject({ role: 'closed', size: 2 });
  });

  it('handles primitives at the root and very deep nesting without overflowing', () => {
    expect(visibleLines('just a string', allOpen)).toMatchObject([{ role: 'leaf', value: 'just a string' }]);
    let deep: unknown = 1;
    for (let i = 0; i < 3_000; i++) deep = { d: deep };
    const lines = visibleLines(deep, { overrides: new Map(), defaultOpenDepth: Infinity });
    expect(lines).toHaveLength(3_000 * 2 + 1);
  });
});

describe('paths and values', () => {
  it('formats paths as jq/JavaScript accessors', () => {
    expect(formatPath([])).toBe('$');
    expect(formatPath(['order', 'items', 0, 'unit-price'])).toBe('$.order.items[0]["unit-price"]');
    expect(formatPath(['a b', '$ok', '1x'])).toBe('$["a b"].$ok["1x"]');
  });

  it('reads values and makes them copyable', () => {
    expect(valueAt(payload, ['order', 'items', 1, 'sku'])).toBe('B-2');
    expect(valueAt(payload, ['order', 'nope', 'x'])).toBeUndefined();
    expect(copyableValue('ord_1')).toBe('ord_1');
    expect(copyableValue({ a: 1 })).toBe('{\n  "a": 1\n}');
    expect(copyableValue(null)).toBe('null');
  });
});

describe('search', () => {
  it('finds keys and primitive values, case-insensitively, in document order', () => {
    expect(searchJson(payload, 'SKU')).toEqual([
      ['order', 'items', 0, 'sku'],
      ['order', 'items', 1, 'sku'],
    ]);
    expect(searchJson(payload, 'ana')).toEqual([['customer', 'name']]);
    expect(searchJson(payload, '99.5')).toEqual([['order', 'total']]);
    expect(searchJson(payload, '  ')).toEqual([]);
    expect(searchJson(payload, 'o', 2)).toHaveLength(2);
  });

  it('opening ancestors makes every match visible even when everything is folded', () => {
    const folded = setAll(payload, false);
    const matches = searchJson(payload, 'B-2');
    const state: OpenState = { overrides: openAncestors(folded, matches), defaultOpenDepth: 0 };
    const ids = visibleLines(payload, state).map((l) => l.id);
    expect(ids).toContain(JSON.stringify(['order', 'items', 1, 'sku']));
    expect(ids).not.toContain(JSON.stringify(['customer', 'name']));
  });
});
