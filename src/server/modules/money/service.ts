/** Cost plans, what-if comparison, adoption, sign-offs and payments of a project (issue 5). */
import { shanghaiDate } from '../../../core/clock.ts';
import ExcelJS from 'exceljs';
import { and, asc, desc, eq, inArray, max, ne, sum } from 'drizzle-orm';
import { formatAreaM2 } from '../../../core/area.ts';
import { badInput, conflict, notFound } from '../../../core/errors.ts';
import { SchemeError, shareCosts, type Scheme } from '../../../core/money/schemes.ts';
import { amountToShareFen as amountToShare } from '../../../core/money/breakdown.ts';
import { findSubsidyRule, subsidyFen, type SubsidyRule } from '../../../core/money/subsidy.ts';
import { templateOfCommittee } from '../projects/templates.ts';
import { parseScaled } from '../../../core/money/decimal.ts';
import { duesOf, paymentProblem, type PaymentMethod } from '../../../core/money/payments.ts';
import { maskName } from '../../../core/privacy.ts';
import { auditScope, type Access } from '../../platform/access.ts';
import { recordAudit } from '../audit/record.ts';
import type { Db, Queryable, Tx } from '../../platform/db/client.ts';
import { storeScan } from '../files/service.ts';
import { getProject, lockProject } from '../projects/service.ts';
import { assertCanWriteOrAdviser } from '../projects/steps.ts';
import { unitOwners, persons, units } from '../registry/schema.ts';
import type { PaymentStatus, PaymentUnit, PlanDetail } from './contract.ts';
import { consultations } from '../consent/schema.ts';
import { costPlans, costShares, payments, type Instalment, type PlanLine } from './schema.ts';

const PLAN = { zh: '费用方案', en: 'Cost plan' };

export interface PlanInput {
  name: string;
  constructionFen: number;
  otherCosts?: PlanLine[] | undefined;
  subsidy?: { ruleId: string } | { rate: string; capFen: number | null } | null | undefined;
  otherFunds?: PlanLine[] | undefined;
  compensations?: { unitId: string; fen: number; note?: string | undefined }[] | undefined;
  scheme: Scheme;
  schedule?: Instalment[] | undefined;
  runningCostRule?: string | undefined;
}

/** The stairwell's units, the plan's electorate of payers. */
async function stairwellUnits(db: Queryable, stairwellId: string) {
  return db
    .select({ id: units.id, floor: units.floor, room: units.room, areaCenti: units.areaCenti })
    .from(units)
    .where(eq(units.stairwellId, stairwellId))
    .orderBy(asc(units.floor), asc(units.room));
}

/** Computes a plan's figures: subsidy, amount to share, and each unit's share. */
export function computePlan(
  input: PlanInput,
  unitRows: { id: string; floor: number; room: string; areaCenti: number }[],
  streetRules: readonly SubsidyRule[] = [],
) {
  const byId = (id: string) => streetRules.find((r) => r.id === id) ?? findSubsidyRule(id);
  const rule = input.subsidy && 'ruleId' in input.subsidy ? byId(input.subsidy.ruleId) : input.subsidy;
  if (input.subsidy && !rule) throw badInput('subsidy.ruleId', '未知的补贴规则', 'Unknown subsidy rule');
  if (rule && (parseScaled(rule.rate) ?? 10n ** 9n) > 10_000n)
    throw badInput('subsidy.rate', '补贴比例应在 0 到 1 之间', 'The subsidy rate must be between 0 and 1');
  const ids = new Set(unitRows.map((u) => u.id));
  (input.compensations ?? []).forEach((c, i) => {
    if (!ids.has(c.unitId))
      throw badInput(
        `compensations.${i}.unitId`,
        '补偿对象不是本单元的房屋',
        'The compensated unit is not in this stairwell',
      );
  });
  if (input.schedule?.length) {
    const pct = input.schedule.reduce((s, i) => s + (parseScaled(i.percent) ?? 0n), 0n);
    if (pct !== 100n * 10_000n)
      throw badInput('schedule', '各期比例之和须为 100', 'The instalment percentages must add up to 100');
  }
  const subsidy = rule ? subsidyFen(input.constructionFen, rule) : 0;
  const amountToShareFen = amountToShare({
    constructionFen: input.constructionFen,
    otherCosts: input.otherCosts ?? [],
    compensations: input.compensations ?? [],
    subsidyFen: subsidy,
    otherFunds: input.otherFunds ?? [],
  });
  let shares: number[];
  try {
    shares = shareCosts(amountToShareFen, unitRows, input.scheme);
  } catch (err) {
    if (err instanceof SchemeError) throw badInput(err.field, err.zh, err.en);
    throw err;
  }
  const comp = new Map<string, number>();
  for (const c of input.compensations ?? []) comp.set(c.unitId, (comp.get(c.unitId) ?? 0) + c.fen);
  const rows = unitRows.map((u, i) => ({
    unitId: u.id,
    floor: u.floor,
    room: u.room,
    areaCenti: u.areaCenti,
    areaM2: formatAreaM2(u.areaCenti),
    shareFen: shares[i]!,
    compensationFen: comp.get(u.id) ?? 0,
  }));
  const perFloor = new Map<number, number>();
  for (const r of rows) perFloor.set(r.floor, (perFloor.get(r.floor) ?? 0) + r.shareFen);
  const paying = rows.filter((r) => r.shareFen > 0).map((r) => r.shareFen);
  return {
    subsidy: rule
      ? { ruleId: 'id' in rule ? (rule.id as string) : null, rate: rule.rate, capFen: rule.capFen }
      : null,
    subsidyFen: subsidy,
    amountToShareFen,
    shares: rows,
    perFloor: [...perFloor].sort(([a], [b]) => a - b).map(([floor, fen]) => ({ floor, fen })),
    /** the spread between the largest and the smallest paying share */
    spreadFen: paying.length ? Math.max(...paying) - Math.min(...paying) : 0,
  };
}

export async function listPlans(db: Queryable, access: Access, projectId: string) {
  await getProject(db, access, projectId);
  return db
    .select()
    .from(costPlans)
    .where(eq(costPlans.projectId, projectId))
    .orderBy(desc(costPlans.version));
}

/** A plan the caller may see (through its project), with the project. */
export async function planWithProject(db: Queryable, access: Access, planId: string) {
  const [plan] = await db.select().from(costPlans).where(eq(costPlans.id, planId));
  if (!plan) throw notFound(PLAN);
  const project = await getProject(db, access, plan.projectId).catch(() => {
    throw notFound(PLAN);
  });
  return { plan, project };
}

/** A plan with its shares: computed live on the stairwell for a draft, frozen (and signed off) once adopted. */
export async function getPlan(db: Queryable, access: Access, planId: string): Promise<PlanDetail> {
  const { plan, project } = await planWithProject(db, access, planId);
  if (plan.status === 'draft') {
    const computed = computePlan(planInput(plan), await stairwellUnits(db, project.stairwellId));
    return {
      plan,
      project,
      shares: computed.shares.map((s) => ({ ...s, signedAt: null, signedChannel: null })),
      computed,
    };
  }
  const frozen = await db
    .select()
    .from(costShares)
    .where(eq(costShares.planId, planId))
    .orderBy(asc(costShares.floor), asc(costShares.room));
  return {
    plan,
    project,
    shares: frozen.map((s) => ({ ...s, areaM2: formatAreaM2(s.areaCenti) })),
    computed: null,
  };
}

/**
 * Some units' shares in a plan: frozen (with their sign-offs) once adopted, computed on the
 * stairwell as the plan stands while a draft — what they would pay if it were adopted.
 */
/** Every unit's share under the plan: computed live on the stairwell for a draft, frozen once adopted. */
export async function sharesOfPlan(db: Queryable, plan: typeof costPlans.$inferSelect, stairwellId: string) {
  if (plan.status === 'draft')
    return computePlan(planInput(plan), await stairwellUnits(db, stairwellId)).shares.map((s) => ({
      ...s,
      signedAt: null,
      signedChannel: null,
    }));
  return db
    .select()
    .from(costShares)
    .where(eq(costShares.planId, plan.id))
    .orderBy(asc(costShares.floor), asc(costShares.room));
}

/** The name and source of a subsidy rule the street offers, for owners to look up. */
export async function subsidyPolicy(db: Queryable, committeeId: string, ruleId: string) {
  const rules = (await templateOfCommittee(db, committeeId)).subsidyRules;
  const rule = rules.find((r) => r.id === ruleId) ?? findSubsidyRule(ruleId);
  return rule ? { name: rule.name, source: rule.source } : null;
}

const planInput = (p: typeof costPlans.$inferSelect): PlanInput => ({
  name: p.name,
  constructionFen: p.constructionFen,
  otherCosts: p.otherCosts,
  subsidy: p.subsidy ? { rate: p.subsidy.rate, capFen: p.subsidy.capFen } : null,
  otherFunds: p.otherFunds,
  compensations: p.compensations,
  scheme: p.scheme,
  schedule: p.schedule,
  runningCostRule: p.runningCostRule,
});

/** A new draft version of the project's plan. */
export async function createPlan(db: Db, access: Access, projectId: string, input: PlanInput) {
  return db.transaction(async (tx) => {
    await lockProject(tx, access, projectId); // the next version number is read, then taken
    const project = await getProject(tx, access, projectId);
    assertCanWriteOrAdviser(access, project);
    const figures = computePlan(
      input,
      await stairwellUnits(tx, project.stairwellId),
      (await templateOfCommittee(tx, project.committeeId)).subsidyRules,
    );
    const [last] = await tx
      .select({ v: max(costPlans.version) })
      .from(costPlans)
      .where(eq(costPlans.projectId, projectId));
    const [row] = await tx
      .insert(costPlans)
      .values({
        projectId,
        committeeId: project.committeeId,
        version: (last?.v ?? 0) + 1,
        name: input.name,
        constructionFen: input.constructionFen,
        otherCosts: input.otherCosts ?? [],
        subsidy: figures.subsidy,
        otherFunds: input.otherFunds ?? [],
        compensations: (input.compensations ?? []).map((c) => ({
          unitId: c.unitId,
          fen: c.fen,
          note: c.note ?? '',
        })),
        scheme: input.scheme,
        schedule: input.schedule ?? [],
        createdAt: access.now,
        runningCostRule: input.runningCostRule ?? '',
        subsidyFen: figures.subsidyFen,
        amountToShareFen: figures.amountToShareFen,
        createdByName: access.user.displayName,
      })
      .returning();
    await recordAudit(tx, access.actor, {
      action: 'create',
      entity: 'cost_plan',
      entityId: row!.id,
      projectId,
      ...auditScope(access, project.committeeId),
      summary: `${input.name}（第 ${row!.version} 版）`,
      after: {
        scheme: input.scheme,
        subsidyFen: figures.subsidyFen,
        amountToShareFen: figures.amountToShareFen,
      },
    });
    return { plan: row!, ...figures };
  });
}

/** Two to four schemes side by side on the project's real stairwell; nothing is stored. */
export async function whatIf(
  db: Queryable,
  access: Access,
  projectId: string,
  base: Omit<PlanInput, 'scheme' | 'name'>,
  schemes: { name: string; scheme: Scheme }[],
) {
  const project = await getProject(db, access, projectId);
  const unitRows = await stairwellUnits(db, project.stairwellId);
  const streetRules = (await templateOfCommittee(db, project.committeeId)).subsidyRules;
  return {
    units: unitRows.map((u) => ({ ...u, areaM2: formatAreaM2(u.areaCenti) })),
    schemes: schemes.map((s, i) => {
      try {
        return {
          name: s.name,
          scheme: s.scheme,
          ...computePlan({ ...base, name: s.name, scheme: s.scheme }, unitRows, streetRules),
        };
      } catch (err) {
        const e = err as { field?: string };
        if (e.field) Object.assign(e, { field: `schemes.${i}.${e.field}` });
        throw err;
      }
    }),
  };
}

/**
 * A plan the caller may change, its project's row held until the transaction ends: writes that
 * read the project's plans and then decide (adopting, putting to a vote) go one after another.
 */
async function writablePlanLocked(tx: Tx, access: Access, planId: string) {
  const [ref] = await tx
    .select({ projectId: costPlans.projectId })
    .from(costPlans)
    .where(eq(costPlans.id, planId));
  if (ref) await lockProject(tx, access, ref.projectId);
  const found = await planWithProject(tx, access, planId);
  assertCanWriteOrAdviser(access, found.project);
  return found;
}

/**
 * Adopts a draft: its shares are frozen per unit, an earlier adopted version becomes superseded.
 * Under the project's row lock, so adoptions of one project go one after another (and the
 * unique index cost_plans_one_adopted refuses a second adopted plan from any other path).
 */
export async function adoptPlan(db: Db, access: Access, planId: string) {
  return db.transaction(async (tx) => {
    const { plan, project } = await writablePlanLocked(tx, access, planId);
    if (plan.status !== 'draft') throw conflict('只有草稿可以通过', 'Only a draft can be adopted');
    const figures = computePlan(planInput(plan), await stairwellUnits(tx, project.stairwellId));
    await tx
      .update(costPlans)
      .set({ status: 'superseded' })
      .where(and(eq(costPlans.projectId, plan.projectId), eq(costPlans.status, 'adopted')));
    await tx
      .update(costPlans)
      .set({
        status: 'adopted',
        adoptedAt: access.now,
        adoptedByName: access.user.displayName,
        subsidyFen: figures.subsidyFen,
        amountToShareFen: figures.amountToShareFen,
      })
      .where(eq(costPlans.id, planId));
    await tx.insert(costShares).values(
      figures.shares.map((s) => ({
        planId,
        unitId: s.unitId,
        floor: s.floor,
        room: s.room,
        areaCenti: s.areaCenti,
        shareFen: s.shareFen,
        compensationFen: s.compensationFen,
      })),
    );
    await recordAudit(tx, access.actor, {
      action: 'adopt',
      entity: 'cost_plan',
      entityId: planId,
      projectId: plan.projectId,
      ...auditScope(access, plan.committeeId),
      summary: `${plan.name}（第 ${plan.version} 版）`,
      after: { amountToShareFen: figures.amountToShareFen, subsidyFen: figures.subsidyFen },
    });
    return getPlan(tx, access, planId);
  });
}

/**
 * Puts a plan to one of the project's consultations (or withdraws it): while that vote is open its
 * owners see what they would pay under this plan. A consultation shows one plan, so another plan
 * put to it before is withdrawn; under the project's row lock, so two choices go one after another.
 */
export async function putToVote(db: Db, access: Access, planId: string, consultationId: string | null) {
  return db.transaction(async (tx) => {
    const { plan } = await writablePlanLocked(tx, access, planId);
    if (plan.status === 'superseded')
      throw conflict('已被新版本取代的方案不能交付表决', 'A superseded plan cannot be put to a vote');
    if (consultationId) {
      const [c] = await tx
        .select({ projectId: consultations.projectId, status: consultations.status })
        .from(consultations)
        .where(eq(consultations.id, consultationId));
      if (!c || c.projectId !== plan.projectId)
        throw badInput('consultationId', '这不是本项目的征询', 'This is not a consultation of this project');
      if (c.status === 'closed')
        throw conflict('征询已结束，不能再交付表决', 'The consultation has closed; nothing can be put to it');
      await tx
        .update(costPlans)
        .set({ consultationId: null })
        .where(and(eq(costPlans.consultationId, consultationId), ne(costPlans.id, planId)));
    }
    await tx.update(costPlans).set({ consultationId }).where(eq(costPlans.id, planId));
    await recordAudit(tx, access.actor, {
      action: consultationId ? 'put_to_vote' : 'withdraw_from_vote',
      entity: 'cost_plan',
      entityId: planId,
      projectId: plan.projectId,
      ...auditScope(access, plan.committeeId),
      summary: `${plan.name}（第 ${plan.version} 版）`,
      before: { consultationId: plan.consultationId },
      after: { consultationId },
    });
    return getPlan(tx, access, planId);
  });
}

/**
 * The unit's share in the adopted plan, its row held until the transaction ends: a payment or a
 * sign-off decided on what was paid or signed cannot interleave with another one of the unit.
 */
async function lockAdoptedShare(tx: Tx, planId: string, unitId: string) {
  const [row] = await tx
    .select()
    .from(costShares)
    .innerJoin(costPlans, eq(costPlans.id, costShares.planId))
    .where(and(eq(costShares.planId, planId), eq(costShares.unitId, unitId), eq(costPlans.status, 'adopted')))
    .for('update', { of: costShares });
  if (!row)
    throw badInput('unitId', '该房屋没有已通过方案中的分摊额', 'This unit has no share in an adopted plan');
  return row;
}

/** Staff record an owner's paper sign-off of their share, with the scan. */
export async function recordSignOff(
  db: Db,
  access: Access,
  planId: string,
  unitId: string,
  scan: { name: string; content: Buffer },
) {
  return db.transaction(async (tx) => {
    const { plan, project } = await planWithProject(tx, access, planId);
    assertCanWriteOrAdviser(access, project);
    const share = await lockAdoptedShare(tx, planId, unitId);
    // a sign-off is an owner's act: recording it again would overwrite the first (and its scan)
    if (share.cost_shares.signedAt)
      throw conflict(
        `该户已于 ${shanghaiDate(share.cost_shares.signedAt)} ${share.cost_shares.signedChannel === 'online' ? '在线' : '纸质'}签认，不能重复登记`,
        `This household already signed off (${share.cost_shares.signedChannel}) on ${shanghaiDate(share.cost_shares.signedAt)}; it cannot be recorded again`,
        'unitId',
      );
    const file = await storeScan(tx, access, {
      ...scan,
      ownerEntity: 'cost_share',
      committeeId: plan.committeeId,
      projectId: project.id,
    });
    await tx
      .update(costShares)
      .set({
        signedAt: access.now,
        signedChannel: 'paper',
        signedDocumentId: file.id,
        signedByName: access.user.displayName,
      })
      .where(eq(costShares.id, share.cost_shares.id));
    await recordAudit(tx, access.actor, {
      action: 'sign_off',
      entity: 'cost_plan',
      entityId: planId,
      projectId: project.id,
      ...auditScope(access, plan.committeeId),
      after: { unitId, channel: 'paper', document: file.sha256 },
    });
    return { unitId, signedChannel: 'paper' as const };
  });
}

export interface PaymentInput {
  unitId: string;
  amountFen: number;
  paidOn: string;
  method: PaymentMethod;
  receiptNo: string;
  providentFund?: boolean | undefined;
  note?: string | undefined;
}

export async function recordPayment(db: Db, access: Access, planId: string, input: PaymentInput) {
  return db.transaction(async (tx) => {
    const { plan, project } = await planWithProject(tx, access, planId);
    assertCanWriteOrAdviser(access, project);
    const share = await lockAdoptedShare(tx, planId, input.unitId);
    const [paid] = await tx
      .select({ fen: sum(payments.amountFen).mapWith(Number) })
      .from(payments)
      .where(and(eq(payments.planId, planId), eq(payments.unitId, input.unitId)));
    const problem = paymentProblem(input, share.cost_shares.shareFen - (paid?.fen ?? 0), access.today);
    if (problem) throw badInput(problem.field, problem.zh, problem.en);
    const [row] = await tx
      .insert(payments)
      .values({
        planId,
        ...input,
        providentFund: input.providentFund ?? input.method === 'provident_fund',
        note: input.note ?? '',
        recordedByName: access.user.displayName,
      })
      .returning();
    await recordAudit(tx, access.actor, {
      action: 'payment',
      entity: 'cost_plan',
      entityId: planId,
      projectId: project.id,
      ...auditScope(access, plan.committeeId),
      after: row,
    });
    return row!;
  });
}

/** Per unit: share, paid, outstanding, signed; arrears are the units still owing. */
export async function paymentStatus(db: Queryable, access: Access, planId: string): Promise<PaymentStatus> {
  const { plan } = await planWithProject(db, access, planId);
  const shares = await db
    .select()
    .from(costShares)
    .where(eq(costShares.planId, planId))
    .orderBy(asc(costShares.floor), asc(costShares.room));
  const paid = await db
    .select({ unitId: payments.unitId, fen: sum(payments.amountFen).mapWith(Number) })
    .from(payments)
    .where(eq(payments.planId, planId))
    .groupBy(payments.unitId);
  const paidBy = new Map(paid.map((p) => [p.unitId, p.fen]));
  const owners = shares.length
    ? await db
        .select({ unitId: unitOwners.unitId, name: persons.name })
        .from(unitOwners)
        .innerJoin(persons, eq(persons.id, unitOwners.personId))
        .where(
          inArray(
            unitOwners.unitId,
            shares.map((s) => s.unitId),
          ),
        )
    : [];
  const today = access.today;
  const rows = shares.map((s): PaymentUnit => {
    const p = paidBy.get(s.unitId) ?? 0;
    const { dues, overdueFen } = duesOf(s.shareFen, plan.schedule, p, today);
    return {
      unitId: s.unitId,
      floor: s.floor,
      room: s.room,
      owners: owners
        .filter((o) => o.unitId === s.unitId)
        .map((o) => (access.seesPersonalData ? o.name : maskName(o.name)!)),
      shareFen: s.shareFen,
      dues,
      paidFen: p,
      outstandingFen: s.shareFen - p,
      overdueFen,
      signed: Boolean(s.signedAt),
      state: s.shareFen === 0 ? 'exempt' : p >= s.shareFen ? 'paid' : p > 0 ? 'partial' : 'unpaid',
    };
  });
  return {
    plan,
    units: rows,
    arrears: rows.filter((r) => r.outstandingFen > 0),
    totals: {
      shareFen: rows.reduce((s, r) => s + r.shareFen, 0),
      paidFen: rows.reduce((s, r) => s + r.paidFen, 0),
    },
  };
}

/** Payments and arrears as an Excel sheet (amounts in yuan with two decimals, as text-safe numbers). */
export async function paymentsWorkbook(db: Queryable, access: Access, planId: string) {
  const status = await paymentStatus(db, access, planId);
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('缴款与欠款');
  sheet.columns = [
    { header: '楼层', key: 'floor', width: 6 },
    { header: '室号', key: 'room', width: 8 },
    { header: '业主', key: 'owners', width: 18 },
    { header: '应出资（元）', key: 'share', width: 14 },
    { header: '已缴（元）', key: 'paid', width: 14 },
    { header: '欠缴（元）', key: 'outstanding', width: 14 },
    { header: '已签认', key: 'signed', width: 8 },
  ];
  // fen → yuan by integer division for the cell text; Excel shows the number with two decimals
  const yuanCell = (fen: number) => ({
    formula: `${Math.trunc(fen / 100)}+${fen % 100}/100`,
    result: Number(`${Math.trunc(fen / 100)}.${String(Math.abs(fen % 100)).padStart(2, '0')}`),
  });
  for (const u of status.units)
    sheet.addRow({
      floor: u.floor,
      room: u.room,
      owners: u.owners.join('、'),
      share: yuanCell(u.shareFen),
      paid: yuanCell(u.paidFen),
      outstanding: yuanCell(u.outstandingFen),
      signed: u.signed ? '是' : '否',
    });
  for (const key of ['share', 'paid', 'outstanding']) sheet.getColumn(key).numFmt = '#,##0.00';
  sheet.getRow(1).font = { bold: true };
  return {
    fileName: `${status.plan.name}-缴款.xlsx`,
    buffer: Buffer.from(await workbook.xlsx.writeBuffer()),
  };
}
