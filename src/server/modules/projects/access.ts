import { eq, inArray } from 'drizzle-orm';
import { ROLES_SEEING_PERSONAL_DATA, type SessionUser } from '../../../core/roles.ts';
import { shanghaiDate } from '../../../core/clock.ts';
import type { Access } from '../../platform/access.ts';
import type { Queryable } from '../../platform/db/client.ts';
import { buildings, committees, stairwells, streets } from '../registry/schema.ts';
import { liftProjects } from './schema.ts';

/**
 * What one user may see (platform/access.ts): the committees their role reaches in the registry,
 * and for an adviser the projects assigned to them — which is why it lives here, the lowest
 * module that knows both. app.ts hands it to the platform through the session store.
 */
export async function loadAccess(db: Queryable, user: SessionUser, now: Date): Promise<Access> {
  const rows = await db
    .select({ id: committees.id, streetId: committees.streetId, districtId: streets.districtId })
    .from(committees)
    .innerJoin(streets, eq(streets.id, committees.streetId));
  let visible: typeof rows = [];
  let assigned: Access['assigned'] = null;
  switch (user.role) {
    case 'district_viewer':
      visible = rows.filter((r) => r.districtId === user.districtId);
      break;
    case 'street_admin':
      visible = rows.filter((r) => r.streetId === user.streetId);
      break;
    case 'committee_staff':
      visible = rows.filter((r) => r.id === user.committeeId);
      break;
    case 'adviser': {
      const projects = await db
        .select({
          id: liftProjects.id,
          stairwellId: liftProjects.stairwellId,
          buildingId: stairwells.buildingId,
        })
        .from(liftProjects)
        .innerJoin(stairwells, eq(stairwells.id, liftProjects.stairwellId))
        .where(eq(liftProjects.adviserUserId, user.id));
      const buildingIds = [...new Set(projects.map((p) => p.buildingId))];
      const estateRows = buildingIds.length
        ? await db
            .select({ estateId: buildings.estateId })
            .from(buildings)
            .where(inArray(buildings.id, buildingIds))
        : [];
      assigned = {
        projectIds: projects.map((p) => p.id),
        stairwellIds: [...new Set(projects.map((p) => p.stairwellId))],
        buildingIds,
        estateIds: [...new Set(estateRows.map((e) => e.estateId))],
      };
      break;
    }
  }
  return {
    user,
    actor: { userId: user.id, name: user.username, at: now },
    now,
    today: shanghaiDate(now),
    committeeIds: visible.map((r) => r.id),
    streetOf: new Map(rows.map((r) => [r.id, r.streetId])),
    assigned,
    seesPersonalData: ROLES_SEEING_PERSONAL_DATA.includes(user.role),
  };
}
