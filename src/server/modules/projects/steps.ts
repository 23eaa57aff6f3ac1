/** A project's own checklist (the method) and approval steps, copied from the street template. */
import { and, asc, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import { APPROVAL_STATUS_LABELS, isSettled, type ApprovalStatus } from '../../../core/approvals.ts';
import { WorkCalendar } from '../../../core/calendar.ts';
import { badInput, notFound } from '../../../core/errors.ts';
import { assertCanWriteCommittee, auditScope, type Access } from '../../platform/access.ts';
import { streetCalendar } from '../calendar/service.ts';
import { changedFields, recordAudit } from '../audit/record.ts';
import type { Db, Queryable } from '../../platform/db/client.ts';
import type { ApprovalStep, Approvals, Bottlenecks, Checklist, ChecklistItem } from './contract.ts';
import { approvalSteps, checklistItems, liftProjects } from './schema.ts';
import { getProject, projectScope } from './service.ts';

// ---------------------------------------------------------------- checklist

export async function getChecklist(db: Queryable, access: Access, projectId: string): Promise<Checklist> {
  await getProject(db, access, projectId);
  const rows = await db
    .select()
    .from(checklistItems)
    .where(eq(checklistItems.projectId, projectId))
    .orderBy(asc(checklistItems.position));
  const groups = new Map<
    string,
    { key: string; name: { zh: string; en: string }; done: number; total: number; items: typeof rows }
  >();
  for (const r of rows) {
    const g = groups.get(r.groupKey) ?? { key: r.groupKey, name: r.groupName, done: 0, total: 0, items: [] };
    g.items.push(r);
    g.total++;
    if (r.doneAt) g.done++;
    groups.set(r.groupKey, g);
  }
  return { groups: [...groups.values()] };
}

export async function tickChecklistItem(
  db: Db,
  access: Access,
  projectId: string,
  itemId: string,
  input: { done: boolean; note?: string | undefined },
): Promise<ChecklistItem> {
  return db.transaction(async (tx) => {
    const project = await getProject(tx, access, projectId);
    assertCanWriteOrAdviser(access, project);
    const [before] = await tx
      .select()
      .from(checklistItems)
      .where(and(eq(checklistItems.id, itemId), eq(checklistItems.projectId, projectId)));
    if (!before) throw notFound({ zh: '清单事项', en: 'Checklist item' });
    const [row] = await tx
      .update(checklistItems)
      .set({
        doneAt: input.done ? (before.doneAt ?? access.now) : null,
        doneByName: input.done ? (before.doneByName ?? access.user.displayName) : null,
        note: input.note ?? before.note,
      })
      .where(eq(checklistItems.id, itemId))
      .returning();
    await recordAudit(tx, access.actor, {
      action: input.done ? 'tick' : 'untick',
      entity: 'checklist_item',
      entityId: itemId,
      projectId,
      ...auditScope(access, project.committeeId),
      summary: before.text.zh,
      ...changedFields(before, row!),
    });
    return row!;
  });
}

/** Committee staff write; the project's own adviser also works its steps. */
export function assertCanWriteOrAdviser(
  access: Access,
  project: { committeeId: string; adviserUserId: string | null },
) {
  if (access.user.role === 'adviser' && project.adviserUserId === access.user.id) return;
  assertCanWriteCommittee(access, project.committeeId);
}

// ---------------------------------------------------------------- approvals

/**
 * A step as shown: its due date by its time limit from when it started (provisional when the limit
 * runs into a year whose holiday arrangement is not confirmed), and whether it is overdue today.
 */
export function presentStep(
  cal: WorkCalendar,
  s: typeof approvalSteps.$inferSelect,
  today: string,
): ApprovalStep {
  const due = s.startedOn ? cal.periodEnd(s.startedOn, s.limitDays, s.dayKind) : null;
  return {
    ...s,
    statusLabel: APPROVAL_STATUS_LABELS[s.status],
    dueOn: due?.end ?? null,
    dueProvisional: due?.provisional ?? false,
    overdue: Boolean(due && !isSettled(s.status) && due.end < today),
  };
}

export async function getApprovals(db: Queryable, access: Access, projectId: string): Promise<Approvals> {
  const project = await getProject(db, access, projectId);
  const cal = await streetCalendar(db, access.streetOf.get(project.committeeId) ?? null);
  const rows = await db
    .select()
    .from(approvalSteps)
    .where(eq(approvalSteps.projectId, projectId))
    .orderBy(asc(approvalSteps.position));
  const steps = rows.map((s) => presentStep(cal, s, access.today));
  return {
    steps,
    remaining: steps.filter((s) => !isSettled(s.status)).length,
    overdue: steps.filter((s) => s.overdue).length,
  };
}

export interface StepPatch {
  status?: ApprovalStatus | undefined;
  startedOn?: string | null | undefined;
  submittedOn?: string | null | undefined;
  doneOn?: string | null | undefined;
  returnedReason?: string | null | undefined;
  note?: string | undefined;
}

export async function updateApprovalStep(
  db: Db,
  access: Access,
  stepId: string,
  patch: StepPatch,
): Promise<ApprovalStep> {
  return db.transaction(async (tx) => {
    const [before] = await tx
      .select()
      .from(approvalSteps)
      .innerJoin(liftProjects, eq(liftProjects.id, approvalSteps.projectId))
      .where(and(eq(approvalSteps.id, stepId), projectScope(access)));
    if (!before) throw notFound({ zh: '审批环节', en: 'Approval step' });
    const step = before.approval_steps;
    assertCanWriteOrAdviser(access, before.lift_projects);
    const status = patch.status ?? step.status;
    if (status === 'not_applicable' && !step.optional)
      throw badInput('status', '该环节不能标为不适用', 'This step cannot be marked not applicable');
    if (status === 'returned' && !(patch.returnedReason ?? step.returnedReason))
      throw badInput('returnedReason', '退回须填写原因', 'A returned step needs the reason');
    const values: Partial<typeof approvalSteps.$inferInsert> = { ...patch, updatedAt: access.now };
    // dates follow the status when staff do not give them
    if (status !== 'pending' && !step.startedOn && patch.startedOn === undefined)
      values.startedOn = access.today;
    if (status === 'submitted' && !step.submittedOn && patch.submittedOn === undefined)
      values.submittedOn = access.today;
    if (status === 'done' && !step.doneOn && patch.doneOn === undefined) values.doneOn = access.today;
    const start = values.startedOn ?? step.startedOn;
    const done = values.doneOn ?? step.doneOn;
    if (start && done && done < start)
      throw badInput('doneOn', '办结日期早于开始日期', 'The done date is before the start date');
    const [row] = await tx.update(approvalSteps).set(values).where(eq(approvalSteps.id, stepId)).returning();
    await recordAudit(tx, access.actor, {
      action: 'update',
      entity: 'approval_step',
      entityId: stepId,
      projectId: step.projectId,
      ...auditScope(access, before.lift_projects.committeeId),
      summary: step.name.zh,
      ...changedFields(step, row!),
    });
    return presentStep(
      await streetCalendar(tx, access.streetOf.get(before.lift_projects.committeeId) ?? null),
      row!,
      access.today,
    );
  });
}

/** Across projects in scope: average and slowest days per step (done steps), the bottleneck table. */
export async function approvalBottlenecks(db: Queryable, access: Access): Promise<Bottlenecks> {
  const rows = await db
    .select({
      key: approvalSteps.key,
      name: approvalSteps.name,
      position: sql<number>`min(${approvalSteps.position})`,
      done: sql<number>`count(*)::int`,
      avgDays: sql<string>`round(avg(${approvalSteps.doneOn} - ${approvalSteps.startedOn}), 1)::text`,
      maxDays: sql<number>`max(${approvalSteps.doneOn} - ${approvalSteps.startedOn})`,
    })
    .from(approvalSteps)
    .innerJoin(liftProjects, eq(liftProjects.id, approvalSteps.projectId))
    .where(
      and(
        projectScope(access),
        eq(approvalSteps.status, 'done'),
        isNotNull(approvalSteps.startedOn),
        isNotNull(approvalSteps.doneOn),
      ),
    )
    .groupBy(approvalSteps.key, approvalSteps.name)
    .orderBy(sql`avg(${approvalSteps.doneOn} - ${approvalSteps.startedOn}) desc`);
  const open = await db
    .select({ key: approvalSteps.key, n: sql<number>`count(*)::int` })
    .from(approvalSteps)
    .innerJoin(liftProjects, eq(liftProjects.id, approvalSteps.projectId))
    .where(and(projectScope(access), inArray(approvalSteps.status, ['in_progress', 'submitted', 'returned'])))
    .groupBy(approvalSteps.key);
  const openBy = new Map(open.map((o) => [o.key, o.n]));
  return {
    items: rows.map((r) => ({
      ...r,
      avgDays: Number(r.avgDays),
      maxDays: Number(r.maxDays),
      inProgress: openBy.get(r.key) ?? 0,
    })),
  };
}
