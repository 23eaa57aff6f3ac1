/**
 * The demo's follow-ups (回访): each lift in service was asked a month after it entered use, and
 * again each year while the year has passed — except every fourth lift, whose yearly follow-up is
 * due today (the work list shows it). The last of the first lift is still open, so a household's
 * page shows it. Started and closed through the services; the answers go in as online ballots all
 * at once, which the ballot queue writes in a few batches.
 */
import { and, eq, inArray, isNotNull } from 'drizzle-orm';
import { addDays } from '../../core/calendar.ts';
import { shanghaiMorning } from '../../core/clock.ts';
import { addMonths } from '../../core/upkeep.ts';
import type { Access } from '../platform/access.ts';
import type { CodeKeys } from '../platform/code-keys.ts';
import type { Db } from '../platform/db/client.ts';
import { householdCodes } from '../modules/consent/schema.ts';
import { closeConsultation } from '../modules/consent/service.ts';
import { castOnline } from '../modules/household/online-ballots.ts';
import { startFollowUp } from '../modules/lifts/followup.ts';
import { lifts } from '../modules/lifts/schema.ts';
import { liftProjects } from '../modules/projects/schema.ts';
import type { prng } from './prng.ts';

const COMMENTS = [
  '电梯很方便，老人上下楼轻松多了',
  '希望维保人员来之前先打个电话',
  '轿厢里的广告屏声音有点大',
  '夜里运行声音偏响，请维保单位看看',
  '感谢居委会和家加乐的帮助',
];

const at = (access: Access, date: string): Access => {
  const now = shanghaiMorning(date, 9);
  return { ...access, now, today: date, actor: { ...access.actor, at: now } };
};

export async function seedFollowUps(
  db: Db,
  access: Access,
  keys: CodeKeys,
  today: string,
  rnd: ReturnType<typeof prng>,
) {
  const inService = await db
    .select({ id: lifts.id, enteredUseOn: lifts.enteredUseOn })
    .from(lifts)
    .innerJoin(liftProjects, eq(liftProjects.id, lifts.projectId))
    .where(and(eq(liftProjects.stage, 'in_service'), isNotNull(lifts.enteredUseOn)))
    .orderBy(lifts.enteredUseOn);
  const plans = inService.map((lift, n) => {
    const starts: string[] = [];
    for (let on = addMonths(lift.enteredUseOn!, 1); on < today; on = addMonths(on, 12)) starts.push(on);
    // every fourth lift has not yet been asked this year: its follow-up is due
    if (n % 4 === 3 && starts.length > 1) starts.pop();
    // the first lift's latest follow-up began ten days ago and is still open
    if (n === 0 && starts.length > 1) starts[starts.length - 1] = addDays(today, -10);
    return { lift, starts, open: n === 0 };
  });
  // round by round (one open follow-up per lift at a time): start, answer, close
  for (let k = 0; plans.some((p) => p.starts.length > k); k++) {
    const rounds: { id: string; opensOn: string; closesOn: string }[] = [];
    for (const p of plans) {
      const opensOn = p.starts[k];
      if (!opensOn) continue;
      const month = addDays(opensOn, 30);
      // one still open closes after today (a month on, or in twenty days for the first lift's latest)
      const closesOn =
        p.open && k === p.starts.length - 1
          ? addDays(today, 20)
          : month === today
            ? addDays(today, 1)
            : month;
      const f = await startFollowUp(db, at(access, opensOn), p.lift.id, { closesOn }, keys);
      rounds.push({ id: f.id, opensOn, closesOn });
    }
    await answerAll(db, rounds, today, rnd);
    for (const r of rounds)
      if (r.closesOn < today) await closeConsultation(db, at(access, addDays(r.closesOn, 1)), r.id);
  }
}

/** The households' answers to these follow-ups, all at once: the ballot queue batches them. */
async function answerAll(
  db: Db,
  rounds: { id: string; opensOn: string; closesOn: string }[],
  today: string,
  rnd: ReturnType<typeof prng>,
) {
  const codes = await db
    .select({ consultationId: householdCodes.consultationId, mac: householdCodes.codeMac })
    .from(householdCodes)
    .where(
      inArray(
        householdCodes.consultationId,
        rounds.map((r) => r.id),
      ),
    );
  const answers: Promise<unknown>[] = [];
  for (const r of rounds) {
    const last = r.closesOn < today ? r.closesOn : today;
    const days = Math.max(1, Math.round((Date.parse(last) - Date.parse(r.opensOn)) / 86_400_000));
    codes
      .filter((c) => c.consultationId === r.id)
      .forEach((c, i) => {
        // about four in five households answer (half so far of the one still open), most satisfied
        if (rnd.next() < (r.closesOn < today ? 0.2 : 0.5)) return;
        const roll = rnd.next();
        const overall = roll < 0.6 ? 'satisfied' : roll < 0.9 ? 'mostly' : 'unsatisfied';
        const now = new Date(shanghaiMorning(addDays(r.opensOn, i % days), 9).getTime() + (i % 9) * 3600_000);
        answers.push(
          castOnline(
            db,
            { mac: c.mac },
            { ip: 'demo-seed', now },
            {
              answers: {
                running: overall === 'unsatisfied' ? 'fair' : 'good',
                maintenance: rnd.next() < 0.5 ? 'none' : overall === 'satisfied' ? 'good' : 'fair',
                upkeep: overall === 'unsatisfied' ? 'poor' : rnd.next() < 0.7 ? 'good' : 'fair',
                overall,
                ...(rnd.next() < 0.25 ? { comment: COMMENTS[rnd.int(0, COMMENTS.length - 1)]! } : {}),
              },
            },
          ),
        );
      });
  }
  await Promise.all(answers);
}
