import { describe, expect, it } from 'vitest';
import { CalendarYearMissingError, isIsoDate, WorkCalendar } from '../../src/core/calendar.ts';

const cal = new WorkCalendar();

describe('the Chinese working calendar (chinese-days: State Council holiday notices)', () => {
  it('knows holidays, weekends and make-up working days of 2026', () => {
    expect(cal.isWorkingDay('2026-10-01')).toBe(false); // 国庆节
    expect(cal.isWorkingDay('2026-10-10')).toBe(true); // a make-up Saturday
    expect(cal.isWorkingDay('2026-09-20')).toBe(true); // a make-up Sunday
    expect(cal.isWorkingDay('2026-02-14')).toBe(true); // Spring Festival make-up Saturday
    expect(cal.isWorkingDay('2026-02-17')).toBe(false); // 春节
    expect(cal.isWorkingDay('2026-11-28')).toBe(false); // an ordinary Saturday
  });
});

describe('natural-day periods (民法典第二百零一条: "按照日计算期间的，开始的当日不计入，自下一日开始计算"; 第二百零三条: "期间的最后一日是法定休假日的，以法定休假日结束的次日为期间的最后一日")', () => {
  it('the domain example: 10 days after 2026-09-22 end on 10-02, inside National Day, so on 10-08', () => {
    expect(cal.periodEnd('2026-09-22', 10, 'natural')).toEqual({ end: '2026-10-08', nominalEnd: '2026-10-02', moved: true });
  });
  it('counts the start day when the notice says so', () => {
    expect(cal.periodEnd('2026-11-02', 10, 'natural', true).end).toBe('2026-11-11');
    expect(cal.periodEnd('2026-11-02', 10, 'natural').end).toBe('2026-11-12');
  });
  it('moves an end on a weekend to Monday, and a Spring Festival end past the holiday', () => {
    expect(cal.periodEnd('2026-11-18', 10, 'natural').end).toBe('2026-11-30'); // 11-28 is Saturday
    expect(cal.periodEnd('2026-02-07', 10, 'natural')).toMatchObject({ nominalEnd: '2026-02-17', end: '2026-02-24' });
  });
  it('a period ending on a make-up Saturday ends that day (it is a working day)', () => {
    expect(cal.periodEnd('2026-09-30', 10, 'natural')).toMatchObject({ end: '2026-10-10', moved: false });
  });
});

describe('working-day periods', () => {
  it('count working days only, across National Day and its make-up days', () => {
    // after 09-28 (Mon): 09-29, 09-30, [10-01…10-07 rest], 10-08, 10-09, 10-10 (make-up Sat) → 5th is 10-10
    expect(cal.periodEnd('2026-09-28', 5, 'working').end).toBe('2026-10-10');
  });
  it('count across the Spring Festival with its make-up Saturday', () => {
    // after 02-12 (Thu): 02-13, 02-14 (make-up Sat), [02-15…02-23], 02-24 → 3rd is 02-24
    expect(cal.periodEnd('2026-02-12', 3, 'working').end).toBe('2026-02-24');
  });
});

describe('years without data', () => {
  it('refuses a year the data does not cover, until a street admin supplies it', () => {
    expect(() => cal.periodEnd('2027-03-01', 10, 'natural')).toThrow(CalendarYearMissingError);
    expect(() => cal.periodEnd('2026-12-28', 10, 'natural')).toThrow(CalendarYearMissingError);
    const with2027 = new WorkCalendar([{ date: '2027-01-01', work: false, name: '元旦' }], [2027]);
    expect(with2027.periodEnd('2026-12-22', 10, 'natural').end).toBe('2027-01-04'); // 01-01 holiday, 02-03 weekend
  });
  it('checks dates', () => {
    expect(isIsoDate('2026-02-28')).toBe(true);
    expect(isIsoDate('2026-02-29')).toBe(false);
    expect(isIsoDate('2026-9-1')).toBe(false);
  });
});
