/** What the notices and mediation routes answer (src/server/modules/notices, …/mediation). */

export type Bilingual = { zh: string; en: string };
export type NoticeKind = 'consultation_result' | 'design_scheme';
export type PeriodKind = 'natural' | 'working';
export type NoticePhase = 'draft' | 'upcoming' | 'publicity' | 'feedback' | 'ended' | 'superseded';
export type ObjectionStatus = 'open' | 'answered' | 'escalated' | 'settled' | 'withdrawn';
export type MediationKind = 'noise' | 'light' | 'ventilation' | 'site_occupation' | 'cost' | 'maintenance' | 'other';
export type Governance = 'autonomy' | 'co_governance' | 'virtue' | 'law';
export type Outcome = 'open' | 'agreed' | 'partially_agreed' | 'failed' | 'withdrawn';

export const NOTICE_KINDS: readonly NoticeKind[] = ['design_scheme', 'consultation_result'];
export const MEDIATION_KINDS: readonly MediationKind[] = ['noise', 'light', 'ventilation', 'site_occupation', 'cost', 'maintenance', 'other'];
export const GOVERNANCES: readonly Governance[] = ['autonomy', 'co_governance', 'virtue', 'law'];
export const CLOSING_OUTCOMES = ['agreed', 'partially_agreed', 'failed', 'withdrawn'] as const;

/** The default periods by kind, as the server's NOTICE_DEFAULTS. */
export const NOTICE_DEFAULTS: Record<NoticeKind, { publicityDays: number; publicityKind: PeriodKind; feedbackDays: number; feedbackKind: PeriodKind }> = {
  design_scheme: { publicityDays: 10, publicityKind: 'natural', feedbackDays: 7, feedbackKind: 'natural' },
  consultation_result: { publicityDays: 10, publicityKind: 'natural', feedbackDays: 0, feedbackKind: 'natural' },
};

export interface Notice {
  id: string;
  projectId: string;
  committeeId: string;
  kind: NoticeKind;
  kindLabel: Bilingual;
  title: string;
  body: string | null;
  startOn: string;
  publicityDays: number;
  publicityKind: PeriodKind;
  feedbackDays: number;
  feedbackKind: PeriodKind;
  countStartDay: boolean;
  publicityEnd: string;
  feedbackEnd: string | null;
  endsOn: string;
  /** computed over a year whose holiday arrangement is not confirmed yet: recomputed when it is */
  provisional: boolean;
  status: 'draft' | 'posted' | 'ended' | 'superseded';
  phase: NoticePhase;
  acceptingObjections: boolean;
  postedAt: string | null;
  postedByName: string | null;
  postedWhere: string | null;
  supersedesId: string | null;
  restartReason: string | null;
  supersededById: string | null;
  supersededAt: string | null;
  createdByName: string;
  createdAt: string;
  objectionCount?: number;
  unresolvedObjections?: number;
}

export interface Evidence {
  id: string;
  name: string;
  mime: string;
  size: number;
  where: string;
  note: string;
  byName: string;
  createdAt: string;
}

export interface Objection {
  id: string;
  noticeId: string;
  projectId: string;
  channel: string;
  fromLabel: string | null;
  fromName: string;
  text: string;
  receivedOn: string;
  status: ObjectionStatus;
  answer: string | null;
  answeredAt: string | null;
  answeredByName: string | null;
  settledAt: string | null;
  mediation: { id: string; outcome: Outcome } | null;
}

/** A notice's end dates (as a holiday arrangement left them before and after it moved them). */
export interface PeriodEnds {
  publicityEnd: string;
  feedbackEnd: string | null;
  endsOn: string;
  provisional: boolean;
}

/** One move of a notice's ends by a holiday arrangement entered or corrected for `year`. */
export interface PeriodChangeRecord {
  id: string;
  year: number;
  before: PeriodEnds;
  after: PeriodEnds;
  byName: string;
  at: string;
}

export interface NoticeDetail extends Notice {
  evidence: Evidence[];
  objections: Objection[];
  periodChanges: PeriodChangeRecord[];
}

export interface CaseListItem {
  id: string;
  projectId: string;
  projectName?: string;
  kind: MediationKind;
  kindLabel: Bilingual;
  title: string;
  outcome: Outcome;
  outcomeLabel: Bilingual;
  openedOn: string;
  closedOn: string | null;
  sessionCount?: number;
  lastSessionOn?: string | null;
  sourceObjectionId: string | null;
}

export interface MediationCase extends CaseListItem {
  committeeId: string;
  description: string;
  sourceComplaint: string | null;
  outcomeNote: string | null;
  agreement: { fileId: string; name?: string; size?: number } | null;
  createdByName: string;
  parties: { id: string; unitId: string | null; unitLabel: string | null; name: string; role: 'applicant' | 'respondent' | 'other' }[];
  sessions: { id: string; heldOn: string; notes: string; governance: Governance[]; governanceLabels: Bilingual[]; attendees: string; byName: string }[];
  sourceObjection: { id: string; noticeId: string; text: string; fromLabel: string | null; fromName: string; receivedOn: string; status: ObjectionStatus } | null;
}
