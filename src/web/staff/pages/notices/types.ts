/**
 * Names for what the notices and mediation routes answer (src/server/modules/notices,
 * …/mediation): each the generated contract's type, never a hand-written mirror. The lists of
 * kinds and outcomes below are the pages' input vocabulary, checked against the contract.
 */
import type { Answer, Body, ItemOf } from '../../../shared/api.ts';

/** GET /api/v1/notices/:id: a notice with its posting evidence, objections and period changes. */
export type NoticeDetail = Answer<'/api/v1/notices/{id}'>;
/** GET /api/v1/projects/:id/notices: a notice with its objection counts. */
export type Notice = ItemOf<Answer<'/api/v1/projects/{id}/notices'>>;
export type Evidence = NoticeDetail['evidence'][number];
export type Objection = NoticeDetail['objections'][number];
/** One move of a notice's ends by a holiday arrangement entered or corrected for `year`. */
export type PeriodChangeRecord = NoticeDetail['periodChanges'][number];
/** A notice's end dates (as a holiday arrangement left them before and after it moved them). */
export type PeriodEnds = PeriodChangeRecord['before'];

/** GET /api/v1/mediation/:id */
export type MediationCase = Answer<'/api/v1/mediation/{id}'>;
/** GET /api/v1/mediation and /api/v1/projects/:id/mediation: a case with its project and sessions counted. */
export type CaseListItem = ItemOf<Answer<'/api/v1/mediation'>>;

export type Bilingual = Notice['kindLabel'];
export type NoticeKind = Notice['kind'];
export type PeriodKind = Notice['publicityKind'];
export type NoticePhase = Notice['phase'];
export type ObjectionStatus = Objection['status'];
export type MediationKind = MediationCase['kind'];
export type Governance = MediationCase['sessions'][number]['governance'][number];
export type Outcome = MediationCase['outcome'];
type ClosingOutcome = Body<'/api/v1/mediation/{id}/close'>['outcome'];

export const NOTICE_KINDS: readonly NoticeKind[] = ['design_scheme', 'consultation_result'];
export const MEDIATION_KINDS: readonly MediationKind[] = [
  'noise',
  'light',
  'ventilation',
  'site_occupation',
  'cost',
  'maintenance',
  'other',
];
export const GOVERNANCES: readonly Governance[] = ['autonomy', 'co_governance', 'virtue', 'law'];
export const CLOSING_OUTCOMES = [
  'agreed',
  'partially_agreed',
  'failed',
  'withdrawn',
] as const satisfies readonly ClosingOutcome[];
/** Every outcome a case can have, as the list's status filter takes them. */
export const OUTCOMES: readonly Outcome[] = ['open', ...CLOSING_OUTCOMES];

/** The default periods by kind, as the server's NOTICE_DEFAULTS. */
export const NOTICE_DEFAULTS: Record<
  NoticeKind,
  { publicityDays: number; publicityKind: PeriodKind; feedbackDays: number; feedbackKind: PeriodKind }
> = {
  design_scheme: { publicityDays: 10, publicityKind: 'natural', feedbackDays: 7, feedbackKind: 'natural' },
  consultation_result: {
    publicityDays: 10,
    publicityKind: 'natural',
    feedbackDays: 0,
    feedbackKind: 'natural',
  },
};
