import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Collapse, Flex, List, Popconfirm, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { FOLLOW_UP_ROUND_LABELS, formatPercentTenths } from '../../../../core/followup.ts';
import { answer, api, type Answer } from '../../../shared/api.ts';
import { useLang } from '../../../shared/words.ts';
import { ButtonLink } from '../../components/ButtonLink.tsx';
import { RecordFormModal } from '../../components/RecordFormModal.tsx';
import { useApiMutation } from '../../data.ts';
import { useSession } from '../../session.tsx';
import { StatusTag } from '../consent/StatusTag.tsx';
import { useWords } from './followUpWords.ts';

type FollowUpState = Answer<'/api/v1/lifts/{id}'>['followUp'];
type FollowUp = FollowUpState['items'][number];

/**
 * The lift's satisfaction follow-ups (回访): the next one due, a button to start one (the
 * committee's staff), and each one's response rate, satisfaction and answers, most recent first.
 */
export function FollowUpCard({ liftId, followUp }: { liftId: string; followUp: FollowUpState }) {
  const w = useWords();
  const { pick } = useLang();
  const session = useSession();
  const [starting, setStarting] = useState(false);
  const start = useApiMutation((v: Record<string, unknown>) =>
    answer(
      api.POST('/api/v1/lifts/{id}/follow-ups', {
        params: { path: { id: liftId } },
        body: {
          ...(typeof v.title === 'string' && v.title.trim() ? { title: v.title.trim() } : {}),
          closesOn: (v.closesOn as Dayjs).format('YYYY-MM-DD'),
        },
      }),
    ),
  );
  const { next, items } = followUp;
  const canStart = session.canWrite && (next !== null || items.length > 0);
  const open = items.some((f) => f.status === 'open');
  return (
    <Card
      size="small"
      title={<h2 className="jw-card-title">{w.title}</h2>}
      extra={
        canStart &&
        !open && (
          <Button icon={<PlusOutlined />} onClick={() => setStarting(true)}>
            {w.start}
          </Button>
        )
      }
    >
      {next && (
        <Typography.Paragraph>
          {next.due ? (
            <Tag color="warning">{w.nextDue(pick(FOLLOW_UP_ROUND_LABELS[next.round]), next.dueOn)}</Tag>
          ) : (
            w.next(pick(FOLLOW_UP_ROUND_LABELS[next.round]), next.dueOn)
          )}
        </Typography.Paragraph>
      )}
      {items.length === 0 ? (
        <span className="jw-empty">{w.none}</span>
      ) : (
        <Collapse
          defaultActiveKey={[items[0]!.id]}
          items={items.map((f) => ({
            key: f.id,
            label: <Summary f={f} />,
            children: <Results f={f} canClose={session.canWrite} />,
          }))}
        />
      )}
      {starting && (
        <RecordFormModal
          open
          title={w.startTitle}
          fields={[
            { name: 'title', label: w.titleField, max: 100, placeholder: w.titlePlaceholder },
            { name: 'closesOn', label: w.closesOn, kind: 'date', required: true, help: w.questionsHelp },
          ]}
          initialValues={{ closesOn: dayjs(session.today).add(30, 'day') }}
          submit={(values) => start.mutateAsync(values)}
          onClose={() => setStarting(false)}
        />
      )}
    </Card>
  );
}

const percent = (s: { percentTenths: number }) => formatPercentTenths(s.percentTenths);

function Summary({ f }: { f: FollowUp }) {
  const w = useWords();
  const { pick } = useLang();
  return (
    <Flex wrap gap="4px 12px" align="center">
      <strong>{f.title}</strong>
      <span>{pick(FOLLOW_UP_ROUND_LABELS[f.round])}</span>
      <StatusTag status={f.status} />
      <span>{f.responseRate ? w.replies(f.replies, f.households, percent(f.responseRate)) : '—'}</span>
      <span>
        {f.satisfaction
          ? w.satisfaction(percent(f.satisfaction), f.satisfaction.part, f.satisfaction.whole)
          : w.noSatisfaction}
      </span>
    </Flex>
  );
}

function Results({ f, canClose }: { f: FollowUp; canClose: boolean }) {
  const w = useWords();
  const { pick, lang } = useLang();
  const close = useApiMutation(() =>
    answer(api.POST('/api/v1/consultations/{id}/close', { params: { path: { id: f.id } } })),
  );
  const sep = lang === 'en' ? ', ' : '，';
  return (
    <Flex vertical gap={12}>
      <Flex wrap gap="4px 16px">
        <span>
          {w.opened}{' '}
          <span className="jw-nowrap">{f.openedAt ? dayjs(f.openedAt).format('YYYY-MM-DD') : '—'}</span>
        </span>
        <span>
          {w.closes} <span className="jw-nowrap">{f.closesOn ?? '—'}</span>
        </span>
        <ButtonLink to={`/consultations/${f.id}`}>{w.codes}</ButtonLink>
        {canClose && f.status === 'open' && (
          <Popconfirm title={w.closeConfirm} onConfirm={() => close.mutateAsync(undefined)}>
            <Button>{w.close}</Button>
          </Popconfirm>
        )}
      </Flex>
      <Typography.Text type="secondary">{w.satisfactionHelp}</Typography.Text>
      <ul style={{ margin: 0, paddingInlineStart: 20 }}>
        {f.questions.map((q) =>
          q.kind === 'text' ? null : (
            <li key={q.id}>
              {pick(q.text)}
              {lang === 'en' ? ' ' : ''}
              <span className="jw-muted">
                {(q.options ?? []).map((o) => `${pick(o)} ${q.counts[o.id] ?? 0}`).join(sep)}
              </span>
            </li>
          ),
        )}
      </ul>
      {f.questions.map((q) =>
        q.kind === 'text' ? (
          <List
            key={q.id}
            size="small"
            header={<strong>{w.comments}</strong>}
            dataSource={q.texts}
            locale={{ emptyText: <span className="jw-empty">{w.noComments}</span> }}
            renderItem={(text) => <List.Item>{text}</List.Item>}
          />
        ) : null,
      )}
    </Flex>
  );
}
