/**
 * Public notices (公示) of a project and the objections to them.
 *
 * A notice is written as a draft, posted by an action (with photos of where it hangs), and ends
 * by its dates: the publicity period from the start date, then any written-feedback period.
 * Objections are taken from the start date to the last day of the last period. A changed plan
 * restarts the notice: a new draft supersedes the old one, which stays readable.
 */
import {
  noticeKindAllowed,
  noticeStage,
  worksDetailsProblem,
  worksNoticeDays,
  WORKS_NOTICE_STAGES,
  type NoticeKind,
  type WorksDetails,
  type WorksEffect,
} from '../../../core/notices.ts';
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { PeriodKind } from '../../../core/calendar.ts';
import { AppError, badInput, conflict, notFound } from '../../../core/errors.ts';
import { STAGE_LABELS } from '../../../core/stages.ts';
import { assertCanWriteCommittee, type Access } from '../../platform/access.ts';
import { recordAudit } from '../audit/record.ts';
import type { Db, Queryable, Tx } from '../../platform/db/client.ts';
import { storedFiles } from '../files/schema.ts';
import { storeScan } from '../files/service.ts';
import { liftProjects } from '../projects/schema.ts';
import { lockProject, projectScope, projectAudit, projectInScope } from '../projects/service.ts';
import { committees } from '../registry/schema.ts';
import { streetCalendarForWrite } from '../calendar/service.ts';
import type { EvidenceUpload, Notice, NoticeDetail, NoticeListItem } from './contract.ts';
import { noticeEnds, type PeriodInput } from './periods.ts';
import { noticeEvidence, noticePeriodChanges, notices, objections } from './schema.ts';
import { NOTICE, presentNotice, presentObjection, type NoticeRow } from './present.ts';
import { NOTICE_DEFAULTS, UNRESOLVED } from '../../../core/notices.ts';

// ---------------------------------------------------------------- reading

/** A notice the caller sees (through its project), with its street. */
export async function noticeRow(db: Queryable, access: Access, id: string) {
  const [row] = await db
    .select({ n: notices, streetId: committees.streetId })
    .from(notices)
    .innerJoin(liftProjects, eq(liftProjects.id, notices.projectId))
    .innerJoin(committees, eq(committees.id, notices.committeeId))
    .where(and(eq(notices.id, id), projectScope(access)));
  if (!row) throw notFound(NOTICE);
  return row;
}

export async function listNotices(
  db: Queryable,
  access: Access,
  projectId: string,
): Promise<NoticeListItem[]> {
  await projectInScope(db, access, projectId);
  const rows = await db
    .select({
      n: notices,
      objections: sql<number>`(select count(*)::int from ${objections} where ${objections.noticeId} = ${notices.id})`,
      unresolved: sql<number>`(select count(*)::int from ${objections} where ${objections.noticeId} = ${notices.id} and ${inArray(objections.status, UNRESOLVED)})`,
    })
    .from(notices)
    .where(eq(notices.projectId, projectId))
    .orderBy(desc(notices.createdAt));
  const today = access.today;
  return rows.map((r) => ({
    ...presentNotice(r.n, today),
    objectionCount: r.objections,
    unresolvedObjections: r.unresolved,
  }));
}

export async function getNotice(db: Queryable, access: Access, id: string): Promise<NoticeDetail> {
  const { n } = await noticeRow(db, access, id);
  const evidence = await db
    .select({
      id: noticeEvidence.id,
      fileId: noticeEvidence.fileId,
      name: storedFiles.name,
      mime: storedFiles.mime,
      size: storedFiles.size,
      sha256: storedFiles.sha256,
      where: noticeEvidence.where,
      note: noticeEvidence.note,
      byName: noticeEvidence.byName,
      createdAt: noticeEvidence.createdAt,
    })
    .from(noticeEvidence)
    .innerJoin(storedFiles, eq(storedFiles.id, noticeEvidence.fileId))
    .where(eq(noticeEvidence.noticeId, id))
    .orderBy(asc(noticeEvidence.createdAt));
  const objs = await db
    .select()
    .from(objections)
    .where(eq(objections.noticeId, id))
    .orderBy(asc(objections.createdAt));
  const periodChanges = await db
    .select({
      id: noticePeriodChanges.id,
      year: noticePeriodChanges.year,
      before: noticePeriodChanges.before,
      after: noticePeriodChanges.after,
      byName: noticePeriodChanges.byName,
      at: noticePeriodChanges.at,
    })
    .from(noticePeriodChanges)
    .where(eq(noticePeriodChanges.noticeId, id))
    .orderBy(asc(noticePeriodChanges.at));
  return {
    ...presentNotice(n, access.today),
    periodChanges,
    evidence,
    objections: objs.map((o) => presentObjection(o, access)),
  };
}

// ---------------------------------------------------------------- writing notices

export interface NoticeFields {
  title: string;
  body?: string | undefined;
  startOn: string;
  publicityDays?: number | undefined;
  publicityKind?: PeriodKind | undefined;
  feedbackDays?: number | undefined;
  feedbackKind?: PeriodKind | undefined;
  countStartDay?: boolean | undefined;
  /** a works notice's last day, effects and daily hours */
  endOn?: string | undefined;
  worksEffects?: WorksEffect[] | undefined;
  hoursFrom?: string | null | undefined;
  hoursTo?: string | null | undefined;
}

/** The longest works notice: a year, as the longest period of the other kinds. */
const MAX_WORKS_NOTICE_DAYS = 365;

function periodOf(kind: NoticeKind, f: Partial<NoticeFields>, base?: NoticeRow): PeriodInput {
  if (kind === 'works') return worksPeriodOf(f, base);
  const worksField = (['endOn', 'worksEffects', 'hoursFrom', 'hoursTo'] as const).find(
    (k) => f[k] !== undefined,
  );
  if (worksField)
    throw badInput(
      worksField,
      '只有施工公告有结束日期、施工影响和施工时间',
      'Only a works notice has a last day, effects and daily hours',
    );
  const d = base ?? NOTICE_DEFAULTS[kind];
  return {
    startOn: f.startOn ?? base!.startOn,
    publicityDays: f.publicityDays ?? d.publicityDays,
    publicityKind: f.publicityKind ?? d.publicityKind,
    feedbackDays: f.feedbackDays ?? d.feedbackDays,
    feedbackKind: f.feedbackKind ?? d.feedbackKind,
    countStartDay: f.countStartDay ?? base?.countStartDay ?? false,
  };
}

/**
 * A works notice's period is the works' days, from its first day to its last (endOn; else the
 * draft's last day, or the default length), counted in natural days with the first day, and no
 * feedback period (core HAS_FEEDBACK_PERIOD): complaints are taken for the whole of it.
 */
function worksPeriodOf(f: Partial<NoticeFields>, base?: NoticeRow): PeriodInput {
  if (f.feedbackDays)
    throw badInput(
      'feedbackDays',
      '施工公告没有书面意见期：整个公告期内都可以投诉',
      'A works notice has no feedback period: complaints are taken for the whole notice',
    );
  if (f.publicityKind === 'working')
    throw badInput(
      'publicityKind',
      '施工公告按施工的自然日计算',
      'A works notice runs for the natural days of the works',
    );
  const startOn = f.startOn ?? base!.startOn;
  const endOn = f.endOn ?? (f.publicityDays || !base ? null : base.endsOn);
  const days = endOn
    ? worksNoticeDays(startOn, endOn)
    : (f.publicityDays ?? NOTICE_DEFAULTS.works.publicityDays);
  if (days < 1) throw badInput('endOn', '结束日期早于开始日期', 'The last day is before the first day');
  if (days > MAX_WORKS_NOTICE_DAYS)
    throw badInput(
      'endOn',
      `施工公告最长 ${MAX_WORKS_NOTICE_DAYS} 天`,
      `A works notice runs for at most ${MAX_WORKS_NOTICE_DAYS} days`,
    );
  return {
    kind: 'works',
    startOn,
    publicityDays: days,
    publicityKind: 'natural',
    feedbackDays: 0,
    feedbackKind: 'natural',
    countStartDay: true,
  };
}

/** A works notice's effects and hours, checked (core worksDetailsProblem); null for the other kinds. */
function worksOf(kind: NoticeKind, f: Partial<NoticeFields>, base?: NoticeRow): WorksDetails | null {
  if (kind !== 'works') return null;
  const hour = (given: string | null | undefined, before: string | null | undefined) =>
    (given !== undefined ? given : (before ?? null)) || null;
  const details = {
    effects: [...new Set(f.worksEffects ?? base?.works?.effects ?? [])],
    hoursFrom: hour(f.hoursFrom, base?.works?.hoursFrom),
    hoursTo: hour(f.hoursTo, base?.works?.hoursTo),
  };
  const problem = worksDetailsProblem(details);
  if (problem) throw badInput(problem.field, problem.zh, problem.en);
  return details;
}

/**
 * A works notice is written only while the works are on (core noticeKindAllowed), checked under the
 * project's row lock so that a stage change does not cross it.
 */
async function assertKindAllowed(tx: Tx, access: Access, projectId: string, kind: NoticeKind) {
  if (kind !== 'works') return;
  await lockProject(tx, access, projectId);
  const [p] = await tx
    .select({ stage: liftProjects.stage, pausedFrom: liftProjects.pausedFrom })
    .from(liftProjects)
    .where(eq(liftProjects.id, projectId));
  const stage = noticeStage(p!);
  if (!noticeKindAllowed(kind, stage)) {
    const from = WORKS_NOTICE_STAGES.map((s) => STAGE_LABELS[s]);
    throw new AppError(
      409,
      'wrong_stage',
      `项目在“${STAGE_LABELS[stage].zh}”阶段；施工公告只能在${from.map((l) => `“${l.zh}”`).join('、')}阶段发布`,
      `The project is at “${STAGE_LABELS[stage].en}”; works notices are posted only at ${from.map((l) => `“${l.en}”`).join(' or ')}`,
      'kind',
    );
  }
}

const audit = (
  access: Access,
  n: NoticeRow,
  action: string,
  extra: { summary?: string; before?: unknown; after?: unknown } = {},
) => projectAudit(access, 'notice', n, action, extra);

export async function createNotice(
  db: Db,
  access: Access,
  input: NoticeFields & { projectId: string; kind: NoticeKind },
): Promise<Notice> {
  return db.transaction(async (tx) => {
    const p = await projectInScope(tx, access, input.projectId, 'projectId');
    assertCanWriteCommittee(access, p.committeeId);
    const period = periodOf(input.kind, input);
    const works = worksOf(input.kind, input);
    await assertKindAllowed(tx, access, p.id, input.kind);
    const ends = noticeEnds(await streetCalendarForWrite(tx, p.streetId), period);
    const [row] = await tx
      .insert(notices)
      .values({
        projectId: p.id,
        committeeId: p.committeeId,
        kind: input.kind,
        title: input.title,
        body: input.body ?? '',
        works,
        ...period,
        ...ends,
        createdByName: access.user.displayName,
      })
      .returning();
    const shown = presentNotice(row!, access.today);
    await recordAudit(tx, access.actor, audit(access, row!, 'create', { after: shown }));
    return shown;
  });
}

export async function writableNotice(tx: Queryable, access: Access, id: string) {
  const { n, streetId } = await noticeRow(tx, access, id);
  assertCanWriteCommittee(access, n.committeeId);
  if (n.supersededById)
    throw conflict(
      '该公示已被新的公示取代，只能查看',
      'This notice has been superseded by a new one; it can only be read',
    );
  return { n, streetId };
}

export async function updateNotice(
  db: Db,
  access: Access,
  id: string,
  patch: Partial<NoticeFields>,
): Promise<Notice> {
  return db.transaction(async (tx) => {
    const { n, streetId } = await writableNotice(tx, access, id);
    if (n.status !== 'draft')
      throw conflict(
        '公示已张贴，不能修改；方案变更请重新公示',
        'The notice is posted and cannot change; a changed plan restarts it',
      );
    const period = periodOf(n.kind, patch, n);
    const works = worksOf(n.kind, patch, n);
    const ends = noticeEnds(await streetCalendarForWrite(tx, streetId), period);
    const [row] = await tx
      .update(notices)
      .set({
        title: patch.title ?? n.title,
        body: patch.body ?? n.body,
        works,
        ...period,
        ...ends,
        updatedAt: access.now,
      })
      .where(eq(notices.id, id))
      .returning();
    await recordAudit(
      tx,
      access.actor,
      audit(access, row!, 'update', {
        before: presentNotice(n, access.today),
        after: presentNotice(row!, access.today),
      }),
    );
    return presentNotice(row!, access.today);
  });
}

export async function deleteNotice(db: Db, access: Access, id: string) {
  return db.transaction(async (tx) => {
    const { n } = await writableNotice(tx, access, id);
    if (n.status !== 'draft')
      throw conflict('公示已张贴，不能删除', 'The notice is posted and cannot be deleted');
    if (n.supersedesId)
      throw conflict(
        '重新公示的草稿不能删除（原公示已被取代），请修改后张贴',
        'A restarted notice cannot be deleted (the old one is superseded); edit and post it',
      );
    await tx.delete(noticeEvidence).where(eq(noticeEvidence.noticeId, id));
    await tx.delete(notices).where(eq(notices.id, id));
    await recordAudit(
      tx,
      access.actor,
      audit(access, n, 'delete', { before: presentNotice(n, access.today) }),
    );
    return { ok: true as const };
  });
}

/** Posting fixes the dates: they are computed once more on the street's calendar as it stands. */
export async function postNotice(
  db: Db,
  access: Access,
  id: string,
  input: { postedWhere?: string | undefined },
): Promise<Notice> {
  return db.transaction(async (tx) => {
    const { n, streetId } = await writableNotice(tx, access, id);
    if (n.status !== 'draft') throw conflict('公示已经张贴', 'The notice is already posted');
    const ends = noticeEnds(await streetCalendarForWrite(tx, streetId), n);
    const [row] = await tx
      .update(notices)
      .set({
        ...ends,
        status: 'posted',
        postedAt: access.now,
        postedByName: access.user.displayName,
        postedWhere: input.postedWhere ?? n.postedWhere,
        updatedAt: access.now,
      })
      .where(eq(notices.id, id))
      .returning();
    await recordAudit(
      tx,
      access.actor,
      audit(access, row!, 'post', {
        after: {
          startOn: row!.startOn,
          publicityEnd: row!.publicityEnd,
          feedbackEnd: row!.feedbackEnd,
          postedWhere: row!.postedWhere,
        },
      }),
    );
    return presentNotice(row!, access.today);
  });
}

/** A photo or PDF showing the notice where it was posted. */
export async function addEvidence(
  db: Db,
  access: Access,
  id: string,
  input: { where?: string | undefined; note?: string | undefined },
  file: { name: string; content: Buffer },
): Promise<EvidenceUpload> {
  return db.transaction(async (tx) => {
    const { n } = await writableNotice(tx, access, id);
    const stored = await storeScan(tx, access, {
      ...file,
      ownerEntity: 'notice',
      committeeId: n.committeeId,
      projectId: n.projectId,
    });
    const [row] = await tx
      .insert(noticeEvidence)
      .values({
        noticeId: id,
        fileId: stored.id,
        where: input.where ?? '',
        note: input.note ?? '',
        byName: access.user.displayName,
        createdAt: access.now,
      })
      .returning();
    await recordAudit(
      tx,
      access.actor,
      audit(access, n, 'evidence', {
        summary: `${n.title}：张贴照片 ${input.where ?? ''}`.trim(),
        after: { evidenceId: row!.id, file: stored },
      }),
    );
    return { ...row!, name: stored.name, mime: stored.mime, size: stored.size, sha256: stored.sha256 };
  });
}

export async function evidenceFile(db: Queryable, access: Access, id: string, evidenceId: string) {
  await noticeRow(db, access, id);
  const [row] = await db
    .select({ name: storedFiles.name, mime: storedFiles.mime, content: storedFiles.content })
    .from(noticeEvidence)
    .innerJoin(storedFiles, eq(storedFiles.id, noticeEvidence.fileId))
    .where(and(eq(noticeEvidence.id, evidenceId), eq(noticeEvidence.noticeId, id)));
  if (!row) throw notFound({ zh: '张贴照片', en: 'Posting evidence' });
  return row;
}

/**
 * A changed plan restarts the notice: a new draft (the old one's fields, changed where given)
 * supersedes it with the reason; the old notice, its photos and objections stay on record.
 */
export async function restartNotice(
  db: Db,
  access: Access,
  id: string,
  input: Partial<NoticeFields> & { startOn: string; reason: string },
): Promise<Notice> {
  return db.transaction(async (tx) => {
    const { n, streetId } = await writableNotice(tx, access, id);
    if (n.status !== 'posted')
      throw conflict(
        '只有已张贴的公示可以重新公示；草稿可直接修改',
        'Only a posted notice can be restarted; edit a draft instead',
      );
    const period = periodOf(n.kind, input, n);
    const works = worksOf(n.kind, input, n);
    await assertKindAllowed(tx, access, n.projectId, n.kind);
    const ends = noticeEnds(await streetCalendarForWrite(tx, streetId), period);
    const [row] = await tx
      .insert(notices)
      .values({
        projectId: n.projectId,
        committeeId: n.committeeId,
        kind: n.kind,
        title: input.title ?? n.title,
        body: input.body ?? n.body,
        works,
        ...period,
        ...ends,
        supersedesId: n.id,
        restartReason: input.reason,
        createdByName: access.user.displayName,
      })
      .returning();
    await tx
      .update(notices)
      .set({ supersededById: row!.id, supersededAt: access.now, updatedAt: access.now })
      .where(eq(notices.id, n.id));
    await recordAudit(
      tx,
      access.actor,
      audit(access, n, 'restart', {
        summary: `${n.title}：重新公示（${input.reason}）`,
        after: { newNoticeId: row!.id, reason: input.reason },
      }),
    );
    await recordAudit(
      tx,
      access.actor,
      audit(access, row!, 'create', { after: presentNotice(row!, access.today) }),
    );
    return presentNotice(row!, access.today);
  });
}
