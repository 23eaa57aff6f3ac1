import { Tag } from 'antd';
import type { ConsultationStatus } from './types.ts';
import { useWords } from './words.ts';

/** Dark text on a light tint, each pair above 7:1 contrast (as the stage tags). */
const COLORS: Record<ConsultationStatus, { color: string; background: string }> = {
  draft: { color: '#262626', background: '#f5f5f5' },
  open: { color: '#003eb3', background: '#e6f4ff' },
  closed: { color: '#135200', background: '#f6ffed' },
};

export function StatusTag({ status }: { status: ConsultationStatus }) {
  const w = useWords();
  const c = COLORS[status];
  return (
    <Tag style={{ color: c.color, background: c.background, borderColor: c.color, marginInlineEnd: 0 }}>
      {w.statuses[status]}
    </Tag>
  );
}
