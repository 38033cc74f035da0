// Small statistics helpers for the benchmark report.
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index]!;
}

export const median = (values: readonly number[]) => percentile(values, 50);

export function round(value: number, digits = 1): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

export interface ScrollFigures {
  frames: number;
  /** The display's frame interval: the median rAF interval of an idle page before scrolling (16.7 ms at 60 Hz). */
  vsyncMs: number;
  /** Raw rAF intervals. */
  p50: number;
  p95: number;
  max: number;
  /** p95 of the intervals rounded to whole display frames (see scrollFigures). */
  p95Frames: number;
  /** Frames that took longer than one display frame (a new frame came one or more vsyncs late). */
  late: number;
}

/**
 * rAF timestamps are aligned to the display's vsync but carry ~0.1 ms of timer jitter, so an
 * on-time frame at 60 Hz measures 16.6–16.8 ms. A frame's time in whole display frames is
 * round(interval / vsync): 1 = on time, 2 = one frame dropped. p95 is reported both raw and so.
 */
export function scrollFigures(deltas: readonly number[], idleDeltas: readonly number[]): ScrollFigures {
  // The mean of the idle intervals near their median: jitter averages out, a stray slow frame is left out.
  const typical = median(idleDeltas);
  const near = idleDeltas.filter((d) => Math.abs(d - typical) < typical / 4);
  const vsync = near.reduce((a, b) => a + b, 0) / near.length;
  const frames = deltas.map((d) => Math.max(1, Math.round(d / vsync)));
  return {
    frames: deltas.length,
    vsyncMs: round(vsync, 2),
    p50: round(percentile(deltas, 50)),
    p95: round(percentile(deltas, 95)),
    max: round(Math.max(...deltas)),
    p95Frames: round(percentile(frames, 95) * vsync),
    late: frames.filter((f) => f > 1).length,
  };
}
