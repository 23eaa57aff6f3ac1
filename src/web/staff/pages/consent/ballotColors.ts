import type { LegendItem } from '../../../shared/ElevationDiagram.tsx';
import type { Choice } from './types.ts';

/**
 * How a household stands in the diagram: its counted ballot, a survey reply (a reply carries
 * answers, no choice), a paper ballot awaiting its check, or none.
 */
export type BallotState = Choice | 'answered' | 'pending' | 'none';

/**
 * Cell backgrounds; the diagram picks black or white text for each, and every one of these
 * reaches 4.5:1 with the text it gets (agree, answered and amber with black, disagree with white).
 */
export const BALLOT_COLORS: Record<BallotState, string> = {
  agree: '#73d13d',
  disagree: '#cf1322',
  abstain: '#bfbfbf',
  answered: '#69b1ff',
  pending: '#ffc53d',
  none: '#ffffff',
};

/** The states a vote's diagram shows, in legend order. */
export const BALLOT_STATES: BallotState[] = ['agree', 'disagree', 'abstain', 'pending', 'none'];
/** The states a survey's diagram shows: a reply has no agree or disagree. */
export const SURVEY_STATES: BallotState[] = ['answered', 'pending', 'none'];

export const ballotState = (u: {
  ballot: Choice | null;
  answered?: boolean;
  pending?: boolean;
}): BallotState => (u.ballot ? u.ballot : u.answered ? 'answered' : u.pending ? 'pending' : 'none');

export const ballotLegend = (
  label: (s: BallotState) => string,
  states: BallotState[] = BALLOT_STATES,
): LegendItem[] => states.map((s) => ({ key: s, color: BALLOT_COLORS[s], label: label(s) }));
