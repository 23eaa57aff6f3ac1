import { Button, Card, Form, Input, Select, Space, Table } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { FAULT_KINDS } from '../../../../core/faults.ts';
import { answer, api, type Body } from '../../../shared/api.ts';
import { CommitteeFilter } from '../../components/CommitteeFilter.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { useRules } from '../../components/rules.ts';
import { formBody, WriteModal } from '../../components/WriteModal.tsx';
import { $api, useApiMutation, useListParams } from '../../data.ts';
import { useSession } from '../../session.tsx';
import { KindTag, ResponseTags, StepTag, useWhen, type Fault } from './parts.tsx';
import { shanghaiInstant } from './time.ts';
import { useWords } from './words.ts';

/** Fault and entrapment reports of the caller's lifts: open ones first by default, with their response. */
export default function FaultsPage() {
  const w = useWords();
  const when = useWhen();
  const { canWrite } = useSession();
  const [recording, setRecording] = useState(false);
  const { page, pageSize, filters, update } = useListParams(['open', 'kind', 'committeeId']);
  const open = filters.open ?? 'true';
  const kind = FAULT_KINDS.find((k) => k === filters.kind);
  const list = $api.useQuery('get', '/api/v1/faults', {
    params: {
      query: {
        page,
        pageSize,
        open: open === 'all' ? undefined : (open as 'true' | 'false'),
        kind,
        committeeId: filters.committeeId,
      },
    },
  });
  return (
    <>
      <PageHeader
        title={w.title}
        actions={
          canWrite && (
            <Button type="primary" onClick={() => setRecording(true)}>
              {w.record}
            </Button>
          )
        }
      />
      <Card size="small">
        <Space wrap style={{ marginBottom: 12 }}>
          <Select
            aria-label={w.filterOpen}
            value={open}
            style={{ minWidth: 120 }}
            onChange={(v: string) => update({ open: v === 'true' ? undefined : v })}
            options={[
              { value: 'true', label: w.open },
              { value: 'false', label: w.closedOnly },
              { value: 'all', label: w.all },
            ]}
          />
          <Select
            aria-label={w.filterKind}
            value={kind ?? 'all'}
            style={{ minWidth: 120 }}
            onChange={(v: string) => update({ kind: v === 'all' ? undefined : v })}
            options={[
              { value: 'all', label: w.allKinds },
              ...FAULT_KINDS.map((k) => ({ value: k, label: w.kinds[k] })),
            ]}
          />
          <CommitteeFilter value={filters.committeeId} onChange={(v) => update({ committeeId: v })} />
        </Space>
        <QueryState isLoading={list.isLoading} error={list.error}>
          {() => (
            <Table<Fault>
              rowKey="id"
              size="small"
              dataSource={list.data!.items}
              scroll={{ x: 'max-content' }}
              locale={{ emptyText: <span className="jw-empty">{w.none}</span> }}
              pagination={{
                current: page,
                pageSize,
                total: list.data!.total,
                onChange: (p, s) => update({ page: p, pageSize: s }),
                showSizeChanger: false,
              }}
              columns={[
                {
                  key: 'ref',
                  title: w.ref,
                  render: (_, f) => <Link to={`/faults/${f.id}`}>{f.ref}</Link>,
                },
                { key: 'kind', title: w.kind, render: (_, f) => <KindTag kind={f.kind} /> },
                { key: 'lift', title: w.lift, dataIndex: 'projectName' },
                { key: 'reported', title: w.reportedAt, render: (_, f) => when(f.reportedAt) },
                { key: 'channel', title: w.channel, render: (_, f) => w.channels[f.channel] },
                { key: 'step', title: w.step, render: (_, f) => <StepTag step={f.step} /> },
                { key: 'response', title: w.response, render: (_, f) => <ResponseTags fault={f} /> },
              ]}
            />
          )}
        </QueryState>
      </Card>
      <RecordModal open={recording} onClose={() => setRecording(false)} />
    </>
  );
}

/** A report taken by phone (or found by staff): the lift, what happened, who called and when. */
function RecordModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const w = useWords();
  const rules = useRules();
  const navigate = useNavigate();
  const lifts = $api.useQuery(
    'get',
    '/api/v1/lifts',
    { params: { query: { inService: 'true', pageSize: 500 } } },
    { enabled: open },
  );
  const save = useApiMutation((body: Body<'/api/v1/faults'>) => answer(api.POST('/api/v1/faults', { body })));
  return (
    <WriteModal
      open={open}
      title={w.record}
      fieldNames={['liftId', 'kind', 'description', 'contactName', 'contactPhone', 'reportedAt']}
      initialValues={{ kind: 'fault' }}
      submit={async (values) => {
        const { reportedAt, ...rest } = formBody(values) as { reportedAt?: string };
        const created = await save.mutateAsync({
          ...(rest as Omit<Body<'/api/v1/faults'>, 'channel'>),
          channel: 'phone',
          ...(reportedAt ? { reportedAt: shanghaiInstant(reportedAt) } : {}),
        });
        void navigate(`/faults/${created.id}`);
      }}
      onClose={onClose}
    >
      <Form.Item name="liftId" label={w.lift} rules={rules.choice(w.lift, { required: true })}>
        <Select
          showSearch={{ optionFilterProp: 'label' }}
          options={(lifts.data?.items ?? []).map((l) => ({ value: l.id, label: l.projectName }))}
        />
      </Form.Item>
      <Form.Item name="kind" label={w.kind} rules={rules.choice(w.kind, { required: true })}>
        <Select options={FAULT_KINDS.map((k) => ({ value: k, label: w.kinds[k] }))} />
      </Form.Item>
      <Form.Item name="description" label={w.description} rules={rules.text(w.description, { max: 500 })}>
        <Input.TextArea rows={3} />
      </Form.Item>
      <Form.Item name="contactName" label={w.contactName} rules={rules.text(w.contactName, { max: 50 })}>
        <Input />
      </Form.Item>
      <Form.Item name="contactPhone" label={w.contactPhone} rules={rules.text(w.contactPhone, { max: 20 })}>
        <Input inputMode="tel" />
      </Form.Item>
      <Form.Item name="reportedAt" label={w.reportedAtField}>
        <Input type="datetime-local" />
      </Form.Item>
    </WriteModal>
  );
}
