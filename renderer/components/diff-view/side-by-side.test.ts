import { describe, expect, it } from 'vitest';
import { canonicalJson, prettyBody, sideBySide } from './side-by-side';

describe('sideBySide', () => {
  it('aligns equal, modified, added and removed lines with their own line numbers', () => {
    const diff = sideBySide('a\nb\nc\nd\n', 'a\nB\nc\nx\ny\nd\n');
    expect(diff.tooLarge).toBe(false);
    expect(diff.rows.map((r) => [r.left.lineNumber, r.left.kind, r.left.text, r.right.lineNumber, r.right.kind, r.right.text])).toEqual([
      [1, 'same', 'a', 1, 'same', 'a'],
      [2, 'removed', 'b', 2, 'added', 'B'],
      [3, 'same', 'c', 3, 'same', 'c'],
      [null, 'empty', '', 4, 'added', 'x'],
      [null, 'empty', '', 5, 'added', 'y'],
      [4, 'same', 'd', 6, 'same', 'd'],
    ]);
    expect(diff.added).toBe(3);
    expect(diff.removed).toBe(1);
  });

  it('shows a pure deletion with an empty right cell', () => {
    const diff = sideBySide('a\nb\n', 'a\n');
    expect(diff.rows[1]).toEqual({ left: { lineNumber: 2, text: 'b', kind: 'removed' }, right: { lineNumber: null, text: '', kind: 'empty' } });
  });

  it('two identical payloads with different key order have no changes', () => {
    const diff = sideBySide(canonicalJson({ b: 1, a: { d: 2, c: 3 } }), canonicalJson({ a: { c: 3, d: 2 }, b: 1 }));
    expect(diff.added + diff.removed).toBe(0);
  });

  it('a last success vs a first failure: the differing response body stands out', () => {
    const ok = prettyBody('{"received":true}');
    const fail = prettyBody('{"error":"Internal Server Error","received":false}');
    const diff = sideBySide(ok, fail);
    const changed = diff.rows.filter((r) => r.left.kind !== 'same' || r.right.kind !== 'same');
    expect(changed.map((r) => r.right.text.trim())).toEqual(['"error": "Internal Server Error",', '"received": false']);
    expect(prettyBody('<html>500</html>')).toBe('<html>500</html>');
    expect(prettyBody(null)).toBe('');
  });
});
