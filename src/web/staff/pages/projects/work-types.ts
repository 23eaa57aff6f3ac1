import type { ApprovalStatus, DayKind } from '../../../../core/approvals.ts';
import type { CriterionKind } from '../../../../core/lifecycle.ts';
import type { Stage } from '../../../../core/stages.ts';
import type { Bilingual } from '../../../shared/i18n.ts';
import type { StageStatus } from '../../../shared/types.ts';

/** GET /projects/:id/stage with what the next stage needs. */
export interface StageInfo extends StageStatus {
  next: {
    stage: Stage;
    label: Bilingual;
    criteria: { id: string; kind: CriterionKind; label: Bilingual; met: boolean | null }[];
    blockers: { id: string; kind: CriterionKind; label: Bilingual }[];
  } | null;
}

export interface ChecklistItem {
  id: string;
  groupKey: string;
  itemKey: string;
  text: Bilingual;
  stage: Stage;
  doneAt: string | null;
  doneByName: string | null;
  note: string;
}

export interface Checklist {
  groups: { key: string; name: Bilingual; done: number; total: number; items: ChecklistItem[] }[];
}

export interface ApprovalStep {
  id: string;
  key: string;
  position: number;
  name: Bilingual;
  agency: string;
  documents: string[];
  limitDays: number;
  dayKind: DayKind;
  optional: boolean;
  status: ApprovalStatus;
  statusLabel: Bilingual;
  startedOn: string | null;
  submittedOn: string | null;
  doneOn: string | null;
  dueOn: string | null;
  /** the time limit runs into a year whose holiday arrangement is not confirmed yet */
  dueProvisional: boolean;
  overdue: boolean;
  returnedReason: string | null;
  note: string;
}

export interface Approvals {
  steps: ApprovalStep[];
  remaining: number;
  overdue: number;
}

export interface ProjectDocument {
  id: string;
  title: string;
  category: string;
  createdAt: string;
  versions: { version: number; uploadedByName: string; uploadedAt: string; name: string; mime: string; size: number; sha256: string }[];
}

export interface TimelineEvent {
  id: number;
  at: string;
  actorName: string;
  action: string;
  entity: string;
  summary: string;
}
