import { Button, Checkbox, Form, Input, Select, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { answer, api, type Body } from '../../../shared/api.ts';
import { useApiMutation } from '../../data.ts';
import { useSession } from '../../session.tsx';
import { useStaffWords } from '../../words.ts';
import { ObjectionTag } from './tags.tsx';
import { MEDIATION_KINDS } from '../../../../core/mediation.ts';
import type { CaseListItem, Objection } from './types.ts';
import { formBody, WriteModal } from '../../components/WriteModal.tsx';
import { useWords } from './words.ts';
import { useRules } from '../../components/rules.ts';
import { LongText } from '../../components/cells.tsx';

/** A notice's objections: who, what, status and answer; staff answer them or take them to mediation. */
export function ObjectionsTable({
  objections,
  cases,
  loading,
  noticeTitle,
  complaints = false,
}: {
  objections: Objection[];
  /** the project's mediation cases: an objection links to the latest one opened from it */
  cases: Pick<CaseListItem, 'id' | 'sourceObjectionId' | 'createdAt'>[];
  loading: boolean;
  noticeTitle: string;
  /** a works notice's: complaints (施工投诉), answered and escalated as objections are */
  complaints?: boolean;
}) {
  const w = useWords();
  const { common } = useStaffWords();
  const { canWrite } = useSession();
  const [answering, setAnswering] = useState<Objection | null>(null);
  const [escalating, setEscalating] = useState<Objection | null>(null);
  const unresolved = (o: Objection) => o.status === 'open' || o.status === 'answered';
  const caseOf = new Map(
    [...cases].sort((a, b) => a.createdAt.localeCompare(b.createdAt)).map((c) => [c.sourceObjectionId, c.id]),
  );
  // no objections: a sentence, not an empty table (at 360 px its scrolling box would hold no
  // focusable cell, and say nothing more than the sentence)
  if (!loading && objections.length === 0)
    return (
      <Typography.Paragraph className="jw-empty">
        {complaints ? w.noComplaints : w.noObjections}
      </Typography.Paragraph>
    );
  return (
    <>
      <Table<Objection>
        rowKey="id"
        size="small"
        loading={loading}
        dataSource={objections}
        pagination={false}
        scroll={{ x: 'max-content' }}
        columns={[
          {
            key: 'from',
            title: w.from,
            render: (_, o) => (
              <>
                <div>{[o.fromLabel, o.fromName].filter(Boolean).join(' ')}</div>
                <Typography.Text type="secondary">{w.channels[o.channel] ?? o.channel}</Typography.Text>
              </>
            ),
          },
          {
            key: 'text',
            title: complaints ? w.complaintText : w.text,
            render: (_, o) => <LongText text={o.text} />,
          },
          { key: 'received', title: w.receivedOn, dataIndex: 'receivedOn' },
          { key: 'status', title: w.status, render: (_, o) => <ObjectionTag status={o.status} /> },
          {
            key: 'answer',
            title: w.answer,
            render: (_, o) => (
              <>
                {o.answer && <LongText text={o.answer} />}
                {caseOf.has(o.id) && <Link to={`/mediation/${caseOf.get(o.id)}`}>{w.mediationLink}</Link>}
              </>
            ),
          },
          ...(canWrite
            ? [
                {
                  key: 'actions',
                  title: common.actions,
                  render: (_: unknown, o: Objection) =>
                    unresolved(o) && (
                      <Space wrap>
                        <Button size="small" onClick={() => setAnswering(o)}>
                          {w.answer}
                        </Button>
                        <Button size="small" onClick={() => setEscalating(o)}>
                          {w.escalate}
                        </Button>
                      </Space>
                    ),
                },
              ]
            : []),
        ]}
      />
      {canWrite && (
        <>
          <AnswerModal objection={answering} complaints={complaints} onClose={() => setAnswering(null)} />
          <EscalateModal
            objection={escalating}
            noticeTitle={noticeTitle}
            complaints={complaints}
            onClose={() => setEscalating(null)}
          />
        </>
      )}
    </>
  );
}

function AnswerModal({
  objection,
  complaints,
  onClose,
}: {
  objection: Objection | null;
  complaints: boolean;
  onClose: () => void;
}) {
  const w = useWords();
  const rules = useRules();
  const reply = useApiMutation((body: Body<'/api/v1/objections/{id}/answer'>) =>
    answer(api.POST('/api/v1/objections/{id}/answer', { params: { path: { id: objection!.id } }, body })),
  );
  return (
    <WriteModal
      open={Boolean(objection)}
      title={complaints ? w.answerComplaintTitle : w.answerTitle}
      fieldNames={['answer', 'settled']}
      initialValues={{ answer: objection?.answer ?? '', settled: false }}
      submit={(v) => reply.mutateAsync({ answer: v.answer as string, settled: Boolean(v.settled) })}
      onClose={onClose}
    >
      <blockquote className="jw-quote">{objection?.text}</blockquote>
      <Form.Item name="answer" label={w.answer} rules={rules.text(w.answer, { required: true, max: 5000 })}>
        <Input.TextArea rows={4} maxLength={5000} />
      </Form.Item>
      <Form.Item name="settled" valuePropName="checked">
        <Checkbox>{complaints ? w.complaintSettled : w.settled}</Checkbox>
      </Form.Item>
    </WriteModal>
  );
}

function EscalateModal({
  objection,
  noticeTitle,
  complaints,
  onClose,
}: {
  objection: Objection | null;
  noticeTitle: string;
  complaints: boolean;
  onClose: () => void;
}) {
  const w = useWords();
  const rules = useRules();
  const navigate = useNavigate();
  const escalate = useApiMutation((body: Body<'/api/v1/objections/{id}/escalate'>) =>
    answer(api.POST('/api/v1/objections/{id}/escalate', { params: { path: { id: objection!.id } }, body })),
  );
  return (
    <WriteModal
      open={Boolean(objection)}
      title={complaints ? w.escalateComplaintTitle : w.escalateTitle}
      okText={w.escalate}
      fieldNames={['kind', 'title']}
      initialValues={{ kind: 'other', title: `${w.escalate}：${noticeTitle}` }}
      submit={async (v) => {
        const c = await escalate.mutateAsync(formBody(v));
        void navigate(`/mediation/${c.id}`);
      }}
      onClose={onClose}
    >
      <Typography.Paragraph>{w.escalateNote}</Typography.Paragraph>
      <blockquote className="jw-quote">{objection?.text}</blockquote>
      <Form.Item name="kind" label={w.caseKind} rules={rules.choice(w.caseKind, { required: true })}>
        <Select options={MEDIATION_KINDS.map((k) => ({ value: k, label: w.mediationKinds[k] }))} />
      </Form.Item>
      <Form.Item
        name="title"
        label={w.caseTitle}
        rules={rules.text(w.caseTitle, { required: true, max: 200 })}
      >
        <Input maxLength={200} />
      </Form.Item>
    </WriteModal>
  );
}
