import { Alert, Button, Card, Descriptions, Flex, Form, Input, Timeline } from 'antd';
import { useState } from 'react';
import { useParams } from 'react-router';
import { answer, api, type Body } from '../../../shared/api.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { useRules } from '../../components/rules.ts';
import { formBody, WriteModal } from '../../components/WriteModal.tsx';
import { $api, useApiMutation } from '../../data.ts';
import { useSession } from '../../session.tsx';
import { KindTag, ResponseTags, StepTag, useWhen, type Fault } from './parts.tsx';
import { shanghaiInstant } from './time.ts';
import { useWords } from './words.ts';

/** One report: what happened, who to call back, its timeline and response, and the next step to record. */
export default function FaultPage() {
  const { id = '' } = useParams();
  const found = $api.useQuery('get', '/api/v1/faults/{id}', { params: { path: { id } } });
  return (
    <QueryState isLoading={found.isLoading} error={found.error}>
      {() => <FaultView f={found.data!} />}
    </QueryState>
  );
}

function FaultView({ f }: { f: Fault }) {
  const w = useWords();
  const when = useWhen();
  const { canWrite } = useSession();
  const [moving, setMoving] = useState(false);
  const r = f.response;
  const minutes = (n: number | null) => (n === null ? '—' : w.minutes(n));
  return (
    <>
      <PageHeader
        title={`${w.kinds[f.kind]} ${f.ref}`}
        crumbs={[{ label: w.back, to: '/faults' }, { label: f.ref }]}
        actions={
          canWrite &&
          f.nextStep && (
            <Button type="primary" onClick={() => setMoving(true)}>
              {w.moveTo[f.nextStep]}
            </Button>
          )
        }
      />
      <Flex vertical gap={16}>
        <Card size="small">
          {r.overdue && <Alert type="error" showIcon title={w.overdue} style={{ marginBottom: 12 }} />}
          <Descriptions
            size="small"
            column={{ xs: 1, sm: 2, lg: 3 }}
            items={[
              { key: 'kind', label: w.kind, children: <KindTag kind={f.kind} /> },
              { key: 'step', label: w.step, children: <StepTag step={f.step} /> },
              { key: 'lift', label: w.lift, children: f.projectName },
              { key: 'channel', label: w.channel, children: w.channels[f.channel] },
              { key: 'reported', label: w.reportedAt, children: when(f.reportedAt) },
              ...(f.fromLabel ? [{ key: 'from', label: w.from, children: f.fromLabel }] : []),
              {
                key: 'contact',
                label: w.contact,
                children: [f.contactName, f.contactPhone].filter(Boolean).join(' ') || '—',
              },
              {
                key: 'desc',
                label: w.description,
                span: 'filled' as const,
                children: f.description || '—',
              },
              ...(f.resolution
                ? [
                    {
                      key: 'resolution',
                      label: w.resolution,
                      span: 'filled' as const,
                      children: f.resolution,
                    },
                  ]
                : []),
            ]}
          />
        </Card>
        <Card size="small" title={<h2 className="jw-card-title">{w.response}</h2>}>
          <Flex vertical gap={8}>
            <ResponseTags fault={f} />
            <Descriptions
              size="small"
              column={{ xs: 1, sm: 2, lg: 4 }}
              items={[
                { key: 'limit', label: w.limit, children: w.minutes(r.onSiteLimit) },
                { key: 'ack', label: w.toAcknowledge, children: minutes(r.toAcknowledge) },
                { key: 'onsite', label: w.toOnSite, children: minutes(r.toOnSite) },
                { key: 'fixed', label: w.toFixed, children: minutes(r.toFixed) },
              ]}
            />
          </Flex>
        </Card>
        <Card size="small" title={<h2 className="jw-card-title">{w.timeline}</h2>}>
          <Timeline
            items={f.timeline.map((s) => ({
              key: s.step,
              children: (
                <div data-testid={`fault-step-${s.step}`}>
                  <strong>{w.steps[s.step]}</strong> {when(s.at)}
                  <div className="jw-muted">
                    {s.step === 'reported' && f.channel !== 'phone' && f.channel !== 'staff'
                      ? w.channels[f.channel]
                      : w.by(s.by)}
                  </div>
                </div>
              ),
            }))}
          />
        </Card>
      </Flex>
      {f.nextStep && <StepModal f={f} open={moving} onClose={() => setMoving(false)} />}
    </>
  );
}

/** Records the next step: when (now unless said), and what was done when fixing or closing. */
function StepModal({ f, open, onClose }: { f: Fault; open: boolean; onClose: () => void }) {
  const w = useWords();
  const rules = useRules();
  const step = f.nextStep!;
  const save = useApiMutation((body: Body<'/api/v1/faults/{id}/steps'>) =>
    answer(api.POST('/api/v1/faults/{id}/steps', { params: { path: { id: f.id } }, body })),
  );
  const writesResolution = step === 'fixed' || step === 'closed';
  return (
    <WriteModal
      open={open}
      title={w.moveTo[step]}
      okText={w.moveTo[step]}
      fieldNames={['at', 'resolution']}
      initialValues={writesResolution ? { resolution: f.resolution } : {}}
      submit={(values) => {
        const { at, resolution } = formBody(values) as { at?: string; resolution?: string };
        return save.mutateAsync({
          step,
          ...(at ? { at: shanghaiInstant(at) } : {}),
          ...(resolution ? { resolution } : {}),
        });
      }}
      onClose={onClose}
    >
      <Form.Item name="at" label={w.at} extra={w.atHint}>
        <Input type="datetime-local" />
      </Form.Item>
      {writesResolution && (
        <Form.Item
          name="resolution"
          label={w.resolution}
          extra={step === 'closed' ? w.closedNote : undefined}
          rules={rules.text(w.resolution, { max: 1000, required: step === 'closed' && !f.resolution })}
        >
          <Input.TextArea rows={3} />
        </Form.Item>
      )}
    </WriteModal>
  );
}
