/**
 * The works (施工管理, issue 12 item 1): the milestones of a lift's construction as an editable
 * street template, their overdue rule, the gate into acceptance, the 30-day use registration
 * (domain.md §4: "使用登记 at 市场监管 within 30 days of entering use"), and the acceptance and
 * handover checklist (item 2). Pure: shared by the server and the pages.
 */
import { addDays } from './calendar.ts';
import type { Stage } from './stages.ts';

export interface MilestoneTemplate {
  key: string;
  name: { zh: string; en: string };
  /** the typical length in natural days, for a first plan from the start of the works */
  days: number;
}

const m = (key: string, zh: string, en: string, days: number): MilestoneTemplate => ({
  key,
  name: { zh, en },
  days,
});

/** The milestone the gate into the acceptance stage stands before. */
export const ACCEPTANCE_MILESTONE = 'completion_acceptance';
/** The milestone due within REGISTRATION_DAYS of the lift entering use. */
export const REGISTRATION_MILESTONE = 'use_registration';
/** "使用登记 at 市场监管 within 30 days of entering use" (domain.md §4) */
export const REGISTRATION_DAYS = 30;

/** Typical lengths are OUR DEFAULTS (a Jiangwan project: about 80 days from works to acceptance). */
export const DEFAULT_MILESTONES: MilestoneTemplate[] = [
  m('pipe_relocation', '管线搬迁', 'Pipe relocation', 10),
  m('foundation', '基础施工', 'Foundation', 14),
  m('steel_shaft', '钢结构井道', 'Steel shaft', 14),
  m('installation', '电梯安装', 'Lift installation', 21),
  m('commissioning', '调试', 'Commissioning', 7),
  m('supervision_inspection', '监督检验', 'Supervision inspection', 7),
  m(ACCEPTANCE_MILESTONE, '竣工验收', 'Completion acceptance', 7),
  m(REGISTRATION_MILESTONE, '使用登记', 'Use registration', REGISTRATION_DAYS),
];

export const MILESTONE_STATUSES = ['pending', 'in_progress', 'done', 'not_applicable'] as const;
export type MilestoneStatus = (typeof MILESTONE_STATUSES)[number];
export const MILESTONE_STATUS_LABELS: Record<MilestoneStatus, { zh: string; en: string }> = {
  pending: { zh: '未开始', en: 'Pending' },
  in_progress: { zh: '进行中', en: 'In progress' },
  done: { zh: '已完成', en: 'Done' },
  not_applicable: { zh: '不适用', en: 'Not applicable' },
};

export const isMilestoneSettled = (s: MilestoneStatus) => s === 'done' || s === 'not_applicable';

/** The stages in which a project's works are planned and recorded. */
export const WORKS_STAGES: readonly Stage[] = ['ready_to_build', 'construction', 'acceptance', 'in_service'];
/** The stages in which the acceptance and handover checklist is shown and ticked. */
export const ACCEPTANCE_STAGES: readonly Stage[] = ['construction', 'acceptance', 'in_service'];

export interface MilestoneState {
  key: string;
  name: { zh: string; en: string };
  position: number;
  status: MilestoneStatus;
  plannedStart: string | null;
  plannedEnd: string | null;
  actualStart: string | null;
  actualEnd: string | null;
}

/** Last day of the use registration: 30 days after the lift entered use. */
export const registrationDueOn = (enteredUseOn: string) => addDays(enteredUseOn, REGISTRATION_DAYS);

/**
 * When the lift entered use: the day recorded on its equipment, else the day completion
 * acceptance ended (a lift is put to use once accepted), else not yet.
 */
export function enteredUseOf(milestones: readonly MilestoneState[], liftEnteredUseOn: string | null) {
  if (liftEnteredUseOn) return liftEnteredUseOn;
  const accepted = milestones.find((x) => x.key === ACCEPTANCE_MILESTONE);
  return accepted?.status === 'done' ? accepted.actualEnd : null;
}

/**
 * The day a milestone must be done by: its planned end; for the use registration, 30 days after the
 * lift entered use when it has (the earlier of the two when both are known).
 */
export function dueOnOf(x: MilestoneState, enteredUseOn: string | null): string | null {
  if (x.key !== REGISTRATION_MILESTONE || !enteredUseOn) return x.plannedEnd;
  const rule = registrationDueOn(enteredUseOn);
  return x.plannedEnd && x.plannedEnd < rule ? x.plannedEnd : rule;
}

/** Overdue: the day it was due has passed and it is not done (nor marked not applicable). */
export const isMilestoneOverdue = (x: MilestoneState, dueOn: string | null, today: string) =>
  Boolean(dueOn && dueOn < today && !isMilestoneSettled(x.status));

/**
 * The milestones the gate into acceptance waits for: those before completion acceptance in the
 * project's order; without one (a street removed it), all but the use registration.
 */
export function gateMilestones<T extends MilestoneState>(milestones: readonly T[]): T[] {
  const sorted = [...milestones].sort((a, b) => a.position - b.position);
  const at = sorted.findIndex((x) => x.key === ACCEPTANCE_MILESTONE);
  return at >= 0 ? sorted.slice(0, at) : sorted.filter((x) => x.key !== REGISTRATION_MILESTONE);
}

/** The names of the milestones still standing between the works and the acceptance stage. */
export const openBeforeAcceptance = (milestones: readonly MilestoneState[]) =>
  gateMilestones(milestones)
    .filter((x) => !isMilestoneSettled(x.status))
    .map((x) => x.name);

/** A first plan: the template's milestones one after another from the start of the works. */
export function planFrom(template: readonly MilestoneTemplate[], startOn: string | null) {
  let at = startOn;
  return template.map((t, position) => {
    if (!at) return { ...t, position, plannedStart: null, plannedEnd: null };
    const plannedStart = at;
    const plannedEnd = addDays(at, Math.max(t.days, 1) - 1);
    at = addDays(plannedEnd, 1);
    return { ...t, position, plannedStart, plannedEnd };
  });
}

/** Problems of a street's template: the keys must be unique (a project's milestones are found by key). */
export function templateProblem(template: readonly MilestoneTemplate[]): string | null {
  const seen = new Set<string>();
  for (const t of template) {
    if (seen.has(t.key)) return t.key;
    seen.add(t.key);
  }
  return null;
}

// ---------------------------------------------------------------- site log

/** Photos one site log entry may hold: enough for a day's record, not an album. */
export const MAX_LOG_PHOTOS = 12;

// ---------------------------------------------------------------- acceptance and handover

export const ACCEPTANCE_ITEMS = [
  'as_built_drawings',
  'supervision_report',
  'registration_certificate',
  'insurance_policy',
  'keys_manuals',
] as const;
export type AcceptanceItem = (typeof ACCEPTANCE_ITEMS)[number];

export const ACCEPTANCE_ITEM_LABELS: Record<AcceptanceItem, { zh: string; en: string }> = {
  as_built_drawings: { zh: '竣工图', en: 'As-built drawings' },
  supervision_report: { zh: '监督检验报告', en: 'Supervision inspection report' },
  registration_certificate: { zh: '使用登记证（编号）', en: 'Registration certificate (number)' },
  insurance_policy: { zh: '电梯安全责任保险单', en: 'Safety-liability insurance policy' },
  keys_manuals: { zh: '钥匙与使用说明书移交', en: 'Keys and manuals handed over' },
};

/** The items whose tick needs a reference written beside the document (the certificate number). */
export const ACCEPTANCE_NEEDS_REFERENCE: readonly AcceptanceItem[] = ['registration_certificate'];
