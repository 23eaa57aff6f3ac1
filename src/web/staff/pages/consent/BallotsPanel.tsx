import {
  App,
  Alert,
  Button,
  Card,
  Checkbox,
  Col,
  Form,
  Input,
  Modal,
  Radio,
  Row,
  Select,
  Table,
  Typography,
} from 'antd';
import { useEffect, useId, useState } from 'react';
import { answer, api } from '../../../shared/api.ts';
import { useLang } from '../../../shared/words.ts';
import { useFormErrors } from '../../components/formErrors.tsx';
import { useApiMutation } from '../../data.ts';
import { useSession } from '../../session.tsx';
import { useStaffWords } from '../../words.ts';
import { HouseholdCell } from './CodesPanel.tsx';
import { postForm } from './postForm.ts';
import type { Choice, Consultation, Tally, TallyGroup } from './types.ts';
import { useWords } from './words.ts';
import './consent.css';
import { useRules } from '../../components/rules.ts';

const CHOICES: Choice[] = ['agree', 'disagree', 'abstain'];
const CHANNELS = ['paper', 'assisted', 'proxy'] as const;
const FIELDS = ['groupId', 'channel', 'choice', 'witness', 'proxyName', 'file', 'answers'];

/** Paper, assisted and proxy ballots with their scans, and the second check of double entry. */
export function BallotsPanel({ consultation: c, tally }: { consultation: Consultation; tally: Tally }) {
  const w = useWords();
  if (c.status !== 'open') return <Alert type="info" showIcon title={w.notOpen} />;
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} lg={14}>
        <Card size="small" title={w.record}>
          <BallotForm consultation={c} groups={tally.groups} />
        </Card>
      </Col>
      <Col xs={24} lg={10}>
        <PendingBallots consultation={c} groups={tally.groups.filter((g) => g.pending)} />
      </Col>
    </Row>
  );
}

function BallotForm({ consultation: c, groups }: { consultation: Consultation; groups: TallyGroup[] }) {
  const w = useWords();
  const rules = useRules();
  const { pick } = useLang();
  const { message } = App.useApp();
  const { csrfToken } = useSession();
  const [form] = Form.useForm<Record<string, unknown>>();
  const errors = useFormErrors(form, FIELDS);
  const channel = Form.useWatch('channel', form) as (typeof CHANNELS)[number] | undefined;
  const [file, setFile] = useState<File | null>(null);
  const [fileKey, setFileKey] = useState(0);
  const [fileError, setFileError] = useState<string | null>(null);
  const fileId = useId();
  const record = useApiMutation((v: { fields: Record<string, string | undefined>; file: File }) =>
    postForm('/api/v1/consultations/{id}/ballots', { id: c.id }, csrfToken, v.fields, v.file),
  );

  useEffect(() => form.setFieldsValue({ channel: 'paper' }), [form]);

  const submit = async () => {
    const values = await form.validateFields().catch(() => null);
    if (!file) setFileError(w.scanRequired);
    if (!values || !file) return;
    const answers = c.kind === 'survey' ? surveyAnswers(c, values) : undefined;
    try {
      const res = await record.mutateAsync({
        fields: {
          groupId: values.groupId as string,
          channel: values.channel as string,
          choice: c.kind === 'vote' ? (values.choice as string) : undefined,
          answers: answers ? JSON.stringify(answers) : undefined,
          witness: values.witness as string | undefined,
          proxyName: values.proxyName as string | undefined,
        },
        file,
      });
      void message.success(res.confirmed ? w.recorded : w.recordedPending);
      form.resetFields();
      form.setFieldsValue({ channel: 'paper' });
      setFile(null);
      setFileKey((k) => k + 1);
    } catch (err) {
      errors.show(err);
    }
  };

  const groupLabel = (g: TallyGroup) =>
    `${g.label} ${g.ownersMasked.join('、')}${g.ballot ? ` · ${w.ballot[g.ballot]}` : g.pending ? ` · ${w.ballot.pending}` : ''}`;
  return (
    <Form form={form} layout="vertical" requiredMark>
      {c.doubleEntry && (
        <Alert type="warning" showIcon title={w.doubleEntryOn} style={{ marginBottom: 12 }} />
      )}
      <Form.Item name="groupId" label={w.household} rules={rules.choice(w.household, { required: true })}>
        <Select
          showSearch={{ optionFilterProp: 'label' }}
          options={groups.map((g) => ({ value: g.id, label: groupLabel(g) }))}
        />
      </Form.Item>
      <Form.Item name="channel" label={w.channel} rules={rules.choice(w.channel, { required: true })}>
        <Radio.Group options={CHANNELS.map((ch) => ({ value: ch, label: w.channels[ch] }))} />
      </Form.Item>
      {c.kind === 'vote' ? (
        <Form.Item name="choice" label={w.choice} rules={rules.choice(w.choice, { required: true })}>
          <Radio.Group options={CHOICES.map((ch) => ({ value: ch, label: w.ballot[ch] }))} />
        </Form.Item>
      ) : (
        (c.questions ?? []).map((q) => (
          <Form.Item key={q.id} name={['answers', q.id]} label={pick(q.text)}>
            {q.kind === 'single' ? (
              <Radio.Group options={(q.options ?? []).map((o) => ({ value: o.id, label: pick(o) }))} />
            ) : q.kind === 'multi' ? (
              <Checkbox.Group options={(q.options ?? []).map((o) => ({ value: o.id, label: pick(o) }))} />
            ) : (
              <Input.TextArea rows={2} maxLength={1000} />
            )}
          </Form.Item>
        ))
      )}
      {channel === 'assisted' && (
        <Form.Item
          name="witness"
          label={w.witness}
          rules={rules.text(w.witness, { required: true, max: 50 })}
        >
          <Input maxLength={50} />
        </Form.Item>
      )}
      {channel === 'proxy' && (
        <Form.Item
          name="proxyName"
          label={w.proxyName}
          rules={rules.text(w.proxyName, { required: true, max: 50 })}
        >
          <Input maxLength={50} />
        </Form.Item>
      )}
      <Form.Item
        label={w.scan}
        htmlFor={fileId}
        required
        extra={w.scanHelp}
        validateStatus={fileError ? 'error' : undefined}
        help={fileError ?? undefined}
      >
        <input
          key={fileKey}
          id={fileId}
          type="file"
          accept=".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png"
          onChange={(e) => {
            setFile(e.target.files?.[0] ?? null);
            setFileError(null);
          }}
        />
      </Form.Item>
      {errors.alert}
      <Button type="primary" onClick={submit} loading={record.isPending}>
        {w.record}
      </Button>
    </Form>
  );
}

function surveyAnswers(c: Consultation, values: Record<string, unknown>) {
  const raw = (values.answers ?? {}) as Record<string, unknown>;
  const out: Record<string, string | string[]> = {};
  for (const q of c.questions ?? []) {
    const v = raw[q.id];
    if (typeof v === 'string' && v.trim() !== '') out[q.id] = v;
    else if (Array.isArray(v) && v.length) out[q.id] = v as string[];
  }
  return out;
}

function PendingBallots({ consultation: c, groups }: { consultation: Consultation; groups: TallyGroup[] }) {
  const { common } = useStaffWords();
  const w = useWords();
  const [checking, setChecking] = useState<TallyGroup | null>(null);
  return (
    <Card size="small" title={w.pendingTitle}>
      <Typography.Paragraph type="secondary">{w.confirmHelp}</Typography.Paragraph>
      <Table<TallyGroup>
        rowKey="id"
        size="small"
        dataSource={groups}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: <span className="jw-consent-empty">{w.noPending}</span> }}
        columns={[
          {
            key: 'label',
            title: `${w.household} / ${w.owners}`,
            render: (_, g) => (
              <HouseholdCell label={g.label} owners={g.ownersMasked.join('、') || w.unsold} />
            ),
          },
          {
            key: 'channel',
            title: w.channel,
            render: (_, g) => (g.channel ? w.channels[g.channel] : ''),
          },
          {
            key: 'actions',
            title: common.actions,
            render: (_, g) => (
              <Button size="small" onClick={() => setChecking(g)} aria-label={w.confirmNamed(g.label)}>
                {w.confirm}
              </Button>
            ),
          },
        ]}
      />
      <ConfirmModal consultation={c} group={checking} onClose={() => setChecking(null)} />
    </Card>
  );
}

function ConfirmModal({
  consultation: c,
  group,
  onClose,
}: {
  consultation: Consultation;
  group: TallyGroup | null;
  onClose: () => void;
}) {
  const { common } = useStaffWords();
  const w = useWords();
  const rules = useRules();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ choice?: Choice }>();
  const errors = useFormErrors(form, ['choice']);
  const confirm = useApiMutation((v: { groupId: string; choice?: Choice }) =>
    answer(
      api.POST('/api/v1/consultations/{id}/ballots/{groupId}/confirm', {
        params: { path: { id: c.id, groupId: v.groupId } },
        body: { choice: v.choice },
      }),
    ),
  );
  useEffect(() => {
    if (!group) return;
    form.resetFields();
    errors.clear();
  }, [group]);
  const onOk = async () => {
    const values = await form.validateFields().catch(() => null);
    if (!values || !group) return;
    try {
      await confirm.mutateAsync({ groupId: group.id, choice: values.choice });
      void message.success(w.confirmed);
      onClose();
    } catch (err) {
      errors.show(err);
    }
  };
  return (
    <Modal
      open={group !== null}
      title={group ? w.confirmTitle(group.label) : ''}
      onOk={onOk}
      onCancel={onClose}
      okText={w.confirm}
      cancelText={common.cancel}
      confirmLoading={confirm.isPending}
    >
      <Typography.Paragraph type="secondary">{w.confirmHelp}</Typography.Paragraph>
      <Form form={form} layout="vertical" requiredMark>
        {c.kind === 'vote' && (
          <Form.Item name="choice" label={w.choice} rules={rules.choice(w.choice, { required: true })}>
            <Radio.Group options={CHOICES.map((ch) => ({ value: ch, label: w.ballot[ch] }))} />
          </Form.Item>
        )}
      </Form>
      {errors.alert}
    </Modal>
  );
}
