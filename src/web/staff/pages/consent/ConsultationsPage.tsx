import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Checkbox, Form, Modal, Table, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import { CONSENT_RULES } from '../../../../core/consent/rules.ts';
import { answer, api, type Body } from '../../../shared/api.ts';
import type { Project } from '../../../shared/types.ts';
import { useLang } from '../../../shared/words.ts';
import { FormFields, type FieldSpec } from '../../components/FormFields.tsx';
import { useFormErrors } from '../../components/formErrors.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { $api, useApiMutation } from '../../data.ts';
import { useSession } from '../../session.tsx';
import { useStaffWords } from '../../words.ts';
import { OpenCloseButton } from './OpenCloseButton.tsx';
import { StatusTag } from './StatusTag.tsx';
import type { ConsultationListItem } from './types.ts';
import { useWords } from './words.ts';
import './consent.css';
import { useConfirmDiscard } from '../../components/confirmDiscard.ts';
import { NameCell } from '../../components/cells.tsx';

/** The consultations and votes of one project, and the form to start a new one. */
export default function ConsultationsPage() {
  const { id = '' } = useParams();
  const project = $api.useQuery('get', '/api/v1/projects/{id}', { params: { path: { id } } });
  const list = $api.useQuery('get', '/api/v1/projects/{id}/consultations', { params: { path: { id } } });
  return (
    <QueryState isLoading={project.isLoading || list.isLoading} error={project.error ?? list.error}>
      {() => <ConsultationList project={project.data!} items={list.data!.items} />}
    </QueryState>
  );
}

function ConsultationList({ project, items }: { project: Project; items: ConsultationListItem[] }) {
  const { common, menu } = useStaffWords();
  const w = useWords();
  const { canWrite } = useSession();
  const [creating, setCreating] = useState(false);
  return (
    <>
      <PageHeader
        title={w.listTitle(project.name)}
        crumbs={[
          { label: menu.projects, to: '/projects' },
          { label: project.name, to: `/projects/${project.id}` },
          { label: w.title },
        ]}
        actions={
          canWrite && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              {w.create}
            </Button>
          )
        }
      />
      <Card size="small">
        <Table<ConsultationListItem>
          rowKey="id"
          size="small"
          dataSource={items}
          pagination={false}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: <span className="jw-consent-empty">{w.none}</span> }}
          columns={[
            {
              key: 'title',
              title: w.name,
              render: (_, c) => (
                <NameCell name={c.title}>
                  <Link to={`/consultations/${c.id}`}>{c.title}</Link>
                </NameCell>
              ),
            },
            { key: 'kind', title: w.kind, render: (_, c) => w.kinds[c.kind] },
            { key: 'status', title: w.status, render: (_, c) => <StatusTag status={c.status} /> },
            {
              key: 'dates',
              title: w.dates,
              render: (_, c) => `${c.opensOn ?? '—'} ~ ${c.closesOn ?? '—'}`,
            },
            {
              key: 'electors',
              title: w.electors,
              align: 'right',
              render: (_, c) => (c.status === 'draft' ? '—' : c.electors),
            },
            {
              key: 'ballots',
              title: w.ballotsCast,
              align: 'right',
              render: (_, c) => (c.status === 'draft' ? '—' : c.ballotsCast),
            },
            ...(canWrite
              ? [
                  {
                    key: 'actions',
                    title: common.actions,
                    render: (_: unknown, c: ConsultationListItem) => (
                      <OpenCloseButton consultation={c} size="small" />
                    ),
                  },
                ]
              : []),
          ]}
        />
      </Card>
      {canWrite && (
        <CreateConsultationModal project={project} open={creating} onClose={() => setCreating(false)} />
      )}
    </>
  );
}

const FIELD_NAMES = [
  'kind',
  'title',
  'question',
  'documentsSummary',
  'ruleId',
  'scopeKind',
  'opensOn',
  'closesOn',
  'doubleEntry',
];

function CreateConsultationModal({
  project,
  open,
  onClose,
}: {
  project: Project;
  open: boolean;
  onClose: () => void;
}) {
  const { common } = useStaffWords();
  const w = useWords();
  const { pick } = useLang();
  const { message } = App.useApp();
  const [form] = Form.useForm<Record<string, unknown>>();
  const errors = useFormErrors(form, FIELD_NAMES);
  const kind = Form.useWatch('kind', form) as 'vote' | 'survey' | undefined;
  const create = useApiMutation((body: Record<string, unknown>) =>
    answer(api.POST('/api/v1/consultations', { body: body as Body<'/api/v1/consultations'> })),
  );

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue({
      kind: 'vote',
      ruleId: 'sh-801-building',
      scopeKind: 'stairwell',
      doubleEntry: false,
    });
    errors.clear();
  }, [open]);

  const fields: FieldSpec[] = [
    {
      name: 'kind',
      label: w.kind,
      kind: 'select',
      required: true,
      options: (['vote', 'survey'] as const).map((k) => ({ value: k, label: w.kinds[k] })),
    },
    {
      name: 'title',
      label: w.name,
      required: true,
      max: 100,
      placeholder: w.nameExample,
    },
    { name: 'question', label: w.question, kind: 'textarea', required: true, max: 2000 },
    { name: 'documentsSummary', label: w.documentsSummary, kind: 'textarea', max: 4000 },
    ...(kind === 'survey'
      ? []
      : [
          {
            name: 'ruleId',
            label: w.rule,
            kind: 'select' as const,
            required: true,
            options: CONSENT_RULES.map((r) => ({ value: r.id, label: pick(r.name) })),
          },
        ]),
    {
      name: 'scopeKind',
      label: w.scope,
      kind: 'select',
      required: true,
      options: (['stairwell', 'building', 'estate'] as const).map((k) => ({
        value: k,
        label: w.scopes[k],
      })),
    },
    { name: 'opensOn', label: w.opensOn, kind: 'date' },
    { name: 'closesOn', label: w.closesOn, kind: 'date' },
  ];

  const close = useConfirmDiscard(onClose);
  const onOk = async () => {
    const values = await form.validateFields().catch(() => null);
    if (!values) return;
    const body: Record<string, unknown> = { ...values, projectId: project.id };
    for (const key of ['opensOn', 'closesOn'])
      body[key] = values[key] ? (values[key] as Dayjs).format('YYYY-MM-DD') : undefined;
    if (!body.documentsSummary) delete body.documentsSummary;
    if (values.kind === 'survey') delete body.ruleId;
    try {
      await create.mutateAsync(body);
      void message.success(common.saved);
      onClose();
    } catch (err) {
      errors.show(err);
    }
  };

  return (
    <Modal
      open={open}
      title={w.create}
      onOk={onOk}
      onCancel={() => close(form.isFieldsTouched())}
      okText={common.save}
      cancelText={common.cancel}
      confirmLoading={create.isPending}
    >
      <Typography.Paragraph type="secondary">{project.name}</Typography.Paragraph>
      <Form form={form} layout="vertical" requiredMark>
        <FormFields fields={fields} />
        <Form.Item name="doubleEntry" valuePropName="checked">
          <Checkbox>{w.doubleEntry}</Checkbox>
        </Form.Item>
      </Form>
      {errors.alert}
    </Modal>
  );
}
