/**
 * What needs attention now, for the caller's scope: overdue approval steps and works milestones, notices ending this
 * week, objections without an answer, votes closing, projects idle for 30 days, and for an
 * adviser the projects assigned to them; and the money gate's: agreements not signed, instalments
 * overdue, subsidies to claim. Each card is sorted by urgency. In-app; nothing depends on email.
 */
import {
  and,
  eq,
  gt,
  gte,
  inArray,
  isNotNull,
  isNull,
  lte,
  ne,
  notInArray,
  sql,
  sum,
  type SQL,
} from 'drizzle-orm';
import { shanghaiDate, shanghaiMorning } from '../../../core/clock.ts';
import { formatYuan } from '../../../core/money/decimal.ts';
import { duesOf } from '../../../core/money/payments.ts';
import { costPlans, costShares, payments, subsidyClaims } from '../money/schema.ts';
import { isSettled } from '../../../core/approvals.ts';
import { addDays } from '../../../core/calendar.ts';
import { streetCalendar, unconfirmedYears } from '../calendar/service.ts';
import type { Access } from '../../platform/access.ts';
import type { Queryable } from '../../platform/db/client.ts';
import { auditEvents } from '../audit/schema.ts';
import { consultations } from '../consent/schema.ts';
import { noticePeriodChanges, notices, objections } from '../notices/schema.ts';
import { approvalSteps, liftProjects } from '../projects/schema.ts';
import { followUpWork } from '../lifts/followup.ts';
import { upkeepWork } from '../lifts/upkeep.ts';
import { projectScope } from '../projects/service.ts';
import { presentStep } from '../projects/steps.ts';
import { overdueMilestones } from '../works/facts.ts';
import { faultWorkItems } from '../faults/worklist.ts';
import type { WorkItem, WorkList } from './contract.ts';

/** The columns every item names its project by. */
const project = { projectId: liftProjects.id, projectName: liftProjects.name };

export const IDLE_DAYS = 30;
/** how long a moved notice period stays on the work list */
export const MOVED_SHOWN_DAYS = 14;

export async function workList(db: Queryable, access: Access): Promise<WorkList> {
  const { today } = access;
  const scope = projectScope(access);
  const weekEnd = addDays(today, 7);
  const cal = await streetCalendar(
    db,
    access.user.streetId ?? access.streetOf.get(access.user.committeeId ?? '') ?? null,
  );
  const items: WorkItem[] = [];

  const steps = await db
    .select({ ...project, step: approvalSteps })
    .from(approvalSteps)
    .innerJoin(liftProjects, eq(liftProjects.id, approvalSteps.projectId))
    .where(and(scope, isNotNull(approvalSteps.startedOn)));
  for (const s of steps) {
    if (isSettled(s.step.status)) continue;
    const shown = presentStep(cal, s.step, today);
    if (shown.overdue)
      items.push({
        kind: 'overdue_step',
        projectId: s.projectId,
        projectName: s.projectName,
        title: s.step.name.zh,
        date: shown.dueOn,
        refId: s.step.id,
        provisional: shown.dueProvisional,
      });
  }

  for (const m of await overdueMilestones(db, scope, today))
    items.push({
      kind: 'overdue_milestone',
      projectId: m.projectId,
      projectName: m.projectName,
      title: m.name.zh,
      date: m.dueOn,
      refId: m.id,
    });

  const ending = await db
    .select({
      ...project,
      id: notices.id,
      title: notices.title,
      endsOn: notices.endsOn,
      provisional: notices.provisional,
    })
    .from(notices)
    .innerJoin(liftProjects, eq(liftProjects.id, notices.projectId))
    .where(
      and(
        scope,
        eq(notices.status, 'posted'),
        isNull(notices.supersededById),
        gte(notices.endsOn, today),
        lte(notices.endsOn, weekEnd),
      ),
    );
  for (const n of ending)
    items.push({
      kind: 'notice_ending',
      projectId: n.projectId,
      projectName: n.projectName,
      title: n.title,
      date: n.endsOn,
      refId: n.id,
      provisional: n.provisional,
    });

  // periods a holiday arrangement moved in the last fortnight, while their notice still runs
  const moved = await db
    .select({
      ...project,
      id: notices.id,
      title: notices.title,
      endsOn: notices.endsOn,
      before: noticePeriodChanges.before,
      year: noticePeriodChanges.year,
    })
    .from(noticePeriodChanges)
    .innerJoin(notices, eq(notices.id, noticePeriodChanges.noticeId))
    .innerJoin(liftProjects, eq(liftProjects.id, noticePeriodChanges.projectId))
    .where(
      and(
        scope,
        gte(noticePeriodChanges.at, shanghaiMorning(addDays(today, -MOVED_SHOWN_DAYS), 0)),
        gte(notices.endsOn, today),
      ),
    );
  for (const m of moved)
    items.push({
      kind: 'period_moved',
      projectId: m.projectId,
      projectName: m.projectName,
      title: `${m.title}：按 ${m.year} 年放假安排，截止日 ${m.before.endsOn} → ${m.endsOn}`,
      date: m.endsOn,
      refId: m.id,
    });

  const unanswered = await db
    .select({ ...project, id: objections.id, text: objections.text, receivedOn: objections.receivedOn })
    .from(objections)
    .innerJoin(liftProjects, eq(liftProjects.id, objections.projectId))
    .where(and(scope, eq(objections.status, 'open')));
  for (const o of unanswered)
    items.push({
      kind: 'unanswered_objection',
      projectId: o.projectId,
      projectName: o.projectName,
      title: o.text.slice(0, 60),
      date: o.receivedOn,
      refId: o.id,
    });

  const closing = await db
    .select({
      ...project,
      id: consultations.id,
      title: consultations.title,
      closesOn: consultations.closesOn,
    })
    .from(consultations)
    .innerJoin(liftProjects, eq(liftProjects.id, consultations.projectId))
    .where(
      and(
        scope,
        eq(consultations.status, 'open'),
        isNotNull(consultations.closesOn),
        lte(consultations.closesOn, weekEnd),
      ),
    );
  for (const c of closing)
    items.push({
      kind: 'vote_closing',
      projectId: c.projectId,
      projectName: c.projectName,
      title: c.title,
      date: c.closesOn,
      refId: c.id,
    });

  // qualified by hand: in a select list drizzle leaves column names bare, and "id" would be audit_events'
  const lastActivity = sql<string>`coalesce((select max(ae.at) from ${auditEvents} ae where ae.project_id = "lift_projects"."id"), "lift_projects"."updated_at")`;
  const idle = await db
    .select({ ...project, last: lastActivity })
    .from(liftProjects)
    .where(
      and(
        scope,
        notInArray(liftProjects.stage, ['in_service', 'withdrawn']),
        sql`${lastActivity} < ${addDays(today, -IDLE_DAYS)}::date`,
      ),
    );
  for (const p of idle)
    items.push({
      kind: 'idle_project',
      projectId: p.projectId,
      projectName: p.projectName,
      title: `${IDLE_DAYS} 天无进展`,
      date: String(p.last).slice(0, 10),
      refId: null,
    });

  if (access.user.role === 'street_admin' && access.user.streetId) {
    for (const year of await unconfirmedYears(db, access.user.streetId, today))
      items.push({
        kind: 'holidays_unconfirmed',
        projectId: null,
        projectName: null,
        title: `${year} 年放假安排尚未确认：国务院办公厅通知发布后请录入，暂定的公示期将随之重新计算`,
        date: null,
        refId: String(year),
      });
  }

  if (access.user.role === 'adviser' && access.assigned?.projectIds.length) {
    const mine = await db
      .select({ ...project, stage: liftProjects.stage })
      .from(liftProjects)
      .where(inArray(liftProjects.id, access.assigned.projectIds));
    for (const p of mine)
      items.push({
        kind: 'assigned',
        projectId: p.projectId,
        projectName: p.projectName,
        title: p.stage,
        date: null,
        refId: null,
      });
  }

  items.push(...(await moneyItems(db, scope, today)));
  for (const u of await upkeepWork(db, access))
    items.push({
      kind: 'upkeep_due',
      projectId: u.projectId,
      projectName: u.projectName,
      title: u.reason,
      date: u.date,
      refId: u.liftId,
    });
  for (const f of await followUpWork(db, access))
    items.push({
      kind: 'follow_up_due',
      projectId: f.projectId,
      projectName: f.projectName,
      title: f.round,
      date: f.dueOn,
      refId: f.liftId,
    });
  items.push(...(await faultWorkItems(db, access)));

  // each card in order of urgency: the earliest date first, undated last
  items.sort((a, b) => (a.date ?? '9999').localeCompare(b.date ?? '9999'));

  const counts = {
    overdue_step: 0,
    overdue_milestone: 0,
    notice_ending: 0,
    period_moved: 0,
    unanswered_objection: 0,
    vote_closing: 0,
    idle_project: 0,
    assigned: 0,
    holidays_unconfirmed: 0,
    unsigned_agreements: 0,
    arrears: 0,
    subsidy_to_claim: 0,
    upkeep_due: 0,
    follow_up_due: 0,
    open_fault: 0,
    fault_overdue: 0,
  };
  for (const i of items) counts[i.kind]++;
  return { items, counts };
}

/**
 * The money gate's work: adopted plans with households not yet signed, households with an
 * instalment due and unpaid, and projects past acceptance whose subsidy claim is not yet prepared.
 */
async function moneyItems(db: Queryable, scope: SQL, today: string): Promise<WorkItem[]> {
  const plans = await db
    .select({
      ...project,
      planId: costPlans.id,
      adoptedAt: costPlans.adoptedAt,
      schedule: costPlans.schedule,
    })
    .from(costPlans)
    .innerJoin(liftProjects, eq(liftProjects.id, costPlans.projectId))
    .where(and(scope, eq(costPlans.status, 'adopted'), ne(liftProjects.stage, 'withdrawn')));
  if (!plans.length) return [];
  const planIds = plans.map((p) => p.planId);
  const shares = await db
    .select({
      planId: costShares.planId,
      unitId: costShares.unitId,
      shareFen: costShares.shareFen,
      signed: sql<boolean>`${costShares.signedAt} is not null`,
    })
    .from(costShares)
    .where(inArray(costShares.planId, planIds));
  const paid = await db
    .select({
      planId: payments.planId,
      unitId: payments.unitId,
      fen: sum(payments.amountFen).mapWith(Number),
    })
    .from(payments)
    .where(inArray(payments.planId, planIds))
    .groupBy(payments.planId, payments.unitId);
  const paidOf = new Map(paid.map((p) => [`${p.planId}/${p.unitId}`, p.fen]));
  const sharesOf = new Map<string, typeof shares>();
  for (const s of shares) {
    const list = sharesOf.get(s.planId) ?? [];
    if (!list.length) sharesOf.set(s.planId, list);
    list.push(s);
  }
  const items: WorkItem[] = [];
  for (const p of plans) {
    // households with nothing to pay sign nothing (the money page and the owner's page offer them
    // no sign-off), so they are not counted as waiting for one
    const mine = (sharesOf.get(p.planId) ?? []).filter((s) => s.shareFen > 0);
    const unsigned = mine.filter((s) => !s.signed).length;
    if (unsigned)
      items.push({
        kind: 'unsigned_agreements',
        projectId: p.projectId,
        projectName: p.projectName,
        title: `${unsigned} / ${mine.length} 户未签认分摊协议`,
        date: p.adoptedAt ? shanghaiDate(p.adoptedAt) : null,
        refId: p.planId,
        count: unsigned,
      });
    const overdue = mine
      .map((s) => duesOf(s.shareFen, p.schedule, paidOf.get(`${p.planId}/${s.unitId}`) ?? 0, today))
      .filter((d) => d.overdueFen > 0);
    if (overdue.length) {
      const amountFen = overdue.reduce((sum, d) => sum + d.overdueFen, 0);
      items.push({
        kind: 'arrears',
        projectId: p.projectId,
        projectName: p.projectName,
        title: `${overdue.length} 户逾期未缴，共 ${formatYuan(amountFen)} 元`,
        date: overdue.map((d) => d.overdueSince!).sort()[0]!,
        refId: p.planId,
        count: overdue.length,
        amountFen,
      });
    }
  }
  const toClaim = await db
    .select({ ...project, subsidyFen: costPlans.subsidyFen })
    .from(liftProjects)
    .innerJoin(costPlans, and(eq(costPlans.projectId, liftProjects.id), eq(costPlans.status, 'adopted')))
    .leftJoin(subsidyClaims, eq(subsidyClaims.projectId, liftProjects.id))
    .where(
      and(
        scope,
        inArray(liftProjects.stage, ['acceptance', 'in_service']),
        isNull(subsidyClaims.projectId),
        gt(costPlans.subsidyFen, 0),
      ),
    );
  for (const c of toClaim)
    items.push({
      kind: 'subsidy_to_claim',
      projectId: c.projectId,
      projectName: c.projectName,
      title: `准备补贴申请：${formatYuan(c.subsidyFen)} 元`,
      date: null,
      refId: null,
      amountFen: c.subsidyFen,
    });
  return items;
}
