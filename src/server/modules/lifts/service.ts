/** A project's lift: its equipment record, created once the works are under way, kept for its years in service. */
import { randomBytes } from 'node:crypto';
import { and, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { codeFromRandom, formatCode, normaliseCode } from '../../../core/consent/codes.ts';
import { AppError, notFound } from '../../../core/errors.ts';
import { centiToSpeed, LIFT_STAGES, speedToCenti } from '../../../core/lifts.ts';
import { STAGE_LABELS } from '../../../core/stages.ts';
import { auditScope, type Access } from '../../platform/access.ts';
import type { Db, Queryable } from '../../platform/db/client.ts';
import { changedFields, recordAudit } from '../audit/record.ts';
import { getProject, lockProject } from '../projects/service.ts';
import { assertCanWriteOrAdviser } from '../projects/steps.ts';
import type { Lift, LiftInput } from './contract.ts';
import { liftProjects } from '../projects/schema.ts';
import { lifts } from './schema.ts';

type LiftRow = typeof lifts.$inferSelect;

/** Lifts of the visible committees, or for an adviser those of the projects assigned to them. */
export function liftScope(access: Access): SQL {
  if (access.assigned)
    return access.assigned.projectIds.length
      ? inArray(lifts.projectId, access.assigned.projectIds)
      : sql`false`;
  return access.committeeIds.length ? inArray(lifts.committeeId, access.committeeIds) : sql`false`;
}

const LIFT = { zh: '电梯', en: 'Lift' };

/**
 * A lift the caller sees, with its project's name and adviser (for the write check); `lock` takes
 * the lift's row for a write that reads then decides, in the same query.
 */
export async function liftInScope(db: Queryable, access: Access, liftId: string, lock = false) {
  const query = db
    .select({ lift: lifts, projectName: liftProjects.name, adviserUserId: liftProjects.adviserUserId })
    .from(lifts)
    .innerJoin(liftProjects, eq(liftProjects.id, lifts.projectId))
    .where(and(eq(lifts.id, liftId), liftScope(access)));
  const [row] = lock ? await query.for('no key update', { of: lifts }) : await query;
  if (!row) throw notFound(LIFT);
  return row;
}

export function presentLift(row: LiftRow, projectName: string): Lift {
  const { speedCentiMps, ...rest } = row;
  return { ...rest, projectName, speed: speedCentiMps === null ? null : centiToSpeed(speedCentiMps) };
}

/** The project's lift, or null before it is recorded. */
export async function getLiftOfProject(
  db: Queryable,
  access: Access,
  projectId: string,
): Promise<Lift | null> {
  const project = await getProject(db, access, projectId);
  const [row] = await db.select().from(lifts).where(eq(lifts.projectId, projectId));
  return row ? presentLift(row, project.name) : null;
}

/** A lift by its public code (the QR sticker in the car), as typed or scanned; null when none. */
export async function liftByPublicCode(db: Queryable, code: string): Promise<LiftRow | null> {
  const normal = normaliseCode(code);
  if (!normal) return null;
  // stored grouped, as printed: the unique index finds it
  const [row] = await db
    .select()
    .from(lifts)
    .where(eq(lifts.publicCode, formatCode(normal)));
  return row ?? null;
}

const newPublicCode = () => {
  const bytes = randomBytes(32);
  let i = 0;
  return codeFromRandom(() => (i < bytes.length ? bytes[i++]! : randomBytes(1)[0]!));
};

function columnsOf(input: LiftInput): Partial<typeof lifts.$inferInsert> {
  const { speed, ...rest } = input;
  const out: Partial<typeof lifts.$inferInsert> = {};
  for (const [key, value] of Object.entries(rest))
    if (value !== undefined) (out as Record<string, unknown>)[key] = value;
  if (speed !== undefined) out.speedCentiMps = speed === null ? null : speedToCenti(speed);
  return out;
}

/**
 * Records or corrects the project's lift. The first save creates it with its public code; the
 * project must have reached the works (a lift that is not being built has nothing to record).
 */
export async function saveLift(db: Db, access: Access, projectId: string, input: LiftInput): Promise<Lift> {
  return db.transaction(async (tx) => {
    await lockProject(tx, access, projectId);
    const project = await getProject(tx, access, projectId);
    assertCanWriteOrAdviser(access, project);
    const [before] = await tx.select().from(lifts).where(eq(lifts.projectId, projectId));
    if (!before && !(LIFT_STAGES as readonly string[]).includes(project.stage))
      throw new AppError(
        409,
        'wrong_stage',
        `项目在“${STAGE_LABELS[project.stage].zh}”阶段，开工后才能登记电梯`,
        `The project is at “${STAGE_LABELS[project.stage].en}”; a lift is recorded once the works start`,
      );
    const values = columnsOf(input);
    let row: LiftRow;
    if (before) {
      [row] = (await tx
        .update(lifts)
        .set({ ...values, updatedAt: access.now })
        .where(eq(lifts.id, before.id))
        .returning()) as [LiftRow];
    } else {
      [row] = (await tx
        .insert(lifts)
        .values({
          ...values,
          projectId,
          committeeId: project.committeeId,
          publicCode: newPublicCode(),
          createdAt: access.now,
          updatedAt: access.now,
        })
        .returning()) as [LiftRow];
    }
    const change = before ? changedFields(before, row) : { before: null, after: { ...values } };
    await recordAudit(tx, access.actor, {
      action: before ? 'lift_update' : 'lift_create',
      entity: 'lift',
      entityId: row.id,
      projectId,
      ...auditScope(access, project.committeeId),
      summary: `${before ? '更新' : '登记'}电梯：${project.name}`,
      before: change.before,
      after: change.after,
    });
    return presentLift(row, project.name);
  });
}
