import { CheckCircleFilled, CloseCircleFilled, SwapOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Checkbox,
  Flex,
  Form,
  Input,
  Modal,
  Select,
  Typography,
  type FormInstance,
} from 'antd';
import { useState } from 'react';
import { checkEntry, ENTRY_CRITERIA, nextStage } from '../../../../core/lifecycle.ts';
import { STAGES, STAGE_LABELS, type Stage } from '../../../../core/stages.ts';
import { answer, api } from '../../../shared/api.ts';
import type { Project, StageStatus } from '../../../shared/types.ts';
import { useLang } from '../../../shared/words.ts';
import { useConfirmDiscard } from '../../components/confirmDiscard.ts';
import { useFormErrors } from '../../components/formErrors.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { $api, useApiMutation } from '../../data.ts';
import { useStaffWords } from '../../words.ts';
import { useWords } from './words.ts';
import { useRules } from '../../components/rules.ts';

interface StageForm {
  to: Stage;
  confirmed?: string[];
  override?: boolean;
  reason?: string;
}

/** Opens the stage change; the criteria come from src/core, the facts from the server. */
export function StageChangeButton({ project }: { project: Project }) {
  const w = useWords();
  const [open, setOpen] = useState(false);
  // the form lives here so closing the dialog can ask before a written reason is lost
  const [form] = Form.useForm<StageForm>();
  const close = useConfirmDiscard(() => setOpen(false));
  const status = $api.useQuery(
    'get',
    '/api/v1/projects/{id}/stage',
    { params: { path: { id: project.id } } },
    { enabled: open },
  );
  return (
    <>
      <Button icon={<SwapOutlined />} onClick={() => setOpen(true)}>
        {w.changeStage}
      </Button>
      <Modal
        open={open}
        title={w.changeStage}
        footer={null}
        onCancel={() => close(form.isFieldsTouched())}
        destroyOnHidden
      >
        <QueryState isLoading={status.isLoading} error={status.error}>
          {() => (
            <StageChangeForm
              form={form}
              projectId={project.id}
              status={status.data!}
              onDone={() => setOpen(false)}
            />
          )}
        </QueryState>
      </Modal>
    </>
  );
}

/**
 * The same check the server makes, shown before sending: system criteria met or not, staff
 * criteria to confirm. Unmet criteria can be overridden only with a written reason (audited);
 * pausing and withdrawing need a reason too.
 */
function StageChangeForm({
  form,
  projectId,
  status,
  onDone,
}: {
  form: FormInstance<StageForm>;
  projectId: string;
  status: StageStatus;
  onDone: () => void;
}) {
  const { common } = useStaffWords();
  const w = useWords();
  const rules = useRules();
  const { pick } = useLang();
  const { message } = App.useApp();
  const errors = useFormErrors(form, ['to', 'reason']);
  const change = useApiMutation((body: StageForm) =>
    answer(api.POST('/api/v1/projects/{id}/stage', { params: { path: { id: projectId } }, body })),
  );
  const suggested = status.stage === 'paused' ? status.pausedFrom : nextStage(status.stage);
  const to = Form.useWatch('to', form) ?? suggested ?? undefined;
  const confirmed = Form.useWatch('confirmed', form) ?? [];
  const override = Form.useWatch('override', form) ?? false;
  const check = to
    ? checkEntry(status.stage, to, status.facts, confirmed, status.pausedFrom ?? undefined)
    : null;
  const needsReason = to === 'paused' || to === 'withdrawn' || override;
  // only moves the server can make: the next stage (or back from a pause), pausing, withdrawing
  const reachable =
    status.stage === 'withdrawn'
      ? []
      : STAGES.filter((s) => s !== status.stage && (s === suggested || s === 'paused' || s === 'withdrawn'));

  const submit = async (values: StageForm) => {
    errors.clear();
    try {
      await change.mutateAsync({
        ...values,
        confirmed: values.confirmed ?? [],
        override: values.override ?? false,
      });
      void message.success(common.saved);
      onDone();
    } catch (err) {
      errors.show(err);
    }
  };

  return (
    <Form form={form} layout="vertical" onFinish={submit} initialValues={{ to: suggested ?? undefined }}>
      <Typography.Paragraph>{w.currentStage(pick(STAGE_LABELS[status.stage]))}</Typography.Paragraph>
      <Form.Item name="to" label={w.toStage} rules={rules.choice(w.toStage, { required: true })}>
        <Select options={reachable.map((s) => ({ value: s, label: pick(STAGE_LABELS[s]) }))} />
      </Form.Item>
      {to && <Criteria to={to} status={status} />}
      {check && !check.allowed && (
        <>
          <Alert
            type="warning"
            showIcon
            title={w.blocked}
            description={
              <ul className="jw-plain-list">
                {check.blockers.map((b) => (
                  <li key={b.id}>{pick(b.label)}</li>
                ))}
              </ul>
            }
            style={{ marginBottom: 12 }}
          />
          <Form.Item name="override" valuePropName="checked">
            <Checkbox>{w.override}</Checkbox>
          </Form.Item>
        </>
      )}
      <Form.Item
        name="reason"
        label={w.reason}
        rules={rules.text(w.reason, { required: needsReason, min: needsReason ? 4 : undefined, max: 1000 })}
      >
        <Input.TextArea rows={3} maxLength={1000} showCount />
      </Form.Item>
      {errors.alert}
      <Button
        type="primary"
        htmlType="submit"
        loading={change.isPending}
        disabled={Boolean(check && !check.allowed && !override)}
        block
      >
        {w.changeStage}
      </Button>
    </Form>
  );
}

/** What entering the stage needs: system criteria as met or not, staff criteria to confirm. */
function Criteria({ to, status }: { to: Stage; status: StageStatus }) {
  const w = useWords();
  const { pick } = useLang();
  const criteria = ENTRY_CRITERIA[to];
  if (!criteria.length) return null;
  const staff = criteria.filter((c) => c.kind === 'staff');
  return (
    <section aria-label={w.criteria} style={{ marginBottom: 12 }}>
      <Typography.Text strong>{w.criteria}</Typography.Text>
      <ul className="jw-plain-list">
        {criteria
          .filter((c) => c.kind === 'system')
          .map((c) => {
            const met = c.met!(status.facts);
            return (
              <li key={c.id}>
                <Flex gap={6} align="baseline">
                  {met ? (
                    <CheckCircleFilled style={{ color: '#237804' }} aria-hidden />
                  ) : (
                    <CloseCircleFilled style={{ color: '#cf1322' }} aria-hidden />
                  )}
                  <span>
                    {pick(c.label)} <span className="jw-visually-hidden">{met ? w.met : w.notMet}</span>
                  </span>
                </Flex>
              </li>
            );
          })}
      </ul>
      {staff.length > 0 && (
        <Form.Item name="confirmed" label={w.confirm} style={{ marginBottom: 0 }}>
          <Checkbox.Group
            options={staff.map((c) => ({ value: c.id, label: pick(c.label) }))}
            style={{ display: 'flex', flexDirection: 'column', gap: 4 }}
          />
        </Form.Item>
      )}
    </section>
  );
}

/** The project's moves between stages, newest first; overrides stand out with their reason. */
export function StageHistory({ projectId }: { projectId: string }) {
  const w = useWords();
  const { pick } = useLang();
  const status = $api.useQuery('get', '/api/v1/projects/{id}/stage', { params: { path: { id: projectId } } });
  const history = [...(status.data?.history ?? [])].reverse();
  if (!history.length) return <Typography.Text type="secondary">{w.noHistory}</Typography.Text>;
  return (
    <ol className="jw-plain-list jw-history">
      {history.map((h) => (
        <li key={h.id}>
          <Typography.Text strong>
            {pick(STAGE_LABELS[h.fromStage])} → {pick(STAGE_LABELS[h.toStage])}
          </Typography.Text>{' '}
          <Typography.Text type="secondary">
            {h.on} · {h.byName}
          </Typography.Text>
          {h.overridden.length > 0 && (
            <div className="jw-history__override">
              {w.overridden}: {h.overridden.map((o) => pick(o.label)).join('；')}
            </div>
          )}
          {h.reason && <div>{h.reason}</div>}
        </li>
      ))}
    </ol>
  );
}
