/**
 * Names for what the household code routes answer: each the generated contract's type, never a
 * hand-written mirror; choices and answers are what the ballot route takes.
 */
import type { Answer, Body } from '../shared/api.ts';
import type { Ballot } from '../../core/consent/tally.ts';

export type Choice = Ballot;
export const CHOICES: readonly Choice[] = ['agree', 'disagree', 'abstain'];

/** A survey's answers by question id, as `POST /api/v1/r/:code/ballot` takes them. */
export type Answers = NonNullable<Body<'/api/v1/r/{code}/ballot'>['answers']>;

/** What `GET /api/v1/r/:code` answers. */
export type ResidentView = Answer<'/api/v1/r/{code}'>;
export type SurveyQuestion = NonNullable<ResidentView['consultation']['questions']>[number];

/** What `GET /api/v1/receipts/:receipt` answers: the public receipt check. */
export type ReceiptCheckAnswer = Answer<'/api/v1/receipts/{receipt}'>;
export type LedgerBallotKind = ReceiptCheckAnswer['entry']['kind'];
export type ReceiptStanding = ReceiptCheckAnswer['standing'];
export type BallotChannel = ReceiptCheckAnswer['entry']['channel'];
