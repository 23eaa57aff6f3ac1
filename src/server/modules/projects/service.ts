import { and, asc, count, desc, eq, ilike, inArray, or, sql, type SQL } from 'drizzle-orm';
import { badInput, forbidden, notFound } from '../../../core/errors.ts';
import type { Stage } from '../../../core/stages.ts';
import { auditScope, canWriteCommittee, type Access } from '../../platform/access.ts';
import { changedFields, recordAudit } from '../audit/record.ts';
import type { Db, Queryable, Tx } from '../../platform/db/client.ts';
import { containing } from '../../platform/db/like.ts';
import { users } from '../accounts/schema.ts';
import { buildings, committees, estates, stairwells } from '../registry/schema.ts';
import { getStairwellRow, type ListParams } from '../registry/service.ts';
import type { Project } from './contract.ts';
import { liftProjects } from './schema.ts';
import { copyTemplates } from './templates.ts';

const PROJECT = { zh: '加装电梯项目', en: 'Lift project' };

/** Projects of the visible committees, or for an adviser the ones assigned to them. */
export function projectScope(access: Access): SQL {
  if (access.assigned)
    return access.assigned.projectIds.length
      ? inArray(liftProjects.id, access.assigned.projectIds)
      : sql`false`;
  return access.committeeIds.length ? inArray(liftProjects.committeeId, access.committeeIds) : sql`false`;
}

const columns = {
  id: liftProjects.id,
  name: liftProjects.name,
  stage: liftProjects.stage,
  pausedFrom: liftProjects.pausedFrom,
  stairwellId: liftProjects.stairwellId,
  stairwellName: stairwells.name,
  buildingId: buildings.id,
  buildingName: buildings.name,
  estateName: estates.name,
  committeeId: liftProjects.committeeId,
  committeeName: committees.name,
  adviserUserId: liftProjects.adviserUserId,
  adviserName: users.displayName,
  mobilisedOn: liftProjects.mobilisedOn,
  consultationOn: liftProjects.consultationOn,
  worksStartedOn: liftProjects.worksStartedOn,
  completedOn: liftProjects.completedOn,
  note: liftProjects.note,
  createdAt: liftProjects.createdAt,
  updatedAt: liftProjects.updatedAt,
};

function selectProjects(db: Queryable) {
  return db
    .select(columns)
    .from(liftProjects)
    .innerJoin(stairwells, eq(stairwells.id, liftProjects.stairwellId))
    .innerJoin(buildings, eq(buildings.id, stairwells.buildingId))
    .innerJoin(estates, eq(estates.id, buildings.estateId))
    .innerJoin(committees, eq(committees.id, liftProjects.committeeId))
    .leftJoin(users, eq(users.id, liftProjects.adviserUserId));
}

export async function listProjects(
  db: Queryable,
  access: Access,
  p: ListParams & {
    stage?: Stage | undefined;
    committeeId?: string | undefined;
    stairwellId?: string | undefined;
  },
) {
  const cond = and(
    projectScope(access),
    p.stage ? eq(liftProjects.stage, p.stage) : undefined,
    p.committeeId ? eq(liftProjects.committeeId, p.committeeId) : undefined,
    p.stairwellId ? eq(liftProjects.stairwellId, p.stairwellId) : undefined,
    p.q ? or(ilike(liftProjects.name, containing(p.q)), ilike(estates.name, containing(p.q))) : undefined,
  );
  const [total] = await db
    .select({ n: count() })
    .from(liftProjects)
    .innerJoin(stairwells, eq(stairwells.id, liftProjects.stairwellId))
    .innerJoin(buildings, eq(buildings.id, stairwells.buildingId))
    .innerJoin(estates, eq(estates.id, buildings.estateId))
    .where(cond);
  const items = await selectProjects(db)
    .where(cond)
    .orderBy(desc(liftProjects.updatedAt), asc(liftProjects.name))
    .limit(p.pageSize)
    .offset((p.page - 1) * p.pageSize);
  const byStage = await db
    .select({ stage: liftProjects.stage, n: count() })
    .from(liftProjects)
    .where(projectScope(access))
    .groupBy(liftProjects.stage);
  return { items, total: total?.n ?? 0, byStage: Object.fromEntries(byStage.map((s) => [s.stage, s.n])) };
}

export async function getProject(db: Queryable, access: Access, id: string): Promise<Project> {
  const [row] = await selectProjects(db).where(and(eq(liftProjects.id, id), projectScope(access)));
  if (!row) throw notFound(PROJECT);
  return row;
}

export interface ProjectInput {
  name: string;
  stairwellId: string;
  adviserUserId?: string | null | undefined;
  mobilisedOn?: string | null | undefined;
  note?: string | undefined;
}

async function assertAdviser(db: Queryable, adviserUserId: string | null | undefined) {
  if (!adviserUserId) return;
  const [u] = await db.select({ role: users.role }).from(users).where(eq(users.id, adviserUserId));
  if (u?.role !== 'adviser')
    throw badInput('adviserUserId', '指定的用户不是加装电梯事务所顾问', 'The user is not a lift adviser');
}

export async function createProject(db: Db, access: Access, input: ProjectInput): Promise<Project> {
  return db.transaction(async (tx) => {
    const sw = await getStairwellRow(tx, access, input.stairwellId).catch(() => {
      throw badInput('stairwellId', '找不到该单元', 'No such stairwell in your scope');
    });
    if (!canWriteCommittee(access, sw.committeeId)) throw forbidden();
    await assertAdviser(tx, input.adviserUserId);
    const [row] = await tx
      .insert(liftProjects)
      .values({ ...input, committeeId: sw.committeeId })
      .returning();
    await copyTemplates(tx, row!.id, sw.committeeId);
    await recordAudit(tx, access.actor, {
      action: 'create',
      entity: 'project',
      entityId: row!.id,
      projectId: row!.id,
      ...auditScope(access, sw.committeeId),
      after: row,
    });
    return getProject(tx, access, row!.id);
  });
}

/** The record's fields; the stage moves only through changeStage (entry criteria). */
export interface ProjectPatch {
  name?: string | undefined;
  adviserUserId?: string | null | undefined;
  mobilisedOn?: string | null | undefined;
  consultationOn?: string | null | undefined;
  worksStartedOn?: string | null | undefined;
  completedOn?: string | null | undefined;
  note?: string | undefined;
}

/**
 * Staff of the committee edit everything; the assigned adviser edits the record but cannot
 * reassign it.
 */
export async function updateProject(
  db: Db,
  access: Access,
  id: string,
  patch: ProjectPatch,
): Promise<Project> {
  return db.transaction(async (tx) => {
    const [before] = await tx
      .select()
      .from(liftProjects)
      .where(and(eq(liftProjects.id, id), projectScope(access)));
    if (!before) throw notFound(PROJECT);
    const isAdviser = access.user.role === 'adviser' && before.adviserUserId === access.user.id;
    if (!canWriteCommittee(access, before.committeeId) && !(isAdviser && patch.adviserUserId === undefined))
      throw forbidden();
    await assertAdviser(tx, patch.adviserUserId);
    const [row] = await tx
      .update(liftProjects)
      .set({ ...patch, updatedAt: access.now })
      .where(eq(liftProjects.id, id))
      .returning();
    await recordAudit(tx, access.actor, {
      action: 'update',
      entity: 'project',
      entityId: id,
      projectId: id,
      ...auditScope(access, before.committeeId),
      ...changedFields(before, row!),
    });
    return getProject(tx, access, id);
  });
}

/**
 * Holds the project's row (if in the caller's scope) until the transaction ends, so writes that
 * read the project's state and decide on it — stage changes, cost plans — go one at a time.
 * Taken first, before any other row of the project, so two such writes cannot deadlock.
 */
export async function lockProject(tx: Tx, access: Access, projectId: string) {
  await tx
    .select({ id: liftProjects.id })
    .from(liftProjects)
    .where(and(eq(liftProjects.id, projectId), projectScope(access)))
    .for('no key update');
}

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
