import { Tag } from 'antd';
import type { ReactNode } from 'react';

export type Tone = 'green' | 'blue' | 'gold' | 'red' | 'grey';

/** Dark text on a light tint, each pair above 7:1 contrast (as the stage and consent tags). */
const TONES: Record<Tone, { color: string; background: string }> = {
  green: { color: '#135200', background: '#f6ffed' },
  blue: { color: '#003eb3', background: '#e6f4ff' },
  gold: { color: '#613400', background: '#fffbe6' },
  red: { color: '#820014', background: '#fff1f0' },
  grey: { color: '#262626', background: '#f5f5f5' },
};

export function MoneyTag({ tone, children, testId }: { tone: Tone; children: ReactNode; testId?: string }) {
  const c = TONES[tone];
  return (
    <Tag
      style={{ color: c.color, background: c.background, borderColor: c.color, marginInlineEnd: 0 }}
      data-testid={testId}
    >
      {children}
    </Tag>
  );
}

export const PLAN_TONE = { adopted: 'green', draft: 'blue', superseded: 'grey' } as const;

/** A column header only screen readers hear (action and note columns). */
export const hiddenTitle = (text: string) => <span className="jw-visually-hidden">{text}</span>;
