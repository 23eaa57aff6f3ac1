/**
 * Periods in Chinese calendar days (domain.md §11, Civil Code):
 * - Art. 201: a period in days starts on the day after the event (the start day is not counted),
 *   unless the notice says it counts;
 * - Art. 203: when the last day falls on a statutory rest day, the period ends on the first
 *   working day after it;
 * - rest days are weekends and public holidays, except official make-up working days (调休).
 * Working-day periods count working days only. Dates are plain 'YYYY-MM-DD' calendar dates in
 * Asia/Shanghai; arithmetic is done in UTC days so no time zone or DST can shift a date.
 *
 * A year's holidays come from, in this order: the State Council's arrangement as a street admin
 * entered it; the chinese-days package (the published arrangements up to its last year); or, for a
 * year neither covers, the statutory holidays of 《全国年节及纪念日放假办法》 (2024 revision) alone —
 * such a year is provisional, and so is every period that touches it.
 */
import chineseDays from 'chinese-days/dist/chinese-days.json' with { type: 'json' };
import { Lunar } from 'lunar-typescript';

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

/** Where a year's holidays come from; only 'provisional' years lack an official arrangement. */
export type YearSource = 'entered' | 'package' | 'provisional';

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

/** A real calendar date ('2026-02-30' is not). */
/**
 * The years dates may take in the product: lift retrofits began in the 2010s, and the lunar
 * conversion and today's holiday law are meant for this century. Outside it a date is a typing error.
 */
export const CALENDAR_YEARS: Readonly<{ first: number; last: number }> = Object.freeze({
  first: 2000,
  last: 2099,
});

export function isIsoDate(s: string): boolean {
  const m = DATE.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === s;
}

export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export const yearOf = (date: string) => Number(date.slice(0, 4));

const daysBetween = (from: string, to: string) =>
  (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS;

function isWeekend(date: string): boolean {
  const dow = new Date(`${date}T00:00:00Z`).getUTCDay();
  return dow === 0 || dow === 6;
}

/** start..end inclusive; empty for a malformed or reversed range (entered data is not trusted to loop on). */
function datesOf(start: string, end: string): string[] {
  if (!isIsoDate(start) || !isIsoDate(end)) return [];
  const dates: string[] = [];
  for (let d = start; d <= end; d = addDays(d, 1)) dates.push(d);
  return dates;
}

/** Nothing but weekend days lies strictly between the two dates. */
const onlyWeekendBetween = (from: string, to: string) =>
  datesOf(addDays(from, 1), addDays(to, -1)).every(isWeekend);

// ---------------------------------------------------------------------------------------------
// The chinese-days package: 'YYYY-MM-DD' → "English name,中文名,statutory days"

const packageData = chineseDays as { holidays: Record<string, string>; workdays: Record<string, string> };

/** The package shortens three names; the notices use the full ones. */
const NOTICE_NAMES: Record<string, string> = { 清明: '清明节', 端午: '端午节', 中秋: '中秋节' };

function noticeName(value: string): string {
  const chinese = value.split(',')[1] ?? value;
  return NOTICE_NAMES[chinese] ?? chinese;
}

const packageYearList = Object.keys(packageData.holidays).map(yearOf);

/** The years the chinese-days data covers (it has every year in between). */
export const PACKAGE_YEARS: Readonly<{ first: number; last: number }> = Object.freeze({
  first: Math.min(...packageYearList),
  last: Math.max(...packageYearList),
});

const packageCovers = (year: number) => year >= PACKAGE_YEARS.first && year <= PACKAGE_YEARS.last;

function entriesOfYear(byDate: Record<string, string>, year: number): [string, string][] {
  return Object.entries(byDate)
    .filter(([date]) => yearOf(date) === year)
    .sort(([a], [b]) => (a < b ? -1 : 1));
}

const packageHolidayCache = new Map<number, readonly Holiday[]>();

/**
 * A package year as holidays: rest days joined while only a weekend separates them (the package
 * sometimes leaves out a weekend inside a holiday, e.g. 2015's 端午节), so a 中秋 inside or beside
 * 国庆节 becomes one holiday named like the notice ('国庆节、中秋节'). A holiday can occur twice in
 * a year (元旦 of the next year starting on 12-30), so each make-up day goes to the nearest holiday
 * of its name.
 */
function packageYear(year: number): readonly Holiday[] {
  const cached = packageHolidayCache.get(year);
  if (cached) return cached;
  const groups: { names: string[]; start: string; end: string; workdays: string[] }[] = [];
  for (const [date, value] of entriesOfYear(packageData.holidays, year)) {
    const name = noticeName(value);
    const last = groups.at(-1);
    if (last && onlyWeekendBetween(last.end, date)) {
      last.end = date;
      if (!last.names.includes(name)) last.names.push(name);
    } else groups.push({ names: [name], start: date, end: date, workdays: [] });
  }
  const distance = (date: string, g: { start: string; end: string }) =>
    Math.min(Math.abs(daysBetween(date, g.start)), Math.abs(daysBetween(date, g.end)));
  for (const [date, value] of entriesOfYear(packageData.workdays, year)) {
    const name = noticeName(value);
    const nearest = groups
      .filter((g) => g.names.includes(name))
      .sort((a, b) => distance(date, a) - distance(date, b))[0];
    nearest?.workdays.push(date);
  }
  const holidays = groups.map(({ names, start, end, workdays }) => ({
    name: names.join('、'),
    start,
    end,
    workdays,
  }));
  packageHolidayCache.set(year, holidays);
  return holidays;
}

/** The package's arrangement of a year as holidays, or null when the package does not cover it. */
export function packageHolidays(year: number): Holiday[] | null {
  return packageCovers(year) ? (structuredClone(packageYear(year)) as Holiday[]) : null;
}

// ---------------------------------------------------------------------------------------------
// 《全国年节及纪念日放假办法》 (2024 revision, in force since 2025-01-01)

const lunarDate = (year: number, month: number, day: number) =>
  Lunar.fromYmd(year, month, day).getSolar().toYmd();

/**
 * The statutory days of a year by holiday, before substitutes. Art. 2: "（一）新年，放假1天（1月1日）；
 * （二）春节，放假4天（农历除夕、正月初一至初三）；（三）清明节，放假1天（农历清明当日）；（四）劳动节，放假2天
 * （5月1日、2日）；（五）端午节，放假1天（农历端午当日）；（六）中秋节，放假1天（农历中秋当日）；（七）国庆节，
 * 放假3天（10月1日至3日）。"
 */
export function statutoryDays(year: number): { name: string; dates: string[] }[] {
  const chuYi = lunarDate(year, 1, 1);
  // lunar year `year` runs from its 正月 (Jan/Feb) so its solar-term table holds this April's 清明
  const qingMing = Lunar.fromYmd(year, 1, 1).getJieQiTable()['清明']?.toYmd();
  if (!qingMing) throw new Error(`lunar-typescript has no 清明 for ${year}`);
  return [
    { name: '元旦', dates: [`${year}-01-01`] },
    // 除夕 is the last day of the 12th month, whether the 29th or the 30th
    { name: '春节', dates: [addDays(chuYi, -1), chuYi, addDays(chuYi, 1), addDays(chuYi, 2)] },
    { name: '清明节', dates: [qingMing] },
    { name: '劳动节', dates: [`${year}-05-01`, `${year}-05-02`] },
    { name: '端午节', dates: [lunarDate(year, 5, 5)] },
    { name: '中秋节', dates: [lunarDate(year, 8, 15)] },
    { name: '国庆节', dates: [`${year}-10-01`, `${year}-10-02`, `${year}-10-03`] },
  ];
}

/** Each holiday's statutory days and then its substitutes (补假). */
function restDatesByHoliday(year: number): { name: string; dates: string[] }[] {
  const holidays = statutoryDays(year);
  const taken = new Set(holidays.flatMap((h) => h.dates));
  const inDateOrder = holidays
    .flatMap((holiday) => holiday.dates.map((date) => ({ holiday, date })))
    .sort((a, b) => (a.date < b.date ? -1 : 1));
  const seen = new Set<string>();
  for (const { holiday, date } of inDateOrder) {
    // Art. 6: "全体公民放假的假日，如果适逢周六、周日，应当在工作日补假。" A day shared by two holidays (中秋 on
    // 10-01..03, as in 2020 and 2028) is made up too: the 2020 notice still gave both holidays' days.
    const lost = isWeekend(date) || seen.has(date);
    seen.add(date);
    if (!lost) continue;
    let substitute = addDays(date, 1);
    while (isWeekend(substitute) || taken.has(substitute)) substitute = addDays(substitute, 1);
    taken.add(substitute);
    holiday.dates.push(substitute);
  }
  return holidays;
}

const MID_AUTUMN_NATIONAL_DAY = '中秋节、国庆节';

const statutoryCache = new Map<
  number,
  { holidays: readonly Holiday[]; restDays: ReadonlyMap<string, string> }
>();

function statutoryYear(year: number) {
  const cached = statutoryCache.get(year);
  if (cached) return cached;
  const ranges = restDatesByHoliday(year).map(({ name, dates }) => ({
    name,
    dates,
    start: withWeekendsAround(dates[0]!, year, -1),
    end: withWeekendsAround(dates.at(-1)!, year, 1),
  }));
  const midAutumn = ranges.find((r) => r.name === '中秋节')!;
  const nationalDay = ranges.find((r) => r.name === '国庆节')!;
  const touching =
    midAutumn.start <= addDays(nationalDay.end, 1) && nationalDay.start <= addDays(midAutumn.end, 1);
  const holidays = touching
    ? [
        ...ranges.filter((r) => r !== midAutumn && r !== nationalDay),
        {
          name: MID_AUTUMN_NATIONAL_DAY,
          dates: [...midAutumn.dates, ...nationalDay.dates],
          start: midAutumn.start < nationalDay.start ? midAutumn.start : nationalDay.start,
          end: midAutumn.end > nationalDay.end ? midAutumn.end : nationalDay.end,
        },
      ]
    : ranges;
  holidays.sort((a, b) => (a.start < b.start ? -1 : 1));
  const result = {
    holidays: holidays.map(({ name, start, end }) => ({ name, start, end, workdays: [] })),
    restDays: new Map(
      holidays
        .flatMap((h) => h.dates.map((date) => [date, h.name] as const))
        .sort(([a], [b]) => (a < b ? -1 : 1)),
    ),
  };
  statutoryCache.set(year, result);
  return result;
}

/** The date moved over the weekend days beside it (direction -1: before, 1: after), within the year. */
function withWeekendsAround(date: string, year: number, direction: -1 | 1): string {
  let d = date;
  while (yearOf(addDays(d, direction)) === year && isWeekend(addDays(d, direction)))
    d = addDays(d, direction);
  return d;
}

/**
 * The seven statutory holidays of a year with their substitute days (补假), as a notice would
 * list them: each range runs over the weekend beside it (元旦 on a Friday: 01-01..01-03), and a
 * 中秋节 inside or beside 国庆节 joins it as '中秋节、国庆节'. No make-up working days: those are
 * the State Council's choice each year.
 */
export function statutoryHolidays(year: number): Holiday[] {
  return structuredClone(statutoryYear(year).holidays) as Holiday[];
}

/** The exact rest days, besides weekends, of a provisional year: statutory days and substitutes (date → holiday). */
export function statutoryRestDays(year: number): Map<string, string> {
  return new Map(statutoryYear(year).restDays);
}

// ---------------------------------------------------------------------------------------------
// Entering a year

const MAX_NAME_LENGTH = 30;
const MAX_HOLIDAY_DAYS = 15;

export interface ArrangementProblem {
  /** e.g. 'holidays.2.end', 'holidays.0.workdays.1' */
  field: string;
  zh: string;
  en: string;
}

/** What is wrong with a year's arrangement as entered (server and web form); empty when it is fine. */
export function arrangementProblems(year: number, holidays: readonly Holiday[]): ArrangementProblem[] {
  const problems: ArrangementProblem[] = [];
  if (holidays.length === 0)
    problems.push({
      field: 'holidays',
      zh: `${year}年至少要有一个节日`,
      en: `${year} needs at least one holiday`,
    });
  const inYear = (date: string) => isIsoDate(date) && yearOf(date) === year;
  const validRanges = holidays.map((h) => (inYear(h.start) && inYear(h.end) && h.start <= h.end ? h : null));
  holidays.forEach((h, i) => {
    const row = { zh: `第${i + 1}行`, en: `Row ${i + 1}` };
    const at = (field: string, zh: string, en: string) =>
      problems.push({ field: `holidays.${i}.${field}`, zh: `${row.zh}：${zh}`, en: `${row.en}: ${en}` });
    const name = h.name.trim();
    if (!name) at('name', '请填写节日名称', 'the holiday needs a name');
    else if ([...name].length > MAX_NAME_LENGTH)
      at(
        'name',
        `名称不能超过${MAX_NAME_LENGTH}个字`,
        `the name is longer than ${MAX_NAME_LENGTH} characters`,
      );
    for (const field of ['start', 'end'] as const) {
      const label =
        field === 'start' ? { zh: '开始日期', en: 'start date' } : { zh: '结束日期', en: 'end date' };
      if (!isIsoDate(h[field])) at(field, `${label.zh}不是有效日期`, `the ${label.en} is not a valid date`);
      else if (yearOf(h[field]) !== year)
        at(field, `${label.zh}不在${year}年`, `the ${label.en} is not in ${year}`);
    }
    if (inYear(h.start) && inYear(h.end)) {
      if (h.start > h.end) at('end', '结束日期早于开始日期', 'the end date is before the start date');
      else if (daysBetween(h.start, h.end) + 1 > MAX_HOLIDAY_DAYS)
        at('end', `假期不能超过${MAX_HOLIDAY_DAYS}天`, `a holiday lasts at most ${MAX_HOLIDAY_DAYS} days`);
    }
    const range = validRanges[i];
    const overlapped = range
      ? validRanges.findIndex(
          (other, j) => j < i && other && other.start <= range.end && range.start <= other.end,
        )
      : -1;
    if (overlapped >= 0)
      at('start', `与第${overlapped + 1}行的假期重叠`, `overlaps the holiday in row ${overlapped + 1}`);
    h.workdays.forEach((w, k) => {
      const field = `workdays.${k}`;
      if (!isIsoDate(w))
        return at(field, `调休上班日 ${w} 不是有效日期`, `the make-up working day ${w} is not a valid date`);
      if (yearOf(w) !== year)
        return at(field, `调休上班日 ${w} 不在${year}年`, `the make-up working day ${w} is not in ${year}`);
      if (!isWeekend(w))
        return at(
          field,
          `调休上班日 ${w} 不是周六或周日`,
          `the make-up working day ${w} is not a Saturday or Sunday`,
        );
      const inside = validRanges.findIndex((r) => r && r.start <= w && w <= r.end);
      if (inside >= 0)
        return at(
          field,
          `调休上班日 ${w} 在第${inside + 1}行的假期之内`,
          `the make-up working day ${w} lies inside the holiday in row ${inside + 1}`,
        );
      const repeated = holidays.some((other, j) =>
        other.workdays.some((v, l) => v === w && (j < i || (j === i && l < k))),
      );
      if (repeated) at(field, `调休上班日 ${w} 重复`, `the make-up working day ${w} is listed twice`);
    });
  });
  return problems;
}

// ---------------------------------------------------------------------------------------------

export interface PeriodEnd {
  end: string;
  /** the end before art. 203 moved it; equal to `end` for working days */
  nominalEnd: string;
  moved: boolean;
  /** some day the computation looked at lies in a year without an official arrangement */
  provisional: boolean;
  provisionalYears: number[];
}

interface YearDays {
  restDays: Map<string, string>;
  workdays: Set<string>;
}

export class WorkCalendar {
  private readonly entered: ReadonlyMap<number, readonly Holiday[]>;
  private readonly yearDays = new Map<number, YearDays>();

  /** Entered years replace the package's year as a whole: an entered correction is not merged with it. */
  constructor(entered: readonly YearArrangement[] = []) {
    this.entered = new Map(entered.map((a) => [a.year, a.holidays]));
  }

  source(year: number): YearSource {
    if (this.entered.has(year)) return 'entered';
    return packageCovers(year) ? 'package' : 'provisional';
  }

  isConfirmed(year: number): boolean {
    return this.source(year) !== 'provisional';
  }

  /** A provisional year's holiday ranges only add weekend days to its statutoryRestDays, so ranges serve all three sources. */
  private daysOf(year: number): YearDays {
    let days = this.yearDays.get(year);
    if (!days) {
      const source = this.source(year);
      const holidays =
        source === 'entered'
          ? this.entered.get(year)!
          : source === 'package'
            ? packageYear(year)
            : statutoryYear(year).holidays;
      days = {
        restDays: new Map(
          holidays.flatMap((h) => datesOf(h.start, h.end).map((date) => [date, h.name] as const)),
        ),
        workdays: new Set(holidays.flatMap((h) => h.workdays)),
      };
      this.yearDays.set(year, days);
    }
    return days;
  }

  isWorkingDay(date: string): boolean {
    const { restDays, workdays } = this.daysOf(yearOf(date));
    if (workdays.has(date)) return true;
    return !restDays.has(date) && !isWeekend(date);
  }

  /** The holiday a rest day belongs to; null for a working day or a plain weekend. */
  restDayName(date: string): string | null {
    if (this.isWorkingDay(date)) return null;
    return this.daysOf(yearOf(date)).restDays.get(date) ?? null;
  }

  private nextWorkingDayFrom(date: string): string {
    let d = date;
    while (!this.isWorkingDay(d)) d = addDays(d, 1);
    return d;
  }

  /**
   * The last day of a period of `days` after `start`. Natural days: start + days (start day not
   * counted), moved to the next working day if it is a rest day. Working days: the days-th working
   * day after start. `countStartDay` counts the start day as day one.
   */
  periodEnd(start: string, days: number, kind: PeriodKind, countStartDay = false): PeriodEnd {
    const firstDay = countStartDay ? start : addDays(start, 1);
    let nominalEnd: string;
    let end: string;
    if (kind === 'natural') {
      nominalEnd = addDays(start, countStartDay ? days - 1 : days);
      end = this.nextWorkingDayFrom(nominalEnd);
    } else {
      let d = addDays(firstDay, -1);
      for (let counted = 0; counted < days;) {
        d = addDays(d, 1);
        if (this.isWorkingDay(d)) counted++;
      }
      nominalEnd = end = d;
    }
    const provisionalYears: number[] = [];
    for (let y = yearOf(firstDay < end ? firstDay : end); y <= yearOf(end); y++)
      if (!this.isConfirmed(y)) provisionalYears.push(y);
    return {
      end,
      nominalEnd,
      moved: end !== nominalEnd,
      provisional: provisionalYears.length > 0,
      provisionalYears,
    };
  }
}
