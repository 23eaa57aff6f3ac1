/**
 * The one source of "now". Nothing else reads the system time: the server owns a Clock, stamps
 * each request with one instant when it arrives (so a request's dates agree with each other and a
 * server left running across midnight is right the next morning), and passes that instant to the
 * services. Tests and the demo seed give their own clocks.
 */
export interface Clock {
  now(): Date;
}

/** The machine's time: the only `new Date()` meaning "now" in the code. */
export const systemClock: Clock = { now: () => new Date() };

/** A clock that starts at `start` and then runs with real time (tests, demos at a chosen date). */
export function clockStartingAt(start: Date | string, base: Clock = systemClock): Clock {
  const offset = new Date(start).getTime() - base.now().getTime();
  if (Number.isNaN(offset)) throw new Error(`not a time: ${String(start)}`);
  return { now: () => new Date(base.now().getTime() + offset) };
}

/** A clock a test moves by hand, e.g. across midnight or new year. */
export function manualClock(start: Date | string) {
  let t = new Date(start).getTime();
  return {
    now: () => new Date(t),
    set(to: Date | string) {
      t = new Date(to).getTime();
    },
    advance(ms: number) {
      t += ms;
    },
  };
}

const SHANGHAI_DATE = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai' });

/** The calendar date in Shanghai of an instant, 'YYYY-MM-DD' (what "today" means in every rule). */
export const shanghaiDate = (at: Date): string => SHANGHAI_DATE.format(at);

const SHANGHAI_MINUTE = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Asia/Shanghai',
  dateStyle: 'short',
  timeStyle: 'short',
});

/** An instant as Shanghai's wall clock, 'YYYY-MM-DD HH:mm' (times in documents people sign and file). */
export const shanghaiMinute = (at: Date): string => SHANGHAI_MINUTE.format(at);

/** 10:00 in Shanghai on a calendar date: when the demo's past events of that day happened. */
export const shanghaiMorning = (date: string, hour = 10): Date =>
  new Date(`${date}T${String(hour).padStart(2, '0')}:00:00+08:00`);
