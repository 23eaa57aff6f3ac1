/**
 * A project's works: its milestones (copied from the street's template when the works begin, or at
 * the first write before), the contractor and supervisor, the site log, and the acceptance and
 * handover checklist with its documents.
 */
import { and, asc, count, desc, eq, inArray } from 'drizzle-orm';
import { AppError, badInput, conflict, forbidden, notFound } from '../../../core/errors.ts';
import { STAGE_LABELS, type Stage } from '../../../core/stages.ts';
import {
  ACCEPTANCE_ITEMS,
  ACCEPTANCE_ITEM_LABELS,
  ACCEPTANCE_NEEDS_REFERENCE,
  ACCEPTANCE_STAGES,
  DEFAULT_MILESTONES,
  dueOnOf,
  enteredUseOf,
  gateMilestones,
  isMilestoneOverdue,
  MAX_LOG_PHOTOS,
  MILESTONE_STATUS_LABELS,
  openBeforeAcceptance,
  planFrom,
  registrationDueOn,
  templateProblem,
  WORKS_STAGES,
  type AcceptanceItem,
  type MilestoneState,
  type MilestoneTemplate,
} from '../../../core/works.ts';
import { assertRole, auditScope, type Access } from '../../platform/access.ts';
import type { Db, Queryable, Tx } from '../../platform/db/client.ts';
import { changedFields, recordAudit } from '../audit/record.ts';
import { storedFiles } from '../files/schema.ts';
import { storeFile } from '../files/service.ts';
import { lifts } from '../lifts/schema.ts';
import { projectDocuments } from '../projects/schema.ts';
import { getProject, lockProject } from '../projects/service.ts';
import { assertCanWriteOrAdviser } from '../projects/steps.ts';
import { committees } from '../registry/schema.ts';
import type {
  AcceptanceInput,
  AcceptanceItemView,
  LogInput,
  LogPhoto,
  Milestone,
  MilestonePatch,
  PartiesInput,
  Works,
} from './contract.ts';
import {
  worksAcceptance,
  worksLogEntries,
  worksLogPhotos,
  worksMilestones,
  worksParties,
  worksTemplates,
} from './schema.ts';

type Project = Awaited<ReturnType<typeof getProject>>;

/** How many site log entries the works tab shows. */
export const LOG_SHOWN = 60;

// ---------------------------------------------------------------- template

export async function worksTemplateOfStreet(db: Queryable, streetId: string) {
  const [row] = await db.select().from(worksTemplates).where(eq(worksTemplates.streetId, streetId));
  return { milestones: row?.milestones ?? DEFAULT_MILESTONES, isDefault: !row };
}

export async function worksTemplateOfCommittee(db: Queryable, committeeId: string) {
  const [c] = await db
    .select({ streetId: committees.streetId })
    .from(committees)
    .where(eq(committees.id, committeeId));
  return worksTemplateOfStreet(db, c!.streetId);
}

export async function worksTemplateOfCaller(db: Queryable, access: Access) {
  const streetId = access.user.streetId ?? access.streetOf.get(access.user.committeeId ?? '') ?? null;
  if (!streetId) throw forbidden();
  return worksTemplateOfStreet(db, streetId);
}

/** A street admin edits the milestones; projects whose works begin afterwards copy them, others keep theirs. */
export async function saveWorksTemplate(db: Db, access: Access, milestones: MilestoneTemplate[]) {
  assertRole(access, 'street_admin');
  const streetId = access.user.streetId!;
  const twice = templateProblem(milestones);
  if (twice)
    throw badInput('milestones', `节点代码“${twice}”重复`, `The milestone key “${twice}” is used twice`);
  return db.transaction(async (tx) => {
    const before = await worksTemplateOfStreet(tx, streetId);
    await tx
      .insert(worksTemplates)
      .values({ streetId, milestones, updatedAt: access.now })
      .onConflictDoUpdate({ target: worksTemplates.streetId, set: { milestones, updatedAt: access.now } });
    await recordAudit(tx, access.actor, {
      action: 'update',
      entity: 'works_template',
      entityId: streetId,
      streetId,
      summary: '施工节点模板',
      ...changedFields({ milestones: before.milestones }, { milestones }),
    });
    return { milestones, isDefault: false };
  });
}

// ---------------------------------------------------------------- milestones

const inWorks = (p: { stage: Stage; pausedFrom: Stage | null }) =>
  WORKS_STAGES.includes(p.stage) ||
  (p.stage === 'paused' && !!p.pausedFrom && WORKS_STAGES.includes(p.pausedFrom));

function assertInWorks(project: Project) {
  if (!inWorks(project))
    throw new AppError(
      409,
      'wrong_stage',
      `项目在“${STAGE_LABELS[project.stage].zh}”阶段，待建阶段起才能记录施工`,
      `The project is at “${STAGE_LABELS[project.stage].en}”; the works are recorded from “ready to build” on`,
    );
}

async function milestoneRows(db: Queryable, projectId: string) {
  return db
    .select()
    .from(worksMilestones)
    .where(eq(worksMilestones.projectId, projectId))
    .orderBy(asc(worksMilestones.position));
}

/**
 * Copies the street's milestones into the project, planned one after another from the start of the
 * works when it is known; does nothing when they are there (the unique key keeps a second copy
 * out). Called in a write's transaction: the stage change into construction, or a first write.
 */
export async function ensureMilestones(
  tx: Tx,
  project: { id: string; committeeId: string; worksStartedOn: string | null },
  startOn?: string,
) {
  const [any] = await tx
    .select({ id: worksMilestones.id })
    .from(worksMilestones)
    .where(eq(worksMilestones.projectId, project.id))
    .limit(1);
  if (any) return false;
  const { milestones } = await worksTemplateOfCommittee(tx, project.committeeId);
  const plan = planFrom(milestones, startOn ?? project.worksStartedOn);
  await tx
    .insert(worksMilestones)
    .values(
      plan.map((m) => ({
        projectId: project.id,
        committeeId: project.committeeId,
        position: m.position,
        key: m.key,
        name: m.name,
        plannedStart: m.plannedStart,
        plannedEnd: m.plannedEnd,
      })),
    )
    .onConflictDoNothing();
  return true;
}

/** The project's milestones as shown: each with its due day and overdue flag, and whether the gate waits for it. */
export function presentMilestones(
  rows: readonly (MilestoneState & { note: string })[],
  today: string,
  enteredUseOn: string | null,
): Milestone[] {
  const gate = new Set(gateMilestones(rows).map((r) => r.key));
  return rows.map((r) => {
    const dueOn = dueOnOf(r, enteredUseOn);
    return {
      key: r.key,
      name: r.name,
      position: r.position,
      status: r.status,
      statusLabel: MILESTONE_STATUS_LABELS[r.status],
      plannedStart: r.plannedStart,
      plannedEnd: r.plannedEnd,
      actualStart: r.actualStart,
      actualEnd: r.actualEnd,
      note: r.note,
      dueOn,
      overdue: isMilestoneOverdue(r, dueOn, today),
      beforeAcceptance: gate.has(r.key),
    };
  });
}

/** The milestones of a project, or a preview of its street's template before they are copied. */
export async function milestonesOrTemplate(
  db: Queryable,
  project: { id: string; committeeId: string; worksStartedOn: string | null },
): Promise<{ copied: boolean; rows: (MilestoneState & { note: string })[] }> {
  const rows = await milestoneRows(db, project.id);
  if (rows.length) return { copied: true, rows };
  const { milestones } = await worksTemplateOfCommittee(db, project.committeeId);
  return {
    copied: false,
    rows: planFrom(milestones, project.worksStartedOn).map((m) => ({
      ...m,
      status: 'pending' as const,
      actualStart: null,
      actualEnd: null,
      note: '',
    })),
  };
}

async function enteredUseOn(db: Queryable, projectId: string) {
  const [lift] = await db
    .select({ enteredUseOn: lifts.enteredUseOn })
    .from(lifts)
    .where(eq(lifts.projectId, projectId));
  return { recorded: Boolean(lift), on: lift?.enteredUseOn ?? null };
}

export async function getWorks(db: Queryable, access: Access, projectId: string): Promise<Works> {
  const project = await getProject(db, access, projectId);
  const { copied, rows } = await milestonesOrTemplate(db, project);
  const lift = await enteredUseOn(db, projectId);
  const entered = enteredUseOf(rows, lift.on);
  const milestones = presentMilestones(rows, access.today, entered);
  const [parties] = await db.select().from(worksParties).where(eq(worksParties.projectId, projectId));
  const log = await db
    .select()
    .from(worksLogEntries)
    .where(eq(worksLogEntries.projectId, projectId))
    .orderBy(desc(worksLogEntries.on), desc(worksLogEntries.createdAt))
    .limit(LOG_SHOWN);
  const showAcceptance =
    ACCEPTANCE_STAGES.includes(project.stage) ||
    (project.stage === 'paused' && !!project.pausedFrom && ACCEPTANCE_STAGES.includes(project.pausedFrom));
  return {
    stage: project.stage,
    copied,
    editable: inWorks(project),
    milestones,
    openBeforeAcceptance: openBeforeAcceptance(rows),
    overdue: milestones.filter((m) => m.overdue).length,
    enteredUseOn: entered,
    registrationDueOn: entered ? registrationDueOn(entered) : null,
    parties: parties ?? null,
    log: await withPhotos(db, log),
    acceptance: showAcceptance ? await acceptanceOf(db, projectId) : null,
    liftRecorded: lift.recorded,
  };
}

/** Records a milestone's status, dates or note; the first write copies the street's milestones. */
export async function updateMilestone(
  db: Db,
  access: Access,
  projectId: string,
  key: string,
  patch: MilestonePatch,
): Promise<Milestone> {
  return db.transaction(async (tx) => {
    await lockProject(tx, access, projectId);
    const project = await getProject(tx, access, projectId);
    assertCanWriteOrAdviser(access, project);
    assertInWorks(project);
    await ensureMilestones(tx, project);
    const [before] = await tx
      .select()
      .from(worksMilestones)
      .where(and(eq(worksMilestones.projectId, projectId), eq(worksMilestones.key, key)));
    if (!before) throw notFound({ zh: '施工节点', en: 'Works milestone' });
    const status = patch.status ?? before.status;
    const values: Partial<typeof worksMilestones.$inferInsert> = { ...patch, updatedAt: access.now };
    // dates follow the status when staff do not give them, as on the approval steps
    if (
      (status === 'in_progress' || status === 'done') &&
      !before.actualStart &&
      patch.actualStart === undefined
    )
      values.actualStart = access.today;
    if (status === 'done' && !before.actualEnd && patch.actualEnd === undefined)
      values.actualEnd = access.today;
    const next = { ...before, ...values };
    if (next.actualStart && next.actualStart > access.today)
      throw badInput('actualStart', '实际开始日期不能晚于今天', 'The actual start cannot be after today');
    if (next.actualEnd && next.actualEnd > access.today)
      throw badInput('actualEnd', '实际完成日期不能晚于今天', 'The actual end cannot be after today');
    if (next.plannedStart && next.plannedEnd && next.plannedEnd < next.plannedStart)
      throw badInput(
        'plannedEnd',
        '计划完成日期早于计划开始日期',
        'The planned end is before the planned start',
      );
    if (next.actualStart && next.actualEnd && next.actualEnd < next.actualStart)
      throw badInput(
        'actualEnd',
        '实际完成日期早于实际开始日期',
        'The actual end is before the actual start',
      );
    if (next.actualEnd && status !== 'done' && status !== 'not_applicable' && patch.actualEnd)
      values.status = next.status = 'done';
    const [row] = await tx
      .update(worksMilestones)
      .set(values)
      .where(eq(worksMilestones.id, before.id))
      .returning();
    await recordAudit(tx, access.actor, {
      action: 'update',
      entity: 'works_milestone',
      entityId: before.id,
      projectId,
      ...auditScope(access, project.committeeId),
      summary: `施工节点：${before.name.zh}`,
      ...changedFields(before, row!),
    });
    const rows = await milestoneRows(tx, projectId);
    const entered = enteredUseOf(rows, (await enteredUseOn(tx, projectId)).on);
    return presentMilestones(rows, access.today, entered).find((m) => m.key === key)!;
  });
}

// ---------------------------------------------------------------- parties

export async function saveParties(db: Db, access: Access, projectId: string, input: PartiesInput) {
  return db.transaction(async (tx) => {
    await lockProject(tx, access, projectId);
    const project = await getProject(tx, access, projectId);
    assertCanWriteOrAdviser(access, project);
    assertInWorks(project);
    const [before] = await tx.select().from(worksParties).where(eq(worksParties.projectId, projectId));
    const values = {
      contractorName: input.contractorName,
      contractorLicence: input.contractorLicence ?? before?.contractorLicence ?? '',
      siteManager: input.siteManager ?? before?.siteManager ?? '',
      siteManagerPhone: input.siteManagerPhone ?? before?.siteManagerPhone ?? '',
      supervisorName: input.supervisorName ?? before?.supervisorName ?? '',
      supervisorContact: input.supervisorContact ?? before?.supervisorContact ?? '',
      supervisorPhone: input.supervisorPhone ?? before?.supervisorPhone ?? '',
      updatedAt: access.now,
    };
    const [row] = await tx
      .insert(worksParties)
      .values({ projectId, committeeId: project.committeeId, ...values })
      .onConflictDoUpdate({ target: worksParties.projectId, set: values })
      .returning();
    await recordAudit(tx, access.actor, {
      action: before ? 'update' : 'create',
      entity: 'works_parties',
      entityId: projectId,
      projectId,
      ...auditScope(access, project.committeeId),
      summary: `施工单位：${values.contractorName}`,
      ...(before ? changedFields(before, row!) : { before: null, after: values }),
    });
    const { projectId: _p, committeeId: _c, ...shown } = row!;
    return shown;
  });
}

// ---------------------------------------------------------------- site log

export async function addLogEntry(db: Db, access: Access, projectId: string, input: LogInput) {
  return db.transaction(async (tx) => {
    const project = await getProject(tx, access, projectId);
    assertCanWriteOrAdviser(access, project);
    assertInWorks(project);
    if (input.on > access.today)
      throw badInput('on', '日志日期不能晚于今天', 'The log date cannot be after today');
    const [row] = await tx
      .insert(worksLogEntries)
      .values({
        projectId,
        committeeId: project.committeeId,
        on: input.on,
        weather: input.weather ?? '',
        workDone: input.workDone,
        workers: input.workers,
        safetyChecks: input.safetyChecks ?? '',
        byName: access.user.displayName,
        createdAt: access.now,
      })
      .returning();
    await recordAudit(tx, access.actor, {
      action: 'create',
      entity: 'works_log',
      entityId: row!.id,
      projectId,
      ...auditScope(access, project.committeeId),
      summary: `施工日志 ${input.on}`,
      before: null,
      after: { ...input },
    });
    const { projectId: _p, committeeId: _c, ...shown } = row!;
    return { ...shown, photos: [] };
  });
}

const photoColumns = {
  id: worksLogPhotos.id,
  entryId: worksLogPhotos.entryId,
  name: storedFiles.name,
  mime: storedFiles.mime,
  size: storedFiles.size,
  caption: worksLogPhotos.caption,
  byName: worksLogPhotos.byName,
  createdAt: worksLogPhotos.createdAt,
};

/** The log entries as shown, each with its photos (one query for the page of entries). */
async function withPhotos(db: Queryable, log: (typeof worksLogEntries.$inferSelect)[]) {
  const photos = log.length
    ? await db
        .select(photoColumns)
        .from(worksLogPhotos)
        .innerJoin(storedFiles, eq(storedFiles.id, worksLogPhotos.fileId))
        .where(
          inArray(
            worksLogPhotos.entryId,
            log.map((e) => e.id),
          ),
        )
        .orderBy(asc(worksLogPhotos.createdAt))
    : [];
  return log.map(({ projectId: _p, committeeId: _c, ...e }) => ({
    ...e,
    photos: photos.filter((x) => x.entryId === e.id),
  }));
}

/**
 * A photo of the site on a log entry: an image (JPEG, PNG or WebP, by its bytes) stored as every
 * upload is, up to MAX_LOG_PHOTOS an entry, counted under the entry's row lock.
 */
export async function addLogPhoto(
  db: Db,
  access: Access,
  projectId: string,
  entryId: string,
  input: { caption?: string | undefined },
  file: { name: string; content: Buffer },
): Promise<LogPhoto> {
  return db.transaction(async (tx) => {
    const project = await getProject(tx, access, projectId);
    assertCanWriteOrAdviser(access, project);
    assertInWorks(project);
    const [entry] = await tx
      .select({ id: worksLogEntries.id, on: worksLogEntries.on })
      .from(worksLogEntries)
      .where(and(eq(worksLogEntries.id, entryId), eq(worksLogEntries.projectId, projectId)))
      .for('update');
    if (!entry) throw notFound(LOG_ENTRY);
    const [had] = await tx
      .select({ n: count() })
      .from(worksLogPhotos)
      .where(eq(worksLogPhotos.entryId, entryId));
    if ((had?.n ?? 0) >= MAX_LOG_PHOTOS)
      throw conflict(
        `每条施工日志最多 ${MAX_LOG_PHOTOS} 张照片`,
        `A site log entry holds at most ${MAX_LOG_PHOTOS} photos`,
        'file',
      );
    const stored = await storeFile(
      tx,
      access,
      { ...file, ownerEntity: 'works_log', committeeId: project.committeeId, projectId },
      'photo',
    );
    const [row] = await tx
      .insert(worksLogPhotos)
      .values({
        entryId,
        projectId,
        committeeId: project.committeeId,
        fileId: stored.id,
        caption: input.caption ?? '',
        byName: access.user.displayName,
        createdAt: access.now,
      })
      .returning();
    await recordAudit(tx, access.actor, {
      action: 'photo',
      entity: 'works_log',
      entityId: entryId,
      projectId,
      ...auditScope(access, project.committeeId),
      summary: `施工日志 ${entry.on}：现场照片 ${stored.name}`,
      before: null,
      after: { photoId: row!.id, caption: row!.caption, file: stored },
    });
    return {
      id: row!.id,
      entryId,
      name: stored.name,
      mime: stored.mime,
      size: stored.size,
      caption: row!.caption,
      byName: row!.byName,
      createdAt: row!.createdAt,
    };
  });
}

const LOG_ENTRY = { zh: '施工日志', en: 'Site log entry' };

/** A log photo's bytes, for whoever sees the project; another project's photo is not found. */
export async function logPhotoFile(
  db: Queryable,
  access: Access,
  projectId: string,
  entryId: string,
  photoId: string,
) {
  await getProject(db, access, projectId);
  const [row] = await db
    .select({ name: storedFiles.name, mime: storedFiles.mime, content: storedFiles.content })
    .from(worksLogPhotos)
    .innerJoin(storedFiles, eq(storedFiles.id, worksLogPhotos.fileId))
    .where(
      and(
        eq(worksLogPhotos.id, photoId),
        eq(worksLogPhotos.entryId, entryId),
        eq(worksLogPhotos.projectId, projectId),
      ),
    );
  if (!row) throw notFound({ zh: '现场照片', en: 'Site photo' });
  return row;
}

// ---------------------------------------------------------------- acceptance and handover

async function acceptanceOf(db: Queryable, projectId: string): Promise<AcceptanceItemView[]> {
  const rows = await db
    .select({ a: worksAcceptance, title: projectDocuments.title })
    .from(worksAcceptance)
    .leftJoin(projectDocuments, eq(projectDocuments.id, worksAcceptance.documentId))
    .where(eq(worksAcceptance.projectId, projectId));
  return ACCEPTANCE_ITEMS.map((item) => {
    const r = rows.find((x) => x.a.item === item);
    return {
      item,
      label: ACCEPTANCE_ITEM_LABELS[item],
      needsReference: ACCEPTANCE_NEEDS_REFERENCE.includes(item),
      done: Boolean(r?.a.doneAt),
      documentId: r?.a.documentId ?? null,
      documentTitle: r?.title ?? null,
      reference: r?.a.reference ?? '',
      note: r?.a.note ?? '',
      doneAt: r?.a.doneAt ?? null,
      doneByName: r?.a.doneByName ?? null,
    };
  });
}

/**
 * Ticks (or unticks) an item of the acceptance checklist. A tick names its document in the
 * project's library; the registration certificate also its number.
 */
export async function tickAcceptance(
  db: Db,
  access: Access,
  projectId: string,
  itemKey: string,
  input: AcceptanceInput,
): Promise<AcceptanceItemView> {
  return db.transaction(async (tx) => {
    const item = itemKey as AcceptanceItem;
    await lockProject(tx, access, projectId);
    const project = await getProject(tx, access, projectId);
    assertCanWriteOrAdviser(access, project);
    if (!ACCEPTANCE_STAGES.includes(project.stage))
      throw new AppError(
        409,
        'wrong_stage',
        `项目在“${STAGE_LABELS[project.stage].zh}”阶段，施工阶段起才能办理验收移交`,
        `The project is at “${STAGE_LABELS[project.stage].en}”; acceptance and handover are recorded from the works on`,
      );
    if (!ACCEPTANCE_ITEMS.includes(item)) throw notFound({ zh: '验收事项', en: 'Acceptance item' });
    const [before] = await tx
      .select()
      .from(worksAcceptance)
      .where(and(eq(worksAcceptance.projectId, projectId), eq(worksAcceptance.item, item)));
    const documentId = input.documentId !== undefined ? input.documentId : (before?.documentId ?? null);
    const reference = input.reference ?? before?.reference ?? '';
    if (documentId) {
      const [doc] = await tx
        .select({ id: projectDocuments.id })
        .from(projectDocuments)
        .where(and(eq(projectDocuments.id, documentId), eq(projectDocuments.projectId, projectId)));
      if (!doc)
        throw badInput(
          'documentId',
          '该文件不在本项目的文件库中',
          'The document is not in this project’s library',
        );
    }
    if (input.done && !documentId)
      throw badInput(
        'documentId',
        '请选择对应的文件（先上传到文件库）',
        'Choose its document (upload it to the library first)',
      );
    if (input.done && ACCEPTANCE_NEEDS_REFERENCE.includes(item) && !reference)
      throw badInput('reference', '请填写证书编号', 'Write the certificate number');
    const values = {
      documentId,
      reference,
      note: input.note ?? before?.note ?? '',
      doneAt: input.done ? (before?.doneAt ?? access.now) : null,
      doneByName: input.done ? (before?.doneByName ?? access.user.displayName) : null,
    };
    const [row] = await tx
      .insert(worksAcceptance)
      .values({ projectId, committeeId: project.committeeId, item, ...values })
      .onConflictDoUpdate({ target: [worksAcceptance.projectId, worksAcceptance.item], set: values })
      .returning();
    await recordAudit(tx, access.actor, {
      action: input.done ? 'tick' : 'untick',
      entity: 'works_acceptance',
      entityId: projectId,
      projectId,
      ...auditScope(access, project.committeeId),
      summary: `验收移交：${ACCEPTANCE_ITEM_LABELS[item].zh}`,
      ...(before ? changedFields(before, row!) : { before: null, after: { item, ...values } }),
    });
    return (await acceptanceOf(tx, projectId)).find((x) => x.item === item)!;
  });
}
