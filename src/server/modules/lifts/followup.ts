/**
 * The satisfaction follow-up (回访) of a lift: a survey of the stairwell's households (a
 * consultation of kind survey, purpose follow_up) after completion and yearly, answered through
 * the households' codes, with its results on the lift's page. Rules in core/followup.ts.
 */
import { and, asc, eq, inArray, isNull, ne, sql } from 'drizzle-orm';
import { addDays } from '../../../core/calendar.ts';
import { shanghaiDate } from '../../../core/clock.ts';
import { AppError, conflict, badInput } from '../../../core/errors.ts';
import {
  DEFAULT_FOLLOW_UP_QUESTIONS,
  exactShare,
  FOLLOW_UP_ROUND_LABELS,
  FOLLOW_UP_STAGES,
  nextFollowUp,
  roundOf,
  SATISFACTION_QUESTION,
  SATISFIED_OPTIONS,
} from '../../../core/followup.ts';
import { STAGE_LABELS } from '../../../core/stages.ts';
import { assertRole, auditScope, type Access } from '../../platform/access.ts';
import type { PresentedCode } from '../../platform/code-keys.ts';
import type { CodeKeys } from '../../platform/code-keys.ts';
import type { Db, Queryable } from '../../platform/db/client.ts';
import type { Visitor } from '../../platform/http.ts';
import { recordAudit } from '../audit/record.ts';
import { ballots, consultations, electorGroups, electorUnits, householdCodes } from '../consent/schema.ts';
import { countAnswers, insertDraft, openLocked, present } from '../consent/service.ts';
import { resolveCode } from '../household/codes.ts';
import { castOnline } from '../household/online-ballots.ts';
import { lockProject } from '../projects/service.ts';
import { assertCanWriteCommittee } from '../../platform/access.ts';
import { liftProjects } from '../projects/schema.ts';
import type { z } from 'zod';
import type * as c from './contract.ts';
import { lifts } from './schema.ts';
import { liftInScope, liftScope } from './service.ts';

const isFollowUp = eq(consultations.purpose, 'follow_up');

/** The day each of these projects' follow-ups was started, oldest first. */
async function startedOn(db: Queryable, projectIds: string[]) {
  if (!projectIds.length) return new Map<string, string[]>();
  const rows = await db
    .select({ projectId: consultations.projectId, openedAt: consultations.openedAt })
    .from(consultations)
    .where(and(inArray(consultations.projectId, projectIds), isFollowUp, ne(consultations.status, 'draft')))
    .orderBy(asc(consultations.openedAt));
  const out = new Map<string, string[]>();
  for (const r of rows) out.set(r.projectId, [...(out.get(r.projectId) ?? []), shanghaiDate(r.openedAt!)]);
  return out;
}

/** A lift's follow-ups, most recent first, each with its response rate and results, and the next one due. */
export async function followUpsOf(
  db: Queryable,
  lift: { projectId: string; enteredUseOn: string | null },
  today: string,
): Promise<z.infer<typeof c.followUpState>> {
  const rows = await db
    .select({
      c: consultations,
      // spelled out: drizzle leaves a one-table select's columns unqualified, and "id" would be the group's
      households: sql<number>`(select count(*)::int from ${electorGroups} g where g.consultation_id = ${consultations}.id)`,
    })
    .from(consultations)
    .where(and(eq(consultations.projectId, lift.projectId), isFollowUp, ne(consultations.status, 'draft')))
    .orderBy(asc(consultations.openedAt));
  const answers = rows.length
    ? await db
        .select({ consultationId: ballots.consultationId, answers: ballots.answers })
        .from(ballots)
        .where(
          and(
            inArray(
              ballots.consultationId,
              rows.map((r) => r.c.id),
            ),
            eq(ballots.confirmed, true),
          ),
        )
    : [];
  const items = rows.map(({ c: f, households }, i) => {
    const replies = answers.filter((a) => a.consultationId === f.id);
    const overall = replies
      .map((r) => r.answers?.[SATISFACTION_QUESTION])
      .filter((v) => typeof v === 'string');
    return {
      id: f.id,
      title: f.title,
      round: roundOf(i),
      status: f.status,
      openedAt: f.openedAt,
      closesOn: f.closesOn,
      closedAt: f.closedAt,
      households,
      replies: replies.length,
      responseRate: exactShare(replies.length, households),
      satisfaction: exactShare(overall.filter((v) => SATISFIED_OPTIONS.includes(v)).length, overall.length),
      questions: countAnswers(f.questions ?? [], replies),
    };
  });
  return {
    next: nextFollowUp(
      lift.enteredUseOn,
      rows.map((r) => shanghaiDate(r.c.openedAt!)),
      today,
    ),
    items: items.reverse(),
  };
}

const FOLLOW_UP_QUESTION =
  '加装的电梯已经投入使用。请您花一分钟评价电梯的运行、维保和日常管理，您的意见会转给电梯使用单位和维保单位。';

/**
 * Committee staff start a follow-up of their committee's lift: a survey of the stairwell's
 * households, opened at once (its electorate frozen, a code per household, the ledger started).
 * Only from acceptance on, and one at a time; the project's row lock orders concurrent starts.
 */
export async function startFollowUp(
  db: Db,
  access: Access,
  liftId: string,
  input: z.infer<typeof c.followUpBody>,
  keys: CodeKeys,
) {
  return db.transaction(async (tx) => {
    const { lift, projectName } = await liftInScope(tx, access, liftId);
    assertRole(access, 'committee_staff', 'street_admin');
    assertCanWriteCommittee(access, lift.committeeId);
    await lockProject(tx, access, lift.projectId);
    const [project] = await tx.select().from(liftProjects).where(eq(liftProjects.id, lift.projectId));
    if (!FOLLOW_UP_STAGES.includes(project!.stage))
      throw new AppError(
        409,
        'wrong_stage',
        `项目在“${STAGE_LABELS[project!.stage].zh}”阶段，回访只能在验收或运维阶段发起`,
        `The project is at “${STAGE_LABELS[project!.stage].en}”; a follow-up can be started at acceptance or in service only`,
      );
    const earlier = await tx
      .select({ status: consultations.status })
      .from(consultations)
      .where(and(eq(consultations.projectId, lift.projectId), isFollowUp));
    if (earlier.some((e) => e.status !== 'closed'))
      throw conflict(
        '本电梯有一次回访尚未结束，请先结束它',
        'A follow-up of this lift is still open; close it first',
      );
    const closesOn = input.closesOn ?? addDays(access.today, 30);
    if (closesOn < access.today)
      throw badInput('closesOn', '截止日期不能早于今天', 'The closing date cannot be before today');
    const round = roundOf(earlier.length);
    const title =
      input.title ??
      (round === 'yearly'
        ? `${access.today.slice(0, 4)}年${FOLLOW_UP_ROUND_LABELS.yearly.zh}`
        : FOLLOW_UP_ROUND_LABELS.completion.zh);
    const draft = await insertDraft(
      tx,
      access,
      project!,
      {
        kind: 'survey',
        title,
        question: input.question ?? FOLLOW_UP_QUESTION,
        questions: input.questions ?? DEFAULT_FOLLOW_UP_QUESTIONS,
        scopeKind: 'stairwell',
        opensOn: access.today,
        closesOn,
      },
      'follow_up',
    );
    const opened = await openLocked(tx, access, draft, keys);
    await recordAudit(tx, access.actor, {
      action: 'follow_up_start',
      entity: 'lift',
      entityId: liftId,
      projectId: lift.projectId,
      ...auditScope(access, lift.committeeId),
      summary: `发起${FOLLOW_UP_ROUND_LABELS[round].zh}：${projectName}，${title}，截止 ${closesOn}`,
      before: null,
      after: { consultationId: opened.id, round, closesOn },
    });
    return present(opened);
  });
}

/**
 * The lifts in scope whose follow-up is due: none since completion, or the last a year old; only
 * lifts in use whose project is at acceptance or in service (where one can be started).
 */
export async function followUpWork(db: Queryable, access: Access) {
  const rows = await db
    .select({
      liftId: lifts.id,
      projectId: lifts.projectId,
      projectName: liftProjects.name,
      enteredUseOn: lifts.enteredUseOn,
    })
    .from(lifts)
    .innerJoin(liftProjects, eq(liftProjects.id, lifts.projectId))
    .where(
      and(
        liftScope(access),
        sql`${lifts.enteredUseOn} is not null`,
        inArray(liftProjects.stage, [...FOLLOW_UP_STAGES]),
      ),
    );
  const started = await startedOn(
    db,
    rows.map((r) => r.projectId),
  );
  return rows.flatMap((r) => {
    const next = nextFollowUp(r.enteredUseOn, started.get(r.projectId) ?? [], access.today);
    return next?.due ? [{ ...r, round: next.round, dueOn: next.dueOn }] : [];
  });
}

// ---------------------------------------------------------------- the household's side

/**
 * The open follow-up of the code's project and the household's place in it: the follow-up's
 * owner group holding the code's units. Any of the project's codes will do (the vote's letter
 * the household kept); null when there is none, or the household is not among those asked.
 */
async function followUpOfCode(db: Queryable, code: PresentedCode, visitor: Visitor) {
  const { hc, g, c: consultation } = await resolveCode(db, code, visitor);
  if (hc.revokedAt)
    throw new AppError(
      410,
      'code_revoked',
      '这封信的户码已作废，请使用居委会补发的新信上的户码',
      'The code on this letter has been cancelled; please use the code on the new letter',
      'code',
    );
  const [row] = await db
    .select({ f: consultations, groupId: electorUnits.groupId, codeMac: householdCodes.codeMac })
    .from(consultations)
    .innerJoin(electorUnits, eq(electorUnits.consultationId, consultations.id))
    .innerJoin(
      householdCodes,
      and(eq(householdCodes.groupId, electorUnits.groupId), isNull(householdCodes.revokedAt)),
    )
    .where(
      and(
        eq(consultations.projectId, consultation.projectId),
        isFollowUp,
        eq(consultations.status, 'open'),
        inArray(
          electorUnits.unitId,
          db.select({ unitId: electorUnits.unitId }).from(electorUnits).where(eq(electorUnits.groupId, g.id)),
        ),
      ),
    )
    .limit(1);
  // the follow-up's own letter opens it as the page's survey (GET /r/:code), not a second time here
  return row && row.f.id !== consultation.id ? row : null;
}

export async function residentFollowUp(
  db: Queryable,
  code: PresentedCode,
  visitor: Visitor,
): Promise<z.infer<typeof c.residentFollowUp>> {
  const found = await followUpOfCode(db, code, visitor);
  if (!found) return { followUp: null };
  const [b] = await db
    .select()
    .from(ballots)
    .where(and(eq(ballots.consultationId, found.f.id), eq(ballots.groupId, found.groupId)));
  return {
    followUp: {
      title: found.f.title,
      question: found.f.question,
      closesOn: found.f.closesOn,
      questions: found.f.questions ?? [],
      ballot: b ? { answers: b.answers, castAt: b.castAt, receipt: b.ledgerHash } : null,
    },
  };
}

/**
 * A household answers the follow-up with its code: cast as the follow-up's own code of that
 * household would be (the online ballot path: checked, on the ledger, audited), so the answer can
 * be changed until it closes.
 */
export async function answerFollowUp(
  db: Db,
  code: PresentedCode,
  visitor: Visitor,
  answers: z.infer<typeof c.followUpAnswer>['answers'],
) {
  const found = await followUpOfCode(db, code, visitor);
  if (!found)
    throw new AppError(
      404,
      'no_follow_up',
      '目前没有需要您填写的回访问卷',
      'There is no follow-up survey for you to answer now',
      'code',
    );
  return castOnline(db, { mac: found.codeMac }, visitor, { answers });
}
