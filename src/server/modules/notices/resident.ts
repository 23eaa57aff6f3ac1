/** The notices of a household's project and its objections, on the household-code page. */
import { and, count, desc, eq, inArray, isNull, or } from 'drizzle-orm';
import { shanghaiDate } from '../../../core/clock.ts';
import { AppError, conflict } from '../../../core/errors.ts';
import { householdActor } from '../../platform/actor.ts';
import { recordAudit } from '../audit/record.ts';
import type { Visitor } from '../../platform/http.ts';
import type { Db, Queryable } from '../../platform/db/client.ts';
import { resolveCode } from '../household/codes.ts';
import type { PresentedCode } from '../../platform/code-keys.ts';
import { consultations, electorUnits } from '../consent/schema.ts';
import { committees } from '../registry/schema.ts';
import type { ResidentNotices, ResidentObjection } from './contract.ts';
import { notices, objections } from './schema.ts';
import { presentNotice, objectionRecord } from './present.ts';
import { MAX_OBJECTIONS_PER_HOUSEHOLD } from '../../../core/notices.ts';
import { notTaking } from './objections.ts';

/** A household's code, with its units (to find its objections across the project's consultations). */
async function household(db: Queryable, code: PresentedCode, visitor: Visitor) {
  const found = await resolveCode(db, code, visitor);
  if (found.hc.revokedAt)
    throw new AppError(
      410,
      'code_revoked',
      '这封信的户码已作废，请使用居委会补发的新信上的户码',
      'The code on this letter has been cancelled; please use the code on the new letter',
      'code',
    );
  return found;
}

/** Owner groups of the project that share a unit with this household (its codes in other consultations). */
function sameHousehold(db: Queryable, projectId: string, groupId: string) {
  const mine = db
    .select({ unitId: electorUnits.unitId })
    .from(electorUnits)
    .where(eq(electorUnits.groupId, groupId));
  return db
    .selectDistinct({ groupId: electorUnits.groupId })
    .from(electorUnits)
    .innerJoin(consultations, eq(consultations.id, electorUnits.consultationId))
    .where(and(eq(consultations.projectId, projectId), inArray(electorUnits.unitId, mine)));
}

/** What the resident page lists: the project's posted notices and the household's own objections. */
export async function residentNotices(
  db: Queryable,
  code: PresentedCode,
  visitor: Visitor,
): Promise<ResidentNotices> {
  const { g, c, projectName } = await household(db, code, visitor);
  const today = shanghaiDate(visitor.now);
  const rows = await db
    .select()
    .from(notices)
    .where(
      and(eq(notices.projectId, c.projectId), eq(notices.status, 'posted'), isNull(notices.supersededById)),
    )
    .orderBy(desc(notices.startOn));
  const myUnits = db
    .select({ unitId: electorUnits.unitId })
    .from(electorUnits)
    .where(eq(electorUnits.groupId, g.id));
  const mine = await db
    .select({ o: objections, noticeTitle: notices.title })
    .from(objections)
    .innerJoin(notices, eq(notices.id, objections.noticeId))
    .where(
      and(
        eq(objections.projectId, c.projectId),
        or(
          inArray(objections.fromGroupId, sameHousehold(db, c.projectId, g.id)),
          inArray(objections.fromUnitId, myUnits),
        ),
      ),
    )
    .orderBy(desc(objections.createdAt));
  return {
    project: projectName,
    household: { label: g.label },
    notices: rows.map((n) => {
      const p = presentNotice(n, today);
      return {
        id: p.id,
        kind: p.kind,
        kindLabel: p.kindLabel,
        objectionNoun: p.objectionNoun,
        title: p.title,
        body: p.body,
        works: p.works,
        startOn: p.startOn,
        publicityEnd: p.publicityEnd,
        feedbackEnd: p.feedbackEnd,
        endsOn: p.endsOn,
        provisional: p.provisional,
        status: p.status,
        phase: p.phase,
        acceptingObjections: p.acceptingObjections,
        postedWhere: p.postedWhere,
      };
    }),
    objections: mine.map(({ o, noticeTitle }) => {
      const { id, noticeId, fromLabel, text, receivedOn, status, answer, answeredAt, createdAt } =
        objectionRecord(o);
      return {
        id,
        noticeId,
        noticeTitle,
        fromLabel,
        text,
        receivedOn,
        status,
        answer,
        answeredAt,
        createdAt,
      };
    }),
  };
}

/** A resident objects through their code, during the notice's period, to a notice of their own project. */
export async function residentObjection(
  db: Db,
  code: PresentedCode,
  visitor: Visitor,
  input: { noticeId: string; text: string },
): Promise<ResidentObjection> {
  const { g, c } = await household(db, code, visitor);
  const today = shanghaiDate(visitor.now);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select({ n: notices, streetId: committees.streetId })
      .from(notices)
      .innerJoin(committees, eq(committees.id, notices.committeeId))
      .where(and(eq(notices.id, input.noticeId), eq(notices.projectId, c.projectId)));
    if (!row || row.n.status === 'draft')
      throw new AppError(
        404,
        'not_found',
        '本项目没有这则公示',
        'There is no such notice for your project',
        'noticeId',
      );
    const refused = notTaking(row.n, today);
    if (refused) throw refused;
    const [mine] = await tx
      .select({ n: count() })
      .from(objections)
      .where(and(eq(objections.noticeId, row.n.id), eq(objections.fromGroupId, g.id)));
    if ((mine?.n ?? 0) >= MAX_OBJECTIONS_PER_HOUSEHOLD)
      throw conflict(
        `每户对同一公示最多提交 ${MAX_OBJECTIONS_PER_HOUSEHOLD} 条意见，请联系居委会`,
        `A household can send at most ${MAX_OBJECTIONS_PER_HOUSEHOLD} objections to one notice; please contact the residents' committee`,
        'text',
      );
    const actor = householdActor(g.id, visitor.now);
    const [o] = await tx
      .insert(objections)
      .values({
        noticeId: row.n.id,
        projectId: row.n.projectId,
        committeeId: row.n.committeeId,
        channel: 'household',
        fromGroupId: g.id,
        fromLabel: g.label,
        fromName: g.owners.map((x) => x.name).join('、'),
        text: input.text,
        receivedOn: today,
        createdByName: actor.name,
        createdAt: visitor.now,
        updatedAt: visitor.now,
      })
      .returning();
    await recordAudit(tx, actor, {
      action: 'create',
      entity: 'objection',
      entityId: o!.id,
      projectId: row.n.projectId,
      committeeId: row.n.committeeId,
      streetId: row.streetId,
      summary: `${row.n.title}：住户通过户码提出异议 ${g.label}`,
      after: objectionRecord(o!),
    });
    const { id, noticeId, fromLabel, text, receivedOn, status, createdAt } = objectionRecord(o!);
    return { id, noticeId, fromLabel, text, receivedOn, status, createdAt };
  });
}
