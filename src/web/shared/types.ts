/**
 * Names for the API answers the pages share. Each is the generated contract's type (see
 * api.ts and openapi.gen.ts), never a hand-written mirror: a route's schema change reaches
 * every page that reads it through the typecheck.
 */
import type { SessionUser } from '../../core/roles.ts';
import type { Answer, ItemOf } from './api.ts';

export type { SessionUser };

/** GET /api/v1/session */
export type SessionInfo = Answer<'/api/v1/session'>;
export type Committee = ItemOf<Answer<'/api/v1/committees'>>;
export type Estate = Answer<'/api/v1/estates/{id}'>;
export type Building = Answer<'/api/v1/buildings/{id}'>;
export type Stairwell = ItemOf<Answer<'/api/v1/stairwells'>>;
/** GET /api/v1/stairwells/:id — everything the elevation diagram needs. */
export type StairwellDetail = Answer<'/api/v1/stairwells/{id}'>;
export type Unit = StairwellDetail['units'][number];
/** An owner as lists show them: ID number and phone masked unless revealed. */
export type Owner = Unit['owners'][number];
export type Person = ItemOf<Answer<'/api/v1/persons'>>;
export type Project = Answer<'/api/v1/projects/{id}'>;
/** GET /api/v1/projects/:id/stage */
export type StageStatus = Answer<'/api/v1/projects/{id}/stage'>;
/** One move of a project between stages, with what was confirmed or overridden and why. */
export type StageChange = StageStatus['history'][number];
export type Adviser = ItemOf<Answer<'/api/v1/advisers'>>;
export type AuditEvent = ItemOf<Answer<'/api/v1/audit'>>;
/** POST /api/v1/registry/import: what the file names, and what it created and changed. */
export type ImportResult = Answer<'/api/v1/registry/import', 'post'>;
export type ImportCounts = ImportResult['counts'];
