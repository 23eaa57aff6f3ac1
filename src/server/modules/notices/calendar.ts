/**
 * The working calendar of a street: the chinese-days data plus the street admin's overrides
 * (holidays and make-up working days of years the data does not cover), and the periods
 * computed on it with bilingual errors naming the field.
 */
import { and, asc, eq, gte, inArray, lte } from 'drizzle-orm';
import { addDays, CalendarYearMissingError, WorkCalendar, yearOf, type PeriodKind } from '../../../core/calendar.ts';
import { badInput, conflict, forbidden, notFound } from '../../../core/errors.ts';
import { assertRole, type Access } from '../../platform/access.ts';
import { recordAudit } from '../../platform/audit.ts';
import type { Db, Queryable } from '../../platform/db/client.ts';
import { streets } from '../registry/schema.ts';
import { calendarOverrides } from './schema.ts';

/** The street's calendar: chinese-days plus its overrides; a year with any override counts as covered. */
export async function streetCalendar(db: Queryable, streetId: string | null): Promise<WorkCalendar> {
  if (!streetId) return new WorkCalendar();
  const rows = await db.select({ date: calendarOverrides.date, work: calendarOverrides.work, name: calendarOverrides.name }).from(calendarOverrides).where(eq(calendarOverrides.streetId, streetId));
  return new WorkCalendar(rows);
}

export interface PeriodFields {
  /** the field that holds the start date */
  start: string;
  /** the field that holds the number of days */
  days: string;
}

const missingYear = (field: string, year: number) =>
  badInput(
    field,
    `没有 ${year} 年的节假日数据，无法计算期间；请街道管理员在“节假日设置”中补充 ${year} 年的节假日和调休日`,
    `There is no holiday calendar for ${year}, so the period cannot be computed; a street administrator can add ${year}'s holidays and make-up working days`,
  );

/** periodEnd with a missing year reported against the start (its own year) or the days (a later year). */
export function computePeriod(cal: WorkCalendar, start: string, days: number, kind: PeriodKind, countStartDay: boolean, fields: PeriodFields) {
  if (!cal.covers(start)) throw missingYear(fields.start, yearOf(start));
  try {
    return cal.periodEnd(start, days, kind, countStartDay);
  } catch (err) {
    if (err instanceof CalendarYearMissingError) throw missingYear(fields.days, err.year);
    throw err;
  }
}

/** How the end was found, in both languages (the Civil Code articles the calendar implements). */
export function periodRule(start: string, days: number, kind: PeriodKind, countStartDay: boolean, r: { end: string; nominalEnd: string; moved: boolean }) {
  const from = countStartDay ? start : addDays(start, 1);
  if (kind === 'working') {
    return {
      zh: `按工作日计算：自 ${from} 起只计工作日（周末和法定节假日不计，调休上班日计入），第 ${days} 个工作日为 ${r.end}。`,
      en: `Working days: counting from ${from}, weekends and public holidays skipped and make-up working days counted, working day ${days} is ${r.end}.`,
    };
  }
  const startZh = countStartDay ? '按约定开始当日计入' : '开始的当日不计入（《民法典》第二百零一条）';
  const startEn = countStartDay ? 'the start day counts, as the notice says' : 'the start day is not counted (Civil Code art. 201)';
  const zh = `${startZh}，自 ${from} 起算 ${days} 日，最后一日为 ${r.nominalEnd}`;
  const en = `${startEn[0]!.toUpperCase()}${startEn.slice(1)}; ${days} days from ${from} end on ${r.nominalEnd}`;
  if (!r.moved) return { zh: `${zh}。`, en: `${en}.` };
  return {
    zh: `${zh}；该日为休息日或法定节假日，以其结束后的第一个工作日 ${r.end} 为期间的最后一日（第二百零三条）。`,
    en: `${en}, a rest day or public holiday, so the period ends on the first working day after it, ${r.end} (art. 203).`,
  };
}

// ---------------------------------------------------------------- overrides

const OVERRIDE = { zh: '节假日设置', en: 'Calendar override' };

/** Streets whose calendar the caller may read: those of the committees they see, and their own. */
function visibleStreets(access: Access): string[] {
  const ids = new Set(access.committeeIds.map((c) => access.streetOf.get(c)).filter((s): s is string => Boolean(s)));
  if (access.user.streetId) ids.add(access.user.streetId);
  return [...ids];
}

export async function listOverrides(db: Queryable, access: Access, q: { streetId?: string | undefined; year?: number | undefined }) {
  const visible = visibleStreets(access);
  if (q.streetId && !visible.includes(q.streetId)) throw notFound({ zh: '街道', en: 'Street' });
  const streetIds = q.streetId ? [q.streetId] : visible;
  const items = streetIds.length
    ? await db
        .select({ id: calendarOverrides.id, streetId: calendarOverrides.streetId, streetName: streets.name, date: calendarOverrides.date, work: calendarOverrides.work, name: calendarOverrides.name, createdByName: calendarOverrides.createdByName, createdAt: calendarOverrides.createdAt })
        .from(calendarOverrides)
        .innerJoin(streets, eq(streets.id, calendarOverrides.streetId))
        .where(and(inArray(calendarOverrides.streetId, streetIds), q.year ? and(gte(calendarOverrides.date, `${q.year}-01-01`), lte(calendarOverrides.date, `${q.year}-12-31`)) : undefined))
        .orderBy(asc(calendarOverrides.date))
    : [];
  // the years each street can compute periods in (the data's years plus its overrides')
  const years = Object.fromEntries(
    await Promise.all(streetIds.map(async (id) => [id, [...(await streetCalendar(db, id)).years].sort((a, b) => a - b)] as const)),
  );
  return { items, years };
}

export interface OverrideInput {
  date: string;
  work: boolean;
  name?: string | undefined;
}

/** A street admin adds a day to their street's calendar. */
export async function addOverride(db: Db, access: Access, input: OverrideInput) {
  assertRole(access, 'street_admin');
  const streetId = access.user.streetId;
  if (!streetId) throw forbidden();
  return db.transaction(async (tx) => {
    const [existing] = await tx.select({ id: calendarOverrides.id }).from(calendarOverrides).where(and(eq(calendarOverrides.streetId, streetId), eq(calendarOverrides.date, input.date)));
    if (existing) throw conflict(`${input.date} 已有设置，请先删除再添加`, `${input.date} already has an override; delete it first`, 'date');
    const [row] = await tx.insert(calendarOverrides).values({ streetId, date: input.date, work: input.work, name: input.name ?? '', createdByName: access.user.displayName }).returning();
    await recordAudit(tx, access.actor, { action: 'create', entity: 'calendar_override', entityId: row!.id, streetId, summary: `${row!.date} ${row!.work ? '上班' : '休息'} ${row!.name}`, after: row });
    return row!;
  });
}

export async function deleteOverride(db: Db, access: Access, id: string) {
  return db.transaction(async (tx) => {
    const [row] = await tx.select().from(calendarOverrides).where(eq(calendarOverrides.id, id));
    if (!row || !visibleStreets(access).includes(row.streetId)) throw notFound(OVERRIDE);
    if (access.user.role !== 'street_admin' || access.user.streetId !== row.streetId) throw forbidden();
    await tx.delete(calendarOverrides).where(eq(calendarOverrides.id, id));
    await recordAudit(tx, access.actor, { action: 'delete', entity: 'calendar_override', entityId: id, streetId: row.streetId, summary: `${row.date} ${row.name}`, before: row });
    return { ok: true as const };
  });
}

/** The public tool's calendar: the national data, or a street's when it names one. */
export async function toolCalendar(db: Queryable, streetId: string | undefined) {
  if (!streetId) return new WorkCalendar();
  const [street] = await db.select({ id: streets.id }).from(streets).where(eq(streets.id, streetId));
  if (!street) throw badInput('streetId', '找不到该街道', 'No such street');
  return streetCalendar(db, streetId);
}
