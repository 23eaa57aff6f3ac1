import type { Role, SessionUser } from '../../core/roles.ts';
import { forbidden } from '../../core/errors.ts';
import type { Actor } from './actor.ts';

export type { SessionUser };

/**
 * What one user may see, resolved once per request. Every registry row carries committee_id,
 * so one list of committees scopes every query; an adviser instead sees the stairwells (and
 * their buildings and estates) of the projects assigned to them. Loaded by the projects module
 * (modules/projects/access.ts), which knows both; the platform only carries it.
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
