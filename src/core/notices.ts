/**
 * The rules of public notices (公示) and objections that the server and the pages share: the
 * kinds, the objection statuses, the default periods and the limits.
 */
import type { PeriodKind } from './calendar.ts';

/** In the order staff meet them on the notice form: the design scheme first. */
export const NOTICE_KINDS = ['design_scheme', 'consultation_result'] as const;
export type NoticeKind = (typeof NOTICE_KINDS)[number];

/** open → answered (not settled) → escalated (mediation open) → settled | withdrawn. */
export const OBJECTION_STATUSES = ['open', 'answered', 'escalated', 'settled', 'withdrawn'] as const;
export type ObjectionStatus = (typeof OBJECTION_STATUSES)[number];

export const NOTICE_KIND_LABELS: Record<NoticeKind, { zh: string; en: string }> = {
  consultation_result: { zh: '征询结果公告', en: 'Consultation result notice' },
  design_scheme: { zh: '设计方案公示', en: 'Design scheme publicity' },
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
};

/** The objection statuses that still need work: see noticeFacts. */
export const UNRESOLVED: ObjectionStatus[] = ['open', 'answered', 'escalated'];

/** Objections one household may raise to one notice: enough for a real grievance, not a flood. */
export const MAX_OBJECTIONS_PER_HOUSEHOLD = 10;

/** The longest objection a resident may write (characters as the browser counts them); the page says so while typing. */
export const OBJECTION_MAX_CHARS = 2000;
