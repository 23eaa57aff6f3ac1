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
import { useTranslation } from 'react-i18next';
import { answer, api } from '../../../shared/api.ts';
import { useLang } from '../../../shared/i18n.ts';
import { useFormErrors } from '../../components/FormFields.tsx';
import { useApiMutation } from '../../data.ts';
import { useSession } from '../../session.tsx';
import { HouseholdCell } from './CodesPanel.tsx';
import { postForm } from './postForm.ts';
import type { Choice, Consultation, Tally, TallyGroup } from './types.ts';
import './consent.css';

const CHOICES: Choice[] = ['agree', 'disagree', 'abstain'];
const CHANNELS = ['paper', 'assisted', 'proxy'] as const;
const FIELDS = ['groupId', 'channel', 'choice', 'witness', 'proxyName', 'file', 'answers'];

/** Paper, assisted and proxy ballots with their scans, and the second check of double entry. */
export function BallotsPanel({ consultation: c, tally }: { consultation: Consultation; tally: Tally }) {
  const { t } = useTranslation();
  if (c.status !== 'open') return <Alert type="info" showIcon title={t('consent.notOpen')} />;
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} lg={14}>
        <Card size="small" title={t('consent.record')}>
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
  const { t } = useTranslation();
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
    if (!file) setFileError(t('consent.scanRequired'));
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
      void message.success(res.confirmed ? t('consent.recorded') : t('consent.recordedPending'));
      form.resetFields();
      form.setFieldsValue({ channel: 'paper' });
      setFile(null);
      setFileKey((k) => k + 1);
    } catch (err) {
      errors.show(err);
    }
  };

  const groupLabel = (g: TallyGroup) =>
    `${g.label} ${g.ownersMasked.join('、')}${g.ballot ? ` · ${t(`consent.ballot.${g.ballot}`)}` : g.pending ? ` · ${t('consent.ballot.pending')}` : ''}`;
  return (
    <Form form={form} layout="vertical" requiredMark>
      {c.doubleEntry && (
        <Alert type="warning" showIcon title={t('consent.doubleEntryOn')} style={{ marginBottom: 12 }} />
      )}
      <Form.Item name="groupId" label={t('consent.household')} rules={[{ required: true }]}>
        <Select
          showSearch={{ optionFilterProp: 'label' }}
          options={groups.map((g) => ({ value: g.id, label: groupLabel(g) }))}
        />
      </Form.Item>
      <Form.Item name="channel" label={t('consent.channel')} rules={[{ required: true }]}>
        <Radio.Group options={CHANNELS.map((ch) => ({ value: ch, label: t(`consent.channels.${ch}`) }))} />
      </Form.Item>
      {c.kind === 'vote' ? (
        <Form.Item name="choice" label={t('consent.choice')} rules={[{ required: true }]}>
          <Radio.Group options={CHOICES.map((ch) => ({ value: ch, label: t(`consent.ballot.${ch}`) }))} />
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
          label={t('consent.witness')}
          rules={[{ required: true, whitespace: true }, { max: 50 }]}
        >
          <Input maxLength={50} />
        </Form.Item>
      )}
      {channel === 'proxy' && (
        <Form.Item
          name="proxyName"
          label={t('consent.proxyName')}
          rules={[{ required: true, whitespace: true }, { max: 50 }]}
        >
          <Input maxLength={50} />
        </Form.Item>
      )}
      <Form.Item
        label={t('consent.scan')}
        htmlFor={fileId}
        required
        extra={t('consent.scanHelp')}
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
        {t('consent.record')}
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
  const { t } = useTranslation();
  const [checking, setChecking] = useState<TallyGroup | null>(null);
  return (
    <Card size="small" title={t('consent.pendingTitle')}>
      <Typography.Paragraph type="secondary">{t('consent.confirmHelp')}</Typography.Paragraph>
      <Table<TallyGroup>
        rowKey="id"
        size="small"
        dataSource={groups}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: <span className="jw-consent-empty">{t('consent.noPending')}</span> }}
        columns={[
          {
            key: 'label',
            title: `${t('consent.household')} / ${t('consent.owners')}`,
            render: (_, g) => (
              <HouseholdCell label={g.label} owners={g.ownersMasked.join('、') || t('consent.unsold')} />
            ),
          },
          {
            key: 'channel',
            title: t('consent.channel'),
            render: (_, g) => (g.channel ? t(`consent.channels.${g.channel}`) : ''),
          },
          {
            key: 'actions',
            title: t('common.actions'),
            render: (_, g) => (
              <Button
                size="small"
                onClick={() => setChecking(g)}
                aria-label={t('consent.confirmNamed', { label: g.label })}
              >
                {t('consent.confirm')}
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
  const { t } = useTranslation();
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
      void message.success(t('consent.confirmed'));
      onClose();
    } catch (err) {
      errors.show(err);
    }
  };
  return (
    <Modal
      open={group !== null}
      title={group ? t('consent.confirmTitle', { label: group.label }) : ''}
      onOk={onOk}
      onCancel={onClose}
      okText={t('consent.confirm')}
      cancelText={t('common.cancel')}
      confirmLoading={confirm.isPending}
      forceRender
    >
      <Typography.Paragraph type="secondary">{t('consent.confirmHelp')}</Typography.Paragraph>
      <Form form={form} layout="vertical" requiredMark>
        {c.kind === 'vote' && (
          <Form.Item name="choice" label={t('consent.choice')} rules={[{ required: true }]}>
            <Radio.Group options={CHOICES.map((ch) => ({ value: ch, label: t(`consent.ballot.${ch}`) }))} />
          </Form.Item>
        )}
      </Form>
      {errors.alert}
    </Modal>
  );
}
