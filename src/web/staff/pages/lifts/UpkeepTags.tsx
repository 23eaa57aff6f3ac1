import { TERM_STATE_LABELS, type TermState } from '../../../../core/upkeep.ts';
import type { Answer } from '../../../shared/api.ts';
import { useLang } from '../../../shared/words.ts';
import { Colored, GREEN, ORANGE, RED } from '../notices/tags.tsx';
import { useWords } from './words.ts';

type Status = Answer<'/api/v1/lifts/{id}'>['status'];

/** The next visit: its date, red when overdue. */
export function NextVisitTag({ status }: { status: Status }) {
  const w = useWords();
  const v = status.nextVisit;
  if (!v) return <span className="jw-muted">{w.notInUse}</span>;
  return v.daysOverdue > 0 ? (
    <Colored c={RED}>{w.overdueBy(v.daysOverdue)}</Colored>
  ) : (
    <span className="jw-nowrap">{w.dueOn(v.due)}</span>
  );
}

/** The yearly inspection's due date, orange within a month, red overdue. */
export function NextInspectionTag({ status }: { status: Status }) {
  const w = useWords();
  const i = status.nextInspection;
  if (!i) return <span className="jw-muted">—</span>;
  const date = <span className="jw-nowrap">{i.due}</span>;
  if (i.state === 'ok') return date;
  return (
    <>
      {date} <Colored c={i.state === 'overdue' ? RED : ORANGE}>{w.inspectionState[i.state]}</Colored>
    </>
  );
}

/** A contract's or a policy's term: green in force, orange ending, red ended or none. */
export function TermTag({ state }: { state: TermState }) {
  const { pick } = useLang();
  const c = state === 'active' ? GREEN : state === 'ending' ? ORANGE : RED;
  return <Colored c={c}>{pick(TERM_STATE_LABELS[state])}</Colored>;
}

/** A visit more than 15 days after the one before. */
export function LateTag() {
  return <Colored c={RED}>{useWords().late}</Colored>;
}
