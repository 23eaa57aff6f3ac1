import { Tag } from 'antd';
import { STAGE_LABELS, type Stage } from '../../../../core/stages.ts';
import { useLang } from '../../../shared/words.ts';

/** Dark text on a light tint per phase of the lifecycle, each pair above 7:1 contrast. */
const PHASE_COLORS: Record<Stage, { color: string; background: string }> = {
  mobilisation: { color: '#003eb3', background: '#e6f4ff' },
  consultation: { color: '#003eb3', background: '#e6f4ff' },
  agreement: { color: '#003eb3', background: '#e6f4ff' },
  publicity: { color: '#391085', background: '#f9f0ff' },
  design_review: { color: '#391085', background: '#f9f0ff' },
  approvals: { color: '#873800', background: '#fff7e6' },
  ready_to_build: { color: '#873800', background: '#fff7e6' },
  construction: { color: '#871400', background: '#fff2e8' },
  acceptance: { color: '#00474f', background: '#e6fffb' },
  in_service: { color: '#135200', background: '#f6ffed' },
  paused: { color: '#262626', background: '#f5f5f5' },
  withdrawn: { color: '#820014', background: '#fff1f0' },
};

export function StageTag({ stage }: { stage: Stage }) {
  const { pick } = useLang();
  const c = PHASE_COLORS[stage];
  return (
    <Tag style={{ color: c.color, background: c.background, borderColor: c.color, marginInlineEnd: 0 }}>
      {pick(STAGE_LABELS[stage], stage)}
    </Tag>
  );
}
