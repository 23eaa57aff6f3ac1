/**
 * A street's working calendar: the chinese-days package's years, the years its street admin
 * entered from the State Council's notice (holiday_years, entered through the holidays module),
 * and for any other year the statutory holidays alone, marked provisional. Every period in the
 * platform is computed on it; the public calculator shows how.
 */
import { eq } from 'drizzle-orm';
import { addDays, WorkCalendar, yearOf, type PeriodKind } from '../../../core/calendar.ts';
import { badInput } from '../../../core/errors.ts';
import type { Queryable } from '../../platform/db/client.ts';
import { streets } from '../registry/schema.ts';
import type { PeriodAnswer, PeriodRequest } from './contract.ts';
import { holidayYears } from './schema.ts';

/** The street's calendar as it stands (its entered years over the package). */
export async function streetCalendar(db: Queryable, streetId: string | null): Promise<WorkCalendar> {
  if (!streetId) return new WorkCalendar();
  const rows = await db
    .select({ year: holidayYears.year, holidays: holidayYears.holidays })
    .from(holidayYears)
    .where(eq(holidayYears.streetId, streetId));
  return new WorkCalendar(rows);
}

/**
 * The calendar for a write that computes periods with it: the street row is share-locked first, so
 * the write waits for a holiday year being saved (which locks it for update) and computes on the
 * saved calendar, and a save never misses a notice written meanwhile.
 */
export async function streetCalendarForWrite(tx: Queryable, streetId: string): Promise<WorkCalendar> {
  await tx.select({ id: streets.id }).from(streets).where(eq(streets.id, streetId)).for('share');
  return streetCalendar(tx, streetId);
}

/** The public calculator: a period's end on the national calendar, or on a street's, and how it was found. */
export async function noticePeriod(
  db: Queryable,
  { start, days, kind, countStartDay, streetId }: PeriodRequest,
): Promise<PeriodAnswer> {
  const cal = await toolCalendar(db, streetId);
  const { end, nominalEnd, moved, provisional, provisionalYears } = cal.periodEnd(
    start,
    days,
    kind,
    countStartDay,
  );
  return {
    start,
    days,
    kind,
    countStartDay,
    end,
    provisional,
    provisionalYears,
    nominalEnd,
    moved,
    rule: periodRule(start, days, kind, countStartDay, { end, nominalEnd, moved, provisionalYears }),
  };
}

/** The public tool's calendar: the package's years and statutory holidays, or a street's when it names one. */
async function toolCalendar(db: Queryable, streetId: string | undefined) {
  if (!streetId) return new WorkCalendar();
  const [street] = await db.select({ id: streets.id }).from(streets).where(eq(streets.id, streetId));
  if (!street) throw badInput('streetId', '找不到该街道', 'No such street');
  return streetCalendar(db, streetId);
}

/** How the end was found, in both languages (the Civil Code articles the calendar implements). */
function periodRule(
  start: string,
  days: number,
  kind: PeriodKind,
  countStartDay: boolean,
  r: { end: string; nominalEnd: string; moved: boolean; provisionalYears: number[] },
) {
  const from = countStartDay ? start : addDays(start, 1);
  const caveat = r.provisionalYears.length
    ? {
        zh: `其中 ${r.provisionalYears.join('、')} 年的放假安排尚未发布或录入，暂按法定节假日和周末计算，结果为暂定，安排公布后会重新计算。`,
        en: ` ${r.provisionalYears.join(', ')}: the official arrangement is not yet published or entered, so only the statutory holidays and weekends were counted; the result is provisional and is recomputed once it is.`,
      }
    : { zh: '', en: '' };
  if (kind === 'working') {
    return {
      zh: `按工作日计算：自 ${from} 起只计工作日（周末和法定节假日不计，调休上班日计入），第 ${days} 个工作日为 ${r.end}。${caveat.zh}`,
      en: `Working days: counting from ${from}, weekends and public holidays skipped and make-up working days counted, working day ${days} is ${r.end}.${caveat.en}`,
    };
  }
  const startZh = countStartDay ? '按约定开始当日计入' : '开始的当日不计入（《民法典》第二百零一条）';
  const startEn = countStartDay
    ? 'the start day counts, as the notice says'
    : 'the start day is not counted (Civil Code art. 201)';
  const zh = `${startZh}，自 ${from} 起算 ${days} 日，最后一日为 ${r.nominalEnd}`;
  const en = `${startEn[0]!.toUpperCase()}${startEn.slice(1)}; ${days} days from ${from} end on ${r.nominalEnd}`;
  if (!r.moved) return { zh: `${zh}。${caveat.zh}`, en: `${en}.${caveat.en}` };
  return {
    zh: `${zh}；该日为休息日或法定节假日，以其结束后的第一个工作日 ${r.end} 为期间的最后一日（第二百零三条）。${caveat.zh}`,
    en: `${en}, a rest day or public holiday, so the period ends on the first working day after it, ${r.end} (art. 203).${caveat.en}`,
  };
}

/** For the work list: this year, and from November the next, when not yet confirmed. */
export async function unconfirmedYears(db: Queryable, streetId: string, today: string): Promise<number[]> {
  const cal = await streetCalendar(db, streetId);
  const thisYear = yearOf(today);
  // the State Council publishes next year's arrangement in late October or November
  const asked = today.slice(5) >= '11-01' ? [thisYear, thisYear + 1] : [thisYear];
  return asked.filter((y) => !cal.isConfirmed(y));
}
