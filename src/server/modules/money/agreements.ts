/**
 * The lift agreement (加装电梯协议书): the street's clauses filled for the project (core/agreement.ts)
 * in Word, whole and per household, and on the household code page — one filling for both.
 */
import { and, desc, eq, isNull } from 'drizzle-orm';
import { fillAgreement, schemeText, type AgreementFacts } from '../../../core/agreement.ts';
import { formatAreaM2 } from '../../../core/area.ts';
import { shanghaiDate } from '../../../core/clock.ts';
import { AppError, badInput, conflict, notFound } from '../../../core/errors.ts';
import { householdActor } from '../../platform/actor.ts';
import { recordAudit } from '../audit/record.ts';
import type { Visitor } from '../../platform/http.ts';
import type { Access } from '../../platform/access.ts';
import type { Db, Queryable } from '../../platform/db/client.ts';
import { heading, para, table, wordFile } from '../../platform/word.ts';
import { resolveCode } from '../household/codes.ts';
import type { PresentedCode } from '../../platform/code-keys.ts';
import { electorUnits } from '../consent/schema.ts';
import { lifts } from '../lifts/schema.ts';
import { liftProjects } from '../projects/schema.ts';
import { committees, streets } from '../registry/schema.ts';
import { agreementTemplateOfStreet } from './agreement-template.ts';
import { costPlans, costShares, runningCostYears } from './schema.ts';
import { planWithProject, sharesOfPlan, subsidyPolicy } from './service.ts';
import { formatYuan } from '../../../core/money/decimal.ts';
import { costLines, lineLabel, totalCostFen, type CostLine } from '../../../core/money/breakdown.ts';

/** The plan's sum in one sentence: the total cost, what is taken off it (only what the plan has), the owners' part. */
function sumSentence(lines: readonly CostLine[]) {
  const costFen = totalCostFen(lines);
  const ownersFen = lines.at(-1)!.fen;
  const off = lines.filter((l) => l.sign === 'subtract');
  return {
    zh: `加装电梯总费用 ${formatYuan(costFen)} 元${off.length ? `，扣除${off.map((l) => `${l.label.zh} ${formatYuan(l.fen)} 元`).join('、')}后` : ''}，由全体业主共同分摊 ${formatYuan(ownersFen)} 元。`,
    en: `The lift costs ${formatYuan(costFen)} yuan in all${off.length ? `; less ${off.map((l) => `${l.label.en} of ${formatYuan(l.fen)} yuan`).join(' and ')}` : ''}, all owners share ${formatYuan(ownersFen)} yuan.`,
  };
}

function explain(
  plan: typeof costPlans.$inferSelect,
  share: { shareFen: number; compensationFen: number; areaCenti: number; floor: number },
) {
  const s = schemeText(plan.scheme);
  const sum = sumSentence(costLines(plan));
  return {
    zh: `${sum.zh}${s.zh}您家在 ${share.floor} 层、面积 ${formatAreaM2(share.areaCenti)} ㎡，应出资 ${formatYuan(share.shareFen)} 元${share.compensationFen ? `，另获补偿 ${formatYuan(share.compensationFen)} 元` : ''}。`,
    en: `${sum.en} ${s.en} Your flat is on floor ${share.floor}, ${formatAreaM2(share.areaCenti)} m²: your share is ${formatYuan(share.shareFen)} yuan${share.compensationFen ? `, and you receive ${formatYuan(share.compensationFen)} yuan compensation` : ''}.`,
  };
}

async function agreementBody(db: Queryable, access: Access, planId: string) {
  const { plan, project } = await planWithProject(db, access, planId);
  if (plan.status === 'draft')
    throw badInput('id', '方案尚未通过，不能生成协议书', 'The plan is not adopted; no agreement yet');
  return { plan, project, shares: await sharesOfPlan(db, plan, project.stairwellId) };
}

type Share = { room: string; floor: number; areaCenti: number; shareFen: number; compensationFen: number };

/**
 * What the clauses are filled with: the project, its committee and street, the plan and its
 * shares, the lift's use unit when recorded, and the latest year of running costs.
 */
async function agreementFiller(
  db: Queryable,
  plan: typeof costPlans.$inferSelect,
  shares: readonly Share[],
  today: string,
) {
  const [where] = await db
    .select({
      project: liftProjects.name,
      committee: committees.name,
      street: streets.name,
      streetId: streets.id,
    })
    .from(liftProjects)
    .innerJoin(committees, eq(committees.id, liftProjects.committeeId))
    .innerJoin(streets, eq(streets.id, committees.streetId))
    .where(eq(liftProjects.id, plan.projectId));
  const [lift] = await db
    .select({ kind: lifts.useUnitKind, name: lifts.useUnitName })
    .from(lifts)
    .where(eq(lifts.projectId, plan.projectId));
  const [running] = await db
    .select({ year: runningCostYears.year, scheme: runningCostYears.scheme })
    .from(runningCostYears)
    .where(eq(runningCostYears.projectId, plan.projectId))
    .orderBy(desc(runningCostYears.year))
    .limit(1);
  const facts: Omit<AgreementFacts, 'household'> = {
    project: where!.project,
    street: where!.street,
    committee: where!.committee,
    plan,
    units: shares.length,
    payingUnits: shares.filter((s) => s.shareFen > 0).length,
    useUnit: lift ?? null,
    runningCosts: running ?? null,
    today,
  };
  const template = await agreementTemplateOfStreet(db, where!.streetId);
  // null: the whole agreement, each household's figures in its table
  return (household: Share | null) => fillAgreement(template, { ...facts, household });
}

/** The filled clauses as Word paragraphs: the numbered title in bold, the body line by line. */
const clauseParagraphs = (clauses: { title: string; body: string }[]) =>
  clauses.flatMap((c) => [para(c.title, { bold: true }), ...c.body.split('\n').map((line) => para(line))]);

/** 附表一: the plan's lines, in the order and words the household page shows them. */
const costTable = (plan: typeof costPlans.$inferSelect) => [
  para('附表一：费用与资金（逐项加减，得业主分摊额）', { bold: true }),
  table(
    ['项目', '金额（元）'],
    costLines(plan).map((l) => {
      const label = lineLabel(l).zh;
      return [l.note ? `${label}（${l.note.zh}）` : label, formatYuan(l.fen)];
    }),
  ),
];

/** The whole agreement: the clauses, the plan's lines and every household's share, with signature lines. */
export async function agreementDocx(db: Queryable, access: Access, planId: string) {
  const { plan, project, shares } = await agreementBody(db, access, planId);
  const clauses = (await agreementFiller(db, plan, shares, access.today))(null);
  const children = [
    heading('加装电梯协议书'),
    para(`项目：${project.name}（方案第 ${plan.version} 版：${plan.name}）`),
    ...clauseParagraphs(clauses),
    ...costTable(plan),
    para('附表二：各户分摊与签字', { bold: true }),
    table(
      ['房屋', '楼层', '面积（㎡）', '应出资（元）', '补偿（元）', '业主签字'],
      shares.map((s) => [
        `${s.room}室`,
        String(s.floor),
        formatAreaM2(s.areaCenti),
        formatYuan(s.shareFen),
        formatYuan(s.compensationFen),
        '',
      ]),
    ),
    para('居委会（盖章）：            日期：', { align: 'right' }),
  ];
  return {
    fileName: `${project.name}-加装电梯协议书.docx`,
    buffer: await wordFile('加装电梯协议书', [{ children }]),
  };
}

/** One household's agreement: the clauses filled for it (as its code page shows them). */
export async function householdAgreementDocx(db: Queryable, access: Access, planId: string, unitId: string) {
  const { plan, project, shares } = await agreementBody(db, access, planId);
  const share = shares.find((s) => s.unitId === unitId);
  if (!share) throw notFound({ zh: '该户的分摊', en: 'The household’s share' });
  const clauses = (await agreementFiller(db, plan, shares, access.today))(share);
  const children = [
    heading('加装电梯协议书'),
    para(`项目：${project.name}（方案第 ${plan.version} 版：${plan.name}）`),
    para(`本户：${share.room}室（${share.floor} 层，${formatAreaM2(share.areaCenti)} ㎡）`, { bold: true }),
    ...clauseParagraphs(clauses),
    ...costTable(plan),
    para(explain(plan, share).zh),
    para('业主签字：                    日期：', { align: 'right' }),
  ];
  return {
    fileName: `${project.name}-${share.room}室-协议书.docx`,
    buffer: await wordFile('加装电梯协议书（分户）', [{ children }]),
  };
}

/** The household's shares under the project's adopted plan, for the code page. */
/**
 * The plan a household's code shows: while its vote is open, the plan put to that vote (what the
 * household would pay); otherwise the adopted plan (what it pays, to sign off).
 */
async function householdPlan(db: Queryable, c: { id: string; projectId: string; status: string }) {
  if (c.status === 'open') {
    const [proposed] = await db.select().from(costPlans).where(eq(costPlans.consultationId, c.id));
    if (proposed && proposed.status !== 'superseded') return proposed;
  }
  const [adopted] = await db
    .select()
    .from(costPlans)
    .where(and(eq(costPlans.projectId, c.projectId), eq(costPlans.status, 'adopted')));
  return adopted;
}

async function householdShares(db: Queryable, code: PresentedCode, visitor: Visitor) {
  const found = await resolveCode(db, code, visitor);
  if (found.hc.revokedAt)
    throw new AppError(
      410,
      'code_revoked',
      '这封信的户码已作废，请使用新信上的户码',
      'This code has been cancelled; use the code on your new letter',
      'code',
    );
  const plan = await householdPlan(db, found.c);
  if (!plan)
    throw new AppError(
      404,
      'no_plan',
      '本项目的费用分摊方案尚未通过',
      'The cost-sharing plan of this project is not adopted yet',
      'code',
    );
  const unitIds = (
    await db
      .select({ unitId: electorUnits.unitId })
      .from(electorUnits)
      .where(eq(electorUnits.groupId, found.g.id))
  ).map((u) => u.unitId);
  const [project] = await db
    .select({
      name: liftProjects.name,
      committeeId: liftProjects.committeeId,
      streetId: committees.streetId,
      stairwellId: liftProjects.stairwellId,
    })
    .from(liftProjects)
    .innerJoin(committees, eq(committees.id, liftProjects.committeeId))
    .where(eq(liftProjects.id, found.c.projectId));
  const all = await sharesOfPlan(db, plan, project!.stairwellId);
  const shares = all.filter((s) => unitIds.includes(s.unitId)).sort((a, b) => a.room.localeCompare(b.room));
  return { found, plan, all, shares, project: project! };
}

export async function residentCostShare(db: Queryable, code: PresentedCode, visitor: Visitor) {
  const { plan, all, shares, project } = await householdShares(db, code, visitor);
  const clausesFor = await agreementFiller(db, plan, all, shanghaiDate(visitor.now));
  return {
    project: project.name,
    plan: {
      name: plan.name,
      version: plan.version,
      status: plan.status,
      subsidyPolicy: plan.subsidy?.ruleId
        ? await subsidyPolicy(db, project.committeeId, plan.subsidy.ruleId)
        : null,
      schemeText: schemeText(plan.scheme),
      lines: costLines(plan),
      constructionFen: plan.constructionFen,
      subsidyFen: plan.subsidyFen,
      amountToShareFen: plan.amountToShareFen,
    },
    units: shares.map((s) => ({
      unitId: s.unitId,
      room: s.room,
      floor: s.floor,
      areaM2: formatAreaM2(s.areaCenti),
      shareFen: s.shareFen,
      compensationFen: s.compensationFen,
      signedAt: s.signedAt,
      signedChannel: s.signedChannel,
      explanation: explain(plan, s),
      clauses: clausesFor(s),
    })),
  };
}

/** The owner signs off their share online; audited like any write. */
export async function residentSignOff(db: Db, code: PresentedCode, visitor: Visitor, unitId: string) {
  const { found, plan, shares, project } = await householdShares(db, code, visitor);
  if (plan.status !== 'adopted')
    throw conflict(
      '这是表决中的方案，通过后才能签认',
      'This plan is still being voted on; it can be signed off once adopted',
    );
  const share = shares.find((s) => s.unitId === unitId);
  if (!share) throw badInput('unitId', '这不是您家的房屋', 'This is not your household’s unit');
  if (share.signedAt) return { unitId, signedAt: share.signedAt, already: true };
  const ofShare = and(eq(costShares.planId, plan.id), eq(costShares.unitId, unitId));
  return db.transaction(async (tx) => {
    const signedAt = visitor.now;
    const actor = householdActor(found.g.id, visitor.now);
    // signs only if still unsigned: of two sign-offs at once (two phones, a double tap) one records
    const [signed] = await tx
      .update(costShares)
      .set({ signedAt, signedChannel: 'online', signedByName: actor.name })
      .where(and(ofShare, isNull(costShares.signedAt)))
      .returning({ signedAt: costShares.signedAt });
    if (!signed) {
      const [now] = await tx.select({ signedAt: costShares.signedAt }).from(costShares).where(ofShare);
      return { unitId, signedAt: now!.signedAt!, already: true };
    }
    await recordAudit(tx, actor, {
      action: 'sign_off',
      entity: 'cost_plan',
      entityId: plan.id,
      projectId: plan.projectId,
      committeeId: project.committeeId,
      streetId: project.streetId,
      after: { unitId, channel: 'online' },
    });
    return { unitId, signedAt, already: false };
  });
}
