/** What the lifecycle and the work list ask of the works: the milestones still open, and those overdue. */
import { and, eq, inArray, type SQL } from 'drizzle-orm';
import {
  ACCEPTANCE_MILESTONE,
  dueOnOf,
  enteredUseOf,
  isMilestoneOverdue,
  openBeforeAcceptance,
} from '../../../core/works.ts';
import type { Queryable } from '../../platform/db/client.ts';
import { lifts } from '../lifts/schema.ts';
import { liftProjects } from '../projects/schema.ts';
import { worksMilestones } from './schema.ts';
import { milestonesOrTemplate } from './service.ts';

/** The milestones before completion acceptance not yet done, by name (all of the template's before they are copied). */
export async function worksFacts(db: Queryable, projectId: string) {
  const [project] = await db
    .select({
      id: liftProjects.id,
      committeeId: liftProjects.committeeId,
      worksStartedOn: liftProjects.worksStartedOn,
    })
    .from(liftProjects)
    .where(eq(liftProjects.id, projectId));
  if (!project) return { worksMilestonesOpen: [] };
  const { rows } = await milestonesOrTemplate(db, project);
  return { worksMilestonesOpen: openBeforeAcceptance(rows) };
}

/** Overdue milestones of the projects in `scope` (a projectScope), for the work list. */
export async function overdueMilestones(db: Queryable, scope: SQL, today: string) {
  const rows = await db
    .select({
      projectId: liftProjects.id,
      projectName: liftProjects.name,
      m: worksMilestones,
      liftEnteredUseOn: lifts.enteredUseOn,
    })
    .from(worksMilestones)
    .innerJoin(liftProjects, eq(liftProjects.id, worksMilestones.projectId))
    .leftJoin(lifts, eq(lifts.projectId, worksMilestones.projectId))
    .where(and(scope, inArray(worksMilestones.status, ['pending', 'in_progress'])));
  if (!rows.length) return [];
  // the use registration's due day needs the acceptance milestone of its project
  const accepted = await db
    .select()
    .from(worksMilestones)
    .where(
      and(
        inArray(worksMilestones.projectId, [...new Set(rows.map((r) => r.projectId))]),
        eq(worksMilestones.key, ACCEPTANCE_MILESTONE),
      ),
    );
  return rows.flatMap((r) => {
    const entered = enteredUseOf(
      accepted.filter((a) => a.projectId === r.projectId),
      r.liftEnteredUseOn,
    );
    const dueOn = dueOnOf(r.m, entered);
    return isMilestoneOverdue(r.m, dueOn, today)
      ? [{ projectId: r.projectId, projectName: r.projectName, id: r.m.id, name: r.m.name, dueOn: dueOn! }]
      : [];
  });
}
