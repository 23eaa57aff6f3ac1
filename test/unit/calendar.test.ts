import { shanghaiMinute } from '../../src/core/clock.ts';
import chineseDays from 'chinese-days/dist/chinese-days.json' with { type: 'json' };
import { Solar } from 'lunar-typescript';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  arrangementProblems,
  isIsoDate,
  PACKAGE_YEARS,
  packageHolidays,
  statutoryDays,
  statutoryHolidays,
  statutoryRestDays,
  WorkCalendar,
  yearOf,
  type Holiday,
  type YearArrangement,
} from '../../src/core/calendar.ts';

const cal = new WorkCalendar();
const packageData = chineseDays as { holidays: Record<string, string>; workdays: Record<string, string> };

const isWeekend = (date: string) => [0, 6].includes(new Date(`${date}T00:00:00Z`).getUTCDay());
function daysOfYear(year: number): string[] {
  const days: string[] = [];
  for (let d = `${year}-01-01`; yearOf(d) === year; d = addDays(d, 1)) days.push(d);
  return days;
}
const statutory = (year: number, name: string) => statutoryDays(year).find((h) => h.name === name)!.dates;

/** A made-up 2027, unlike anything the statutory rules would give: 元旦 runs to Monday and Saturday 01-09 is worked. */
const fictitious2027: YearArrangement = {
  year: 2027,
  holidays: [{ name: '元旦', start: '2027-01-01', end: '2027-01-04', workdays: ['2027-01-09'] }],
};

describe('the Chinese working calendar (chinese-days: State Council holiday notices)', () => {
  it('knows holidays, weekends and make-up working days of 2026', () => {
    expect(cal.isWorkingDay('2026-10-01')).toBe(false); // 国庆节
    expect(cal.isWorkingDay('2026-10-10')).toBe(true); // a make-up Saturday
    expect(cal.isWorkingDay('2026-09-20')).toBe(true); // a make-up Sunday
    expect(cal.isWorkingDay('2026-02-14')).toBe(true); // Spring Festival make-up Saturday
    expect(cal.isWorkingDay('2026-02-17')).toBe(false); // 春节
    expect(cal.isWorkingDay('2026-11-28')).toBe(false); // an ordinary Saturday
  });

  it('covers 2004 to 2026, and those years are confirmed', () => {
    expect(PACKAGE_YEARS).toEqual({ first: 2004, last: 2026 });
    expect(cal.source(2004)).toBe('package');
    expect(cal.source(2026)).toBe('package');
    expect(cal.isConfirmed(2026)).toBe(true);
    expect(cal.source(2027)).toBe('provisional');
    expect(cal.isConfirmed(2027)).toBe(false);
  });

  it('agrees with the package data on every day of every package year', () => {
    for (let year = PACKAGE_YEARS.first; year <= PACKAGE_YEARS.last; year++) {
      for (const date of daysOfYear(year)) {
        const working = date in packageData.workdays || (!(date in packageData.holidays) && !isWeekend(date));
        expect(cal.isWorkingDay(date), date).toBe(working);
      }
    }
  });

  it('groups a package year into holidays with their make-up working days', () => {
    expect(packageHolidays(2026)).toEqual([
      { name: '元旦', start: '2026-01-01', end: '2026-01-03', workdays: ['2026-01-04'] },
      { name: '春节', start: '2026-02-15', end: '2026-02-23', workdays: ['2026-02-14', '2026-02-28'] },
      { name: '清明节', start: '2026-04-04', end: '2026-04-06', workdays: [] },
      { name: '劳动节', start: '2026-05-01', end: '2026-05-05', workdays: ['2026-05-09'] },
      { name: '端午节', start: '2026-06-19', end: '2026-06-21', workdays: [] },
      { name: '中秋节', start: '2026-09-25', end: '2026-09-27', workdays: [] },
      { name: '国庆节', start: '2026-10-01', end: '2026-10-07', workdays: ['2026-09-20', '2026-10-10'] },
    ]);
    expect(packageHolidays(2027)).toBeNull();
  });

  it('joins 中秋 and 国庆 the way the notices do, and keeps a year-end 元旦 apart from the one in January', () => {
    expect(packageHolidays(2025)).toContainEqual({
      name: '国庆节、中秋节',
      start: '2025-10-01',
      end: '2025-10-08',
      workdays: ['2025-09-28', '2025-10-11'],
    });
    expect(packageHolidays(2023)).toContainEqual({
      name: '中秋节、国庆节',
      start: '2023-09-29',
      end: '2023-10-06',
      workdays: ['2023-10-07', '2023-10-08'],
    });
    const newYears2018 = packageHolidays(2018)!.filter((h) => h.name === '元旦');
    expect(newYears2018).toEqual([
      { name: '元旦', start: '2018-01-01', end: '2018-01-01', workdays: [] },
      { name: '元旦', start: '2018-12-30', end: '2018-12-31', workdays: ['2018-12-29'] }, // the 2019 notice
    ]);
  });

  it('every package year would pass as an entered arrangement', () => {
    for (let year = PACKAGE_YEARS.first; year <= PACKAGE_YEARS.last; year++)
      expect(arrangementProblems(year, packageHolidays(year)!), String(year)).toEqual([]);
  });

  it('names the holiday of a rest day, also a weekend inside a holiday that the package leaves out', () => {
    expect(cal.restDayName('2026-10-04')).toBe('国庆节');
    expect(cal.restDayName('2026-11-28')).toBeNull(); // plain Saturday
    expect(cal.restDayName('2026-10-10')).toBeNull(); // make-up working Saturday
    expect(cal.restDayName('2026-10-09')).toBeNull(); // working day
    expect(cal.restDayName('2012-06-23')).toBe('端午节'); // the data lists 06-22 and 06-24 only
  });
});

describe('statutory holidays: 《全国年节及纪念日放假办法》第二条 "（二）春节，放假4天（农历除夕、正月初一至初三）；（三）清明节，放假1天（农历清明当日）；……（五）端午节，放假1天（农历端午当日）；（六）中秋节，放假1天（农历中秋当日）"', () => {
  it('Spring Festival from the lunar calendar: 除夕 and 正月初一 to 初三', () => {
    expect(statutory(2027, '春节')).toEqual(['2027-02-05', '2027-02-06', '2027-02-07', '2027-02-08']);
    expect(statutory(2028, '春节')).toEqual(['2028-01-25', '2028-01-26', '2028-01-27', '2028-01-28']);
    expect(statutory(2029, '春节')).toEqual(['2029-02-12', '2029-02-13', '2029-02-14', '2029-02-15']);
    expect(statutory(2030, '春节')).toEqual(['2030-02-02', '2030-02-03', '2030-02-04', '2030-02-05']);
    expect(statutory(2031, '春节')).toEqual(['2031-01-22', '2031-01-23', '2031-01-24', '2031-01-25']);
  });

  it('除夕 is the last day of the 12th lunar month, the 29th or the 30th', () => {
    const lunarMonthDay = (date: string) => {
      const lunar = Solar.fromYmd(yearOf(date), Number(date.slice(5, 7)), Number(date.slice(8))).getLunar();
      return [lunar.getMonth(), lunar.getDay()];
    };
    expect(lunarMonthDay(statutory(2027, '春节')[0]!)).toEqual([12, 29]);
    expect(lunarMonthDay(statutory(2030, '春节')[0]!)).toEqual([12, 30]);
  });

  it('清明 (solar term), 端午 and 中秋 (lunar dates) of 2027–2031', () => {
    const days = (y: number) => [
      statutory(y, '清明节')[0],
      statutory(y, '端午节')[0],
      statutory(y, '中秋节')[0],
    ];
    expect(days(2027)).toEqual(['2027-04-05', '2027-06-09', '2027-09-15']);
    expect(days(2028)).toEqual(['2028-04-04', '2028-05-28', '2028-10-03']);
    expect(days(2029)).toEqual(['2029-04-04', '2029-06-16', '2029-09-22']);
    expect(days(2030)).toEqual(['2030-04-05', '2030-06-05', '2030-09-12']);
    expect(days(2031)).toEqual(['2031-04-05', '2031-06-24', '2031-10-01']);
  });

  it('the lunar dates match the published arrangements of every package year since 2008', () => {
    for (let year = 2008; year <= PACKAGE_YEARS.last; year++) {
      const [chuXi, ...chuYiToChuSan] = statutory(year, '春节');
      for (const date of chuYiToChuSan) expect(cal.restDayName(date), `${year} 春节 ${date}`).toBe('春节');
      // 除夕 has been a holiday only since the 2024 revision
      if (year >= 2025) expect(cal.restDayName(chuXi!), `${year} 除夕`).toBe('春节');
      expect(cal.restDayName(statutory(year, '清明节')[0]!), `${year} 清明`).toBe('清明节');
      expect(cal.restDayName(statutory(year, '端午节')[0]!), `${year} 端午`).toBe('端午节');
      const midAutumn = statutory(year, '中秋节')[0]!;
      // 2020's 中秋 was 10-01, which the data names 国庆节 only
      expect(cal.restDayName(midAutumn), `${year} 中秋 ${midAutumn}`).toMatch(
        year === 2020 ? /^国庆节$/ : /中秋节/,
      );
    }
  });

  it('the published 2025 and 2026 arrangements rest on every statutory rest day of the 2024 revision', () => {
    for (const year of [2025, 2026])
      for (const date of statutoryRestDays(year).keys()) expect(cal.isWorkingDay(date), date).toBe(false);
  });
});

describe('substitute rest days: 第六条 "全体公民放假的假日，如果适逢周六、周日，应当在工作日补假。"', () => {
  it('gives 2027 a weekday for each statutory day on a weekend', () => {
    expect(statutoryHolidays(2027)).toEqual([
      { name: '元旦', start: '2027-01-01', end: '2027-01-03', workdays: [] }, // Friday, with its weekend
      { name: '春节', start: '2027-02-05', end: '2027-02-10', workdays: [] }, // 初一 Sat, 初二 Sun → Tue 02-09, Wed 02-10
      { name: '清明节', start: '2027-04-03', end: '2027-04-05', workdays: [] }, // Monday, with the weekend before
      { name: '劳动节', start: '2027-05-01', end: '2027-05-04', workdays: [] }, // Sat, Sun → Mon 05-03, Tue 05-04
      { name: '端午节', start: '2027-06-09', end: '2027-06-09', workdays: [] },
      { name: '中秋节', start: '2027-09-15', end: '2027-09-15', workdays: [] },
      { name: '国庆节', start: '2027-10-01', end: '2027-10-05', workdays: [] }, // 10-02 Sat, 10-03 Sun → Mon, Tue
    ]);
    const rest = statutoryRestDays(2027);
    expect(rest.get('2027-05-03')).toBe('劳动节');
    expect(rest.get('2027-05-04')).toBe('劳动节');
    expect(rest.has('2027-01-02')).toBe(false); // a weekend, not a statutory day
    const provisional = new WorkCalendar();
    expect(provisional.isWorkingDay('2027-05-04')).toBe(false);
    expect(provisional.restDayName('2027-05-04')).toBe('劳动节');
    expect(provisional.isWorkingDay('2027-05-05')).toBe(true);
  });

  it('gives the weekday after a Saturday 元旦 and a Sunday 端午 (2028)', () => {
    expect(statutoryRestDays(2028).get('2028-01-03')).toBe('元旦');
    expect(statutoryRestDays(2028).get('2028-05-29')).toBe('端午节');
    expect(statutoryHolidays(2028)).toContainEqual({
      name: '端午节',
      start: '2028-05-27',
      end: '2028-05-29',
      workdays: [],
    });
  });

  it('joins 中秋节 inside 国庆节 into one holiday, and makes up the day they share (2028: 中秋 is 10-03)', () => {
    const holidays = statutoryHolidays(2028);
    expect(holidays.map((h) => h.name)).toEqual([
      '元旦',
      '春节',
      '清明节',
      '劳动节',
      '端午节',
      '中秋节、国庆节',
    ]);
    // 10-01 is Sunday → 10-04; 10-03 counts twice → 10-05
    expect(holidays.at(-1)).toEqual({
      name: '中秋节、国庆节',
      start: '2028-09-30',
      end: '2028-10-05',
      workdays: [],
    });
    expect([...statutoryRestDays(2028)].filter(([date]) => date >= '2028-09-01')).toEqual(
      ['2028-10-01', '2028-10-02', '2028-10-03', '2028-10-04', '2028-10-05'].map((date) => [
        date,
        '中秋节、国庆节',
      ]),
    );
  });

  it('holiday ranges add only weekend days to the rest days, and a provisional year rests exactly on those', () => {
    const provisional = new WorkCalendar();
    for (let year = 2027; year <= 2040; year++) {
      const rest = statutoryRestDays(year);
      const inRanges = new Set(
        statutoryHolidays(year).flatMap((h) => daysOfYear(year).filter((d) => h.start <= d && d <= h.end)),
      );
      for (const date of rest.keys()) expect(inRanges.has(date), date).toBe(true);
      for (const date of inRanges) expect(rest.has(date) || isWeekend(date), date).toBe(true);
      for (const date of daysOfYear(year))
        expect(provisional.isWorkingDay(date), date).toBe(!rest.has(date) && !isWeekend(date));
    }
  });

  it('pre-fills a valid arrangement for any year', () => {
    for (let year = 2025; year <= 2060; year++)
      expect(arrangementProblems(year, statutoryHolidays(year)), String(year)).toEqual([]);
  });
});

describe('natural-day periods (民法典第二百零一条: "按照日计算期间的，开始的当日不计入，自下一日开始计算"; 第二百零三条: "期间的最后一日是法定休假日的，以法定休假日结束的次日为期间的最后一日")', () => {
  it('the domain example: 10 days after 2026-09-22 end on 10-02, inside National Day, so on 10-08', () => {
    expect(cal.periodEnd('2026-09-22', 10, 'natural')).toEqual({
      end: '2026-10-08',
      nominalEnd: '2026-10-02',
      moved: true,
      provisional: false,
      provisionalYears: [],
    });
  });
  it('counts the start day when the notice says so', () => {
    expect(cal.periodEnd('2026-11-02', 10, 'natural', true).end).toBe('2026-11-11');
    expect(cal.periodEnd('2026-11-02', 10, 'natural').end).toBe('2026-11-12');
  });
  it('moves an end on a weekend to Monday, and a Spring Festival end past the holiday', () => {
    expect(cal.periodEnd('2026-11-18', 10, 'natural').end).toBe('2026-11-30'); // 11-28 is Saturday
    expect(cal.periodEnd('2026-02-07', 10, 'natural')).toMatchObject({
      nominalEnd: '2026-02-17',
      end: '2026-02-24',
    });
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

describe('periods across 2026/2027 while 2027 has no official arrangement', () => {
  it('are provisional and rest on the statutory 元旦 and the weekend', () => {
    // nominal end 2027-01-01 (元旦, Friday), then Sat, Sun → Monday
    expect(cal.periodEnd('2026-12-22', 10, 'natural')).toEqual({
      end: '2027-01-04',
      nominalEnd: '2027-01-01',
      moved: true,
      provisional: true,
      provisionalYears: [2027],
    });
    expect(cal.restDayName('2027-01-01')).toBe('元旦');
    // after 12-28: 12-29, 12-30, 12-31, [01-01…01-03], 01-04, 01-05
    expect(cal.periodEnd('2026-12-28', 5, 'working')).toMatchObject({
      end: '2027-01-05',
      provisional: true,
      provisionalYears: [2027],
    });
  });

  it('follow the arrangement once a street admin enters 2027, and are no longer provisional', () => {
    const with2027 = new WorkCalendar([fictitious2027]);
    expect(with2027.source(2027)).toBe('entered');
    expect(with2027.periodEnd('2026-12-22', 10, 'natural')).toEqual({
      end: '2027-01-05',
      nominalEnd: '2027-01-01',
      moved: true,
      provisional: false,
      provisionalYears: [],
    });
    expect(with2027.periodEnd('2026-12-28', 5, 'working')).toMatchObject({
      end: '2027-01-06',
      provisional: false,
    });
    // 01-05…01-08, then the make-up Saturday 01-09
    expect(with2027.periodEnd('2027-01-04', 5, 'working').end).toBe('2027-01-09');
    expect(cal.periodEnd('2027-01-04', 5, 'working').end).toBe('2027-01-11');
  });

  it('a period wholly within 2026 is never provisional, even one ending on 12-31', () => {
    expect(cal.periodEnd('2026-12-21', 10, 'natural')).toMatchObject({
      end: '2026-12-31',
      provisional: false,
      provisionalYears: [],
    });
    expect(cal.periodEnd('2026-12-31', 1, 'natural', true)).toMatchObject({
      end: '2026-12-31',
      provisional: false,
    });
    for (const start of daysOfYear(2026).slice(0, 300)) {
      expect(cal.periodEnd(start, 30, 'natural').provisional).toBe(false);
      expect(cal.periodEnd(start, 20, 'working').provisional).toBe(false);
    }
  });

  it('counting the start day makes a period starting 2027-01-01 provisional', () => {
    expect(cal.periodEnd('2027-01-01', 1, 'natural', true)).toMatchObject({
      nominalEnd: '2027-01-01',
      end: '2027-01-04',
      provisional: true,
    });
  });

  it('lists every provisional year a long working-day period crosses', () => {
    expect(cal.periodEnd('2026-06-01', 500, 'working')).toMatchObject({
      provisional: true,
      provisionalYears: [2027, 2028],
    });
    expect(
      new WorkCalendar([fictitious2027]).periodEnd('2026-06-01', 500, 'working').provisionalYears,
    ).toEqual([2028]);
  });
});

describe('entered years', () => {
  it('replace a package year as a whole (a correction, not merged with the package)', () => {
    const corrected = new WorkCalendar([
      { year: 2026, holidays: [{ name: '国庆节', start: '2026-10-01', end: '2026-10-03', workdays: [] }] },
    ]);
    expect(corrected.source(2026)).toBe('entered');
    expect(corrected.isConfirmed(2026)).toBe(true);
    expect(corrected.source(2025)).toBe('package');
    expect(corrected.isWorkingDay('2026-02-17')).toBe(true); // the package's 春节 is gone
    expect(corrected.isWorkingDay('2026-10-10')).toBe(false); // and so is its make-up Saturday
    expect(corrected.isWorkingDay('2026-10-05')).toBe(true);
    expect(corrected.restDayName('2026-10-02')).toBe('国庆节');
    expect(corrected.periodEnd('2026-09-22', 10, 'natural')).toMatchObject({
      nominalEnd: '2026-10-02',
      end: '2026-10-05',
    });
  });
});

describe('checking an arrangement before it is entered', () => {
  const newYear = (over: Partial<Holiday> = {}): Holiday => ({
    name: '元旦',
    start: '2027-01-01',
    end: '2027-01-03',
    workdays: [],
    ...over,
  });
  const spring = (over: Partial<Holiday> = {}): Holiday => ({
    name: '春节',
    start: '2027-02-05',
    end: '2027-02-12',
    workdays: ['2027-01-31', '2027-02-20'],
    ...over,
  });
  const fields = (holidays: Holiday[]) => arrangementProblems(2027, holidays).map((p) => p.field);

  it('accepts a sound arrangement', () => {
    expect(arrangementProblems(2027, [newYear(), spring()])).toEqual([]);
    expect(arrangementProblems(2027, fictitious2027.holidays)).toEqual([]);
  });

  it('needs at least one holiday', () => {
    expect(fields([])).toEqual(['holidays']);
  });

  it('needs a name of at most 30 characters', () => {
    expect(fields([newYear({ name: '  ' })])).toEqual(['holidays.0.name']);
    expect(fields([newYear({ name: '节'.repeat(31) })])).toEqual(['holidays.0.name']);
    expect(fields([newYear({ name: '节'.repeat(30) })])).toEqual([]);
  });

  it('needs real dates in the year', () => {
    expect(fields([newYear({ start: '2027-02-30' })])).toEqual(['holidays.0.start']);
    expect(fields([newYear({ end: '2027-1-3' })])).toEqual(['holidays.0.end']);
    expect(fields([newYear({ start: '2026-12-31' })])).toEqual(['holidays.0.start']);
  });

  it('needs the start on or before the end, and at most 15 days', () => {
    expect(fields([newYear({ start: '2027-01-03', end: '2027-01-01' })])).toEqual(['holidays.0.end']);
    expect(fields([newYear({ end: '2027-01-15' })])).toEqual([]);
    expect(fields([newYear({ end: '2027-01-16' })])).toEqual(['holidays.0.end']);
  });

  it('refuses overlapping holidays', () => {
    expect(
      fields([newYear(), spring(), newYear({ name: '补充', start: '2027-01-03', end: '2027-01-04' })]),
    ).toEqual(['holidays.2.start']);
  });

  it('needs make-up working days on a weekend of the year, outside every holiday, each once', () => {
    expect(fields([spring({ workdays: ['2027-02-01'] })])).toEqual(['holidays.0.workdays.0']); // a Monday
    expect(fields([spring({ workdays: ['2026-12-27'] })])).toEqual(['holidays.0.workdays.0']); // 2026
    expect(fields([spring({ workdays: ['2027-02-31'] })])).toEqual(['holidays.0.workdays.0']);
    expect(fields([newYear(), spring({ workdays: ['2027-01-02'] })])).toEqual(['holidays.1.workdays.0']); // inside 元旦
    expect(
      fields([newYear({ workdays: ['2027-01-09'] }), spring({ workdays: ['2027-01-31', '2027-01-09'] })]),
    ).toEqual(['holidays.1.workdays.1']);
  });

  it('names the row in Chinese and English', () => {
    const [problem] = arrangementProblems(2027, [newYear(), spring({ end: '2027-03-01' })]);
    expect(problem).toEqual({
      field: 'holidays.1.end',
      zh: expect.stringContaining('第2行') as string,
      en: expect.stringContaining('Row 2') as string,
    });
    expect(problem!.zh).toContain('15天');
    expect(problem!.en).toContain('15 days');
  });
});

describe('dates', () => {
  it('checks dates', () => {
    expect(isIsoDate('2026-02-28')).toBe(true);
    expect(isIsoDate('2026-02-29')).toBe(false);
    expect(isIsoDate('2026-9-1')).toBe(false);
  });
});

describe('shanghaiMinute', () => {
  it('writes an instant as Shanghai’s wall clock, across the date line of UTC', () => {
    // 17:05 UTC on 30 November is 01:05 on 1 December in Shanghai (UTC+8, no summer time)
    expect(shanghaiMinute(new Date('2026-11-30T17:05:00Z'))).toBe('2026-12-01 01:05');
    expect(shanghaiMinute(new Date('2026-07-01T00:00:00Z'))).toBe('2026-07-01 08:00');
  });
});
