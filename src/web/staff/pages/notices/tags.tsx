import { Tag, Tooltip } from 'antd';
import type { Governance, NoticePhase, ObjectionStatus, Outcome } from './types.ts';
import { useWords } from './words.ts';
import './tags.css';

/** Dark text on a light tint, each pair above 7:1 contrast (as the stage and consent tags). */
export const GREY = { color: '#262626', background: '#f5f5f5' };
export const BLUE = { color: '#003eb3', background: '#e6f4ff' };
export const GREEN = { color: '#135200', background: '#f6ffed' };
export const ORANGE = { color: '#873800', background: '#fff7e6' };
export const RED = { color: '#820014', background: '#fff1f0' };
const PURPLE = { color: '#391085', background: '#f9f0ff' };

export function Colored({ c, children }: { c: { color: string; background: string }; children: string }) {
  return (
    <Tag style={{ color: c.color, background: c.background, borderColor: c.color, marginInlineEnd: 0 }}>
      {children}
    </Tag>
  );
}

/**
 * "暂定": a date computed over a year whose holiday arrangement is not confirmed yet. The reason
 * shows on hover and on keyboard focus; `why` replaces the general one where more is known.
 */
export function ProvisionalTag({ why }: { why?: string }) {
  const w = useWords();
  return (
    <Tooltip title={why ?? w.provisionalWhy}>
      <span className="jw-provisional" tabIndex={0} data-testid="provisional">
        <Colored c={ORANGE}>{w.provisional}</Colored>
      </span>
    </Tooltip>
  );
}

const PHASE: Record<NoticePhase, typeof GREY> = {
  draft: GREY,
  upcoming: PURPLE,
  publicity: BLUE,
  feedback: ORANGE,
  ended: GREEN,
  superseded: GREY,
};
export function PhaseTag({ phase }: { phase: NoticePhase }) {
  return <Colored c={PHASE[phase]}>{useWords().phases[phase]}</Colored>;
}

const OBJECTION: Record<ObjectionStatus, typeof GREY> = {
  open: RED,
  answered: ORANGE,
  escalated: PURPLE,
  settled: GREEN,
  withdrawn: GREY,
};
export function ObjectionTag({ status }: { status: ObjectionStatus }) {
  return <Colored c={OBJECTION[status]}>{useWords().statuses[status]}</Colored>;
}

const OUTCOME: Record<Outcome, typeof GREY> = {
  open: BLUE,
  agreed: GREEN,
  partially_agreed: ORANGE,
  failed: RED,
  withdrawn: GREY,
};
export function OutcomeTag({ outcome }: { outcome: Outcome }) {
  return <Colored c={OUTCOME[outcome]}>{useWords().outcomes[outcome]}</Colored>;
}

const GOVERNANCE: Record<Governance, typeof GREY> = {
  autonomy: BLUE,
  co_governance: PURPLE,
  virtue: GREEN,
  law: RED,
};
export function GovernanceTag({ governance }: { governance: Governance }) {
  return <Colored c={GOVERNANCE[governance]}>{useWords().governances[governance]}</Colored>;
}
