/**
 * Names for what the notices and mediation routes answer (src/server/modules/notices,
 * …/mediation): each the generated contract's type, never a hand-written mirror. The lists of
 * kinds and outcomes below are the pages' input vocabulary, checked against the contract.
 */
import type { Answer, ItemOf } from '../../../shared/api.ts';

/** GET /api/v1/notices/:id: a notice with its posting evidence, objections and period changes. */
export type NoticeDetail = Answer<'/api/v1/notices/{id}'>;
/** GET /api/v1/projects/:id/notices: a notice with its objection counts. */
export type Notice = ItemOf<Answer<'/api/v1/projects/{id}/notices'>>;
export type Objection = NoticeDetail['objections'][number];
/** One move of a notice's ends by a holiday arrangement entered or corrected for `year`. */
export type PeriodChangeRecord = NoticeDetail['periodChanges'][number];

/** GET /api/v1/mediation/:id */
export type MediationCase = Answer<'/api/v1/mediation/{id}'>;
/** GET /api/v1/mediation and /api/v1/projects/:id/mediation: a case with its project and sessions counted. */
export type CaseListItem = ItemOf<Answer<'/api/v1/mediation'>>;

export type NoticeKind = Notice['kind'];
export type PeriodKind = Notice['publicityKind'];
export type NoticePhase = Notice['phase'];
export type ObjectionStatus = Objection['status'];
export type MediationKind = MediationCase['kind'];
export type Governance = MediationCase['sessions'][number]['governance'][number];
export type Outcome = MediationCase['outcome'];

// the enums and defaults are the shared rules of src/core, imported where they are used

/** What every dialog about one notice takes. */
export interface NoticeDialogProps {
  notice: Notice;
  open: boolean;
  onClose: () => void;
}
