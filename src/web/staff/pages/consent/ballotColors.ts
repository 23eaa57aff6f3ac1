import type { LegendItem } from '../../../shared/ElevationDiagram.tsx';
import type { Choice } from './types.ts';

/** How a household stands in the diagram: its counted ballot, a paper ballot awaiting its check, or none. */
export type BallotState = Choice | 'pending' | 'none';

/**
 * Cell backgrounds; the diagram picks black or white text for each, and every one of these
 * reaches 4.5:1 with the text it gets (agree and amber with black, disagree with white).
 */
export const BALLOT_COLORS: Record<BallotState, string> = {
  agree: '#73d13d',
  disagree: '#cf1322',
  abstain: '#bfbfbf',
  pending: '#ffc53d',
  none: '#ffffff',
};

export const BALLOT_STATES: BallotState[] = ['agree', 'disagree', 'abstain', 'pending', 'none'];

export const ballotState = (u: { ballot: Choice | null; pending?: boolean }): BallotState => (u.ballot ? u.ballot : u.pending ? 'pending' : 'none');

export const ballotLegend = (label: (s: BallotState) => string): LegendItem[] => BALLOT_STATES.map((s) => ({ key: s, color: BALLOT_COLORS[s], label: label(s) }));
