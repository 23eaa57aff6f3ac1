/**
 * Consistent histories for the demo's projects: every project gets the street's checklist and
 * approval steps, ticked and dated as far as its stage; its stage changes; and, from
 * consultation on, a real vote run through the consent services (frozen electorate, household
 * codes, ballots on the ledger, a closing result); the notices of the stages passed; a few
 * mediation cases.
 */
import { readFileSync } from 'node:fs';
import { DEFAULT_SCHEME_PRESETS } from '../../core/money/schemes.ts';
import { NOTICE_DEFAULTS, type NoticeKind } from '../../core/notices.ts';
import { and, asc, eq } from 'drizzle-orm';
import { addDays, type WorkCalendar } from '../../core/calendar.ts';
import { shanghaiMorning } from '../../core/clock.ts';
import { MAIN_PATH } from '../../core/lifecycle.ts';
import { STAGE_LABELS, type Stage } from '../../core/stages.ts';
import { auditScope, type Access } from '../platform/access.ts';
import { loadAccess } from '../modules/projects/access.ts';
import { recordAudit } from '../modules/audit/record.ts';
import { toSessionUser } from '../modules/accounts/sessions.ts';
import type { Db } from '../platform/db/client.ts';
import { users } from '../modules/accounts/schema.ts';
import { castOnline } from '../modules/household/online-ballots.ts';
import type { CodeKeys } from '../platform/code-keys.ts';
import {
  activeCodes,
  closeConsultation,
  createConsultation,
  openConsultation,
} from '../modules/consent/service.ts';
import { approvalSteps, checklistItems, liftProjects } from '../modules/projects/schema.ts';
import { stageChanges } from '../modules/lifecycle/schema.ts';
import { copyTemplates } from '../modules/projects/templates.ts';
import { costShares } from '../modules/money/schema.ts';
import { adoptPlan, createPlan, putToVote, recordPayment } from '../modules/money/service.ts';
import { uploadDocument } from '../modules/projects/documents.ts';
import { setMaterials } from '../modules/consent/materials.ts';
import { addRunningCostYear, saveSubsidyClaim } from '../modules/money/upkeep.ts';
import { committees, units } from '../modules/registry/schema.ts';
import { addSession, closeCase, createCase } from '../modules/mediation/service.ts';
import { noticeEnds } from '../modules/notices/periods.ts';
import { createNotice, postNotice } from '../modules/notices/service.ts';
import { seedLifts } from './lifts.ts';
import { seedFaults } from './faults.ts';
import { seedFollowUps } from './followups.ts';
import { prng } from './prng.ts';

/** Where a project stopped: the demo's paused one in approvals, its withdrawn one after a failed vote. */
export const demoPath = (stage: Stage): Stage =>
  stage === 'paused' ? 'approvals' : stage === 'withdrawn' ? 'consultation' : stage;

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

const daysBetween = (a: string, b: string) =>
  Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);

/** A demo vote runs this many days; it closes before the project moves on to agreement. */
const VOTE_DAYS = 30;
/** A paused or withdrawn project stopped this many days after entering the stage it stopped in. */
const STOP_AFTER_DAYS = 40;

export interface DemoTimeline {
  /** the date the project entered each stage of its path */
  dates: Map<Stage, string>;
  /** when a paused or withdrawn project stopped; null for one still under way */
  stoppedOn: string | null;
}

/** The notice each stage posts on entering it (histories post them on that date). */
const STAGE_NOTICE: Partial<Record<Stage, NoticeKind>> = {
  publicity: 'consultation_result',
  design_review: 'design_scheme',
};

/**
 * When a demo project entered each stage: the typical Jiangwan spacing (STAGE_DAY) with a few
 * days' jitter, its last change `dayInStage` days before today. A stage begins only after what
 * it waits for is over — the vote closed, the notice of the stage before ended on the street's
 * calendar — so the history reads as it would have happened.
 */
export function demoTimeline(
  stage: Stage,
  today: string,
  dayInStage: number,
  jitter: () => number,
  cal: WorkCalendar,
): DemoTimeline {
  const path = demoPath(stage);
  const steps = MAIN_PATH.slice(0, MAIN_PATH.indexOf(path) + 1);
  const gaps = steps.slice(1).map((s, i) => STAGE_DAY[s] - STAGE_DAY[steps[i]!] + jitter());
  const lastChange = addDays(today, -dayInStage);
  const entered = stage === path ? lastChange : addDays(lastChange, -STOP_AFTER_DAYS);
  for (;;) {
    const dates = new Map<Stage, string>();
    let d = addDays(entered, -gaps.reduce((a, b) => a + b, 0));
    steps.forEach((s, i) => dates.set(s, i === 0 ? d : (d = addDays(d, gaps[i - 1]!))));
    // the first stage entered before what it waits for is over widens its gap, and all is placed again
    const early = steps.findIndex(
      (s, i) => i > 0 && dates.get(s)! <= waitsUntil(steps[i - 1]!, dates.get(steps[i - 1]!)!, cal),
    );
    if (early < 0) return { dates, stoppedOn: stage === path ? null : lastChange };
    gaps[early - 1]! +=
      daysBetween(
        dates.get(steps[early]!)!,
        waitsUntil(steps[early - 1]!, dates.get(steps[early - 1]!)!, cal),
      ) + 1;
  }
}

/** The last day of what the stage after `stage` waits for: its vote, or the notice it posted ('' for nothing). */
function waitsUntil(stage: Stage, entered: string, cal: WorkCalendar): string {
  if (stage === 'consultation') return addDays(entered, VOTE_DAYS);
  const kind = STAGE_NOTICE[stage];
  return kind
    ? noticeEnds(cal, { ...NOTICE_DEFAULTS[kind], startOn: entered, countStartDay: false }).endsOn
    : '';
}

/** The admin's access at 10:00 on a past day: the services date what they write by it. */
function on(access: Access, date: string, hour = 10): Access {
  const now = shanghaiMorning(date, hour);
  return { ...access, now, today: date, actor: { ...access.actor, at: now } };
}

export async function seedHistories(
  db: Db,
  today: string,
  timelines: Map<string, DemoTimeline>,
  keys: CodeKeys,
) {
  const rnd = prng(4242);
  const [admin] = await db.select().from(users).where(eq(users.username, 'admin'));
  const access = await loadAccess(db, toSessionUser(admin!), shanghaiMorning(today));
  const projects = await db
    .select()
    .from(liftProjects)
    .orderBy(asc(liftProjects.createdAt), asc(liftProjects.name));
  const committeeNames = new Map(
    (await db.select({ id: committees.id, name: committees.name }).from(committees)).map((c) => [
      c.id,
      c.name,
    ]),
  );
  for (const p of projects) {
    const stage = p.stage;
    const path = demoPath(stage);
    const { dates, stoppedOn } = timelines.get(p.id)!;
    const committeeName = committeeNames.get(p.committeeId)!;
    await db.transaction(async (tx) => {
      await copyTemplates(tx, p.id, p.committeeId);
      const reachedIndex = MAIN_PATH.indexOf(path);
      // the checklist: items of the stages already left are ticked on the day their stage ended
      const items = await tx.select().from(checklistItems).where(eq(checklistItems.projectId, p.id));
      for (const item of items) {
        const i = MAIN_PATH.indexOf(item.stage);
        if (i >= reachedIndex) continue;
        const doneOn = dates.get(MAIN_PATH[i + 1]!)!;
        await tx
          .update(checklistItems)
          .set({ doneAt: shanghaiMorning(doneOn), doneByName: `${committeeName} 工作人员` })
          .where(eq(checklistItems.id, item.id));
      }
      // approvals: spread over agreement → ready to build; done where that date has passed
      if (reachedIndex >= MAIN_PATH.indexOf('agreement')) {
        const from = dates.get('agreement')!;
        const built = dates.get('ready_to_build');
        const to = built ?? addDays(from, STAGE_DAY.ready_to_build - STAGE_DAY.agreement);
        // nothing is done after the project moved on, nor after yesterday
        const lastDone = addDays(built && built < today ? built : today, -1);
        const steps = await tx
          .select()
          .from(approvalSteps)
          .where(eq(approvalSteps.projectId, p.id))
          .orderBy(asc(approvalSteps.position));
        const span = daysBetween(from, to);
        for (const s of steps) {
          const started = addDays(from, Math.floor((s.position * span) / steps.length));
          const due = addDays(started, Math.max(2, Math.min(s.limitDays, rnd.int(3, 12))));
          const done = due < lastDone ? due : lastDone;
          const finished = Boolean(built) || due < today;
          const status =
            s.key === 'construction_permit'
              ? 'not_applicable'
              : finished && started <= done
                ? 'done'
                : started < today
                  ? 'in_progress'
                  : 'pending';
          await tx
            .update(approvalSteps)
            .set({
              status,
              startedOn: status === 'pending' || status === 'not_applicable' ? null : started,
              doneOn: status === 'done' ? done : null,
            })
            .where(eq(approvalSteps.id, s.id));
        }
      }
      // stage changes along the path, and the stop of a paused or withdrawn one
      const changes = MAIN_PATH.slice(1, reachedIndex + 1).map((s, i) => ({
        fromStage: MAIN_PATH[i]!,
        toStage: s,
        on: dates.get(s)!,
      }));
      if (stoppedOn) changes.push({ fromStage: path, toStage: stage, on: stoppedOn });
      for (const c of changes) {
        const reason = STOPPED_BECAUSE[c.toStage] ?? '';
        const day = on(access, c.on);
        await tx
          .insert(stageChanges)
          .values({ projectId: p.id, ...c, confirmed: [], byName: admin!.displayName, at: day.now, reason });
        // as changeStage records it: the project timeline is the audit log
        await recordAudit(tx, day.actor, {
          action: 'stage_change',
          entity: 'project',
          entityId: p.id,
          projectId: p.id,
          ...auditScope(day, p.committeeId),
          summary: `${STAGE_LABELS[c.fromStage].zh} → ${STAGE_LABELS[c.toStage].zh}${reason ? `：${reason}` : ''}`,
          before: { stage: c.fromStage },
          after: { stage: c.toStage, confirmed: [], overridden: [], reason },
        });
      }
      if (stage === 'paused')
        await tx.update(liftProjects).set({ pausedFrom: 'approvals' }).where(eq(liftProjects.id, p.id));
    });
    if (MAIN_PATH.indexOf(path) >= MAIN_PATH.indexOf('consultation'))
      await runVote(
        db,
        access,
        keys,
        p,
        dates.get('consultation')!,
        today,
        stage === 'consultation' ? 'open' : stage === 'withdrawn' ? 'failed' : 'passed',
        rnd,
      );
    await postNotices(db, access, p, dates, path);
    if (MAIN_PATH.indexOf(path) >= MAIN_PATH.indexOf('agreement'))
      await seedMoney(db, access, p, dates, path, rnd);
  }
  await seedMediation(db, access, projects, timelines);
  // dice of their own, so the lifts do not shift what came before
  await seedLifts(db, access, projects, today, prng(5151));
  await seedFaults(db, access, today);
  await seedFollowUps(db, access, keys, today, prng(6161));
}

/** The result notice from publicity on, the design-scheme notice from design review on, each written and posted the day its stage began. */
async function postNotices(
  db: Db,
  access: Access,
  p: typeof liftProjects.$inferSelect,
  dates: Map<Stage, string>,
  reached: Stage,
) {
  const at = MAIN_PATH.indexOf(reached);
  const kinds: [NoticeKind, Stage, string][] = [
    ['consultation_result', 'publicity', '加装电梯意愿征询结果公告'],
    ['design_scheme', 'design_review', '既有多层住宅加装电梯规划设计方案公示'],
  ];
  for (const [kind, stage, title] of kinds) {
    if (at < MAIN_PATH.indexOf(stage)) continue;
    const day = on(access, dates.get(stage)!);
    const notice = await createNotice(db, day, {
      projectId: p.id,
      kind,
      title,
      body: `${p.name}：${title}，请业主在公示期内提出书面意见。`,
      startOn: dates.get(stage)!,
    });
    await postNotice(db, on(access, dates.get(stage)!, 15), notice.id, {
      postedWhere: '单元门口公告栏、小区宣传栏',
    });
  }
}

// the seven-storey example of the core's presets (domain.md §5)
const COEFFICIENTS = (() => {
  const { scheme } = DEFAULT_SCHEME_PRESETS.find((p) => p.key === 'coef-7')!;
  return scheme.kind === 'floor-coefficient-area' ? scheme.coefficients : {};
})();

/** The plan a demo project's owners share the cost by: floor coefficients × area, a pipe move, ground-floor compensation. */
async function demoPlanInput(
  db: Db,
  p: typeof liftProjects.$inferSelect,
  signOn: string,
  completedOn: string,
  rnd: ReturnType<typeof prng>,
) {
  const floors = (
    await db.select({ floor: units.floor }).from(units).where(eq(units.stairwellId, p.stairwellId))
  ).map((u) => u.floor);
  const coefficients = Object.fromEntries(
    [...new Set(floors)].map((f) => [String(f), COEFFICIENTS[String(f)] ?? '1.2']),
  );
  const constructionFen = rnd.int(55, 68) * 1_000_000;
  const lowUnits = (
    await db
      .select({ id: units.id })
      .from(units)
      .where(and(eq(units.stairwellId, p.stairwellId), eq(units.floor, 1)))
  ).map((u) => u.id);
  return {
    name: '楼层系数 × 面积方案',
    constructionFen,
    otherCosts: [{ label: '管线迁移', fen: rnd.int(2, 5) * 1_000_000 }],
    subsidy: { ruleId: 'sh-2020' },
    compensations: lowUnits.map((unitId) => ({ unitId, fen: 500_000, note: '底层采光补偿' })),
    scheme: { kind: 'floor-coefficient-area' as const, coefficients },
    schedule: [
      { label: '签约后', dueOn: signOn, percent: '50' },
      { label: '竣工验收后', dueOn: completedOn, percent: '50' },
    ],
    runningCostRule: '维保、电费和保险由二层及以上住户按户均摊',
  };
}

/** An adopted plan from agreement on; sign-offs, payments, the subsidy and running costs as far as the stage, each on its day. */
async function seedMoney(
  db: Db,
  access: Access,
  p: typeof liftProjects.$inferSelect,
  dates: Map<Stage, string>,
  reached: Stage,
  rnd: ReturnType<typeof prng>,
) {
  const at = MAIN_PATH.indexOf(reached);
  const agreedOn = dates.get('agreement')!;
  const completedOn = p.completedOn ?? addDays(agreedOn, STAGE_DAY.in_service - STAGE_DAY.agreement);
  const input = await demoPlanInput(db, p, agreedOn, completedOn, rnd);
  const { plan } = await createPlan(db, on(access, agreedOn), p.id, input);
  await adoptPlan(db, on(access, dates.get('agreement')!, 16), plan.id);
  if (at < MAIN_PATH.indexOf('publicity')) return;
  const shares = await db.select().from(costShares).where(eq(costShares.planId, plan.id));
  // the households signed on paper while the agreement was being gathered, before publicity
  await db
    .update(costShares)
    .set({
      signedAt: shanghaiMorning(addDays(dates.get('publicity')!, -1), 16),
      signedChannel: 'paper',
      signedByName: '居委会工作人员',
    })
    .where(eq(costShares.planId, plan.id));
  if (at < MAIN_PATH.indexOf('construction')) return;
  const worksStarted = on(access, p.worksStartedOn!);
  let receipt = 0;
  for (const sh of shares.filter((x) => x.shareFen > 0)) {
    const roll = rnd.next();
    // under construction: the first half paid by most; in service: all paid but a few
    const amount =
      reached === 'in_service'
        ? roll < 0.9
          ? sh.shareFen
          : Math.floor(sh.shareFen / 2)
        : roll < 0.8
          ? Math.floor(sh.shareFen / 2)
          : 0;
    if (amount > 0)
      await recordPayment(db, worksStarted, plan.id, {
        unitId: sh.unitId,
        amountFen: amount,
        paidOn: p.worksStartedOn!,
        method: roll < 0.15 ? 'provident_fund' : 'bank',
        receiptNo: `JW-${String(++receipt).padStart(4, '0')}`,
      });
  }
  // at acceptance the subsidy claim is the next thing staff prepare: the demo leaves it to them
  if (reached !== 'in_service') return;
  const completed = on(access, p.completedOn!);
  await saveSubsidyClaim(db, completed, p.id, {
    status: 'received',
    preparedOn: p.completedOn,
    submittedOn: p.completedOn,
    approvedOn: p.completedOn,
    receivedOn: p.completedOn,
  });
  const year = Number(p.completedOn!.slice(0, 4));
  await addRunningCostYear(db, completed, p.id, {
    year,
    items: [
      { label: '维保', fen: 500_000 },
      { label: '电费', fen: 100_000 },
      { label: '保险', fen: 80_000 },
    ],
    scheme: { kind: 'equal', exemptFloors: [1] },
  });
}

/** Disputes as the article tells them: one low-floor objection in mediation, two settled cases; sessions after their case was opened. */
async function seedMediation(
  db: Db,
  access: Access,
  projects: (typeof liftProjects.$inferSelect)[],
  timelines: Map<string, DemoTimeline>,
) {
  const paused = projects.find((p) => p.stage === 'paused');
  if (paused) {
    // the objection came up during approvals; the project was paused after the first session did not settle it
    const approvalsOn = timelines.get(paused.id)!.dates.get('approvals')!;
    const openedOn = addDays(approvalsOn, 25);
    const c = await createCase(db, on(access, openedOn), {
      projectId: paused.id,
      kind: 'light',
      title: '底层住户担心采光受影响',
      description: '101 室业主认为电梯井道遮挡客厅采光，要求调整方案或补偿。',
      complaint: '101室业主口头反映',
      parties: [
        { name: '101室业主', role: 'applicant' },
        { name: '楼组长', role: 'other' },
      ],
      openedOn,
    });
    const heldOn = addDays(openedOn, 7);
    await addSession(db, on(access, heldOn, 17), c.id, {
      heldOn,
      notes: '居委会、事务所顾问上门，出示日照分析；业主要求书面承诺。',
      governance: ['autonomy', 'law'],
      attendees: '居委书记、家加乐顾问、101室业主',
    });
  }
  for (const p of projects.filter((x) => x.stage === 'in_service').slice(0, 2)) {
    const openedOn = addDays(p.worksStartedOn!, 10);
    const settledOn = addDays(p.worksStartedOn!, 12);
    const c = await createCase(db, on(access, openedOn), {
      projectId: p.id,
      kind: 'noise',
      title: '施工噪音影响午休',
      complaint: '二楼住户投诉施工时间',
      parties: [
        { name: '201室业主', role: 'applicant' },
        { name: '施工单位', role: 'respondent' },
      ],
      openedOn,
    });
    await addSession(db, on(access, settledOn, 15), c.id, {
      heldOn: settledOn,
      notes: '三方协商：中午 12 点至 14 点停止高噪音作业，党员志愿者每日巡查。',
      governance: ['co_governance', 'virtue'],
      attendees: '居委会、施工单位、201室业主、党员志愿者',
    });
    await closeCase(db, on(access, settledOn, 17), c.id, {
      outcome: 'agreed',
      note: '达成调整施工时间的协议',
      closedOn: settledOn,
    });
  }
}

const DEMO_MATERIALS = [
  { title: '设计方案示意图', category: 'design', file: 'scheme-drawing.png' },
  { title: '补贴政策说明', category: 'other', file: 'subsidy-policy.pdf' },
] as const;

/**
 * What the owners of a vote still open read before voting: the scheme drawing and the subsidy
 * policy from the project's library, and the cost plan put to the vote (what each household
 * would pay). Its own random stream, so the rest of the demo stays as it was.
 */
async function putBeforeTheOwners(
  db: Db,
  access: Access,
  p: typeof liftProjects.$inferSelect,
  consultationId: string,
  closesOn: string,
) {
  const documentIds: string[] = [];
  for (const m of DEMO_MATERIALS) {
    const content = readFileSync(new URL(`./assets/${m.file}`, import.meta.url));
    const uploaded = await uploadDocument(db, access, p.id, {
      title: m.title,
      category: m.category,
      file: { name: m.file, content },
    });
    documentIds.push(uploaded.documentId);
  }
  await setMaterials(db, access, consultationId, documentIds);
  const signOn = addDays(closesOn, STAGE_DAY.agreement - STAGE_DAY.consultation);
  const completedOn = addDays(signOn, STAGE_DAY.in_service - STAGE_DAY.agreement);
  const input = await demoPlanInput(db, p, signOn, completedOn, prng(7));
  const { plan } = await createPlan(db, access, p.id, input);
  await putToVote(db, access, plan.id, consultationId);
}

/**
 * A real vote for a project, run through the services on its days: written three days before it
 * opens, opened, ballots cast day by day (up to yesterday for one still open), closed on its last
 * day once past consultation.
 */
async function runVote(
  db: Db,
  access: Access,
  keys: CodeKeys,
  p: typeof liftProjects.$inferSelect,
  opensOn: string,
  today: string,
  outcome: 'open' | 'passed' | 'failed',
  rnd: ReturnType<typeof prng>,
) {
  const stillOpen = outcome === 'open';
  const closesOn = addDays(opensOn, stillOpen ? 45 : VOTE_DAYS);
  const vote = await createConsultation(db, on(access, addDays(opensOn, -3)), {
    projectId: p.id,
    kind: 'vote',
    title: '加装电梯业主表决',
    question: '您是否同意本单元加装电梯，并按协商的方案分摊费用？',
    documentsSummary: '设计方案示意图、费用分摊方案、补贴政策说明',
    ruleId: 'sh-801-building',
    scopeKind: 'stairwell',
    opensOn,
    closesOn,
  });
  if (stillOpen) await putBeforeTheOwners(db, on(access, addDays(opensOn, -3), 11), p, vote.id, closesOn);
  await openConsultation(db, on(access, opensOn, 8), vote.id, keys);
  // the codes as the letters carry them (the demo is the system: no one printed them)
  const codes = await activeCodes(db, keys, vote.id);
  // ballots arrive over the voting days (the last one the day before today, for a vote still open)
  const lastBallotDay = stillOpen ? addDays(today, -1) : addDays(closesOn, -1);
  const days = Math.max(1, daysBetween(opensOn, lastBallotDay));
  for (const [i, c] of codes.entries()) {
    const roll = rnd.next();
    // an open vote: about half have voted so far; a passed one: everyone, one household against;
    // a failed one: the lower floors against, short of three quarters
    if (stillOpen && roll < 0.5) continue;
    const choice = stillOpen
      ? roll < 0.8
        ? 'agree'
        : roll < 0.9
          ? 'abstain'
          : 'disagree'
      : outcome === 'failed'
        ? i < codes.length / 2
          ? 'disagree'
          : 'agree'
        : i === 1
          ? 'disagree'
          : 'agree';
    const day = addDays(opensOn, Math.floor((i * days) / codes.length));
    const at = new Date(shanghaiMorning(day, 9).getTime() + (i % 11) * 3600_000);
    await castOnline(db, keys.present(c.code), { ip: 'demo-seed', now: at }, { choice });
  }
  if (!stillOpen) await closeConsultation(db, on(access, closesOn, 20), vote.id);
}
