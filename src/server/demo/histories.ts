/**
 * Consistent histories for the demo's projects: every project gets the street's checklist and
 * approval steps, ticked and dated as far as its stage; its stage changes; and, from
 * consultation on, a real vote run through the consent services (frozen electorate, household
 * codes, ballots on the ledger, a closing result).
 */
import { asc, eq } from 'drizzle-orm';
import { MAIN_PATH } from '../../core/lifecycle.ts';
import type { Stage } from '../../core/stages.ts';
import { loadAccess } from '../platform/access.ts';
import { toSessionUser } from '../platform/auth.ts';
import type { Db } from '../platform/db/client.ts';
import { users } from '../modules/accounts/schema.ts';
import { castOnline } from '../modules/consent/ballots.ts';
import { closeConsultation, createConsultation, listCodes, openConsultation } from '../modules/consent/service.ts';
import { approvalSteps, checklistItems, liftProjects, stageChanges } from '../modules/projects/schema.ts';
import { copyTemplates } from '../modules/projects/steps.ts';
import { prng } from './seed.ts';

/** Days from mobilisation at which a typical Jiangwan project enters each stage (5.5 months to works, 9 to completion). */
export const STAGE_DAY: Record<Stage, number> = {
  mobilisation: 0,
  consultation: 25,
  agreement: 60,
  publicity: 75,
  design_review: 95,
  approvals: 110,
  ready_to_build: 150,
  construction: 165,
  acceptance: 245,
  in_service: 270,
  paused: 0,
  withdrawn: 0,
};

const addDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
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
  for (const p of projects) {
    const stage = p.stage as Stage;
    const path = stage === 'paused' ? 'approvals' : stage; // the demo's paused project stopped in approvals
    const dates = stageDates(p.mobilisedOn!, path, () => rnd.int(-4, 6));
    await db.transaction(async (tx) => {
      await copyTemplates(tx, p.id, p.committeeId);
      const reachedIndex = MAIN_PATH.indexOf(path);
      // the checklist: items of the stages already left are ticked on the day their stage ended
      const items = await tx.select().from(checklistItems).where(eq(checklistItems.projectId, p.id));
      for (const item of items) {
        const i = MAIN_PATH.indexOf(item.stage as Stage);
        if (i >= reachedIndex) continue;
        const doneOn = dates.get(MAIN_PATH[i + 1]!)!;
        await tx.update(checklistItems).set({ doneAt: new Date(`${doneOn}T10:00:00+08:00`), doneByName: '胜利居委 工作人员' }).where(eq(checklistItems.id, item.id));
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
      if (stage === 'paused') changes.push({ projectId: p.id, fromStage: 'approvals', toStage: 'paused', on: addDays(dates.get('approvals')!, 20), confirmed: [], byName: '江湾镇街道管理员', at: new Date() });
      if (changes.length) await tx.insert(stageChanges).values(changes.map((c) => ({ ...c, reason: c.toStage === 'paused' ? '底层住户对采光有异议，调解中' : '' })));
      if (stage === 'paused') await tx.update(liftProjects).set({ pausedFrom: 'approvals' }).where(eq(liftProjects.id, p.id));
    });
    if (MAIN_PATH.indexOf(path) >= MAIN_PATH.indexOf('consultation')) await runVote(db, access, p, dates, stage === 'consultation', rnd);
  }
}

/** A real vote for a project: closed and passed once past consultation, still open while in it. */
async function runVote(db: Db, access: Awaited<ReturnType<typeof loadAccess>>, p: typeof liftProjects.$inferSelect, dates: Map<Stage, string>, stillOpen: boolean, rnd: ReturnType<typeof prng>) {
  const opensOn = dates.get('consultation')!;
  const closesOn = addDays(opensOn, stillOpen ? 45 : 30);
  const vote = await createConsultation(db, access, { projectId: p.id, kind: 'vote', title: '加装电梯业主表决', question: '您是否同意本单元加装电梯，并按协商的方案分摊费用？', documentsSummary: '设计方案示意图、费用分摊方案、补贴政策说明', ruleId: 'sh-801-building', scopeKind: 'stairwell', opensOn, closesOn });
  await openConsultation(db, access, vote.id);
  const { codes } = await listCodes(db, access, vote.id);
  for (const [i, c] of codes.entries()) {
    const roll = rnd.next();
    // an open vote: about half have voted so far; a passed one: everyone, one household against
    if (stillOpen && roll < 0.5) continue;
    const choice = stillOpen ? (roll < 0.8 ? 'agree' : roll < 0.9 ? 'abstain' : 'disagree') : i === 1 ? 'disagree' : 'agree';
    await castOnline(db, c.code, 'demo-seed', { choice });
  }
  if (!stillOpen) await closeConsultation(db, access, vote.id);
}

