import { Space } from 'antd';
import type { Answer } from '../../../shared/api.ts';
import { formatDateTime } from '../../../shared/format.ts';
import { useLang } from '../../../shared/words.ts';
import { Colored, GREEN, GREY, ORANGE } from '../notices/tags.tsx';
import { useWords } from './words.ts';

export type Fault = Answer<'/api/v1/faults/{id}'>;

const RED = { color: '#820014', background: '#fff1f0' };

/** The kind: an entrapment in red, a fault in grey. */
export function KindTag({ kind }: { kind: Fault['kind'] }) {
  const w = useWords();
  return <Colored c={kind === 'entrapment' ? RED : GREY}>{w.kinds[kind]}</Colored>;
}

export function StepTag({ step }: { step: Fault['step'] }) {
  const w = useWords();
  return (
    <Colored c={step === 'closed' ? GREEN : step === 'reported' ? ORANGE : GREY}>{w.steps[step]}</Colored>
  );
}

/** How the report stands against its on-site limit, and the repeated-fault flag. */
export function ResponseTags({ fault: f }: { fault: Fault }) {
  const w = useWords();
  const r = f.response;
  return (
    <Space size={4} wrap>
      {r.overdue ? (
        <Colored c={RED}>{w.overdue}</Colored>
      ) : r.withinLimit === false ? (
        <Colored c={RED}>{w.late}</Colored>
      ) : r.withinLimit ? (
        <Colored c={GREEN}>{w.inTime}</Colored>
      ) : (
        <Colored c={ORANGE}>{w.waiting}</Colored>
      )}
      {f.repeated && <Colored c={ORANGE}>{w.repeated}</Colored>}
    </Space>
  );
}

export function useWhen() {
  const { lang } = useLang();
  return (iso: string | Date) => formatDateTime(String(iso), lang).slice(0, -3);
}
