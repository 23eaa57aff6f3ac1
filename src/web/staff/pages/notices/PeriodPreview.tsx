import { useQuery } from '@tanstack/react-query';
import { Alert, Descriptions, Form } from 'antd';
import type { Dayjs } from 'dayjs';
import { answer, api, type Body } from '../../../shared/api.ts';
import { useCommittees } from '../../components/CommitteeFilter.tsx';
import { useErrorText } from '../../data.ts';
import { ProvisionalTag } from './tags.tsx';
import type { PeriodKind } from './types.ts';
import { useWords } from './words.ts';

const period = (body: Body<'/api/v1/tools/notice-period'>) =>
  answer(api.POST('/api/v1/tools/notice-period', { body }));

/**
 * The end dates of the periods being entered, from the public notice-period tool on the street's
 * calendar (the years its admin entered): publicity from the start date, then written feedback
 * from the publicity end, as the server computes them — provisional when a year they touch has no
 * confirmed holiday arrangement.
 */
export function PeriodPreview({ committeeId }: { committeeId: string }) {
  const w = useWords();
  const text = useErrorText();
  const form = Form.useFormInstance();
  const streetId = useCommittees().find((c) => c.id === committeeId)?.streetId;
  const start = Form.useWatch<Dayjs | undefined>('startOn', form);
  const publicityDays = Form.useWatch<number | undefined>('publicityDays', form);
  const publicityKind = Form.useWatch<PeriodKind | undefined>('publicityKind', form) ?? 'natural';
  const feedbackDays = Form.useWatch<number | undefined>('feedbackDays', form) ?? 0;
  const feedbackKind = Form.useWatch<PeriodKind | undefined>('feedbackKind', form) ?? 'natural';
  const countStartDay = Boolean(Form.useWatch<boolean | undefined>('countStartDay', form));
  const startOn = start?.format?.('YYYY-MM-DD');
  const ready =
    Boolean(startOn) &&
    typeof publicityDays === 'number' &&
    publicityDays >= 1 &&
    publicityDays <= 365 &&
    feedbackDays >= 0 &&
    feedbackDays <= 365;
  const ends = useQuery({
    queryKey: [
      'notice-period',
      streetId,
      startOn,
      publicityDays,
      publicityKind,
      feedbackDays,
      feedbackKind,
      countStartDay,
    ],
    enabled: ready,
    retry: false,
    queryFn: async () => {
      const publicity = await period({
        start: startOn!,
        days: publicityDays!,
        kind: publicityKind,
        countStartDay,
        streetId,
      });
      const feedback =
        feedbackDays > 0
          ? await period({
              start: publicity.end,
              days: feedbackDays,
              kind: feedbackKind,
              countStartDay: false,
              streetId,
            })
          : null;
      const provisionalYears = [
        ...new Set([...publicity.provisionalYears, ...(feedback?.provisionalYears ?? [])]),
      ].sort();
      return { publicityEnd: publicity.end, feedbackEnd: feedback?.end ?? null, provisionalYears };
    },
  });
  if (!ready) return null;
  if (ends.error) return <Alert type="warning" showIcon title={text(ends.error)} />;
  const e = ends.data;
  const why = e?.provisionalYears.length ? w.provisionalYears(e.provisionalYears) : undefined;
  return (
    <div className="jw-period-preview" aria-live="polite" data-testid="period-preview">
      <Descriptions
        size="small"
        column={1}
        title={w.preview}
        items={[
          { key: 'pub', label: w.publicityEnd, children: e?.publicityEnd ?? '…' },
          { key: 'fb', label: w.feedbackEnd, children: e ? (e.feedbackEnd ?? w.none) : '…' },
          {
            key: 'ends',
            label: w.endsOn,
            children: (
              <span className="jw-date-with-tag">
                <strong>{e ? (e.feedbackEnd ?? e.publicityEnd) : '…'}</strong>
                {why && <ProvisionalTag why={why} />}
              </span>
            ),
          },
        ]}
      />
      {why && <p className="jw-period-preview__note jw-period-preview__note--provisional">{why}</p>}
      <p className="jw-period-preview__note">{w.previewNote}</p>
    </div>
  );
}
