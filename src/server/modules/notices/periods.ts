/**
 * A notice's periods on a street's working calendar, and what a change of that calendar (a year's
 * holiday arrangement entered or corrected) does to the notices already written.
 */
import { and, eq, gte, inArray, isNull, or } from 'drizzle-orm';
import type { PeriodKind, WorkCalendar } from '../../../core/calendar.ts';
import { worksNoticeEnd, type NoticeKind } from '../../../core/notices.ts';
import type { Access } from '../../platform/access.ts';
import { recordAudit } from '../audit/record.ts';
import type { Queryable } from '../../platform/db/client.ts';
import { liftProjects } from '../projects/schema.ts';
import { committees } from '../registry/schema.ts';
import { noticePeriodChanges, notices, type PeriodEnds } from './schema.ts';

export interface PeriodInput {
  startOn: string;
  publicityDays: number;
  publicityKind: PeriodKind;
  feedbackDays: number;
  feedbackKind: PeriodKind;
  countStartDay: boolean;
  /** a works notice's period is the works' days, not a legal period: see worksNoticeEnd */
  kind?: NoticeKind;
}

/**
 * Publicity end from the start; feedback end counted from the publicity end (its day not counted).
 * Provisional when either period touched a year whose arrangement is not confirmed. A works
 * notice ends on the works' last day as given (no calendar moves it, so no holiday year does).
 */
export function noticeEnds(cal: WorkCalendar, p: PeriodInput): PeriodEnds {
  if (p.kind === 'works') {
    const end = worksNoticeEnd(p.startOn, p.publicityDays);
    return { publicityEnd: end, feedbackEnd: null, endsOn: end, provisional: false };
  }
  const publicity = cal.periodEnd(p.startOn, p.publicityDays, p.publicityKind, p.countStartDay);
  const feedback =
    p.feedbackDays > 0 ? cal.periodEnd(publicity.end, p.feedbackDays, p.feedbackKind, false) : null;
  return {
    publicityEnd: publicity.end,
    feedbackEnd: feedback?.end ?? null,
    endsOn: feedback?.end ?? publicity.end,
    provisional: publicity.provisional || Boolean(feedback?.provisional),
  };
}

export interface PeriodChange {
  noticeId: string;
  projectId: string;
  projectName: string;
  committeeId: string;
  title: string;
  status: 'draft' | 'posted';
  before: PeriodEnds;
  after: PeriodEnds;
  /** an end date moved (not only the provisional mark) */
  moved: boolean;
}

const endsOf = (n: typeof notices.$inferSelect): PeriodEnds => ({
  publicityEnd: n.publicityEnd,
  feedbackEnd: n.feedbackEnd,
  endsOn: n.endsOn,
  provisional: n.provisional,
});

/**
 * The street's notices whose ends `cal` would change: drafts, and posted notices that have not
 * ended before `today` (an ended notice's period is history; it is not reopened or shortened).
 * Superseded notices are left as they were.
 */
export async function periodChanges(
  db: Queryable,
  streetId: string,
  cal: WorkCalendar,
  today: string,
): Promise<PeriodChange[]> {
  const rows = await db
    .select({ n: notices, projectName: liftProjects.name })
    .from(notices)
    .innerJoin(liftProjects, eq(liftProjects.id, notices.projectId))
    .where(
      and(
        inArray(
          notices.committeeId,
          db.select({ id: committees.id }).from(committees).where(eq(committees.streetId, streetId)),
        ),
        isNull(notices.supersededById),
        or(eq(notices.status, 'draft'), gte(notices.endsOn, today)),
      ),
    );
  const changes: PeriodChange[] = [];
  for (const { n, projectName } of rows) {
    const before = endsOf(n);
    const after = noticeEnds(cal, n);
    const moved = before.publicityEnd !== after.publicityEnd || before.feedbackEnd !== after.feedbackEnd;
    if (moved || before.provisional !== after.provisional)
      changes.push({
        noticeId: n.id,
        projectId: n.projectId,
        projectName,
        committeeId: n.committeeId,
        title: n.title,
        status: n.status,
        before,
        after,
        moved,
      });
  }
  return changes.sort(
    (a, b) => a.before.endsOn.localeCompare(b.before.endsOn) || a.title.localeCompare(b.title),
  );
}

/** Writes the changes: the new ends on each notice, a record of each move, an audit event each. */
export async function applyPeriodChanges(
  tx: Queryable,
  access: Access,
  year: number,
  changes: PeriodChange[],
) {
  for (const c of changes) {
    await tx
      .update(notices)
      .set({ ...c.after, updatedAt: access.now })
      .where(eq(notices.id, c.noticeId));
    if (!c.moved) continue;
    await tx.insert(noticePeriodChanges).values({
      noticeId: c.noticeId,
      projectId: c.projectId,
      committeeId: c.committeeId,
      year,
      before: c.before,
      after: c.after,
      byName: access.user.displayName,
      at: access.now,
    });
    await recordAudit(tx, access.actor, {
      action: 'period_moved',
      entity: 'notice',
      entityId: c.noticeId,
      projectId: c.projectId,
      committeeId: c.committeeId,
      streetId: access.streetOf.get(c.committeeId) ?? null,
      summary: `${c.title}：按 ${year} 年放假安排重新计算，截止日 ${c.before.endsOn} → ${c.after.endsOn}`,
      before: c.before,
      after: c.after,
    });
  }
}
