/**
 * Keeping a lift running (运维保养关): the maintenance contract, visits, the yearly inspection and
 * the insurance of a lift, and where its upkeep stands today (core/upkeep.ts rules).
 */
import { and, asc, desc, eq, gte, ilike, inArray, lte, max, sql } from 'drizzle-orm';
import { badInput } from '../../../core/errors.ts';
import {
  nextInspection,
  nextVisit,
  REMINDER_DAYS,
  termState,
  VISIT_KIND_LABELS,
  INSPECTION_KIND_LABELS,
  visitGaps,
  visitsDue,
  type InspectionKind,
  type InspectionResult,
  type UpkeepReason,
  type VisitKind,
} from '../../../core/upkeep.ts';
import { auditScope, type Access } from '../../platform/access.ts';
import type { Db, Queryable } from '../../platform/db/client.ts';
import { paged } from '../../platform/http.ts';
import { containing } from '../../platform/db/like.ts';
import { recordAudit } from '../audit/record.ts';
import { liftProjects } from '../projects/schema.ts';
import { assertCanWriteOrAdviser } from '../projects/steps.ts';
import type { z } from 'zod';
import type * as c from './contract.ts';
import { liftInspections, liftInsurance, lifts, maintenanceContracts, maintenanceVisits } from './schema.ts';
import { followUpsOf } from './followup.ts';
import { liftInScope, liftScope, presentLift } from './service.ts';

type LiftRow = typeof lifts.$inferSelect;

/** The lift, locked for a write that reads then decides (in the query that finds it); only its committee's staff or its adviser. */
async function liftForWrite(db: Db | Queryable, access: Access, liftId: string) {
  const row = await liftInScope(db, access, liftId, true);
  assertCanWriteOrAdviser(access, { committeeId: row.lift.committeeId, adviserUserId: row.adviserUserId });
  return row;
}

interface UpkeepFacts {
  lift: LiftRow;
  visits: { on: string; kind: VisitKind }[];
  lastInspection: {
    kind: InspectionKind;
    on: string;
    nextDueOn: string | null;
    result: InspectionResult;
  } | null;
  contract: { startsOn: string; endsOn: string; company: string; companyPhone: string } | null;
  insurance: { startsOn: string; endsOn: string } | null;
}

/** Where the upkeep stands today; nothing is due before the lift entered use. */
function statusOf(f: UpkeepFacts, today: string): z.infer<typeof c.upkeepStatus> {
  const since = f.lift.enteredUseOn;
  return {
    nextVisit: since ? nextVisit(visitsDue(f.visits, since, today)) : null,
    nextInspection: since ? nextInspection(f.lift.inspectionPlan, f.lastInspection, since, today) : null,
    contract: termState(f.contract, today, REMINDER_DAYS.contract),
    insurance: termState(f.insurance, today, REMINDER_DAYS.insurance),
  };
}

/** The term in force today, else the latest. */
const currentTerm = <T extends { startsOn: string; endsOn: string }>(terms: T[], today: string) =>
  terms.find((t) => t.startsOn <= today && today <= t.endsOn) ?? terms[0] ?? null;

/** One page per lift: equipment, contract, visits, inspections, insurance, and what is due. */
export async function getLiftPage(db: Queryable, access: Access, liftId: string): Promise<c.LiftPage> {
  const { lift, projectName } = await liftInScope(db, access, liftId);
  const [contracts, visits, inspections, insurance] = await Promise.all([
    db
      .select()
      .from(maintenanceContracts)
      .where(eq(maintenanceContracts.liftId, liftId))
      .orderBy(desc(maintenanceContracts.startsOn)),
    db
      .select()
      .from(maintenanceVisits)
      .where(eq(maintenanceVisits.liftId, liftId))
      .orderBy(desc(maintenanceVisits.on))
      .limit(101),
    db
      .select()
      .from(liftInspections)
      .where(eq(liftInspections.liftId, liftId))
      .orderBy(desc(liftInspections.on)),
    db
      .select()
      .from(liftInsurance)
      .where(eq(liftInsurance.liftId, liftId))
      .orderBy(desc(liftInsurance.startsOn)),
  ]);
  const today = access.today;
  const since = lift.enteredUseOn ?? lift.createdAt.toISOString().slice(0, 10);
  // the 101st visit only gives the 100th its gap
  const gaps = visitGaps(visits, visits.length > 100 ? visits.at(-1)!.on : since);
  const shown = gaps.slice(visits.length > 100 ? 1 : 0).reverse();
  const facts: UpkeepFacts = {
    lift,
    visits,
    lastInspection: inspections[0] ?? null,
    contract: currentTerm(contracts, today),
    insurance: currentTerm(insurance, today),
  };
  return {
    lift: presentLift(lift, projectName),
    status: statusOf(facts, today),
    visitsDue: lift.enteredUseOn ? visitsDue(visits, lift.enteredUseOn, today) : [],
    contracts: contracts.map((k) => ({ ...k, state: termState(k, today, REMINDER_DAYS.contract) })),
    visits: shown,
    inspections,
    insurance: insurance.map((p) => ({ ...p, state: termState(p, today, REMINDER_DAYS.insurance) })),
    followUp: await followUpsOf(db, lift, today),
  };
}

/**
 * The lifts in scope, a page at a time, each with where its upkeep stands. The page is taken
 * first; the facts are read for its lifts only (one grouped query each), so a city's lifts are
 * not all computed to show fifty.
 */
export async function listLifts(
  db: Queryable,
  access: Access,
  q: z.infer<typeof c.liftListQuery>,
): Promise<z.infer<typeof c.liftList>> {
  const where = and(
    liftScope(access),
    q.q ? ilike(liftProjects.name, containing(q.q)) : undefined,
    q.inService ? eq(liftProjects.stage, 'in_service') : undefined,
  );
  const base = db
    .select({ lift: lifts, projectName: liftProjects.name })
    .from(lifts)
    .innerJoin(liftProjects, eq(liftProjects.id, lifts.projectId))
    .where(where)
    .orderBy(asc(liftProjects.name), asc(lifts.id));
  // "overdue" is computed from the rules, so that filter reads the scope's lifts (a street's few
  // hundred) and pages after; without it the page is taken in SQL
  const rows = q.attention ? await base : await base.limit(q.pageSize).offset((q.page - 1) * q.pageSize);
  const [{ n } = { n: 0 }] = q.attention
    ? [{ n: rows.length }]
    : await db
        .select({ n: sql<number>`count(*)::int` })
        .from(lifts)
        .innerJoin(liftProjects, eq(liftProjects.id, lifts.projectId))
        .where(where);
  const facts = await factsOf(
    db,
    rows.map((r) => r.lift),
    access.today,
  );
  let items = rows.map((r, i) => ({
    id: r.lift.id,
    projectId: r.lift.projectId,
    projectName: r.projectName,
    committeeId: r.lift.committeeId,
    registrationCode: r.lift.registrationCode,
    enteredUseOn: r.lift.enteredUseOn,
    status: statusOf(facts[i]!, access.today),
  }));
  if (q.attention) {
    items = items.filter((l) => needsAttention(l.status));
    return paged(
      items.slice((q.page - 1) * q.pageSize, q.page * q.pageSize),
      items.length,
      q.page,
      q.pageSize,
    );
  }
  return paged(items, n, q.page, q.pageSize);
}

export const needsAttention = (s: z.infer<typeof c.upkeepStatus>) =>
  (s.nextVisit?.daysOverdue ?? 0) > 0 ||
  s.nextInspection?.state === 'overdue' ||
  (s.nextVisit !== null && (s.contract === 'ended' || s.contract === 'none' || s.insurance === 'ended'));

/** The facts of these lifts' upkeep, read with one grouped query per kind. */
export async function factsOf(db: Queryable, rows: LiftRow[], today: string): Promise<UpkeepFacts[]> {
  const ids = rows.map((r) => r.id);
  if (!ids.length) return [];
  const [visits, inspections, contracts, insurance] = await Promise.all([
    db
      .select({
        liftId: maintenanceVisits.liftId,
        kind: maintenanceVisits.kind,
        on: max(maintenanceVisits.on),
      })
      .from(maintenanceVisits)
      .where(inArray(maintenanceVisits.liftId, ids))
      .groupBy(maintenanceVisits.liftId, maintenanceVisits.kind),
    db
      .selectDistinctOn([liftInspections.liftId], {
        liftId: liftInspections.liftId,
        kind: liftInspections.kind,
        on: liftInspections.on,
        nextDueOn: liftInspections.nextDueOn,
        result: liftInspections.result,
      })
      .from(liftInspections)
      .where(inArray(liftInspections.liftId, ids))
      .orderBy(liftInspections.liftId, desc(liftInspections.on)),
    db
      .select({
        liftId: maintenanceContracts.liftId,
        startsOn: maintenanceContracts.startsOn,
        endsOn: maintenanceContracts.endsOn,
        company: maintenanceContracts.company,
        companyPhone: maintenanceContracts.companyPhone,
      })
      .from(maintenanceContracts)
      .where(inArray(maintenanceContracts.liftId, ids))
      .orderBy(desc(maintenanceContracts.startsOn)),
    db
      .select({
        liftId: liftInsurance.liftId,
        startsOn: liftInsurance.startsOn,
        endsOn: liftInsurance.endsOn,
      })
      .from(liftInsurance)
      .where(inArray(liftInsurance.liftId, ids))
      .orderBy(desc(liftInsurance.startsOn)),
  ]);
  return rows.map((lift) => ({
    lift,
    // the last visit of each kind is all the due dates need
    visits: visits.filter((v) => v.liftId === lift.id && v.on).map((v) => ({ kind: v.kind, on: v.on! })),
    lastInspection: inspections.find((i) => i.liftId === lift.id) ?? null,
    contract: currentTerm(
      contracts.filter((k) => k.liftId === lift.id),
      today,
    ),
    insurance: currentTerm(
      insurance.filter((p) => p.liftId === lift.id),
      today,
    ),
  }));
}

/** The owners' view of a lift's upkeep (household page, the car's QR page): see c.ownersUpkeep. */
export async function ownersUpkeepOf(db: Queryable, lift: LiftRow, today: string): Promise<c.OwnersUpkeep> {
  const [facts] = await factsOf(db, [lift], today);
  const f = facts!;
  const since = lift.enteredUseOn;
  // a contract that has ended (or not begun) maintains nothing: the owners are not sent to call it
  const inForce = termState(f.contract, today, REMINDER_DAYS.contract);
  const maintainer = inForce === 'active' || inForce === 'ending' ? f.contract : null;
  return {
    registrationCode: lift.registrationCode,
    maintainer: maintainer && { company: maintainer.company, phone: maintainer.companyPhone },
    lastVisitOn: f.visits.reduce<string | null>((last, v) => (last && last > v.on ? last : v.on), null),
    // owners are told of the 15-day rule (the half-monthly visit); longer kinds are staff's concern
    visitOverdue: since
      ? visitsDue(f.visits, since, today).some((d) => d.kind === 'half_monthly' && d.daysOverdue > 0)
      : false,
    lastInspection: f.lastInspection && {
      kind: f.lastInspection.kind,
      on: f.lastInspection.on,
      result: f.lastInspection.result,
    },
    inspectionValidUntil: since
      ? nextInspection(lift.inspectionPlan, f.lastInspection, since, today).due
      : null,
    useUnit: lift.useUnitName ? { name: lift.useUnitName, phone: lift.useUnitPhone } : null,
  };
}

/**
 * The response times promised by the maintenance contract in force on `day` (the latest signed
 * when two overlap), or null without one: a fault report's limit is fixed from it (faults module).
 */
export async function promisedResponse(db: Queryable, liftId: string, day: string) {
  const [row] = await db
    .select({
      fault: maintenanceContracts.faultResponseMinutes,
      entrapment: maintenanceContracts.entrapmentResponseMinutes,
    })
    .from(maintenanceContracts)
    .where(
      and(
        eq(maintenanceContracts.liftId, liftId),
        lte(maintenanceContracts.startsOn, day),
        gte(maintenanceContracts.endsOn, day),
      ),
    )
    .orderBy(desc(maintenanceContracts.startsOn))
    .limit(1);
  return row ?? null;
}

// ---------------------------------------------------------------- writes

export async function addContract(
  db: Db,
  access: Access,
  liftId: string,
  input: z.infer<typeof c.contractBody>,
) {
  return db.transaction(async (tx) => {
    const { lift, projectName } = await liftForWrite(tx, access, liftId);
    const [row] = await tx
      .insert(maintenanceContracts)
      .values({ ...input, liftId, createdAt: access.now })
      .returning();
    await recordAudit(tx, access.actor, {
      action: 'maintenance_contract_add',
      entity: 'lift',
      entityId: liftId,
      projectId: lift.projectId,
      ...auditScope(access, lift.committeeId),
      summary: `维保合同：${projectName}，${input.company}，${input.startsOn} 至 ${input.endsOn}`,
      before: null,
      after: input,
    });
    return { ...row!, state: termState(row!, access.today, REMINDER_DAYS.contract) };
  });
}

export async function addVisit(db: Db, access: Access, liftId: string, input: z.infer<typeof c.visitBody>) {
  return db.transaction(async (tx) => {
    const { lift, projectName } = await liftForWrite(tx, access, liftId);
    checkNotFuture(input.on, access.today, 'on');
    const [row] = await tx
      .insert(maintenanceVisits)
      .values({ ...input, liftId, byName: access.user.displayName, createdAt: access.now })
      .returning();
    await recordAudit(tx, access.actor, {
      action: 'maintenance_visit_add',
      entity: 'lift',
      entityId: liftId,
      projectId: lift.projectId,
      ...auditScope(access, lift.committeeId),
      summary: `${VISIT_KIND_LABELS[input.kind].zh}：${projectName}，${input.on}，${input.technician}`,
      before: null,
      after: input,
    });
    const [previous] = await tx
      .select({ on: maintenanceVisits.on })
      .from(maintenanceVisits)
      .where(and(eq(maintenanceVisits.liftId, liftId), sql`${maintenanceVisits.on} < ${input.on}`))
      .orderBy(desc(maintenanceVisits.on))
      .limit(1);
    const [gap] = visitGaps([row!], previous?.on ?? lift.enteredUseOn ?? input.on);
    return gap!;
  });
}

export async function addInspection(
  db: Db,
  access: Access,
  liftId: string,
  input: z.infer<typeof c.inspectionBody>,
) {
  return db.transaction(async (tx) => {
    const { lift, projectName } = await liftForWrite(tx, access, liftId);
    checkNotFuture(input.on, access.today, 'on');
    const [row] = await tx
      .insert(liftInspections)
      .values({
        ...input,
        nextDueOn: input.nextDueOn ?? null,
        liftId,
        byName: access.user.displayName,
        createdAt: access.now,
      })
      .returning();
    await recordAudit(tx, access.actor, {
      action: 'lift_inspection_add',
      entity: 'lift',
      entityId: liftId,
      projectId: lift.projectId,
      ...auditScope(access, lift.committeeId),
      summary: `${INSPECTION_KIND_LABELS[input.kind].zh}：${projectName}，${input.on}`,
      before: null,
      after: input,
    });
    return row!;
  });
}

export async function addInsurance(
  db: Db,
  access: Access,
  liftId: string,
  input: z.infer<typeof c.insuranceBody>,
) {
  return db.transaction(async (tx) => {
    const { lift, projectName } = await liftForWrite(tx, access, liftId);
    const [row] = await tx
      .insert(liftInsurance)
      .values({ ...input, liftId, createdAt: access.now })
      .returning();
    await recordAudit(tx, access.actor, {
      action: 'lift_insurance_add',
      entity: 'lift',
      entityId: liftId,
      projectId: lift.projectId,
      ...auditScope(access, lift.committeeId),
      summary: `电梯安全责任保险：${projectName}，${input.insurer} ${input.policyNo}，至 ${input.endsOn}`,
      before: null,
      after: input,
    });
    return { ...row!, state: termState(row!, access.today, REMINDER_DAYS.insurance) };
  });
}

/** A visit or an inspection has happened: not after today (a week's grace would hide typos). */
function checkNotFuture(on: string, today: string, field: string) {
  if (on > today)
    throw badInput(field, `日期不能晚于今天（${today}）`, `The date cannot be after today (${today})`);
}

/**
 * The upkeep the work list asks for, per lift in service: a visit overdue, an inspection due within
 * a month or overdue, a contract or insurance ending or ended; each with the date it is about.
 */
export async function upkeepWork(db: Queryable, access: Access) {
  const rows = await db
    .select({ lift: lifts, projectName: liftProjects.name })
    .from(lifts)
    .innerJoin(liftProjects, eq(liftProjects.id, lifts.projectId))
    .where(and(liftScope(access), sql`${lifts.enteredUseOn} is not null`));
  const facts = await factsOf(
    db,
    rows.map((r) => r.lift),
    access.today,
  );
  const out: {
    liftId: string;
    projectId: string;
    projectName: string;
    reason: UpkeepReason;
    date: string | null;
  }[] = [];
  rows.forEach((r, i) => {
    const f = facts[i]!;
    const s = statusOf(f, access.today);
    const item = (reason: UpkeepReason, date: string | null) =>
      out.push({ liftId: r.lift.id, projectId: r.lift.projectId, projectName: r.projectName, reason, date });
    if (s.nextVisit && s.nextVisit.daysOverdue > 0) item('visit', s.nextVisit.due);
    if (s.nextInspection && s.nextInspection.state !== 'ok') item('inspection', s.nextInspection.due);
    if (s.contract !== 'active') item('contract', f.contract?.endsOn ?? null);
    if (s.insurance !== 'active') item('insurance', f.insurance?.endsOn ?? null);
  });
  return out;
}
