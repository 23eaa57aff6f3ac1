/**
 * The rules of public notices (公示) and objections that the server and the pages share: the
 * kinds, the objection statuses, the default periods and the limits.
 */
import type { PeriodKind } from './calendar.ts';
import type { Stage } from './stages.ts';

/** In the order staff meet them on the notice form: the design scheme first, the works notice last. */
export const NOTICE_KINDS = ['design_scheme', 'consultation_result', 'works'] as const;
export type NoticeKind = (typeof NOTICE_KINDS)[number];

/** open → answered (not settled) → escalated (mediation open) → settled | withdrawn. */
export const OBJECTION_STATUSES = ['open', 'answered', 'escalated', 'settled', 'withdrawn'] as const;
export type ObjectionStatus = (typeof OBJECTION_STATUSES)[number];

export const NOTICE_KIND_LABELS: Record<NoticeKind, { zh: string; en: string }> = {
  consultation_result: { zh: '征询结果公告', en: 'Consultation result notice' },
  design_scheme: { zh: '设计方案公示', en: 'Design scheme publicity' },
  works: { zh: '施工公告', en: 'Works notice' },
};

/**
 * Periods by kind. The design scheme follows Shanghai's planning publicity: 10 natural days, then
 * 7 natural days of written feedback (domain.md §3). No duration was found for the consultation
 * result notice: 10 natural days without a feedback period is our default, to be changed per notice.
 */
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
  // the days of the works that affect residents; staff give its first and last day
  works: { publicityDays: 14, publicityKind: 'natural', feedbackDays: 0, feedbackKind: 'natural' },
};

/** The objection statuses that still need work: see noticeFacts. */
export const UNRESOLVED: ObjectionStatus[] = ['open', 'answered', 'escalated'];

/** Objections one household may raise to one notice: enough for a real grievance, not a flood. */
export const MAX_OBJECTIONS_PER_HOUSEHOLD = 10;

/** The longest objection a resident may write (characters as the browser counts them); the page says so while typing. */
export const OBJECTION_MAX_CHARS = 2000;

// ---------------------------------------------------------------- works notices (施工公告)

/** What the works do to residents, as a works notice says it. */
export const WORKS_EFFECTS = ['access_blocked', 'noise', 'utility_cut', 'other'] as const;
export type WorksEffect = (typeof WORKS_EFFECTS)[number];

export const WORKS_EFFECT_LABELS: Record<WorksEffect, { zh: string; en: string }> = {
  access_blocked: { zh: '通道封闭', en: 'Access blocked' },
  noise: { zh: '施工噪音', en: 'Noise' },
  utility_cut: { zh: '停水停电', en: 'Water or power cut' },
  other: { zh: '其他影响', en: 'Other' },
};

/** What a works notice adds to a notice: the effects and, for noise, the daily hours ("08:00"). */
export interface WorksDetails {
  effects: WorksEffect[];
  hoursFrom: string | null;
  hoursTo: string | null;
}

/** Works notices are posted once the works have begun (and while acceptance may still bring work on site). */
export const WORKS_NOTICE_STAGES: readonly Stage[] = ['construction', 'acceptance'];

/** The stage a project counts as for its notices: a paused project, the stage it left. */
export const noticeStage = (p: { stage: Stage; pausedFrom: Stage | null }) =>
  p.stage === 'paused' && p.pausedFrom ? p.pausedFrom : p.stage;

/**
 * Whether a notice of this kind may be created while the project is at `stage` (see noticeStage):
 * works notices only from the works on, the others at any stage.
 */
export const noticeKindAllowed = (kind: NoticeKind, stage: Stage) =>
  kind !== 'works' || WORKS_NOTICE_STAGES.includes(stage);

/**
 * Which kinds have a written-feedback period after the publicity. A works notice has none (no
 * law sets one for it): its complaints are taken for the whole of its period, from its first day
 * to its last, which is the works' last day, not moved to a working day as a legal period is.
 */
export const HAS_FEEDBACK_PERIOD: Record<NoticeKind, boolean> = {
  design_scheme: true,
  consultation_result: true,
  works: false,
};

/** The last day of a works notice of `days` natural days from `startOn` (its first day counted). */
export const worksNoticeEnd = (startOn: string, days: number) =>
  // date arithmetic here, not calendar.ts's addDays: that module brings the holiday data, which the
  // resident page (importing these rules) must not load
  new Date(Date.parse(`${startOn}T00:00:00Z`) + (days - 1) * 86_400_000).toISOString().slice(0, 10);

/** The days, first counted, from `startOn` to `endOn`: how a works notice's period is stored. */
export const worksNoticeDays = (startOn: string, endOn: string) =>
  Math.round((Date.parse(`${endOn}T00:00:00Z`) - Date.parse(`${startOn}T00:00:00Z`)) / 86_400_000) + 1;

const HOURS = /^([01][0-9]|2[0-3]):[0-5][0-9]$/;

/** The first problem of a works notice's details, by field, in both languages; null when none. */
export function worksDetailsProblem(d: WorksDetails): { field: string; zh: string; en: string } | null {
  if (!d.effects.length)
    return { field: 'worksEffects', zh: '请选择施工的影响', en: 'Choose what the works affect' };
  const hours = [d.hoursFrom, d.hoursTo];
  if (hours.some((h) => h !== null && !HOURS.test(h)))
    return { field: 'hoursFrom', zh: '时间应为 08:00 的格式', en: 'Hours are written like 08:00' };
  if (d.effects.includes('noise') && (!d.hoursFrom || !d.hoursTo))
    return {
      field: 'hoursFrom',
      zh: '有施工噪音时，请填写每天的施工时间',
      en: 'With noise, give the daily working hours',
    };
  if ((d.hoursFrom === null) !== (d.hoursTo === null))
    return { field: 'hoursTo', zh: '请同时填写开始和结束时间', en: 'Give both the start and the end hour' };
  if (d.hoursFrom && d.hoursTo && d.hoursTo <= d.hoursFrom)
    return {
      field: 'hoursTo',
      zh: '结束时间应晚于开始时间',
      en: 'The end hour must be after the start hour',
    };
  return null;
}

/** How an objection to a notice of this kind is called: a complaint (施工投诉) for a works notice. */
export const OBJECTION_NOUN: Record<NoticeKind, { zh: string; en: string }> = {
  design_scheme: { zh: '异议', en: 'Objection' },
  consultation_result: { zh: '异议', en: 'Objection' },
  works: { zh: '施工投诉', en: 'Complaint' },
};
