/**
 * Names for the API answers the pages share. Each is the generated contract's type (see
 * api.ts and openapi.gen.ts), never a hand-written mirror: a route's schema change reaches
 * every page that reads it through the typecheck.
 */
import type { Answer, ItemOf } from './api.ts';

/** GET /api/v1/session */
export type SessionInfo = Answer<'/api/v1/session'>;
export type Committee = ItemOf<Answer<'/api/v1/committees'>>;
/** GET /api/v1/stairwells/:id — everything the elevation diagram needs. */
export type StairwellDetail = Answer<'/api/v1/stairwells/{id}'>;
export type Unit = StairwellDetail['units'][number];
/** An owner as lists show them: ID number and phone masked unless revealed. */
export type Owner = Unit['owners'][number];
export type Project = Answer<'/api/v1/projects/{id}'>;
/** GET /api/v1/projects/:id/stage */
export type StageStatus = Answer<'/api/v1/projects/{id}/stage'>;
export type AuditEvent = ItemOf<Answer<'/api/v1/audit'>>;
/** POST /api/v1/registry/import: what the file names, and what it created and changed. */
export type ImportResult = Answer<'/api/v1/registry/import', 'post'>;
export type ImportCounts = ImportResult['counts'];
