/**
 * The time the platform's rules run on. Deadlines that fall months or years away (a child's
 * 7th birthday in a baby home, a foster review) cannot be shown working by waiting for them,
 * so a training or test installation may move this clock forward; a production one never
 * can (the configuration refuses it). Rules ask `clock.now()`, never `new Date()`.
 */
export type Clock = {
  now(): Date;
  /** Whether `set` is allowed here (NCPP_CLOCK_CONTROL=1 outside production). */
  readonly controllable: boolean;
  /** Moves the clock to `at` (it then runs on from there); `null` puts it back on real time. */
  set(at: Date | null): void;
  /** How far the clock is ahead of real time, in milliseconds (0 on real time). */
  offsetMs(): number;
};

export function createClock(controllable: boolean, realNow: () => number = Date.now): Clock {
  let offset = 0;
  return {
    now: () => new Date(realNow() + offset),
    controllable,
    set(at) {
      if (!controllable) throw new Error('The clock is not controllable on this installation');
      offset = at ? at.getTime() - realNow() : 0;
    },
    offsetMs: () => offset,
  };
}

/** The calendar date (YYYY-MM-DD) of an instant in a time zone: "today" for a country's rules. */
export function dateIn(at: Date, timezone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: timezone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
}
