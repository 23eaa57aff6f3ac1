import { Tag } from 'antd';
import type { ReactNode } from 'react';

/** Dark text on a light tint, each pair above 7:1 contrast (as the notice and stage tags). */
const TINTS = {
  grey: { color: '#262626', background: '#f5f5f5' },
  blue: { color: '#003eb3', background: '#e6f4ff' },
  green: { color: '#135200', background: '#f6ffed' },
  orange: { color: '#873800', background: '#fff7e6' },
  red: { color: '#820014', background: '#fff1f0' },
};

export function AccountTag({ tint, children }: { tint: keyof typeof TINTS; children: ReactNode }) {
  const c = TINTS[tint];
  return (
    <Tag style={{ color: c.color, background: c.background, borderColor: c.color, marginInlineEnd: 0 }}>
      {children}
    </Tag>
  );
}
