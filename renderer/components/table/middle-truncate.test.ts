import { describe, expect, it } from 'vitest';
import { splitForMiddleTruncation } from './middle-truncate';

describe('splitForMiddleTruncation', () => {
  it('keeps short values whole', () => {
    expect(splitForMiddleTruncation('https://a.test/x')).toEqual(['https://a.test/x', '']);
  });
  it('keeps the last path segment as the tail, and both halves make the value', () => {
    const url = 'https://hooks.example.com/integrations/receivers/orders-paid';
    const [head, tail] = splitForMiddleTruncation(url);
    expect(tail).toBe('/orders-paid');
    expect(head + tail).toBe(url);
  });
  it('bounds the tail so the start stays visible', () => {
    const url = `https://h.test/${'a'.repeat(80)}`;
    const [head, tail] = splitForMiddleTruncation(url);
    expect(tail.length).toBe(24);
    expect(head.startsWith('https://h.test/')).toBe(true);
  });
});
