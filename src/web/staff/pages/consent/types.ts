import type { Counts, Outcome } from '../../../../core/consent/tally.ts';
import type { ConsentRule } from '../../../../core/consent/rules.ts';

/** Shapes of the consent API as the staff pages read them (src/server/modules/consent). */
export type Choice = 'agree' | 'disagree' | 'abstain';
export type Channel = 'online' | 'paper' | 'assisted' | 'proxy';
export type ConsultationStatus = 'draft' | 'open' | 'closed';

export type { Fraction } from '../../../../core/consent/fraction.ts';
export type Rule = ConsentRule;

export interface SurveyQuestion {
  id: string;
  kind: 'single' | 'multi' | 'text';
  text: { zh: string; en: string };
  options?: { id: string; zh: string; en: string }[];
}

export interface Consultation {
  id: string;
  projectId: string;
  committeeId: string;
  kind: 'survey' | 'vote';
  title: string;
  question: string;
  documentsSummary: string;
  rule: Rule | null;
  questions: SurveyQuestion[] | null;
  scopeKind: 'stairwell' | 'building' | 'estate';
  scopeId: string;
  status: ConsultationStatus;
  opensOn: string | null;
  closesOn: string | null;
  doubleEntry: boolean;
  openedAt: string | null;
  closedAt: string | null;
  result: unknown;
}

export interface ConsultationListItem extends Consultation {
  electors: number;
  ballotsCast: number;
}

export type { Counts, Outcome } from '../../../../core/consent/tally.ts';

export interface TallyGroup {
  id: string;
  label: string;
  ownersMasked: string[];
  areaCenti: number;
  areaM2: string;
  ballot: Choice | null;
  pending: boolean;
  answered: boolean;
  channel: Channel | null;
}

export interface TallyUnit {
  unitId: string;
  stairwellId: string;
  groupId: string;
  floor: number;
  room: string;
  areaM2: string;
  ballot: Choice | null;
  pending: boolean;
  answered: boolean;
}

export interface Tally {
  consultation: Consultation;
  counts: Counts;
  answered: number;
  outcome: Outcome | null;
  needed: { count: number | null; candidates: { id: string; label: string; ownersMasked: string[]; areaM2: string; ballot: Choice | null }[] } | null;
  groups: TallyGroup[];
  units: TallyUnit[];
}

export interface HouseholdCode {
  groupId: string;
  label: string;
  ownersMasked: string[];
  code: string;
}

export interface LedgerVerdict {
  ok: boolean;
  events: number;
  headHash: string;
  firstBad?: { seq: number; reason: 'hash_mismatch' | 'broken_link' | 'gap' };
}

export interface Certificate {
  consultation: Pick<Consultation, 'id' | 'title' | 'question' | 'kind' | 'status' | 'openedAt' | 'closedAt' | 'rule'> & { result: { counts?: Counts; outcome?: Outcome | null } | null };
  project: string;
  ballots: { household: string; owners: string[]; areaM2: string; choice: Choice | 'answered' | null; channel: Channel | null; castAt: string | null; receipt: string | null }[];
  ledger: LedgerVerdict;
}

export interface SurveyResults {
  replies: number;
  questions: ({ id: string; kind: 'text'; text: { zh: string; en: string }; texts: string[] } | { id: string; kind: 'single' | 'multi'; text: { zh: string; en: string }; options: { id: string; zh: string; en: string }[]; counts: Record<string, number> })[];
}

