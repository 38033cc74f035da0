// Shifts this process's wall clock by II_CLOCK_OFFSET_MS (`node --import ./test/clock/shift-clock.mjs`),
// for the clock sweep (test/clock/sweep.ts): the demo data, the time windows and the retry schedules
// all depend on the time of day, so a test that passes at 14:00 may fail at 21:00. Only `Date` moves;
// timers and performance.now() keep the real pace, as they would on a machine whose clock says so.
// The browser side gets the same shift from test/e2e/fixtures.ts (`shiftPageClock`).
const offset = Number(process.env.II_CLOCK_OFFSET_MS ?? 0);

if (Number.isFinite(offset) && offset !== 0) {
  const RealDate = globalThis.Date;
  class ShiftedDate extends RealDate {
    constructor(...args) {
      if (args.length === 0) super(RealDate.now() + offset);
      else super(...args);
    }
    static now() {
      return RealDate.now() + offset;
    }
  }
  globalThis.Date = ShiftedDate;
}
