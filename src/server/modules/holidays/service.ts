/**
 * A street's holiday arrangements (节假日安排), year by year: what staff see, the Excel template
 * and .ics import, and the street admin's entry of a whole year. Entering or correcting a year
 * recomputes the periods of the notices it changes and says which moved — which is why this
 * module sits above both the calendar and the notices.
 */
import { and, count, eq, gte, inArray, isNull, or } from 'drizzle-orm';
import {
  arrangementProblems,
  packageHolidays,
  PACKAGE_YEARS,
  statutoryHolidays,
  WorkCalendar,
  yearOf,
  type Holiday,
  type YearSource,
} from '../../../core/calendar.ts';
import { AppError, badInput, forbidden, notFound } from '../../../core/errors.ts';
import { assertRole, type Access } from '../../platform/access.ts';
import type { Db, Queryable } from '../../platform/db/client.ts';
import type { UploadedFile } from '../../platform/files.ts';
import { recordAudit } from '../audit/record.ts';
import { holidayYears } from '../calendar/schema.ts';
import { streetCalendar } from '../calendar/service.ts';
import { applyPeriodChanges, periodChanges } from '../notices/periods.ts';
import { notices } from '../notices/schema.ts';
import { committees, streets } from '../registry/schema.ts';
import type { HolidayImport, HolidayYear, HolidayYears, Preview, SavedYear } from './contract.ts';
import { detectHolidayFile, holidayTemplate, parseHolidayIcs, parseHolidayWorkbook } from './files.ts';

const STREET = { zh: '街道', en: 'Street' };

/** Streets whose calendar the caller may read: those of the committees they see, and their own. */
function visibleStreets(access: Access): string[] {
  const ids = new Set(
    access.committeeIds.map((c) => access.streetOf.get(c)).filter((s): s is string => Boolean(s)),
  );
  if (access.user.streetId) ids.add(access.user.streetId);
  return [...ids];
}

/** The street asked for, or the caller's own (a district viewer's first); 404 outside their reach. */
function streetOfCaller(access: Access, streetId: string | undefined): string {
  const visible = visibleStreets(access);
  const chosen =
    streetId ??
    access.user.streetId ??
    (access.user.committeeId ? access.streetOf.get(access.user.committeeId) : undefined) ??
    visible[0];
  if (!chosen || !visible.includes(chosen)) throw notFound(STREET);
  return chosen;
}

function assertStreetAdminOf(access: Access, streetId: string) {
  assertRole(access, 'street_admin');
  if (access.user.streetId !== streetId) throw forbidden();
}

type YearRow = typeof holidayYears.$inferSelect;

const enteredMeta = (r: YearRow) => ({
  source: r.source,
  createdByName: r.createdByName,
  createdAt: r.createdAt,
  updatedByName: r.updatedByName,
  updatedAt: r.updatedAt,
});

/**
 * The years staff see: every year the package covers, every entered year, and this year and the
 * next (confirmed or not), newest first, with how many notices still carry provisional periods.
 */
export async function listYears(
  db: Queryable,
  access: Access,
  q: { streetId?: string | undefined },
): Promise<HolidayYears> {
  const streetId = streetOfCaller(access, q.streetId);
  const [street] = await db.select({ name: streets.name }).from(streets).where(eq(streets.id, streetId));
  const rows = await db.select().from(holidayYears).where(eq(holidayYears.streetId, streetId));
  const cal = new WorkCalendar(rows);
  const thisYear = yearOf(access.today);
  const years = new Set<number>([thisYear, thisYear + 1, ...rows.map((r) => r.year)]);
  for (let y = PACKAGE_YEARS.first; y <= PACKAGE_YEARS.last; y++) years.add(y);
  const entered = new Map(rows.map((r) => [r.year, r]));
  const [provisional] = await db
    .select({ n: count() })
    .from(notices)
    .where(
      and(
        eq(notices.provisional, true),
        isNull(notices.supersededById),
        inArray(notices.committeeId, streetCommittees(db, streetId)),
        or(eq(notices.status, 'draft'), gte(notices.endsOn, access.today)),
      ),
    );
  return {
    streetId,
    streetName: street?.name ?? '',
    today: access.today,
    packageYears: PACKAGE_YEARS,
    canEdit: access.user.role === 'street_admin' && access.user.streetId === streetId,
    provisionalNotices: provisional?.n ?? 0,
    years: [...years]
      .sort((a, b) => b - a)
      .map((year) => {
        const row = entered.get(year);
        return {
          year,
          source: cal.source(year),
          confirmed: cal.isConfirmed(year),
          entered: row ? enteredMeta(row) : null,
        };
      }),
  };
}

const streetCommittees = (db: Queryable, streetId: string) =>
  db.select({ id: committees.id }).from(committees).where(eq(committees.streetId, streetId));

/** One year: the holidays in force (entered, the package's or the statutory ones) and the statutory ones to start a form from. */
export async function getYear(
  db: Queryable,
  access: Access,
  year: number,
  q: { streetId?: string | undefined },
): Promise<HolidayYear> {
  const streetId = streetOfCaller(access, q.streetId);
  const [row] = await db
    .select()
    .from(holidayYears)
    .where(and(eq(holidayYears.streetId, streetId), eq(holidayYears.year, year)));
  const source: YearSource = row ? 'entered' : packageHolidays(year) ? 'package' : 'provisional';
  return {
    streetId,
    year,
    source,
    confirmed: source !== 'provisional',
    holidays: holidaysInForce(year, row),
    packageHolidays: packageHolidays(year),
    statutoryHolidays: statutoryHolidays(year),
    entered: row ? enteredMeta(row) : null,
  };
}

const holidaysInForce = (year: number, row: YearRow | undefined): Holiday[] =>
  row?.holidays ?? packageHolidays(year) ?? statutoryHolidays(year);

export interface YearInput {
  source: string;
  holidays: Holiday[];
}

/** The shared validator's problems as one 400 naming the first field, all of them in details. */
function assertArrangement(year: number, holidays: Holiday[]) {
  const problems = arrangementProblems(year, holidays);
  if (problems.length === 0) return;
  const first = problems[0]!;
  throw new AppError(400, 'bad_input', first.zh, first.en, first.field, problems);
}

const normalised = (holidays: Holiday[]): Holiday[] =>
  holidays
    .map((h) => ({
      name: h.name.trim(),
      start: h.start,
      end: h.end,
      workdays: [...new Set(h.workdays)].sort(),
    }))
    .sort((a, b) => a.start.localeCompare(b.start));

/** What saving this arrangement would change: the notices whose periods move, nothing written. */
export async function previewYear(
  db: Queryable,
  access: Access,
  year: number,
  input: { holidays: Holiday[] },
): Promise<Preview> {
  const streetId = access.user.streetId ?? '';
  assertStreetAdminOf(access, streetId);
  const holidays = normalised(input.holidays);
  assertArrangement(year, holidays);
  const cal = await calendarWith(db, streetId, year, holidays);
  return { year, changes: await periodChanges(db, streetId, cal, access.today) };
}

async function calendarWith(db: Queryable, streetId: string, year: number, holidays: Holiday[]) {
  const rows = await db
    .select({ year: holidayYears.year, holidays: holidayYears.holidays })
    .from(holidayYears)
    .where(eq(holidayYears.streetId, streetId));
  return new WorkCalendar([...rows.filter((r) => r.year !== year), { year, holidays }]);
}

/**
 * A street admin enters (or corrects) a whole year. Under the street's row lock: the year is
 * saved, the periods of the street's running and draft notices are recomputed on the new
 * calendar, and the moves are recorded and returned.
 */
export async function saveYear(db: Db, access: Access, year: number, input: YearInput): Promise<SavedYear> {
  const streetId = access.user.streetId ?? '';
  assertStreetAdminOf(access, streetId);
  const holidays = normalised(input.holidays);
  assertArrangement(year, holidays);
  const changes = await db.transaction(async (tx) => {
    await tx.select({ id: streets.id }).from(streets).where(eq(streets.id, streetId)).for('update');
    const [before] = await tx
      .select()
      .from(holidayYears)
      .where(and(eq(holidayYears.streetId, streetId), eq(holidayYears.year, year)));
    const values = {
      holidays,
      source: input.source,
      updatedByName: access.user.displayName,
      updatedAt: access.now,
    };
    const [row] = before
      ? await tx.update(holidayYears).set(values).where(eq(holidayYears.id, before.id)).returning()
      : await tx
          .insert(holidayYears)
          .values({
            streetId,
            year,
            ...values,
            createdByName: access.user.displayName,
            createdAt: access.now,
          })
          .returning();
    await recordAudit(tx, access.actor, {
      action: before ? 'update' : 'create',
      entity: 'holiday_year',
      entityId: row!.id,
      streetId,
      summary: `${year} 年放假安排（${input.source}）`,
      before: before ? { holidays: before.holidays, source: before.source } : undefined,
      after: { holidays, source: input.source },
    });
    const found = await periodChanges(tx, streetId, await streetCalendar(tx, streetId), access.today);
    await applyPeriodChanges(tx, access, year, found);
    return found;
  });
  return {
    year: await getYear(db, access, year, { streetId }),
    changes: changes.filter((c) => c.moved),
    confirmedNotices: changes.filter((c) => c.before.provisional && !c.after.provisional).length,
  };
}

/** The Excel template for a year, prefilled with its holidays in force (and the source entered). */
export async function yearTemplate(db: Queryable, access: Access, year: number): Promise<Buffer> {
  const shown = await getYear(db, access, year, {});
  return holidayTemplate(shown.year, shown.holidays, shown.entered?.source ?? '');
}

/** An arrangement read from the template (.xlsx) or an iCalendar file (.ics); nothing is saved. */
export async function readArrangement(year: number, { name, content }: UploadedFile): Promise<HolidayImport> {
  const kind = detectHolidayFile(name, content);
  if (!kind)
    throw badInput(
      'file',
      '请上传放假安排模板（.xlsx）或日历文件（.ics）',
      'Upload the arrangement template (.xlsx) or a calendar file (.ics)',
    );
  const parsed =
    kind === 'xlsx'
      ? await parseHolidayWorkbook(content, year)
      : parseHolidayIcs(content.toString('utf8'), year);
  return { year, kind, ...parsed };
}
