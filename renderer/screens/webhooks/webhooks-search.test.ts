import { describe, expect, it } from 'vitest';
import { webhooksSearchSchema } from './webhooks-search';

describe('webhooks search params', () => {
  it('keeps an endpoint id and drops unknown keys', () => {
    expect(webhooksSearchSchema.parse({ endpoint: 'a1b2-c3', bogus: 'x' })).toEqual({ endpoint: 'a1b2-c3' });
  });

  it('drops empty, blank, oversized and non-id values instead of failing', () => {
    for (const endpoint of ['', '   ', 'x'.repeat(501), { id: 'a' }, ['a'], true, 42]) {
      expect(webhooksSearchSchema.parse({ endpoint })).toEqual({});
    }
    expect(webhooksSearchSchema.parse({})).toEqual({});
  });
});
