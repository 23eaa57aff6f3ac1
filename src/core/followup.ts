/**
 * The satisfaction follow-up (回访) of a lift in service: a short survey of the stairwell's
 * households after completion and then yearly, asked through their household codes. Pure rules,
 * shared by the server (work list, lift page) and the pages. Dates are Shanghai dates 'YYYY-MM-DD'.
 */
import type { SurveyQuestion } from './consent/survey.ts';
import type { Stage } from './stages.ts';
import { addMonths } from './upkeep.ts';

/** What a survey is for: the willingness survey before the vote, or a follow-up once the lift is built. */
export const SURVEY_PURPOSES = ['willingness', 'follow_up'] as const;
export type SurveyPurpose = (typeof SURVEY_PURPOSES)[number];

/** A follow-up asks about a built lift: from acceptance (works complete) on. */
export const FOLLOW_UP_STAGES: readonly Stage[] = ['acceptance', 'in_service'];

/** A follow-up is asked after completion, then again when the last is a year old. */
export const FOLLOW_UP_MONTHS = 12;

export type FollowUpRound = 'completion' | 'yearly';
export const FOLLOW_UP_ROUND_LABELS: Record<FollowUpRound, { zh: string; en: string }> = {
  completion: { zh: '竣工回访', en: 'Completion follow-up' },
  yearly: { zh: '年度回访', en: 'Yearly follow-up' },
};

/**
 * The next follow-up of a lift: the completion one from the day it entered use while none was
 * started, else the yearly one twelve months after the last started (`startedOn`, any order).
 * Null while the lift has not entered use. `due` when that day has come.
 */
export function nextFollowUp(enteredUseOn: string | null, startedOn: readonly string[], today: string) {
  if (!enteredUseOn) return null;
  const last = startedOn.reduce<string | null>((a, b) => (a === null || b > a ? b : a), null);
  const round: FollowUpRound = last === null ? 'completion' : 'yearly';
  const dueOn = last === null ? enteredUseOn : addMonths(last, FOLLOW_UP_MONTHS);
  return { round, dueOn, due: dueOn <= today };
}

/** The round of each follow-up in the order they were started: the first after completion, then yearly. */
export const roundOf = (index: number): FollowUpRound => (index === 0 ? 'completion' : 'yearly');

/** The question whose answers give the satisfaction share, and the options that count as satisfied. */
export const SATISFACTION_QUESTION = 'overall';
export const SATISFIED_OPTIONS = ['satisfied', 'mostly'];

/**
 * A share of households, exactly: `part` of `whole` and its percentage to one decimal, rounded half
 * up with integers only (2 of 3 → 666.67‰ → 66.7). The satisfied among those who answered the
 * overall question; the replies among the households asked. Null when there is no whole.
 */
export function exactShare(part: number, whole: number) {
  if (whole === 0) return null;
  const percentTenths = Math.floor((part * 2000 + whole) / (2 * whole));
  return { part, whole, percentTenths };
}

/** "66.7%" from tenths of a percent. */
export const formatPercentTenths = (tenths: number) => `${Math.floor(tenths / 10)}.${tenths % 10}%`;

const level = (zh: string[], en: string[]) =>
  ['good', 'fair', 'poor'].map((id, i) => ({ id, zh: zh[i]!, en: en[i]! }));

/** The follow-up's questions. Our wording, editable per follow-up like the willingness survey's. */
export const DEFAULT_FOLLOW_UP_QUESTIONS: SurveyQuestion[] = [
  {
    id: 'running',
    kind: 'single',
    text: { zh: '电梯运行是否正常、平稳？', en: 'Does the lift run normally and smoothly?' },
    options: level(
      ['正常', '偶有问题', '经常出问题'],
      ['Normally', 'Now and then a problem', 'Often a problem'],
    ),
  },
  {
    id: 'maintenance',
    kind: 'single',
    text: {
      zh: '出现故障时，维保单位来得及时吗？',
      en: 'When it breaks down, does the maintenance company come quickly?',
    },
    options: [
      ...level(['及时', '一般', '不及时'], ['Quickly', 'Fairly', 'Slowly']),
      { id: 'none', zh: '没有遇到过故障', en: 'No breakdown so far' },
    ],
  },
  {
    id: 'upkeep',
    kind: 'single',
    text: {
      zh: '轿厢是否干净、运行噪音是否可以接受？',
      en: 'Is the car clean, and is the noise acceptable?',
    },
    options: level(['是', '一般', '否'], ['Yes', 'Fairly', 'No']),
  },
  {
    id: SATISFACTION_QUESTION,
    kind: 'single',
    text: { zh: '总体上，您对加装的电梯满意吗？', en: 'Overall, are you satisfied with the lift?' },
    options: [
      { id: 'satisfied', zh: '满意', en: 'Satisfied' },
      { id: 'mostly', zh: '基本满意', en: 'Mostly satisfied' },
      { id: 'unsatisfied', zh: '不满意', en: 'Not satisfied' },
    ],
  },
  { id: 'comment', kind: 'text', text: { zh: '其他意见或建议', en: 'Other comments' } },
];
