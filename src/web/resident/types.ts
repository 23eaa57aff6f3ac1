import type { SurveyQuestion } from '../../core/consent/survey.ts';

export type { SurveyQuestion };

export type Choice = 'agree' | 'disagree' | 'abstain';
export const CHOICES: readonly Choice[] = ['agree', 'disagree', 'abstain'];

export type Answers = Record<string, string | string[]>;

/** What `GET /api/v1/r/:code` answers. */
export interface ResidentView {
  state: 'open' | 'closed' | 'revoked';
  project: string;
  consultation: {
    kind: 'vote' | 'survey';
    title: string;
    question: string;
    documentsSummary: string | null;
    opensOn: string | null;
    closesOn: string | null;
    questions: SurveyQuestion[] | null;
    ruleName: { zh: string; en: string } | null;
  };
  household: { label: string; areaM2: string };
  ballot: null | {
    choice: Choice | null;
    answers: Answers | null;
    channel: 'online' | 'paper' | 'assisted' | 'proxy';
    confirmed: boolean;
    castAt: string;
    receipt: string;
  };
  explanation: null | { zh: string; en: string };
}

/** What `POST /api/v1/r/:code/ballot` answers. */
export interface CastResult {
  receipt: string;
  seq: number;
  changed: boolean;
}
