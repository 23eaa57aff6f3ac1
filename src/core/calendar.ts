/**
 * Periods in Chinese calendar days (domain.md §11, Civil Code):
 * - Art. 201: a period in days starts on the day after the event (the start day is not counted),
 *   unless the notice says it counts;
 * - Art. 203: when the last day falls on a statutory rest day, the period ends on the first
 *   working day after it;
 * - rest days are weekends and public holidays, except official make-up working days (调休).
 * Working-day periods count working days only. Dates are plain 'YYYY-MM-DD' calendar dates in
 * Asia/Shanghai; arithmetic is done in UTC days so no time zone or DST can shift a date.
 */
import chineseDays from 'chinese-days/dist/chinese-days.json' with { type: 'json' };

export interface CalendarOverride {
  date: string;
  /** true: a working day (e.g. a make-up Saturday); false: a rest day (e.g. a holiday) */
  work: boolean;
  name?: string;
}

export type PeriodKind = 'natural' | 'working';

/** One holiday of a year's official arrangement (国务院办公厅 节假日安排). */
export interface Holiday {
  /** as the notice names it: 元旦, 春节, 清明节, 劳动节, 端午节, 中秋节, 国庆节 (or 中秋节、国庆节 together) */
  name: string;
  /** first and last rest day, inclusive */
  start: string;
  end: string;
  /** its make-up working days (调休上班日): weekend days that are worked */
  workdays: string[];
}

/** A whole year's arrangement, as published each November for the next year. */
export interface YearArrangement {
  year: number;
  holidays: Holiday[];
}

export class CalendarYearMissingError extends Error {
  constructor(readonly year: number) {
    super(`no holiday calendar for ${year}`);
  }
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A real calendar date ('2026-02-30' is not). */
export function isIsoDate(s: string): boolean {
  const m = DATE.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === s;
}

/** Today's calendar date in Shanghai, 'YYYY-MM-DD'. */
export function todayInShanghai(now = new Date()): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai' }).format(now);
}

export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export const yearOf = (date: string) => Number(date.slice(0, 4));

export class WorkCalendar {
  private readonly holidays: Set<string>;
  private readonly workdays: Set<string>;
  readonly years: Set<number>;

  /** The chinese-days data (official State Council notices) plus a street admin's overrides for other years. */
  constructor(overrides: readonly CalendarOverride[] = [], extraYears: readonly number[] = []) {
    const data = chineseDays as { holidays: Record<string, string>; workdays: Record<string, string> };
    this.holidays = new Set(Object.keys(data.holidays));
    this.workdays = new Set(Object.keys(data.workdays));
    this.years = new Set([...this.holidays].map(yearOf));
    for (const y of extraYears) this.years.add(y);
    for (const o of overrides) {
      this.years.add(yearOf(o.date));
      if (o.work) {
        this.workdays.add(o.date);
        this.holidays.delete(o.date);
      } else {
        this.holidays.add(o.date);
        this.workdays.delete(o.date);
      }
    }
  }

  covers(date: string) {
    return this.years.has(yearOf(date));
  }

  isWorkingDay(date: string): boolean {
    if (!this.covers(date)) throw new CalendarYearMissingError(yearOf(date));
    if (this.workdays.has(date)) return true;
    if (this.holidays.has(date)) return false;
    const dow = new Date(`${date}T00:00:00Z`).getUTCDay();
    return dow !== 0 && dow !== 6;
  }

  nextWorkingDayFrom(date: string): string {
    let d = date;
    while (!this.isWorkingDay(d)) d = addDays(d, 1);
    return d;
  }

  /**
   * The last day of a period of `days` after `start`. Natural days: start + days (start day not
   * counted), moved to the next working day if it is a rest day. Working days: the days-th working
   * day after start. `countStartDay` counts the start day as day one.
   */
  periodEnd(start: string, days: number, kind: PeriodKind, countStartDay = false): { end: string; nominalEnd: string; moved: boolean } {
    if (kind === 'natural') {
      const nominalEnd = addDays(start, countStartDay ? days - 1 : days);
      const end = this.nextWorkingDayFrom(nominalEnd);
      return { end, nominalEnd, moved: end !== nominalEnd };
    }
    let d = countStartDay ? addDays(start, -1) : start;
    let counted = 0;
    while (counted < days) {
      d = addDays(d, 1);
      if (this.isWorkingDay(d)) counted++;
    }
    return { end: d, nominalEnd: d, moved: false };
  }
}
