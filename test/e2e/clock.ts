import { shanghaiDate } from '../../src/core/clock.ts';

/**
 * The instant the browser tests' server starts its clock at (JW_CLOCK_START in playwright.config.ts).
 * Every date a spec uses comes from it, so the suite passes whatever the machine's date; the pages
 * take today from the server, so the browser's own clock does not matter either.
 */
export const CLOCK_START = '2026-11-20T10:00:00+08:00';

/** The server's today during a run: its clock runs on from 10:00, and a run takes minutes. */
export const TODAY = shanghaiDate(new Date(CLOCK_START));

/** The Shanghai calendar date `offsetDays` after (or before) TODAY, 'YYYY-MM-DD'. */
export function shanghaiDay(offsetDays: number): string {
  const d = new Date(`${TODAY}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + offsetDays);
  return d.toISOString().slice(0, 10);
}

/**
 * A device clock years away from the server's, for a spec to give its page (page.clock): a page
 * that read the device's date instead of the server's today would show it.
 */
export const DEVICE_TIME = '2031-06-15T09:30:00+08:00';
