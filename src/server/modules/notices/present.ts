/** Notices and objections as the API shows them: phase from the dates, names masked for roles that must not see them. */

import { maskName } from '../../../core/privacy.ts';
import { type Access } from '../../platform/access.ts';
import type { Notice, Objection } from './contract.ts';
import { notices, objections } from './schema.ts';
import {
  NOTICE_KIND_LABELS,
  OBJECTION_NOUN,
  WORKS_EFFECT_LABELS,
  type WorksDetails,
} from '../../../core/notices.ts';

export const NOTICE = { zh: '公示', en: 'Notice' };
export const OBJECTION = { zh: '异议', en: 'Objection' };
export type NoticeRow = typeof notices.$inferSelect;
export type ObjectionRow = typeof objections.$inferSelect;

// ---------------------------------------------------------------- periods and presentation

export type NoticePhase = 'draft' | 'upcoming' | 'publicity' | 'feedback' | 'ended' | 'superseded';

export function noticePhase(n: NoticeRow, today: string): NoticePhase {
  if (n.supersededById) return 'superseded';
  if (n.status === 'draft') return 'draft';
  if (today < n.startOn) return 'upcoming';
  if (today <= n.publicityEnd) return 'publicity';
  if (today <= n.endsOn) return 'feedback';
  return 'ended';
}

/** A works notice's effects with their labels, for both sides; null for the other kinds. */
export const presentWorks = (w: WorksDetails | null) =>
  w && { ...w, effectLabels: w.effects.map((e) => WORKS_EFFECT_LABELS[e]) };

/** The notice as the API shows it; status is draft, posted, ended (by its dates) or superseded. */
export function presentNotice(n: NoticeRow, today: string): Notice {
  const phase = noticePhase(n, today);
  const status: Notice['status'] =
    phase === 'superseded' || phase === 'draft' || phase === 'ended' ? phase : 'posted';
  return {
    id: n.id,
    projectId: n.projectId,
    committeeId: n.committeeId,
    kind: n.kind,
    kindLabel: NOTICE_KIND_LABELS[n.kind],
    objectionNoun: OBJECTION_NOUN[n.kind],
    title: n.title,
    body: n.body,
    works: presentWorks(n.works),
    startOn: n.startOn,
    publicityDays: n.publicityDays,
    publicityKind: n.publicityKind,
    feedbackDays: n.feedbackDays,
    feedbackKind: n.feedbackKind,
    countStartDay: n.countStartDay,
    publicityEnd: n.publicityEnd,
    feedbackEnd: n.feedbackEnd,
    endsOn: n.endsOn,
    /** computed over a year whose holiday arrangement is not yet confirmed: recomputed when it is */
    provisional: n.provisional,
    status,
    phase,
    acceptingObjections: phase === 'publicity' || phase === 'feedback',
    postedAt: n.postedAt,
    postedByName: n.postedByName,
    postedWhere: n.postedWhere,
    supersedesId: n.supersedesId,
    restartReason: n.restartReason,
    supersededById: n.supersededById,
    supersededAt: n.supersededAt,
    createdByName: n.createdByName,
    createdAt: n.createdAt,
    updatedAt: n.updatedAt,
  };
}

/** Names of residents ("张三、李四") are shown in full only to roles that contact them. */
export const nameFor = (access: Access | null, name: string) =>
  access?.seesPersonalData
    ? name
    : name
        .split('、')
        .map((n) => maskName(n))
        .join('、');

/** An objection as the audit log and the household see it: the objector's names masked, not who entered it. */
export function objectionRecord(o: ObjectionRow) {
  const { createdByName: _staff, ...shown } = presentObjection(o, null);
  return shown;
}

/** An objection as staff see it; the objector's names are masked for roles that do not contact residents. */
export function presentObjection(o: ObjectionRow, access: Access | null): Objection {
  return {
    id: o.id,
    noticeId: o.noticeId,
    projectId: o.projectId,
    channel: o.channel,
    fromUnitId: o.fromUnitId,
    fromLabel: o.fromLabel,
    fromName: nameFor(access, o.fromName),
    text: o.text,
    receivedOn: o.receivedOn,
    status: o.status,
    answer: o.answer,
    answeredAt: o.answeredAt,
    answeredByName: o.answeredByName,
    settledAt: o.settledAt,
    createdByName: o.createdByName,
    createdAt: o.createdAt,
  };
}
