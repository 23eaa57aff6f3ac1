/**
 * Shapes of the API answers the web uses. The web never imports server code, so these mirror
 * what the routes present (see /api/openapi.json); roles and stages come from src/core.
 */
import type { ProjectFacts } from '../../core/lifecycle.ts';
import type { SessionUser } from '../../core/roles.ts';
import type { Stage } from '../../core/stages.ts';

export type { SessionUser };

export interface SessionInfo {
  user: SessionUser;
  csrfToken: string;
  committeeIds: string[];
  /** today in Shanghai by the server's clock ('YYYY-MM-DD'): every date default and limit follows it, never the device's clock */
  today: string;
  /** an administrator set the password: until it is changed, only 我的账号 works (the API refuses the rest) */
  mustChangePassword?: boolean;
}

export interface Committee {
  id: string;
  name: string;
  streetId: string;
  streetName: string;
  estateCount: number;
}

export interface Estate {
  id: string;
  name: string;
  address: string;
  committeeId: string;
  committeeName: string;
  buildingCount?: number;
}

export interface Building {
  id: string;
  name: string;
  floors: number;
  address: string;
  estateId: string;
  estateName: string;
  committeeId: string;
  committeeName?: string;
  stairwellCount?: number;
}

export interface Stairwell {
  id: string;
  name: string;
  buildingId: string;
  buildingName: string;
  floors: number;
  estateId: string;
  estateName: string;
  committeeId: string;
  unitCount?: number;
}

/** Owner as lists show them: ID number and phone masked unless revealed. */
export interface Owner {
  id: string;
  name: string;
  idNumber: string | null;
  phone: string | null;
}

export interface Unit {
  id: string;
  stairwellId: string;
  committeeId: string;
  floor: number;
  room: string;
  areaCenti: number;
  /** "65.40" */
  areaM2: string;
  owners: Owner[];
}

export interface ProjectRef {
  id: string;
  name: string;
  stage: Stage;
}

/** GET /api/v1/stairwells/:id — everything the elevation diagram needs. */
export interface StairwellDetail extends Stairwell {
  address: string;
  committeeName: string;
  units: Unit[];
  projects: ProjectRef[];
}

export interface PersonUnitRef {
  unitId: string;
  stairwellId: string;
  label: string;
}

export interface Person extends Owner {
  units: PersonUnitRef[];
}

export interface Project {
  id: string;
  name: string;
  stage: Stage;
  stairwellId: string;
  stairwellName: string;
  buildingId: string;
  buildingName: string;
  estateName: string;
  committeeId: string;
  committeeName: string;
  adviserUserId: string | null;
  adviserName: string | null;
  mobilisedOn: string | null;
  consultationOn: string | null;
  worksStartedOn: string | null;
  completedOn: string | null;
  note: string;
  updatedAt: string;
}

/** One move of a project between stages, with what was confirmed or overridden and why. */
export interface StageChange {
  id: string;
  fromStage: Stage;
  toStage: Stage;
  on: string;
  confirmed: string[];
  overridden: { id: string; label: { zh: string; en: string } }[];
  reason: string;
  byName: string;
  at: string;
}

/** GET /api/v1/projects/:id/stage */
export interface StageStatus {
  stage: Stage;
  pausedFrom: Stage | null;
  facts: ProjectFacts;
  history: StageChange[];
}

export interface Adviser {
  id: string;
  displayName: string;
  organisation: string;
}

export interface AuditEvent {
  id: number;
  at: string;
  actorUserId: string | null;
  actorName: string;
  action: string;
  entity: string;
  entityId: string | null;
  committeeId: string | null;
  summary: string;
  before: unknown;
  after: unknown;
}

export interface ImportCounts {
  estates: number;
  buildings: number;
  stairwells: number;
  units: number;
  persons: number;
  /** unit–owner links */
  owners: number;
}

/** POST /api/v1/registry/import: what the file names, and what it created and changed. */
export interface ImportResult {
  ok: true;
  counts: ImportCounts;
  created: ImportCounts;
  updated: ImportCounts;
}

export interface ImportRowError {
  row: number;
  column: string;
  message: string;
  messageEn: string;
}
