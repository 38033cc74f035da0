import { describe, expect, it } from 'vitest';
import { idShapedQuery } from './id-query';
import { readRecent, rememberRecent, withRecent, type RecentItem } from './recent';
import { screenForLetter } from '../keyboard/go-to';

function memoryStorage() {
  const data = new Map<string, string>();
  return { getItem: (k: string) => data.get(k) ?? null, setItem: (k: string, v: string) => void data.set(k, v) };
}

describe('idShapedQuery', () => {
  it('takes one long token as an id', () => {
    expect(idShapedQuery('  0f8c2a4e-1b2c-4d5e-8f90-123456789abc ')).toBe('0f8c2a4e-1b2c-4d5e-8f90-123456789abc');
  });
  it('refuses words, short text and path-like text', () => {
    expect(idShapedQuery('bling erp')).toBeUndefined();
    expect(idShapedQuery('abc')).toBeUndefined();
    expect(idShapedQuery('../../drivers')).toBeUndefined();
    expect(idShapedQuery('%2e%2e%2fxx')).toBeUndefined();
  });
});

describe('recent items', () => {
  const item = (id: string): RecentItem => ({ profileId: 'p1', kind: 'event', id, name: `evt ${id}` });
  it('puts the newest first, once', () => {
    expect(withRecent([item('a'), item('b')], item('b')).map((r) => r.id)).toEqual(['b', 'a']);
  });
  it('keeps at most 20', () => {
    let list: RecentItem[] = [];
    for (let i = 0; i < 30; i++) list = withRecent(list, item(String(i)));
    expect(list).toHaveLength(20);
    expect(list[0]?.id).toBe('29');
  });
  it('round-trips through storage and ignores anything else stored there', () => {
    const storage = memoryStorage();
    rememberRecent(item('x'), storage);
    expect(readRecent(storage)).toEqual([item('x')]);
    storage.setItem('ii.palette.recent', JSON.stringify([{ ...item('y'), token: 'eyJ…' }]));
    expect(readRecent(storage)).toEqual([]);
    storage.setItem('ii.palette.recent', '{not json');
    expect(readRecent(storage)).toEqual([]);
  });
});

describe('g letters', () => {
  it('maps each letter to one screen', () => {
    expect(screenForLetter('e')).toBe('events');
    expect(screenForLetter('r')).toBe('drivers');
    expect(screenForLetter('D')).toBe('deliveries');
    expect(screenForLetter('z')).toBeUndefined();
  });
});
