/**
 * Objections (异议) to a notice, as staff take them down, answer them and list them; escalation to
 * mediation is the mediation module's. Owners raise their own through resident.ts.
 */
import type { ObjectionStatus } from '../../../core/notices.ts';
import { and, count, desc, eq, inArray, or } from 'drizzle-orm';
import { AppError, badInput, conflict, notFound } from '../../../core/errors.ts';
import { assertCanWriteCommittee, auditScope, type Access } from '../../platform/access.ts';
import { recordAudit } from '../audit/record.ts';
import type { Db, Queryable } from '../../platform/db/client.ts';
import { consultations, electorUnits } from '../consent/schema.ts';
import { liftProjects } from '../projects/schema.ts';
import { projectScope } from '../projects/service.ts';
import { buildings, stairwells, units } from '../registry/schema.ts';
import type { Objection, ObjectionListItem } from './contract.ts';
import { notices, objections } from './schema.ts';
import { OBJECTION, presentObjection, type NoticeRow, noticePhase, objectionRecord } from './present.ts';
import { writableNotice } from './service.ts';

/** An objection the caller sees (through its project). */
export async function objectionRow(db: Queryable, access: Access, id: string) {
  const [row] = await db
    .select({ o: objections, notice: notices })
    .from(objections)
    .innerJoin(notices, eq(notices.id, objections.noticeId))
    .innerJoin(liftProjects, eq(liftProjects.id, objections.projectId))
    .where(and(eq(objections.id, id), projectScope(access)));
  if (!row) throw notFound(OBJECTION);
  return row;
}

export async function listObjections(
  db: Queryable,
  access: Access,
  q: {
    projectId?: string | undefined;
    committeeId?: string | undefined;
    status?: ObjectionStatus | undefined;
    page: number;
    pageSize: number;
  },
): Promise<{ items: ObjectionListItem[]; total: number }> {
  const cond = and(
    projectScope(access),
    q.projectId ? eq(objections.projectId, q.projectId) : undefined,
    q.committeeId ? eq(objections.committeeId, q.committeeId) : undefined,
    q.status ? eq(objections.status, q.status) : undefined,
  );
  const [total] = await db
    .select({ n: count() })
    .from(objections)
    .innerJoin(liftProjects, eq(liftProjects.id, objections.projectId))
    .where(cond);
  const rows = await db
    .select({ o: objections, noticeTitle: notices.title, projectName: liftProjects.name })
    .from(objections)
    .innerJoin(notices, eq(notices.id, objections.noticeId))
    .innerJoin(liftProjects, eq(liftProjects.id, objections.projectId))
    .where(cond)
    .orderBy(desc(objections.createdAt))
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize);
  return {
    items: rows.map((r) => ({
      ...presentObjection(r.o, access),
      noticeTitle: r.noticeTitle,
      projectName: r.projectName,
    })),
    total: total?.n ?? 0,
  };
}

// ---------------------------------------------------------------- objections

/** Unit ids that belong to a project: its stairwell's, and those of its consultations' electorates. */
export async function projectUnits(
  db: Queryable,
  project: { id: string; stairwellId: string },
  unitIds: string[],
) {
  if (!unitIds.length) return new Map<string, string>();
  const rows = await db
    .select({ id: units.id, room: units.room, stairwell: stairwells.name, building: buildings.name })
    .from(units)
    .innerJoin(stairwells, eq(stairwells.id, units.stairwellId))
    .innerJoin(buildings, eq(buildings.id, stairwells.buildingId))
    .where(
      and(
        inArray(units.id, unitIds),
        or(
          eq(units.stairwellId, project.stairwellId),
          inArray(
            units.id,
            db
              .select({ id: electorUnits.unitId })
              .from(electorUnits)
              .innerJoin(consultations, eq(consultations.id, electorUnits.consultationId))
              .where(eq(consultations.projectId, project.id)),
          ),
        ),
      ),
    );
  return new Map(rows.map((r) => [r.id, `${r.building}${r.stairwell} ${r.room}室`]));
}

export const notTaking = (n: NoticeRow, today: string) => {
  const phase = noticePhase(n, today);
  if (phase === 'superseded')
    return new AppError(
      409,
      'notice_superseded',
      '该公示已被新的公示取代，请对新的公示提出意见',
      'This notice has been replaced by a new one; please respond to the new notice',
      'noticeId',
    );
  if (phase === 'draft')
    return conflict(
      '公示尚未张贴，不能登记异议',
      'The notice is not posted yet; objections cannot be recorded',
      'noticeId',
    );
  if (phase === 'upcoming' || phase === 'ended')
    return new AppError(
      409,
      'outside_period',
      `不在公示期内：本公示自 ${n.startOn} 起，至 ${n.endsOn} 止接受意见`,
      `Outside the notice period: this notice takes objections from ${n.startOn} to ${n.endsOn}`,
      'noticeId',
    );
  return null;
};

export interface StaffObjectionInput {
  text: string;
  fromUnitId?: string | undefined;
  fromName?: string | undefined;
  receivedOn?: string | undefined;
}

/**
 * Staff enter an objection received in writing or in person. A letter may arrive after the
 * period (postmarked within it), so only the date it was received is checked: not before the
 * notice started, not in the future.
 */
export async function addStaffObjection(
  db: Db,
  access: Access,
  noticeId: string,
  input: StaffObjectionInput,
): Promise<Objection> {
  return db.transaction(async (tx) => {
    const { n } = await writableNotice(tx, access, noticeId);
    if (n.status !== 'posted')
      throw conflict(
        '公示尚未张贴，不能登记异议',
        'The notice is not posted yet; objections cannot be recorded',
        'noticeId',
      );
    const today = access.today;
    const receivedOn = input.receivedOn ?? today;
    if (receivedOn > today)
      throw badInput('receivedOn', '收到日期不能晚于今天', 'The date received cannot be in the future');
    if (receivedOn < n.startOn)
      throw badInput(
        'receivedOn',
        `收到日期早于公示开始日期 ${n.startOn}`,
        `The date received is before the notice started (${n.startOn})`,
      );
    let fromLabel = '';
    if (input.fromUnitId) {
      const [project] = await tx
        .select({ id: liftProjects.id, stairwellId: liftProjects.stairwellId })
        .from(liftProjects)
        .where(eq(liftProjects.id, n.projectId));
      const label = (await projectUnits(tx, project!, [input.fromUnitId])).get(input.fromUnitId);
      if (!label)
        throw badInput('fromUnitId', '该房屋不在本项目范围内', 'This unit is not within the project');
      fromLabel = label;
    }
    const [row] = await tx
      .insert(objections)
      .values({
        noticeId,
        projectId: n.projectId,
        committeeId: n.committeeId,
        channel: 'staff',
        fromUnitId: input.fromUnitId ?? null,
        fromLabel,
        fromName: input.fromName ?? '',
        text: input.text,
        receivedOn,
        createdByName: access.user.displayName,
      })
      .returning();
    await recordAudit(tx, access.actor, {
      action: 'create',
      entity: 'objection',
      entityId: row!.id,
      projectId: n.projectId,
      ...auditScope(access, n.committeeId),
      summary: `${n.title}：登记异议 ${fromLabel}`.trim(),
      after: objectionRecord(row!),
    });
    return presentObjection(row!, access);
  });
}

/** Staff answer an objection; `settled` records that the objector accepts the answer. */
export async function answerObjection(
  db: Db,
  access: Access,
  id: string,
  input: { answer: string; settled: boolean },
): Promise<Objection> {
  return db.transaction(async (tx) => {
    const { o } = await objectionRow(tx, access, id);
    assertCanWriteCommittee(access, o.committeeId);
    if (o.status === 'escalated')
      throw conflict(
        '该异议正在调解中，请在调解结案时处理',
        'This objection is in mediation; settle it by closing the mediation case',
      );
    if (o.status === 'settled' || o.status === 'withdrawn')
      throw conflict('该异议已经办结', 'This objection is already resolved');
    const now = access.now;
    const [row] = await tx
      .update(objections)
      .set({
        answer: input.answer,
        answeredAt: now,
        answeredByName: access.user.displayName,
        status: input.settled ? 'settled' : 'answered',
        settledAt: input.settled ? now : null,
        updatedAt: now,
      })
      .where(eq(objections.id, id))
      .returning();
    await recordAudit(tx, access.actor, {
      action: 'answer',
      entity: 'objection',
      entityId: id,
      projectId: o.projectId,
      ...auditScope(access, o.committeeId),
      summary: input.settled ? '答复异议（已化解）' : '答复异议（未化解）',
      before: { status: o.status, answer: o.answer },
      after: { status: row!.status, answer: row!.answer },
    });
    return presentObjection(row!, access);
  });
}
