import { describe, expect, it } from 'vitest';
import { handAnchor, handedAnchor } from './anchor-handoff';

describe('events anchor handoff', () => {
  it('gives the screen beforeLoad’s anchor for the same filters while it is fresh, and again on a second read', () => {
    const at = handAnchor('{"status":"failed"}', 1_000_000);
    expect(at).toBe(new Date(1_000_000).toISOString());
    expect(handedAnchor('{"status":"failed"}', 1_000_500)).toBe(at);
    expect(handedAnchor('{"status":"failed"}', 1_000_600)).toBe(at);
  });

  it('gives nothing for other filters or once stale', () => {
    handAnchor('{"status":"failed"}', 2_000_000);
    expect(handedAnchor('{}', 2_000_100)).toBeNull();
    expect(handedAnchor('{"status":"failed"}', 2_002_001)).toBeNull();
  });
});
