/** The lift agreement (加装电梯协议书) in Word, and the owner's share on the household code page. */
import { and, asc, eq, isNull } from 'drizzle-orm';
import { formatAreaM2 } from '../../../core/area.ts';
import { AppError, badInput, conflict, notFound } from '../../../core/errors.ts';
import type { Scheme } from '../../../core/money/schemes.ts';
import { householdActor } from '../../platform/actor.ts';
import { recordAudit } from '../audit/record.ts';
import type { Visitor } from '../../platform/http.ts';
import type { Access } from '../../platform/access.ts';
import type { Db, Queryable } from '../../platform/db/client.ts';
import { heading, para, table, wordFile } from '../../platform/word.ts';
import { resolveCode } from '../household/codes.ts';
import type { PresentedCode } from '../../platform/code-keys.ts';
import { electorUnits } from '../consent/schema.ts';
import { liftProjects } from '../projects/schema.ts';
import { committees } from '../registry/schema.ts';
import { costPlans, costShares } from './schema.ts';
import { planWithProject, sharesOfUnits, subsidyPolicy } from './service.ts';
import { formatYuan } from '../../../core/money/decimal.ts';
import { costLines, lineLabel, type CostLine } from '../../../core/money/breakdown.ts';

/** How a scheme computes a share, in plain words. */
export function schemeText(s: Scheme): { zh: string; en: string } {
  switch (s.kind) {
    case 'floor-coefficient-area':
      return {
        zh: `按“楼层系数 × 房屋面积”分摊：${Object.entries(s.coefficients)
          .map(([f, c]) => `${f}层 ${c}`)
          .join('，')}。系数为 0 的楼层不出资。`,
        en: `Shared by floor coefficient × area: ${Object.entries(s.coefficients)
          .map(([f, c]) => `floor ${f}: ${c}`)
          .join(', ')}. Floors with coefficient 0 pay nothing.`,
      };
    case 'floor-percent':
      return {
        zh: `按楼层比例分摊：${Object.entries(s.percents)
          .map(([f, p]) => `${f}层 ${p}%`)
          .join('，')}；同层按面积分。`,
        en: `Shared by floor percentage: ${Object.entries(s.percents)
          .map(([f, p]) => `floor ${f}: ${p}%`)
          .join(', ')}; within a floor by area.`,
      };
    case 'equal':
      return {
        zh: `出资户平均分摊${s.exemptFloors?.length ? `，${s.exemptFloors.join('、')} 层免出资` : ''}。`,
        en: `Shared equally among paying units${s.exemptFloors?.length ? `; floors ${s.exemptFloors.join(', ')} are exempt` : ''}.`,
      };
    case 'area':
      return {
        zh: `出资户按面积分摊${s.exemptFloors?.length ? `，${s.exemptFloors.join('、')} 层免出资` : ''}。`,
        en: `Shared by area among paying units${s.exemptFloors?.length ? `; floors ${s.exemptFloors.join(', ')} are exempt` : ''}.`,
      };
  }
}

/** The plan's sum in one sentence: the total cost, what is taken off it (only what the plan has), the owners' part. */
function sumSentence(lines: readonly CostLine[]) {
  const costFen = lines.filter((l) => l.sign === 'add').reduce((s, l) => s + l.fen, 0);
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
  const shares = await db
    .select()
    .from(costShares)
    .where(eq(costShares.planId, planId))
    .orderBy(asc(costShares.floor), asc(costShares.room));
  return { plan, project, shares };
}

const terms = (plan: typeof costPlans.$inferSelect, projectName: string) => [
  heading('加装电梯协议书'),
  para(`项目：${projectName}（方案第 ${plan.version} 版：${plan.name}）`),
  // the lines the owner sees on the household page, in the same order and words
  para('一、费用与资金（逐项加减，得业主分摊额）：'),
  table(
    ['项目', '金额（元）'],
    costLines(plan).map((l) => {
      const label = lineLabel(l).zh;
      return [l.note ? `${label}（${l.note.zh}）` : label, formatYuan(l.fen)];
    }),
  ),
  para(`二、分摊办法：${schemeText(plan.scheme).zh}`),
  para(
    `三、付款安排：${plan.schedule.map((i) => `${i.label}（${i.dueOn} 前）${i.percent}%`).join('；') || '签约后一次付清'}。`,
  ),
  para(`四、运行维护费用：${plan.runningCostRule || '由使用电梯的住户按年分摊'}。`),
];

/** The whole agreement: terms and every household's share, with signature lines. */
export async function agreementDocx(db: Queryable, access: Access, planId: string) {
  const { plan, project, shares } = await agreementBody(db, access, planId);
  const children = [
    ...terms(plan, project.name),
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
    para('本协议经全体出资业主签字后生效。居委会（盖章）：            日期：', { align: 'right' }),
  ];
  return {
    fileName: `${project.name}-加装电梯协议书.docx`,
    buffer: await wordFile('加装电梯协议书', [{ children }]),
  };
}

/** One household's page of the agreement. */
export async function householdAgreementDocx(db: Queryable, access: Access, planId: string, unitId: string) {
  const { plan, project, shares } = await agreementBody(db, access, planId);
  const share = shares.find((s) => s.unitId === unitId);
  if (!share) throw notFound({ zh: '该户的分摊', en: 'The household’s share' });
  const children = [
    ...terms(plan, project.name),
    para(`本户：${share.room}室（${share.floor} 层，${formatAreaM2(share.areaCenti)} ㎡）`, { bold: true }),
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
  const shares = await sharesOfUnits(db, plan, project!.stairwellId, unitIds);
  return { found, plan, shares, project: project! };
}

export async function residentCostShare(db: Queryable, code: PresentedCode, visitor: Visitor) {
  const { plan, shares, project } = await householdShares(db, code, visitor);
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
