/**
 * Consistent histories for the demo's projects: every project gets the street's checklist and
 * approval steps, ticked and dated as far as its stage; its stage changes; and, from
 * consultation on, a real vote run through the consent services (frozen electorate, household
 * codes, ballots on the ledger, a closing result); the notices of the stages passed; a few
 * mediation cases.
 */
import { and, asc, eq } from 'drizzle-orm';
import { addDays } from '../../core/calendar.ts';
import { MAIN_PATH } from '../../core/lifecycle.ts';
import type { Stage } from '../../core/stages.ts';
import { loadAccess } from '../platform/access.ts';
import { toSessionUser } from '../platform/auth.ts';
import type { Db } from '../platform/db/client.ts';
import { users } from '../modules/accounts/schema.ts';
import { castOnline } from '../modules/consent/online-ballots.ts';
import { closeConsultation, createConsultation, listCodes, openConsultation } from '../modules/consent/service.ts';
import { approvalSteps, checklistItems, liftProjects, stageChanges } from '../modules/projects/schema.ts';
import { copyTemplates } from '../modules/projects/steps.ts';
import { costShares } from '../modules/money/schema.ts';
import { adoptPlan, createPlan, recordPayment } from '../modules/money/service.ts';
import { addRunningCostYear, saveSubsidyClaim } from '../modules/money/upkeep.ts';
import { committees, units } from '../modules/registry/schema.ts';
import { addSession, closeCase, createCase } from '../modules/mediation/service.ts';
import type { NoticeKind } from '../modules/notices/schema.ts';
import { createNotice, postNotice } from '../modules/notices/service.ts';
import { prng } from './seed.ts';

/** Where a project stopped: the demo's paused one in approvals, its withdrawn one after a failed vote. */
export const demoPath = (stage: Stage): Stage => (stage === 'paused' ? 'approvals' : stage === 'withdrawn' ? 'consultation' : stage);

const STOPPED_BECAUSE: Partial<Record<Stage, string>> = {
  paused: '底层住户对采光有异议，调解中',
  withdrawn: '表决未达到法定比例（低楼层多户反对），业主同意暂缓，待条件成熟后重新征询',
};

/** Days from mobilisation at which a typical Jiangwan project enters each stage (5.5 months to works, 9 to completion). */
export const STAGE_DAY: Record<Stage, number> = {
  mobilisation: 0,
  consultation: 25,
  agreement: 60,
  publicity: 75,
  design_review: 95,
  approvals: 118,
  ready_to_build: 150,
  construction: 165,
  acceptance: 245,
  in_service: 270,
  paused: 0,
  withdrawn: 0,
};

const daysBetween = (a: string, b: string) => Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);

/** The date a project entered each stage on its path, from its mobilisation date. */
export function stageDates(mobilisedOn: string, reached: Stage, jitter: () => number) {
  const dates = new Map<Stage, string>();
  let shift = 0;
  for (const s of MAIN_PATH) {
    shift += s === 'mobilisation' ? 0 : jitter();
    dates.set(s, addDays(mobilisedOn, STAGE_DAY[s] + shift));
    if (s === reached) break;
  }
  return dates;
}

export async function seedHistories(db: Db, today: string) {
  const rnd = prng(4242);
  const [admin] = await db.select().from(users).where(eq(users.username, 'admin'));
  const access = await loadAccess(db, toSessionUser(admin!));
  const projects = await db.select().from(liftProjects).orderBy(asc(liftProjects.createdAt), asc(liftProjects.name));
  const committeeNames = new Map((await db.select({ id: committees.id, name: committees.name }).from(committees)).map((c) => [c.id, c.name]));
  for (const p of projects) {
    const stage = p.stage as Stage;
    const path = demoPath(stage);
    const dates = stageDates(p.mobilisedOn!, path, () => rnd.int(-4, 6));
    const committeeName = committeeNames.get(p.committeeId)!;
    await db.transaction(async (tx) => {
      await copyTemplates(tx, p.id, p.committeeId);
      const reachedIndex = MAIN_PATH.indexOf(path);
      // the checklist: items of the stages already left are ticked on the day their stage ended
      const items = await tx.select().from(checklistItems).where(eq(checklistItems.projectId, p.id));
      for (const item of items) {
        const i = MAIN_PATH.indexOf(item.stage as Stage);
        if (i >= reachedIndex) continue;
        const doneOn = dates.get(MAIN_PATH[i + 1]!)!;
        await tx.update(checklistItems).set({ doneAt: new Date(`${doneOn}T10:00:00+08:00`), doneByName: `${committeeName} 工作人员` }).where(eq(checklistItems.id, item.id));
      }
      // approvals: spread over agreement → ready to build; done where that date has passed
      const from = addDays(p.mobilisedOn!, STAGE_DAY.agreement);
      const to = addDays(p.mobilisedOn!, STAGE_DAY.ready_to_build);
      const steps = await tx.select().from(approvalSteps).where(eq(approvalSteps.projectId, p.id)).orderBy(asc(approvalSteps.position));
      const span = daysBetween(from, to);
      for (const s of steps) {
        const started = addDays(from, Math.floor((s.position * span) / steps.length));
        const done = addDays(started, Math.max(2, Math.min(s.limitDays, rnd.int(3, 12))));
        const finished = reachedIndex >= MAIN_PATH.indexOf('ready_to_build') || done < today;
        const status = s.key === 'construction_permit' ? 'not_applicable' : finished ? 'done' : started < today && reachedIndex >= MAIN_PATH.indexOf('agreement') ? 'in_progress' : 'pending';
        await tx
          .update(approvalSteps)
          .set({ status, startedOn: status === 'pending' || status === 'not_applicable' ? null : started, doneOn: status === 'done' ? done : null })
          .where(eq(approvalSteps.id, s.id));
      }
      // stage changes along the path
      const changes = MAIN_PATH.slice(1, reachedIndex + 1).map((s, i) => ({
        projectId: p.id,
        fromStage: MAIN_PATH[i]!,
        toStage: s,
        on: dates.get(s)!,
        confirmed: [],
        byName: '江湾镇街道管理员',
        at: new Date(`${dates.get(s)!}T10:00:00+08:00`),
      }));
      if (path !== stage) changes.push({ projectId: p.id, fromStage: path, toStage: stage, on: addDays(dates.get(path)!, 40), confirmed: [], byName: '江湾镇街道管理员', at: new Date() });
      if (changes.length) await tx.insert(stageChanges).values(changes.map((c) => ({ ...c, reason: STOPPED_BECAUSE[c.toStage] ?? '' })));
      if (stage === 'paused') await tx.update(liftProjects).set({ pausedFrom: 'approvals' }).where(eq(liftProjects.id, p.id));
    });
    if (MAIN_PATH.indexOf(path) >= MAIN_PATH.indexOf('consultation')) await runVote(db, access, p, dates, stage === 'consultation' ? 'open' : stage === 'withdrawn' ? 'failed' : 'passed', rnd);
    await postNotices(db, access, p, dates, path);
    if (MAIN_PATH.indexOf(path) >= MAIN_PATH.indexOf('agreement')) await seedMoney(db, access, p, path, rnd);
  }
  await seedMediation(db, access, projects);
}

type Access = Awaited<ReturnType<typeof loadAccess>>;

/** The result notice from agreement on, the design-scheme notice from design review on, posted on their dates. */
async function postNotices(db: Db, access: Access, p: typeof liftProjects.$inferSelect, dates: Map<Stage, string>, reached: Stage) {
  const at = MAIN_PATH.indexOf(reached);
  const kinds: [NoticeKind, Stage, string][] = [
    ['consultation_result', 'publicity', '加装电梯意愿征询结果公告'],
    ['design_scheme', 'design_review', '既有多层住宅加装电梯规划设计方案公示'],
  ];
  for (const [kind, stage, title] of kinds) {
    if (at < MAIN_PATH.indexOf(stage)) continue;
    const notice = await createNotice(db, access, { projectId: p.id, kind, title, body: `${p.name}：${title}，请业主在公示期内提出书面意见。`, startOn: dates.get(stage)! });
    await postNotice(db, access, notice.id, { postedWhere: '单元门口公告栏、小区宣传栏' });
  }
}

const COEFFICIENTS: Record<string, string> = { 1: '0', 2: '0', 3: '0.7', 4: '0.8', 5: '0.9', 6: '1.0', 7: '1.1' };

/** An adopted plan from agreement on; sign-offs, payments, the subsidy and running costs as far as the stage. */
async function seedMoney(db: Db, access: Access, p: typeof liftProjects.$inferSelect, reached: Stage, rnd: ReturnType<typeof prng>) {
  const at = MAIN_PATH.indexOf(reached);
  const floors = (await db.select({ floor: units.floor }).from(units).where(eq(units.stairwellId, p.stairwellId))).map((u) => u.floor);
  const coefficients = Object.fromEntries([...new Set(floors)].map((f) => [String(f), COEFFICIENTS[String(f)] ?? '1.2']));
  const constructionFen = rnd.int(55, 68) * 1_000_000;
  const lowUnits = (await db.select({ id: units.id }).from(units).where(and(eq(units.stairwellId, p.stairwellId), eq(units.floor, 1)))).map((u) => u.id);
  const { plan } = await createPlan(db, access, p.id, {
    name: '楼层系数 × 面积方案',
    constructionFen,
    otherCosts: [{ label: '管线迁移', fen: rnd.int(2, 5) * 1_000_000 }],
    subsidy: { ruleId: 'sh-2020' },
    compensations: lowUnits.map((unitId) => ({ unitId, fen: 500_000, note: '底层采光补偿' })),
    scheme: { kind: 'floor-coefficient-area', coefficients },
    schedule: [{ label: '签约后', dueOn: p.mobilisedOn!, percent: '50' }, { label: '竣工验收后', dueOn: p.completedOn ?? p.mobilisedOn!, percent: '50' }],
    runningCostRule: '维保、电费和保险由二层及以上住户按户均摊',
  });
  await adoptPlan(db, access, plan.id);
  if (at < MAIN_PATH.indexOf('publicity')) return;
  const shares = await db.select().from(costShares).where(eq(costShares.planId, plan.id));
  await db.update(costShares).set({ signedAt: new Date(), signedChannel: 'paper', signedByName: '居委会工作人员' }).where(eq(costShares.planId, plan.id));
  if (at < MAIN_PATH.indexOf('construction')) return;
  let receipt = 0;
  for (const sh of shares.filter((x) => x.shareFen > 0)) {
    const roll = rnd.next();
    // under construction: the first half paid by most; in service: all paid but a few
    const amount = reached === 'in_service' ? (roll < 0.9 ? sh.shareFen : Math.floor(sh.shareFen / 2)) : roll < 0.8 ? Math.floor(sh.shareFen / 2) : 0;
    if (amount > 0) await recordPayment(db, access, plan.id, { unitId: sh.unitId, amountFen: amount, paidOn: p.worksStartedOn!, method: roll < 0.15 ? 'provident_fund' : 'bank', receiptNo: `JW-${String(++receipt).padStart(4, '0')}` });
  }
  // at acceptance the subsidy claim is the next thing staff prepare: the demo leaves it to them
  if (reached !== 'in_service') return;
  await saveSubsidyClaim(db, access, p.id, { status: 'received', preparedOn: p.completedOn, submittedOn: p.completedOn, approvedOn: p.completedOn, receivedOn: p.completedOn });
  const year = Number(p.completedOn!.slice(0, 4));
  await addRunningCostYear(db, access, p.id, { year, items: [{ label: '维保', fen: 500_000 }, { label: '电费', fen: 100_000 }, { label: '保险', fen: 80_000 }], scheme: { kind: 'equal', exemptFloors: [1] } });
}

/** Disputes as the article tells them: one low-floor objection in mediation, two settled cases. */
async function seedMediation(db: Db, access: Access, projects: (typeof liftProjects.$inferSelect)[]) {
  const paused = projects.find((p) => p.stage === 'paused');
  if (paused) {
    const c = await createCase(db, access, { projectId: paused.id, kind: 'light', title: '底层住户担心采光受影响', description: '101 室业主认为电梯井道遮挡客厅采光，要求调整方案或补偿。', complaint: '101室业主口头反映', parties: [{ name: '101室业主', role: 'applicant' }, { name: '楼组长', role: 'other' }] });
    await addSession(db, access, c.id, { heldOn: addDays(paused.mobilisedOn!, 150), notes: '居委会、事务所顾问上门，出示日照分析；业主要求书面承诺。', governance: ['autonomy', 'law'], attendees: '居委书记、家加乐顾问、101室业主' });
  }
  for (const p of projects.filter((x) => x.stage === 'in_service').slice(0, 2)) {
    const c = await createCase(db, access, { projectId: p.id, kind: 'noise', title: '施工噪音影响午休', complaint: '二楼住户投诉施工时间', parties: [{ name: '201室业主', role: 'applicant' }, { name: '施工单位', role: 'respondent' }], openedOn: addDays(p.worksStartedOn!, 10) });
    await addSession(db, access, c.id, { heldOn: addDays(p.worksStartedOn!, 12), notes: '三方协商：中午 12 点至 14 点停止高噪音作业，党员志愿者每日巡查。', governance: ['co_governance', 'virtue'], attendees: '居委会、施工单位、201室业主、党员志愿者' });
    await closeCase(db, access, c.id, { outcome: 'agreed', note: '达成调整施工时间的协议', closedOn: addDays(p.worksStartedOn!, 12) });
  }
}

/** A real vote for a project: closed and passed once past consultation, still open while in it. */
async function runVote(db: Db, access: Access, p: typeof liftProjects.$inferSelect, dates: Map<Stage, string>, outcome: 'open' | 'passed' | 'failed', rnd: ReturnType<typeof prng>) {
  const stillOpen = outcome === 'open';
  const opensOn = dates.get('consultation')!;
  const closesOn = addDays(opensOn, stillOpen ? 45 : 30);
  const vote = await createConsultation(db, access, { projectId: p.id, kind: 'vote', title: '加装电梯业主表决', question: '您是否同意本单元加装电梯，并按协商的方案分摊费用？', documentsSummary: '设计方案示意图、费用分摊方案、补贴政策说明', ruleId: 'sh-801-building', scopeKind: 'stairwell', opensOn, closesOn });
  await openConsultation(db, access, vote.id);
  const { codes } = await listCodes(db, access, vote.id);
  for (const [i, c] of codes.entries()) {
    const roll = rnd.next();
    // an open vote: about half have voted so far; a passed one: everyone, one household against;
    // a failed one: the lower floors against, short of three quarters
    if (stillOpen && roll < 0.5) continue;
    const choice = stillOpen ? (roll < 0.8 ? 'agree' : roll < 0.9 ? 'abstain' : 'disagree') : outcome === 'failed' ? (i < codes.length / 2 ? 'disagree' : 'agree') : i === 1 ? 'disagree' : 'agree';
    await castOnline(db, c.code, 'demo-seed', { choice });
  }
  if (!stillOpen) await closeConsultation(db, access, vote.id);
}

