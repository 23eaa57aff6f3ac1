import { useQuery } from '@tanstack/react-query';
import { Alert, Descriptions, Form } from 'antd';
import type { Dayjs } from 'dayjs';
import { post } from '../../../shared/api.ts';
import { useErrorText } from '../../data.ts';
import type { PeriodKind } from './types.ts';
import { useWords } from './words.ts';

interface Period {
  end: string;
}

const period = (start: string, days: number, kind: PeriodKind, countStartDay: boolean) => post<Period>('/api/v1/tools/notice-period', { start, days, kind, countStartDay });

/**
 * The end dates of the periods being entered, from the public notice-period tool: publicity from
 * the start date, then written feedback from the publicity end (as the server computes them).
 */
export function PeriodPreview() {
  const w = useWords();
  const text = useErrorText();
  const form = Form.useFormInstance();
  const start = Form.useWatch<Dayjs | undefined>('startOn', form);
  const publicityDays = Form.useWatch<number | undefined>('publicityDays', form);
  const publicityKind = Form.useWatch<PeriodKind | undefined>('publicityKind', form) ?? 'natural';
  const feedbackDays = Form.useWatch<number | undefined>('feedbackDays', form) ?? 0;
  const feedbackKind = Form.useWatch<PeriodKind | undefined>('feedbackKind', form) ?? 'natural';
  const countStartDay = Boolean(Form.useWatch<boolean | undefined>('countStartDay', form));
  const startOn = start?.format?.('YYYY-MM-DD');
  const ready = Boolean(startOn) && typeof publicityDays === 'number' && publicityDays >= 1 && publicityDays <= 365 && feedbackDays >= 0 && feedbackDays <= 365;
  const ends = useQuery({
    queryKey: ['notice-period', startOn, publicityDays, publicityKind, feedbackDays, feedbackKind, countStartDay],
    enabled: ready,
    retry: false,
    queryFn: async () => {
      const publicityEnd = (await period(startOn!, publicityDays!, publicityKind, countStartDay)).end;
      const feedbackEnd = feedbackDays > 0 ? (await period(publicityEnd, feedbackDays, feedbackKind, false)).end : null;
      return { publicityEnd, feedbackEnd };
    },
  });
  if (!ready) return null;
  if (ends.error) return <Alert type="warning" showIcon title={text(ends.error)} />;
  const e = ends.data;
  return (
    <div className="jw-period-preview" aria-live="polite" data-testid="period-preview">
      <Descriptions
        size="small"
        column={1}
        title={w.preview}
        items={[
          { key: 'pub', label: w.publicityEnd, children: e?.publicityEnd ?? '…' },
          { key: 'fb', label: w.feedbackEnd, children: e ? (e.feedbackEnd ?? w.none) : '…' },
          { key: 'ends', label: w.endsOn, children: <strong>{e ? (e.feedbackEnd ?? e.publicityEnd) : '…'}</strong> },
        ]}
      />
      <p className="jw-period-preview__note">{w.previewNote}</p>
    </div>
  );
}
