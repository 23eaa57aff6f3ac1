/** Names for what the project work routes answer: the generated contract's types, never hand-written mirrors. */
import type { Answer, ItemOf } from '../../../shared/api.ts';

/** GET /projects/:id/stage with what the next stage needs. */
export type StageInfo = Answer<'/api/v1/projects/{id}/stage'>;

export type Checklist = Answer<'/api/v1/projects/{id}/checklist'>;
export type ChecklistItem = Checklist['groups'][number]['items'][number];

export type Approvals = Answer<'/api/v1/projects/{id}/approvals'>;
export type ApprovalStep = Approvals['steps'][number];

export type ProjectDocument = ItemOf<Answer<'/api/v1/projects/{id}/documents'>>;
