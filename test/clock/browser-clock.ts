// The page's side of the clock sweep: the same shift as test/clock/shift-clock.mjs, as an init
// script, so the renderer's "last 24 hours" and the sandbox's demo data agree on what now is.

/** The offset asked for by the sweep (II_CLOCK_OFFSET_MS), or 0. */
export function clockOffsetMs(): number {
  const offset = Number(process.env.II_CLOCK_OFFSET_MS ?? 0);
  return Number.isFinite(offset) ? offset : 0;
}

/** An init script that shifts the page's `Date` by `offset` ms (timers keep the real pace). */
export function shiftedDateSource(offset: number): string {
  return `(() => {
    const offset = ${JSON.stringify(offset)};
    const RealDate = Date;
    class ShiftedDate extends RealDate {
      constructor(...args) { if (args.length === 0) super(RealDate.now() + offset); else super(...args); }
      static now() { return RealDate.now() + offset; }
    }
    globalThis.Date = ShiftedDate;
  })();`;
}
