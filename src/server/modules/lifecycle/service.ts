/** Stage changes of a project, guarded by the entry criteria of core/lifecycle. */
import { and, asc, count, eq, sql } from 'drizzle-orm';
import { isSettled } from '../../../core/approvals.ts';
import {
  checkEntry,
  ENTRY_CRITERIA,
  nextStage,
  STRUCTURAL_BLOCKERS,
  type ProjectFacts,
  MIN_REASON_CHARS,
} from '../../../core/lifecycle.ts';
import { AppError, badInput } from '../../../core/errors.ts';
import { STAGE_LABELS, type Stage } from '../../../core/stages.ts';
import { auditScope, type Access } from '../../platform/access.ts';
import { recordAudit } from '../audit/record.ts';
import type { Db, Queryable } from '../../platform/db/client.ts';
import { consultations } from '../consent/schema.ts';
import { noticeFacts } from '../notices/facts.ts';
import { approvalSteps, checklistItems, liftProjects } from '../projects/schema.ts';
import { getProject, lockProject } from '../projects/service.ts';
import { assertCanWriteOrAdviser } from '../projects/steps.ts';
import { worksFacts } from '../works/facts.ts';
import { ensureMilestones } from '../works/service.ts';
import type { StageChange, StageStatus } from './contract.ts';
import { stageChanges } from './schema.ts';

/** What the system knows about a project, for its entry criteria. */
export async function projectFacts(
  db: Queryable,
  projectId: string,
  stage: Stage,
  today: string,
): Promise<ProjectFacts> {
  const [vote] = await db
    .select({ n: count() })
    .from(consultations)
    .where(
      and(
        eq(consultations.projectId, projectId),
        eq(consultations.kind, 'vote'),
        eq(consultations.status, 'closed'),
        sql`(${consultations.result} -> 'outcome' ->> 'passed')::boolean`,
      ),
    );
  const steps = await db
    .select({ status: approvalSteps.status })
    .from(approvalSteps)
    .where(eq(approvalSteps.projectId, projectId));
  const [open] = await db
    .select({ n: count() })
    .from(checklistItems)
    .where(
      and(
        eq(checklistItems.projectId, projectId),
        eq(checklistItems.stage, stage),
        sql`${checklistItems.doneAt} is null`,
      ),
    );
  return {
    votePassed: (vote?.n ?? 0) > 0,
    ...(await noticeFacts(db, projectId, today)),
    approvalsRemaining: steps.filter((s) => !isSettled(s.status)).length,
    checklistOpen: open?.n ?? 0,
    ...(await worksFacts(db, projectId)),
  };
}

/** Where the project stands, what the next stage needs, and its history. */
export async function stageStatus(db: Queryable, access: Access, projectId: string): Promise<StageStatus> {
  const project = await getProject(db, access, projectId);
  const stage = project.stage;
  const facts = await projectFacts(db, projectId, stage, access.today);
  const next = stage === 'paused' ? project.pausedFrom : nextStage(stage);
  const check = next ? checkEntry(stage, next, facts, [], project.pausedFrom as Stage | undefined) : null;
  const history = await db
    .select()
    .from(stageChanges)
    .where(eq(stageChanges.projectId, projectId))
    .orderBy(asc(stageChanges.at));
  return {
    stage,
    pausedFrom: project.pausedFrom,
    facts,
    next: next && {
      stage: next,
      label: STAGE_LABELS[next],
      criteria: ENTRY_CRITERIA[next].map((c) => ({
        id: c.id,
        kind: c.kind,
        label: c.label,
        met: c.kind === 'system' ? c.met!(facts) : null,
      })),
      blockers: check!.blockers,
    },
    history,
  };
}

export interface StageChangeInput {
  to: Stage;
  /** staff criteria the user confirms */
  confirmed?: string[] | undefined;
  /** a written reason: needed to override unmet criteria, and to pause or withdraw */
  reason?: string | undefined;
  override?: boolean | undefined;
  on?: string | undefined;
}

/**
 * Moves a project to another stage. Unmet criteria refuse the move, each named with its reason,
 * unless staff override with a written reason — recorded on the project and in the audit log.
 */
export async function changeStage(
  db: Db,
  access: Access,
  projectId: string,
  input: StageChangeInput,
): Promise<StageChange> {
  return db.transaction(async (tx) => {
    await lockProject(tx, access, projectId);
    const project = await getProject(tx, access, projectId);
    assertCanWriteOrAdviser(access, project);
    const from = project.stage;
    const reason = input.reason?.trim() ?? '';
    if (
      (input.to === 'paused' || input.to === 'withdrawn' || input.override) &&
      reason.length < MIN_REASON_CHARS
    )
      throw badInput(
        'reason',
        `请写明理由（至少 ${MIN_REASON_CHARS} 个字）`,
        `Write the reason (at least ${MIN_REASON_CHARS} characters)`,
      );
    const facts = await projectFacts(tx, projectId, from, access.today);
    const check = checkEntry(from, input.to, facts, input.confirmed ?? [], project.pausedFrom ?? undefined);
    const structural = check.blockers.filter((b) => STRUCTURAL_BLOCKERS.includes(b.id));
    if (structural.length || (!check.allowed && !input.override)) {
      const list = structural.length ? structural : check.blockers;
      throw new AppError(
        409,
        'stage_blocked',
        `不能进入“${STAGE_LABELS[input.to].zh}”：${list.map((b) => b.label.zh).join('；')}`,
        `Cannot enter “${STAGE_LABELS[input.to].en}”: ${list.map((b) => b.label.en).join('; ')}`,
        'to',
        { blockers: list },
      );
    }
    const on = input.on ?? access.today;
    const overridden = check.allowed ? [] : check.blockers.map(({ id, label }) => ({ id, label }));
    const dates: Partial<typeof liftProjects.$inferInsert> = {};
    if (input.to === 'consultation' && !project.consultationOn) dates.consultationOn = on;
    if (input.to === 'construction' && !project.worksStartedOn) dates.worksStartedOn = on;
    if (input.to === 'in_service' && !project.completedOn) dates.completedOn = on;
    // the works begin with the street's milestones, planned from their first day
    if (input.to === 'construction') await ensureMilestones(tx, project, project.worksStartedOn ?? on);
    await tx
      .update(liftProjects)
      .set({
        stage: input.to,
        pausedFrom: input.to === 'paused' ? from : null,
        ...dates,
        updatedAt: access.now,
      })
      .where(eq(liftProjects.id, projectId));
    const [change] = await tx
      .insert(stageChanges)
      .values({
        projectId,
        fromStage: from,
        toStage: input.to,
        on,
        confirmed: input.confirmed ?? [],
        overridden,
        reason,
        byUserId: access.user.id,
        byName: access.user.displayName,
        at: access.now,
      })
      .returning();
    await recordAudit(tx, access.actor, {
      action: overridden.length ? 'stage_override' : 'stage_change',
      entity: 'project',
      entityId: projectId,
      projectId,
      ...auditScope(access, project.committeeId),
      summary: `${STAGE_LABELS[from].zh} → ${STAGE_LABELS[input.to].zh}${reason ? `：${reason}` : ''}`,
      before: { stage: from },
      after: { stage: input.to, confirmed: input.confirmed ?? [], overridden, reason },
    });
    return change!;
  });
}
