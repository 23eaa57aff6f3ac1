/**
 * Fault and entrapment reports on a lift in service: recorded from the car's QR code, the
 * household page or by staff, moved along their timeline by staff (one at a time: the row is
 * locked), and measured against the response limits (core/faults.ts).
 */
import { randomBytes } from 'node:crypto';
import { and, count, desc, eq, gt, inArray, isNotNull, isNull, type SQL } from 'drizzle-orm';
import { AppError, badInput, notFound } from '../../../core/errors.ts';
import {
  DEFAULT_LIMITS,
  FAULT_KIND_LABELS,
  FAULT_STEPS,
  faultRefFromRandom,
  LIFT_EMERGENCY_PHONE,
  limitsFor,
  nextStep,
  normaliseFaultRef,
  repeatedFaults,
  REPEAT_FAULT_DAYS,
  responseTimes,
  stepOf,
  stepProblem,
  type FaultStep,
  type ResponseLimits,
  type Timeline,
} from '../../../core/faults.ts';
import { shanghaiDate } from '../../../core/clock.ts';
import { maskName, maskPhone } from '../../../core/privacy.ts';
import { assertCanWriteCommittee, auditScope, type Access } from '../../platform/access.ts';
import type { Actor } from '../../platform/actor.ts';
import type { Db, Queryable } from '../../platform/db/client.ts';
import { recordAudit } from '../audit/record.ts';
import { liftByPublicCode, liftScope } from '../lifts/service.ts';
import { ownersUpkeepOf, promisedResponse } from '../lifts/upkeep.ts';
import { lifts } from '../lifts/schema.ts';
import { liftProjects } from '../projects/schema.ts';
import { committees } from '../registry/schema.ts';
import type { Fault, FaultReportInput, FaultStatus, FaultStepInput, StaffFaultInput } from './contract.ts';
import { liftFaults } from './schema.ts';

type FaultRow = typeof liftFaults.$inferSelect;
type LiftRow = typeof lifts.$inferSelect;

const FAULT = { zh: '报修记录', en: 'Fault report' };

const AT_OF: Record<FaultStep, keyof FaultRow> = {
  reported: 'reportedAt',
  acknowledged: 'acknowledgedAt',
  on_site: 'onSiteAt',
  fixed: 'fixedAt',
  closed: 'closedAt',
};
const BY_OF: Record<FaultStep, keyof FaultRow> = {
  reported: 'reportedByName',
  acknowledged: 'acknowledgedByName',
  on_site: 'onSiteByName',
  fixed: 'fixedByName',
  closed: 'closedByName',
};

export const timelineOf = (row: FaultRow): Timeline => ({
  reported: row.reportedAt,
  acknowledged: row.acknowledgedAt,
  on_site: row.onSiteAt,
  fixed: row.fixedAt,
  closed: row.closedAt,
});

function stepsOf(row: FaultRow) {
  return FAULT_STEPS.filter((s) => row[AT_OF[s]]).map((s) => ({
    step: s,
    at: row[AT_OF[s]] as Date,
    by: String(row[BY_OF[s]] ?? ''),
  }));
}

/** The report's own limit, fixed when it was reported (see the column). */
const limitsOf = (row: FaultRow): ResponseLimits => ({
  ...DEFAULT_LIMITS,
  [row.kind]: row.onSiteLimitMinutes,
});

export function presentFault(row: FaultRow, projectName: string, access: Access, repeated: boolean): Fault {
  const t = timelineOf(row);
  const personal = access.seesPersonalData;
  return {
    id: row.id,
    ref: row.ref,
    liftId: row.liftId,
    projectId: row.projectId,
    projectName,
    committeeId: row.committeeId,
    kind: row.kind,
    channel: row.channel,
    description: row.description,
    fromLabel: row.fromLabel,
    contactName: personal ? row.contactName : (maskName(row.contactName) ?? ''),
    contactPhone: personal ? row.contactPhone : (maskPhone(row.contactPhone) ?? ''),
    reportedAt: row.reportedAt,
    step: stepOf(t),
    nextStep: nextStep(t),
    timeline: stepsOf(row),
    resolution: row.resolution,
    response: responseTimes(row.kind, t, access.now, limitsOf(row)),
    repeated,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

/** What the reporter sees: the steps and their times, nothing of who reported or who acted. */
export function presentStatus(row: FaultRow, liftName: string): FaultStatus {
  return {
    ref: row.ref,
    kind: row.kind,
    liftName,
    step: stepOf(timelineOf(row)),
    reportedAt: row.reportedAt,
    timeline: stepsOf(row).map(({ step, at }) => ({ step, at })),
    resolution: row.resolution,
  };
}

/** The lifts among `liftIds` with REPEAT_FAULT_COUNT reports or more in the last REPEAT_FAULT_DAYS. */
async function repeatedLifts(db: Queryable, liftIds: string[], now: Date): Promise<Set<string>> {
  if (!liftIds.length) return new Set();
  const from = new Date(now.getTime() - REPEAT_FAULT_DAYS * 24 * 3600_000);
  const rows = await db
    .select({ liftId: liftFaults.liftId, reportedAt: liftFaults.reportedAt })
    .from(liftFaults)
    .where(and(inArray(liftFaults.liftId, [...new Set(liftIds)]), gt(liftFaults.reportedAt, from)));
  const byLift = new Map<string, Date[]>();
  for (const r of rows) byLift.set(r.liftId, [...(byLift.get(r.liftId) ?? []), r.reportedAt]);
  return new Set([...byLift].filter(([, ats]) => repeatedFaults(ats, now)).map(([id]) => id));
}

export async function listFaults(
  db: Queryable,
  access: Access,
  q: {
    open?: 'true' | 'false' | undefined;
    kind?: FaultRow['kind'] | undefined;
    committeeId?: string | undefined;
    liftId?: string | undefined;
    page: number;
    pageSize: number;
  },
) {
  const cond = and(
    liftScope(access),
    q.open === 'true' ? isNull(liftFaults.closedAt) : undefined,
    q.open === 'false' ? isNotNull(liftFaults.closedAt) : undefined,
    q.kind ? eq(liftFaults.kind, q.kind) : undefined,
    q.committeeId ? eq(liftFaults.committeeId, q.committeeId) : undefined,
    q.liftId ? eq(liftFaults.liftId, q.liftId) : undefined,
  );
  const [total] = await db
    .select({ n: count() })
    .from(liftFaults)
    .innerJoin(lifts, eq(lifts.id, liftFaults.liftId))
    .where(cond);
  const rows = await db
    .select({ f: liftFaults, projectName: liftProjects.name })
    .from(liftFaults)
    .innerJoin(lifts, eq(lifts.id, liftFaults.liftId))
    .innerJoin(liftProjects, eq(liftProjects.id, liftFaults.projectId))
    .where(cond)
    .orderBy(desc(liftFaults.reportedAt))
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize);
  const repeated = await repeatedLifts(
    db,
    rows.map((r) => r.f.liftId),
    access.now,
  );
  return {
    items: rows.map((r) => presentFault(r.f, r.projectName, access, repeated.has(r.f.liftId))),
    total: total?.n ?? 0,
    page: q.page,
    pageSize: q.pageSize,
  };
}

/** A report the caller sees, or 404 (another committee's is not found). */
async function faultRow(db: Queryable, access: Access, id: string, lock = false) {
  const query = db
    .select({ f: liftFaults })
    .from(liftFaults)
    .innerJoin(lifts, eq(lifts.id, liftFaults.liftId))
    .where(and(eq(liftFaults.id, id), liftScope(access)));
  const [row] = lock ? await query.for('update', { of: liftFaults }) : await query;
  if (!row) throw notFound(FAULT);
  return row.f;
}

const projectNameOf = async (db: Queryable, projectId: string) =>
  (await db.select({ name: liftProjects.name }).from(liftProjects).where(eq(liftProjects.id, projectId)))[0]
    ?.name ?? '';

export async function getFault(db: Queryable, access: Access, id: string): Promise<Fault> {
  const row = await faultRow(db, access, id);
  const repeated = await repeatedLifts(db, [row.liftId], access.now);
  return presentFault(row, await projectNameOf(db, row.projectId), access, repeated.has(row.liftId));
}

const notInService = () =>
  new AppError(
    409,
    'lift_not_in_service',
    '该电梯尚未投入使用，不能报修',
    'This lift is not in service yet; faults cannot be reported',
    'liftId',
  );

/** The lift with its project, when it is in service. */
async function liftInService(db: Queryable, where: SQL) {
  const [row] = await db
    .select({
      lift: lifts,
      projectName: liftProjects.name,
      stage: liftProjects.stage,
      streetId: committees.streetId,
    })
    .from(lifts)
    .innerJoin(liftProjects, eq(liftProjects.id, lifts.projectId))
    .innerJoin(committees, eq(committees.id, lifts.committeeId))
    .where(where);
  return row ?? null;
}

const newRef = () => {
  const bytes = randomBytes(24);
  let i = 0;
  return faultRefFromRandom(() => (i < bytes.length ? bytes[i++]! : randomBytes(1)[0]!));
};

/** Inserts a report with a fresh report number (drawn again in the unlikely case it is taken), audited. */
async function insertFault(
  tx: Queryable,
  actor: Actor,
  found: { lift: LiftRow; projectName: string; streetId: string },
  values: Omit<
    typeof liftFaults.$inferInsert,
    'liftId' | 'projectId' | 'committeeId' | 'ref' | 'onSiteLimitMinutes'
  >,
): Promise<FaultRow> {
  const promised = await promisedResponse(tx, found.lift.id, shanghaiDate(values.reportedAt));
  const onSiteLimitMinutes = limitsFor(promised)[values.kind];
  for (;;) {
    const [row] = await tx
      .insert(liftFaults)
      .values({
        ...values,
        liftId: found.lift.id,
        projectId: found.lift.projectId,
        committeeId: found.lift.committeeId,
        ref: newRef(),
        onSiteLimitMinutes,
        createdAt: actor.at,
        updatedAt: actor.at,
      })
      .onConflictDoNothing({ target: liftFaults.ref })
      .returning();
    if (!row) continue;
    await recordAudit(tx, actor, {
      action: 'fault_report',
      entity: 'lift_fault',
      entityId: row.id,
      projectId: row.projectId,
      committeeId: row.committeeId,
      streetId: found.streetId,
      summary: `${found.projectName}：${FAULT_KIND_LABELS[row.kind].zh}报修 ${row.ref}`,
      after: { ...row, contactName: maskName(row.contactName), contactPhone: maskPhone(row.contactPhone) },
    });
    return row;
  }
}

/** Staff record a report: a phone call taken down, or what they found themselves. */
export async function recordStaffFault(db: Db, access: Access, input: StaffFaultInput): Promise<Fault> {
  const reportedAt = input.reportedAt ? new Date(input.reportedAt) : access.now;
  if (reportedAt.getTime() > access.now.getTime())
    throw badInput('reportedAt', '报修时间不能晚于现在', 'The time of the report cannot be in the future');
  return db.transaction(async (tx) => {
    const found = await liftInService(tx, and(eq(lifts.id, input.liftId), liftScope(access))!);
    if (!found) throw notFound({ zh: '电梯', en: 'Lift' });
    assertCanWriteCommittee(access, found.lift.committeeId);
    if (found.stage !== 'in_service') throw notInService();
    const row = await insertFault(tx, access.actor, found, {
      kind: input.kind,
      channel: input.channel,
      description: input.description,
      contactName: input.contactName ?? '',
      contactPhone: input.contactPhone ?? '',
      reportedAt,
      reportedByName: access.actor.name,
    });
    return presentFault(
      row,
      found.projectName,
      access,
      (await repeatedLifts(tx, [row.liftId], access.now)).has(row.liftId),
    );
  });
}

/**
 * Moves a report one step along its timeline. The row is locked first, so of two staff
 * acknowledging at once one records it and the other is told it is done.
 */
export async function moveFault(db: Db, access: Access, id: string, input: FaultStepInput): Promise<Fault> {
  const at = input.at ? new Date(input.at) : access.now;
  return db.transaction(async (tx) => {
    const before = await faultRow(tx, access, id, true);
    assertCanWriteCommittee(access, before.committeeId);
    const problem = stepProblem(timelineOf(before), input.step, at, access.now);
    if (problem)
      throw problem.code === 'bad_input'
        ? badInput('at', problem.zh, problem.en)
        : new AppError(409, problem.code, problem.zh, problem.en, 'step');
    const resolution = input.resolution ?? before.resolution;
    if (input.step === 'closed' && !resolution.trim())
      throw badInput('resolution', '办结时请填写处理情况', 'Say what was done when closing the report');
    const [row] = (await tx
      .update(liftFaults)
      .set({
        [AT_OF[input.step]]: at,
        [BY_OF[input.step]]: access.actor.name,
        resolution,
        updatedAt: access.now,
      })
      .where(eq(liftFaults.id, id))
      .returning()) as [FaultRow];
    const projectName = await projectNameOf(tx, row.projectId);
    await recordAudit(tx, access.actor, {
      action: `fault_${input.step}`,
      entity: 'lift_fault',
      entityId: row.id,
      projectId: row.projectId,
      ...auditScope(access, row.committeeId),
      summary: `${projectName}：报修 ${row.ref} ${input.step}`,
      before: { step: stepOf(timelineOf(before)), resolution: before.resolution },
      after: { step: input.step, at, resolution },
    });
    return presentFault(
      row,
      projectName,
      access,
      (await repeatedLifts(tx, [row.liftId], access.now)).has(row.liftId),
    );
  });
}

// ---------------------------------------------------------------- no login

export const wrongLiftCode = () =>
  new AppError(
    404,
    'wrong_lift_code',
    '电梯码不正确，请核对轿厢内二维码下方的编码',
    'This lift code is not correct; please check the code under the QR sticker in the car',
    'liftCode',
  );

/** The lift of a car's QR code, in service; a wrong code says so. */
export async function liftOfCode(db: Queryable, liftCode: string) {
  const lift = await liftByPublicCode(db, liftCode);
  const found = lift ? await liftInService(db, eq(lifts.id, lift.id)) : null;
  if (!found) throw wrongLiftCode();
  if (found.stage !== 'in_service') throw notInService();
  return found;
}

/** What the QR page shows before a report: the lift's name and the emergency number. */
export async function publicLiftOf(db: Queryable, liftCode: string, today: string) {
  const found = await liftOfCode(db, liftCode);
  return {
    liftName: found.projectName,
    emergencyPhone: LIFT_EMERGENCY_PHONE,
    upkeep: await ownersUpkeepOf(db, found.lift, today),
  };
}

/** Anyone in the car reports through its QR code: no login, nothing personal required. */
export async function reportByLiftCode(
  db: Db,
  liftCode: string,
  now: Date,
  input: FaultReportInput,
): Promise<FaultStatus> {
  return db.transaction(async (tx) => {
    const found = await liftOfCode(tx, liftCode);
    const row = await insertFault(tx, { userId: null, name: 'lift-code', at: now }, found, {
      kind: input.kind,
      channel: 'lift_code',
      description: input.description,
      contactName: input.contactName ?? '',
      contactPhone: input.contactPhone ?? '',
      reportedAt: now,
      reportedByName: 'lift-code',
    });
    return presentStatus(row, found.projectName);
  });
}

/** A report's status by its number, for whoever holds the lift's code and the number. */
export async function statusByRef(db: Queryable, liftCode: string, ref: string): Promise<FaultStatus> {
  const found = await liftOfCode(db, liftCode);
  const normal = normaliseFaultRef(ref);
  const [row] = normal
    ? await db
        .select()
        .from(liftFaults)
        .where(and(eq(liftFaults.liftId, found.lift.id), eq(liftFaults.ref, normal)))
    : [];
  if (!row)
    throw new AppError(
      404,
      'not_found',
      '没有这个报修单号，请核对',
      'There is no report with this number; please check it',
      'ref',
    );
  return presentStatus(row, found.projectName);
}

/** A household's lift (its project's, once in service), or null. */
export async function liftOfProject(db: Queryable, projectId: string) {
  const found = await liftInService(db, eq(lifts.projectId, projectId));
  return found && found.stage === 'in_service' ? found : null;
}

/** Inserts a report from the household page, in the caller's transaction. */
export async function insertHouseholdFault(
  tx: Queryable,
  actor: Actor,
  found: NonNullable<Awaited<ReturnType<typeof liftOfProject>>>,
  from: { groupId: string; label: string },
  input: FaultReportInput,
) {
  const row = await insertFault(tx, actor, found, {
    kind: input.kind,
    channel: 'household',
    description: input.description,
    fromGroupId: from.groupId,
    fromLabel: from.label,
    contactName: input.contactName ?? '',
    contactPhone: input.contactPhone ?? '',
    reportedAt: actor.at,
    reportedByName: actor.name,
  });
  return presentStatus(row, found.projectName);
}

/** The household's own reports and the lift's open ones, newest first, as statuses. */
export async function householdReports(db: Queryable, liftId: string, liftName: string, groupId: string) {
  const rows = await db
    .select()
    .from(liftFaults)
    .where(eq(liftFaults.liftId, liftId))
    .orderBy(desc(liftFaults.reportedAt))
    .limit(200);
  return rows
    .filter((r) => r.fromGroupId === groupId || !r.closedAt)
    .slice(0, 20)
    .map((r) => ({ ...presentStatus(r, liftName), mine: r.fromGroupId === groupId }));
}
