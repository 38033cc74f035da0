// The scroll benchmark's frame accounting: rAF intervals → whole display frames.
import { describe, expect, it } from 'vitest';
import { scrollFigures } from '../bench/stats';

const vsync = 1000 / 60;
const idle = Array.from({ length: 60 }, (_, i) => vsync + (i % 2 ? 0.1 : -0.1));

describe('scrollFigures', () => {
  it('counts on-time frames with timer jitter as one display frame', () => {
    const deltas = Array.from({ length: 100 }, (_, i) => vsync + (i % 3) * 0.1);
    const f = scrollFigures(deltas, idle);
    expect(f.late).toBe(0);
    expect(f.p95Frames).toBe(16.7);
    expect(f.p95).toBeGreaterThan(16.7); // the raw figure keeps the jitter
  });

  it('reports late frames and a p95 of two display frames when more than 5 % are one frame late', () => {
    const deltas = [...Array.from({ length: 90 }, () => vsync), ...Array.from({ length: 10 }, () => 2 * vsync + 0.2)];
    const f = scrollFigures(deltas, idle);
    expect(f.late).toBe(10);
    expect(f.p95Frames).toBe(33.3);
    expect(f.vsyncMs).toBe(16.67);
  });

  it('takes the display rate from the idle frames, not from the scroll (a mostly-late scroll is still late)', () => {
    const deltas = Array.from({ length: 100 }, () => 2 * vsync);
    expect(scrollFigures(deltas, idle).late).toBe(100);
  });
});
