/**
 * Public notices (公示) of a project and the objections to them.
 *
 * A notice is written as a draft, posted by an action (with photos of where it hangs), and ends
 * by its dates: the publicity period from the start date, then any written-feedback period.
 * Objections are taken from the start date to the last day of the last period. A changed plan
 * restarts the notice: a new draft supersedes the old one, which stays readable.
 */
import { and, asc, count, desc, eq, inArray, isNull, lt, or, sql } from 'drizzle-orm';
import type { PeriodKind } from '../../../core/calendar.ts';
import { shanghaiDate } from '../../../core/clock.ts';
import { AppError, badInput, conflict, notFound } from '../../../core/errors.ts';
import { maskName } from '../../../core/privacy.ts';
import { assertCanWriteCommittee, auditScope, type Access } from '../../platform/access.ts';
import { householdActor } from '../../platform/actor.ts';
import { recordAudit } from '../audit/record.ts';
import type { Visitor } from '../../platform/http.ts';
import type { Db, Queryable } from '../../platform/db/client.ts';
import { resolveCode } from '../household/codes.ts';
import type { PresentedCode } from '../../platform/code-keys.ts';
import { consultations, electorUnits } from '../consent/schema.ts';
import { storedFiles } from '../files/schema.ts';
import { storeScan } from '../files/service.ts';
import { liftProjects } from '../projects/schema.ts';
import { projectScope } from '../projects/service.ts';
import { buildings, committees, stairwells, units } from '../registry/schema.ts';
import { streetCalendarForWrite } from '../calendar/service.ts';
import type {
  EvidenceUpload,
  Notice,
  NoticeDetail,
  NoticeListItem,
  Objection,
  ObjectionListItem,
  ResidentNotices,
  ResidentObjection,
} from './contract.ts';
import { noticeEnds, type PeriodInput } from './periods.ts';
import {
  noticeEvidence,
  noticePeriodChanges,
  notices,
  objections,
  type NoticeKind,
  type ObjectionStatus,
} from './schema.ts';

export const NOTICE = { zh: '公示', en: 'Notice' };
export const OBJECTION = { zh: '异议', en: 'Objection' };
const PROJECT = { zh: '加装电梯项目', en: 'Lift project' };

export const NOTICE_KIND_LABELS: Record<NoticeKind, { zh: string; en: string }> = {
  consultation_result: { zh: '征询结果公告', en: 'Consultation result notice' },
  design_scheme: { zh: '设计方案公示', en: 'Design scheme publicity' },
};

/**
 * Periods by kind. The design scheme follows Shanghai's planning publicity: 10 natural days, then
 * 7 natural days of written feedback (domain.md §3). No duration was found for the consultation
 * result notice: 10 natural days without a feedback period is our default, to be changed per notice.
 */
export const NOTICE_DEFAULTS: Record<
  NoticeKind,
  { publicityDays: number; publicityKind: PeriodKind; feedbackDays: number; feedbackKind: PeriodKind }
> = {
  design_scheme: { publicityDays: 10, publicityKind: 'natural', feedbackDays: 7, feedbackKind: 'natural' },
  consultation_result: {
    publicityDays: 10,
    publicityKind: 'natural',
    feedbackDays: 0,
    feedbackKind: 'natural',
  },
};

/** The objection statuses that still need work: see noticeFacts. */
export const UNRESOLVED: ObjectionStatus[] = ['open', 'answered', 'escalated'];

export const MAX_OBJECTIONS_PER_HOUSEHOLD = 10;

type NoticeRow = typeof notices.$inferSelect;
type ObjectionRow = typeof objections.$inferSelect;

// ---------------------------------------------------------------- periods and presentation

export type NoticePhase = 'draft' | 'upcoming' | 'publicity' | 'feedback' | 'ended' | 'superseded';

export function noticePhase(n: NoticeRow, today: string): NoticePhase {
  if (n.supersededById) return 'superseded';
  if (n.status === 'draft') return 'draft';
  if (today < n.startOn) return 'upcoming';
  if (today <= n.publicityEnd) return 'publicity';
  if (today <= n.endsOn) return 'feedback';
  return 'ended';
}

/** The notice as the API shows it; status is draft, posted, ended (by its dates) or superseded. */
export function presentNotice(n: NoticeRow, today: string): Notice {
  const phase = noticePhase(n, today);
  const status: Notice['status'] =
    phase === 'superseded' || phase === 'draft' || phase === 'ended' ? phase : 'posted';
  return {
    id: n.id,
    projectId: n.projectId,
    committeeId: n.committeeId,
    kind: n.kind,
    kindLabel: NOTICE_KIND_LABELS[n.kind],
    title: n.title,
    body: n.body,
    startOn: n.startOn,
    publicityDays: n.publicityDays,
    publicityKind: n.publicityKind,
    feedbackDays: n.feedbackDays,
    feedbackKind: n.feedbackKind,
    countStartDay: n.countStartDay,
    publicityEnd: n.publicityEnd,
    feedbackEnd: n.feedbackEnd,
    endsOn: n.endsOn,
    /** computed over a year whose holiday arrangement is not yet confirmed: recomputed when it is */
    provisional: n.provisional,
    status,
    phase,
    acceptingObjections: phase === 'publicity' || phase === 'feedback',
    postedAt: n.postedAt,
    postedByName: n.postedByName,
    postedWhere: n.postedWhere,
    supersedesId: n.supersedesId,
    restartReason: n.restartReason,
    supersededById: n.supersededById,
    supersededAt: n.supersededAt,
    createdByName: n.createdByName,
    createdAt: n.createdAt,
    updatedAt: n.updatedAt,
  };
}

/** Names of residents ("张三、李四") are shown in full only to roles that contact them. */
export const nameFor = (access: Access | null, name: string) =>
  access?.seesPersonalData
    ? name
    : name
        .split('、')
        .map((n) => maskName(n))
        .join('、');

/** An objection as the audit log and the household see it: the objector's names masked, not who entered it. */
export function objectionRecord(o: ObjectionRow) {
  const { createdByName: _staff, ...shown } = presentObjection(o, null);
  return shown;
}

/** An objection as staff see it; the objector's names are masked for roles that do not contact residents. */
export function presentObjection(o: ObjectionRow, access: Access | null): Objection {
  return {
    id: o.id,
    noticeId: o.noticeId,
    projectId: o.projectId,
    channel: o.channel,
    fromUnitId: o.fromUnitId,
    fromLabel: o.fromLabel,
    fromName: nameFor(access, o.fromName),
    text: o.text,
    receivedOn: o.receivedOn,
    status: o.status,
    answer: o.answer,
    answeredAt: o.answeredAt,
    answeredByName: o.answeredByName,
    settledAt: o.settledAt,
    createdByName: o.createdByName,
    createdAt: o.createdAt,
  };
}

// ---------------------------------------------------------------- reading

/** A project the caller sees, with its street (for the calendar). */
export async function projectInScope(db: Queryable, access: Access, projectId: string, field?: string) {
  const [p] = await db
    .select({
      id: liftProjects.id,
      name: liftProjects.name,
      committeeId: liftProjects.committeeId,
      stairwellId: liftProjects.stairwellId,
      streetId: committees.streetId,
    })
    .from(liftProjects)
    .innerJoin(committees, eq(committees.id, liftProjects.committeeId))
    .where(and(eq(liftProjects.id, projectId), projectScope(access)));
  if (!p) throw field ? badInput(field, '找不到该项目', 'No such project in your scope') : notFound(PROJECT);
  return p;
}

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

/** An objection the caller sees (through its project). */
export async function objectionRow(db: Queryable, access: Access, id: string) {
  const [row] = await db
    .select({ o: objections, notice: notices })
    .from(objections)
    .innerJoin(notices, eq(notices.id, objections.noticeId))
    .innerJoin(liftProjects, eq(liftProjects.id, objections.projectId))
    .where(and(eq(objections.id, id), projectScope(access)));
  if (!row) throw notFound(OBJECTION);
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

export async function listObjections(
  db: Queryable,
  access: Access,
  q: {
    projectId?: string | undefined;
    committeeId?: string | undefined;
    status?: ObjectionStatus | undefined;
    page: number;
    pageSize: number;
  },
): Promise<{ items: ObjectionListItem[]; total: number }> {
  const cond = and(
    projectScope(access),
    q.projectId ? eq(objections.projectId, q.projectId) : undefined,
    q.committeeId ? eq(objections.committeeId, q.committeeId) : undefined,
    q.status ? eq(objections.status, q.status) : undefined,
  );
  const [total] = await db
    .select({ n: count() })
    .from(objections)
    .innerJoin(liftProjects, eq(liftProjects.id, objections.projectId))
    .where(cond);
  const rows = await db
    .select({ o: objections, noticeTitle: notices.title, projectName: liftProjects.name })
    .from(objections)
    .innerJoin(notices, eq(notices.id, objections.noticeId))
    .innerJoin(liftProjects, eq(liftProjects.id, objections.projectId))
    .where(cond)
    .orderBy(desc(objections.createdAt))
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize);
  return {
    items: rows.map((r) => ({
      ...presentObjection(r.o, access),
      noticeTitle: r.noticeTitle,
      projectName: r.projectName,
    })),
    total: total?.n ?? 0,
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
}

function periodOf(kind: NoticeKind, f: Partial<NoticeFields>, base?: NoticeRow): PeriodInput {
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

/** An audit event of a row that belongs to a project: the project timeline is made of these. */
export function projectAudit(
  access: Access,
  entity: string,
  row: { id: string; projectId: string; committeeId: string; title: string },
  action: string,
  extra: { summary?: string; before?: unknown; after?: unknown } = {},
) {
  return {
    action,
    entity,
    entityId: row.id,
    projectId: row.projectId,
    ...auditScope(access, row.committeeId),
    summary: extra.summary ?? row.title,
    before: extra.before,
    after: extra.after,
  };
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
    const ends = noticeEnds(await streetCalendarForWrite(tx, p.streetId), period);
    const [row] = await tx
      .insert(notices)
      .values({
        projectId: p.id,
        committeeId: p.committeeId,
        kind: input.kind,
        title: input.title,
        body: input.body ?? '',
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

async function writableNotice(tx: Queryable, access: Access, id: string) {
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
    const ends = noticeEnds(await streetCalendarForWrite(tx, streetId), period);
    const [row] = await tx
      .update(notices)
      .set({
        title: patch.title ?? n.title,
        body: patch.body ?? n.body,
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
    const ends = noticeEnds(await streetCalendarForWrite(tx, streetId), period);
    const [row] = await tx
      .insert(notices)
      .values({
        projectId: n.projectId,
        committeeId: n.committeeId,
        kind: n.kind,
        title: input.title ?? n.title,
        body: input.body ?? n.body,
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

// ---------------------------------------------------------------- objections

/** Unit ids that belong to a project: its stairwell's, and those of its consultations' electorates. */
export async function projectUnits(
  db: Queryable,
  project: { id: string; stairwellId: string },
  unitIds: string[],
) {
  if (!unitIds.length) return new Map<string, string>();
  const rows = await db
    .select({ id: units.id, room: units.room, stairwell: stairwells.name, building: buildings.name })
    .from(units)
    .innerJoin(stairwells, eq(stairwells.id, units.stairwellId))
    .innerJoin(buildings, eq(buildings.id, stairwells.buildingId))
    .where(
      and(
        inArray(units.id, unitIds),
        or(
          eq(units.stairwellId, project.stairwellId),
          inArray(
            units.id,
            db
              .select({ id: electorUnits.unitId })
              .from(electorUnits)
              .innerJoin(consultations, eq(consultations.id, electorUnits.consultationId))
              .where(eq(consultations.projectId, project.id)),
          ),
        ),
      ),
    );
  return new Map(rows.map((r) => [r.id, `${r.building}${r.stairwell} ${r.room}室`]));
}

const notTaking = (n: NoticeRow, today: string) => {
  const phase = noticePhase(n, today);
  if (phase === 'superseded')
    return new AppError(
      409,
      'notice_superseded',
      '该公示已被新的公示取代，请对新的公示提出意见',
      'This notice has been replaced by a new one; please respond to the new notice',
      'noticeId',
    );
  if (phase === 'draft')
    return conflict(
      '公示尚未张贴，不能登记异议',
      'The notice is not posted yet; objections cannot be recorded',
      'noticeId',
    );
  if (phase === 'upcoming' || phase === 'ended')
    return new AppError(
      409,
      'outside_period',
      `不在公示期内：本公示自 ${n.startOn} 起，至 ${n.endsOn} 止接受意见`,
      `Outside the notice period: this notice takes objections from ${n.startOn} to ${n.endsOn}`,
      'noticeId',
    );
  return null;
};

export interface StaffObjectionInput {
  text: string;
  fromUnitId?: string | undefined;
  fromName?: string | undefined;
  receivedOn?: string | undefined;
}

/**
 * Staff enter an objection received in writing or in person. A letter may arrive after the
 * period (postmarked within it), so only the date it was received is checked: not before the
 * notice started, not in the future.
 */
export async function addStaffObjection(
  db: Db,
  access: Access,
  noticeId: string,
  input: StaffObjectionInput,
): Promise<Objection> {
  return db.transaction(async (tx) => {
    const { n } = await writableNotice(tx, access, noticeId);
    if (n.status !== 'posted')
      throw conflict(
        '公示尚未张贴，不能登记异议',
        'The notice is not posted yet; objections cannot be recorded',
        'noticeId',
      );
    const today = access.today;
    const receivedOn = input.receivedOn ?? today;
    if (receivedOn > today)
      throw badInput('receivedOn', '收到日期不能晚于今天', 'The date received cannot be in the future');
    if (receivedOn < n.startOn)
      throw badInput(
        'receivedOn',
        `收到日期早于公示开始日期 ${n.startOn}`,
        `The date received is before the notice started (${n.startOn})`,
      );
    let fromLabel = '';
    if (input.fromUnitId) {
      const [project] = await tx
        .select({ id: liftProjects.id, stairwellId: liftProjects.stairwellId })
        .from(liftProjects)
        .where(eq(liftProjects.id, n.projectId));
      const label = (await projectUnits(tx, project!, [input.fromUnitId])).get(input.fromUnitId);
      if (!label)
        throw badInput('fromUnitId', '该房屋不在本项目范围内', 'This unit is not within the project');
      fromLabel = label;
    }
    const [row] = await tx
      .insert(objections)
      .values({
        noticeId,
        projectId: n.projectId,
        committeeId: n.committeeId,
        channel: 'staff',
        fromUnitId: input.fromUnitId ?? null,
        fromLabel,
        fromName: input.fromName ?? '',
        text: input.text,
        receivedOn,
        createdByName: access.user.displayName,
      })
      .returning();
    await recordAudit(tx, access.actor, {
      action: 'create',
      entity: 'objection',
      entityId: row!.id,
      projectId: n.projectId,
      ...auditScope(access, n.committeeId),
      summary: `${n.title}：登记异议 ${fromLabel}`.trim(),
      after: objectionRecord(row!),
    });
    return presentObjection(row!, access);
  });
}

/** Staff answer an objection; `settled` records that the objector accepts the answer. */
export async function answerObjection(
  db: Db,
  access: Access,
  id: string,
  input: { answer: string; settled: boolean },
): Promise<Objection> {
  return db.transaction(async (tx) => {
    const { o } = await objectionRow(tx, access, id);
    assertCanWriteCommittee(access, o.committeeId);
    if (o.status === 'escalated')
      throw conflict(
        '该异议正在调解中，请在调解结案时处理',
        'This objection is in mediation; settle it by closing the mediation case',
      );
    if (o.status === 'settled' || o.status === 'withdrawn')
      throw conflict('该异议已经办结', 'This objection is already resolved');
    const now = access.now;
    const [row] = await tx
      .update(objections)
      .set({
        answer: input.answer,
        answeredAt: now,
        answeredByName: access.user.displayName,
        status: input.settled ? 'settled' : 'answered',
        settledAt: input.settled ? now : null,
        updatedAt: now,
      })
      .where(eq(objections.id, id))
      .returning();
    await recordAudit(tx, access.actor, {
      action: 'answer',
      entity: 'objection',
      entityId: id,
      projectId: o.projectId,
      ...auditScope(access, o.committeeId),
      summary: input.settled ? '答复异议（已化解）' : '答复异议（未化解）',
      before: { status: o.status, answer: o.answer },
      after: { status: row!.status, answer: row!.answer },
    });
    return presentObjection(row!, access);
  });
}

// ---------------------------------------------------------------- residents (household code)

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
        title: p.title,
        body: p.body,
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

// ---------------------------------------------------------------- facts for the lifecycle

export interface NoticeFacts {
  /** a posted, non-superseded consultation-result notice whose last day is before today */
  resultNoticeEnded: boolean;
  /** the same for a design-scheme notice (its last day is the feedback period's, when it has one) */
  designNoticeEnded: boolean;
  /**
   * Objections of the project (on any of its notices, superseded ones included) not yet resolved:
   * status open (no answer), answered (answered but the objector does not accept), or escalated
   * (its mediation case is still open). Resolved are: settled (answered and accepted, or its
   * mediation case closed as agreed) and withdrawn (its mediation case closed as withdrawn). A
   * mediation that closes as failed or partially agreed leaves the objection unresolved.
   */
  openObjections: number;
  /** of openObjections, those without any answer yet */
  unansweredObjections: number;
  /** of openObjections, those in an open mediation case */
  objectionsInMediation: number;
}

/** Facts the project lifecycle checks; `today` is the Shanghai date (given in tests). */
export async function noticeFacts(db: Queryable, projectId: string, today: string): Promise<NoticeFacts> {
  const ended = await db
    .select({ kind: notices.kind })
    .from(notices)
    .where(
      and(
        eq(notices.projectId, projectId),
        eq(notices.status, 'posted'),
        isNull(notices.supersededById),
        lt(notices.endsOn, today),
      ),
    );
  const byStatus = await db
    .select({ status: objections.status, n: count() })
    .from(objections)
    .where(and(eq(objections.projectId, projectId), inArray(objections.status, UNRESOLVED)))
    .groupBy(objections.status);
  const n = (s: ObjectionStatus) => byStatus.find((r) => r.status === s)?.n ?? 0;
  return {
    resultNoticeEnded: ended.some((r) => r.kind === 'consultation_result'),
    designNoticeEnded: ended.some((r) => r.kind === 'design_scheme'),
    openObjections: n('open') + n('answered') + n('escalated'),
    unansweredObjections: n('open'),
    objectionsInMediation: n('escalated'),
  };
}
