import { describe, expect, it } from 'vitest';
import { MAX_COLUMN_PX, MIN_COLUMN_PX, readColumnWidths, writeColumnWidths } from './column-widths';

function memoryStorage(initial: Record<string, string> = {}): Storage {
  const data = new Map(Object.entries(initial));
  return {
    get length() {
      return data.size;
    },
    clear: () => data.clear(),
    getItem: (key) => data.get(key) ?? null,
    key: (i) => [...data.keys()][i] ?? null,
    removeItem: (key) => void data.delete(key),
    setItem: (key, value) => void data.set(key, value),
  };
}

describe('remembered column widths', () => {
  it('reads back what was written, per table', () => {
    const store = memoryStorage();
    writeColumnWidths('events', { status: 120, url: 300 }, store);
    expect(readColumnWidths('events', ['status', 'url'], store)).toEqual({ status: 120, url: 300 });
    expect(readColumnWidths('deliveries.dispatches', ['status'], store)).toEqual({});
  });

  it('ignores bad stored values safely, entry by entry', () => {
    const known = ['a', 'b', 'c', 'd'];
    expect(readColumnWidths('t', known, memoryStorage({ 'ii.columns.t': 'not json' }))).toEqual({});
    expect(readColumnWidths('t', known, memoryStorage({ 'ii.columns.t': '[1,2]' }))).toEqual({});
    expect(readColumnWidths('t', known, memoryStorage({ 'ii.columns.t': '42' }))).toEqual({});
    const mixed = JSON.stringify({ a: 'wide', b: 1e9, c: -5, d: 150.4, __proto__x: 10, unknown: 200 });
    expect(readColumnWidths('t', known, memoryStorage({ 'ii.columns.t': mixed }))).toEqual({ b: MAX_COLUMN_PX, c: MIN_COLUMN_PX, d: 150 });
  });

  it('a refused storage loses nothing but the memory', () => {
    const refusing = { ...memoryStorage(), setItem: () => { throw new Error('quota'); }, getItem: () => { throw new Error('denied'); } } as unknown as Storage;
    expect(() => writeColumnWidths('t', { a: 100 }, refusing)).not.toThrow();
    expect(() => readColumnWidths('t', ['a'], refusing)).not.toThrow();
  });
});
