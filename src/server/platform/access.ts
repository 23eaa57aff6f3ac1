import { eq, inArray } from 'drizzle-orm';
import type { Role, SessionUser } from '../../core/roles.ts';
import { ROLES_SEEING_PERSONAL_DATA } from '../../core/roles.ts';
import { shanghaiDate } from '../../core/clock.ts';
import { forbidden } from '../../core/errors.ts';
import { buildings, committees, stairwells, streets } from '../modules/registry/schema.ts';
import { liftProjects } from '../modules/projects/schema.ts';
import type { Queryable } from './db/client.ts';
import type { Actor } from './audit.ts';

export type { SessionUser };

/**
 * What one user may see, resolved once per request. Every registry row carries committee_id,
 * so one list of committees scopes every query; an adviser instead sees the stairwells (and
 * their buildings and estates) of the projects assigned to them.
 */
export interface Access {
  user: SessionUser;
  actor: Actor;
  /** the request's instant, from the app's clock: every date a service writes or compares comes from here */
  now: Date;
  /** its calendar date in Shanghai, 'YYYY-MM-DD' */
  today: string;
  /** committees whose whole registry is visible */
  committeeIds: string[];
  /** street of each visible committee, for audit events */
  streetOf: Map<string, string>;
  /** adviser only: the reach of their assigned projects */
  assigned: {
    projectIds: string[];
    stairwellIds: string[];
    buildingIds: string[];
    estateIds: string[];
  } | null;
  seesPersonalData: boolean;
}

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

/** May this user change the registry or projects of this committee? */
export function canWriteCommittee(access: Access, committeeId: string): boolean {
  if (access.user.role === 'street_admin' || access.user.role === 'committee_staff')
    return access.committeeIds.includes(committeeId);
  return false;
}

export function assertCanWriteCommittee(access: Access, committeeId: string) {
  if (!canWriteCommittee(access, committeeId)) throw forbidden();
}

export function assertRole(access: Access, ...roles: Role[]) {
  if (!roles.includes(access.user.role)) throw forbidden();
}

/** Scope columns for audit events of rows belonging to a committee. */
export function auditScope(access: Access, committeeId: string | null) {
  return { committeeId, streetId: committeeId ? (access.streetOf.get(committeeId) ?? null) : null };
}
