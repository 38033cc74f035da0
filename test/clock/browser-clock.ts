// The page's side of the clock sweep: the same shift as test/clock/shift-clock.mjs, installed as an
// init script, so the renderer's "last 24 hours" and the sandbox's demo data agree on what now is.

/** The offset asked for by the sweep (II_CLOCK_OFFSET_MS), or 0. */
export function clockOffsetMs(): number {
  const offset = Number(process.env.II_CLOCK_OFFSET_MS ?? 0);
  return Number.isFinite(offset) ? offset : 0;
}

/** Runs in the page (`page.addInitScript(shiftPageClock, offset)`): shifts `Date`; timers keep the real pace. */
export function shiftPageClock(offset: number): void {
  const RealDate = Date;
  class ShiftedDate extends RealDate {
    constructor(...args: ConstructorParameters<typeof Date> | []) {
      if (args.length === 0) super(RealDate.now() + offset);
      else super(...(args as ConstructorParameters<typeof Date>));
    }
    static override now(): number {
      return RealDate.now() + offset;
    }
  }
  globalThis.Date = ShiftedDate as DateConstructor;
}
