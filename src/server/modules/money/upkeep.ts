/** After completion: the subsidy claim and the yearly running costs shared among the users. */
import { and, asc, eq, inArray } from 'drizzle-orm';
import { badInput, conflict, notFound } from '../../../core/errors.ts';
import { SchemeError, shareCosts, type Scheme } from '../../../core/money/schemes.ts';
import { auditScope, type Access } from '../../platform/access.ts';
import { changedFields, recordAudit } from '../audit/record.ts';
import type { Db, Queryable } from '../../platform/db/client.ts';
import { documentsOf } from '../projects/documents.ts';
import { liftProjects } from '../projects/schema.ts';
import { getProject, projectScope } from '../projects/service.ts';
import { assertCanWriteOrAdviser } from '../projects/steps.ts';
import { units } from '../registry/schema.ts';
import { paymentProblem, type PaymentMethod } from '../../../core/money/payments.ts';
import type { Stage } from '../../../core/stages.ts';
import type { SubsidyClaimAnswer } from './contract.ts';
import {
  costPlans,
  runningBillPayments,
  runningBills,
  runningCostYears,
  subsidyClaims,
  type PlanLine,
} from './schema.ts';

const CLAIM_ORDER = ['prepared', 'submitted', 'approved', 'received'] as const;
type ClaimStatus = (typeof CLAIM_ORDER)[number];

/** The claim with its amount computed from the adopted plan (null before a plan is adopted). */
export async function getSubsidyClaim(
  db: Queryable,
  access: Access,
  projectId: string,
): Promise<SubsidyClaimAnswer> {
  return claimOf(db, await getProject(db, access, projectId));
}

async function claimOf(db: Queryable, project: { id: string; stage: Stage }): Promise<SubsidyClaimAnswer> {
  const [plan] = await db
    .select()
    .from(costPlans)
    .where(and(eq(costPlans.projectId, project.id), eq(costPlans.status, 'adopted')));
  const [claim] = await db.select().from(subsidyClaims).where(eq(subsidyClaims.projectId, project.id));
  // the claim's papers live in the project's document library under their own category
  const documents = await documentsOf(db, project.id, 'subsidy');
  return {
    projectId: project.id,
    stage: project.stage,
    amountFen: plan?.subsidyFen ?? null,
    planVersion: plan?.version ?? null,
    claim: claim ?? null,
    documents,
  };
}

export interface ClaimInput {
  status: ClaimStatus;
  preparedOn?: string | null | undefined;
  submittedOn?: string | null | undefined;
  approvedOn?: string | null | undefined;
  receivedOn?: string | null | undefined;
  grantedFen?: number | null | undefined;
  note?: string | undefined;
}

/** Moves the claim along prepared → submitted → approved → received; linked to acceptance. */
export async function saveSubsidyClaim(db: Db, access: Access, projectId: string, input: ClaimInput) {
  return db.transaction(async (tx) => {
    const project = await getProject(tx, access, projectId);
    assertCanWriteOrAdviser(access, project);
    const current = await claimOf(tx, project);
    if (current.amountFen === null)
      throw conflict(
        '费用方案尚未通过，无法计算补贴金额',
        'No adopted cost plan yet: the subsidy cannot be computed',
        'status',
      );
    if (input.status !== 'prepared' && !['acceptance', 'in_service'].includes(project.stage))
      throw conflict(
        '补贴在验收阶段之后申请',
        'The subsidy is claimed from the acceptance stage on',
        'status',
      );
    // each step's date: as given, else as recorded; the steps after the status have none (going back clears them)
    const reached = CLAIM_ORDER.indexOf(input.status);
    const given: Record<ClaimStatus, string | null | undefined> = {
      prepared: input.preparedOn,
      submitted: input.submittedOn,
      approved: input.approvedOn,
      received: input.receivedOn,
    };
    const dates = CLAIM_ORDER.map((s, i) =>
      i > reached ? null : given[s] === undefined ? (current.claim?.[`${s}On`] ?? null) : given[s],
    );
    const today = access.today;
    let previousOn: string | null = null;
    for (const [i, s] of CLAIM_ORDER.entries()) {
      const on = dates[i];
      if (i <= reached && i > 0 && !on)
        throw badInput(`${s}On`, '请填写该环节的日期', 'Give the date of this step');
      if (!on) continue;
      if (on > today) throw badInput(`${s}On`, '日期不能晚于今天', 'The date cannot be after today');
      if (previousOn && on < previousOn)
        throw badInput(
          `${s}On`,
          `日期不能早于上一环节（${previousOn}）`,
          `The date cannot be before the previous step's (${previousOn})`,
        );
      previousOn = on;
    }
    const [preparedOn, submittedOn, approvedOn, receivedOn] = dates;
    const values = {
      projectId,
      committeeId: project.committeeId,
      ...input,
      preparedOn,
      submittedOn,
      approvedOn,
      receivedOn,
      updatedAt: access.now,
    };
    const [row] = await tx
      .insert(subsidyClaims)
      .values(values)
      .onConflictDoUpdate({ target: subsidyClaims.projectId, set: values })
      .returning();
    await recordAudit(tx, access.actor, {
      action: current.claim ? 'update' : 'create',
      entity: 'subsidy_claim',
      entityId: projectId,
      projectId,
      ...auditScope(access, project.committeeId),
      ...changedFields(
        (current.claim ?? {}) as Record<string, unknown>,
        row! as unknown as Record<string, unknown>,
      ),
    });
    return { ...current, claim: row! };
  });
}

export async function listRunningCosts(db: Queryable, access: Access, projectId: string) {
  await getProject(db, access, projectId);
  const years = await db
    .select()
    .from(runningCostYears)
    .where(eq(runningCostYears.projectId, projectId))
    .orderBy(asc(runningCostYears.year));
  if (years.length === 0) return { years: [] };
  const yearIds = years.map((y) => y.id);
  const bills = await db
    .select()
    .from(runningBills)
    .where(inArray(runningBills.yearId, yearIds))
    .orderBy(asc(runningBills.floor), asc(runningBills.room));
  // each bill with its payments (method and receipt), oldest first
  const paid = await db
    .select({
      billId: runningBillPayments.billId,
      amountFen: runningBillPayments.amountFen,
      paidOn: runningBillPayments.paidOn,
      method: runningBillPayments.method,
      receiptNo: runningBillPayments.receiptNo,
    })
    .from(runningBillPayments)
    .innerJoin(runningBills, eq(runningBills.id, runningBillPayments.billId))
    .where(inArray(runningBills.yearId, yearIds))
    .orderBy(asc(runningBillPayments.createdAt));
  return {
    years: years.map((y) => {
      const ofYear = bills.filter((b) => b.yearId === y.id);
      return {
        ...y,
        bills: ofYear.map((b) => ({
          ...b,
          payments: paid.filter((p) => p.billId === b.id).map(({ billId: _, ...p }) => p),
        })),
        collectedFen: ofYear.reduce((s, b) => s + b.paidFen, 0),
      };
    }),
  };
}

/** A year's running costs, billed per unit by a scheme (often only the floors that use the lift). */
export async function addRunningCostYear(
  db: Db,
  access: Access,
  projectId: string,
  input: { year: number; items: PlanLine[]; scheme: Scheme },
) {
  return db.transaction(async (tx) => {
    const project = await getProject(tx, access, projectId);
    assertCanWriteOrAdviser(access, project);
    const [exists] = await tx
      .select({ id: runningCostYears.id })
      .from(runningCostYears)
      .where(and(eq(runningCostYears.projectId, projectId), eq(runningCostYears.year, input.year)));
    if (exists)
      throw conflict(
        `${input.year} 年的运行费用已登记`,
        `Running costs of ${input.year} are already recorded`,
        'year',
      );
    const unitRows = await tx
      .select({ id: units.id, floor: units.floor, room: units.room, areaCenti: units.areaCenti })
      .from(units)
      .where(eq(units.stairwellId, project.stairwellId))
      .orderBy(asc(units.floor), asc(units.room));
    const totalFen = input.items.reduce((s, i) => s + i.fen, 0);
    let amounts: number[];
    try {
      amounts = shareCosts(totalFen, unitRows, input.scheme);
    } catch (err) {
      if (err instanceof SchemeError) throw badInput(err.field, err.zh, err.en);
      throw err;
    }
    const [year] = await tx
      .insert(runningCostYears)
      .values({
        projectId,
        committeeId: project.committeeId,
        year: input.year,
        items: input.items,
        scheme: input.scheme,
        totalFen,
        createdByName: access.user.displayName,
        // the app's clock, not the database's: the lift's history dates the bill by it
        createdAt: access.now,
      })
      .returning();
    await tx.insert(runningBills).values(
      unitRows.map((u, i) => ({
        yearId: year!.id,
        unitId: u.id,
        floor: u.floor,
        room: u.room,
        amountFen: amounts[i]!,
      })),
    );
    await recordAudit(tx, access.actor, {
      action: 'create',
      entity: 'running_costs',
      entityId: year!.id,
      projectId,
      ...auditScope(access, project.committeeId),
      summary: `${input.year} 年运行费用`,
      after: { totalFen, items: input.items },
    });
    return (await listRunningCosts(tx, access, projectId)).years.find((y) => y.id === year!.id)!;
  });
}

export async function payRunningBill(
  db: Db,
  access: Access,
  billId: string,
  input: { amountFen: number; paidOn: string; method: PaymentMethod; receiptNo: string },
) {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select({ bill: runningBills, project: liftProjects })
      .from(runningBills)
      .innerJoin(runningCostYears, eq(runningCostYears.id, runningBills.yearId))
      .innerJoin(liftProjects, eq(liftProjects.id, runningCostYears.projectId))
      .where(and(eq(runningBills.id, billId), projectScope(access)))
      // two payments at once must not both see the same amount still owed
      .for('update', { of: runningBills });
    if (!row) throw notFound({ zh: '账单', en: 'Bill' });
    assertCanWriteOrAdviser(access, row.project);
    const problem = paymentProblem(input, row.bill.amountFen - row.bill.paidFen, access.today);
    if (problem) throw badInput(problem.field, problem.zh, problem.en);
    const [payment] = await tx
      .insert(runningBillPayments)
      .values({ billId, ...input, recordedByName: access.user.displayName })
      .returning();
    const [bill] = await tx
      .update(runningBills)
      .set({
        paidFen: row.bill.paidFen + input.amountFen,
        lastPaidOn: input.paidOn,
        lastReceiptNo: input.receiptNo,
      })
      .where(eq(runningBills.id, billId))
      .returning();
    await recordAudit(tx, access.actor, {
      action: 'payment',
      entity: 'running_bill',
      entityId: billId,
      projectId: row.project.id,
      ...auditScope(access, row.project.committeeId),
      after: payment,
    });
    return { ...bill!, payment: payment! };
  });
}
