import { describe, expect, it } from 'vitest';
import { webhooksSearchSchema } from './webhooks-search';

describe('webhooks search params', () => {
  it('keeps an endpoint id and drops unknown keys', () => {
    expect(webhooksSearchSchema.parse({ endpoint: 'a1b2-c3', bogus: 'x' })).toEqual({ endpoint: 'a1b2-c3' });
  });

  it('reads a numeric id (the router parses `?endpoint=42` as a number) as a string', () => {
    expect(webhooksSearchSchema.parse({ endpoint: 42 })).toEqual({ endpoint: '42' });
  });

  it('drops empty, blank, oversized and non-id values instead of failing', () => {
    for (const endpoint of ['', '   ', 'x'.repeat(501), { id: 'a' }, ['a'], true, -1, 1.5]) {
      expect(webhooksSearchSchema.parse({ endpoint })).toEqual({});
    }
    expect(webhooksSearchSchema.parse({})).toEqual({});
  });
});
