/** The dialogs that write a notice's text and periods: create, edit a draft, restart after a change. */
import { Alert, Form, Input, Select, Typography } from 'antd';
import dayjs from 'dayjs';
import { answer, api, type Body } from '../../../shared/api.ts';
import type { Project } from '../../../shared/types.ts';
import { formBody, WriteModal } from '../../components/WriteModal.tsx';
import { useApiMutation } from '../../data.ts';
import { useToday } from '../../session.tsx';
import { PERIOD_FIELDS, PeriodFields, periodValues, TextFields, TitleField } from './NoticeFields.tsx';
import { NOTICE_DEFAULTS, NOTICE_KINDS } from '../../../../core/notices.ts';
import type { NoticeKind, NoticeDialogProps } from './types.ts';
import { useWords } from './words.ts';
import { useRules } from '../../components/rules.ts';

export function CreateNoticeModal({
  project,
  open,
  onClose,
}: {
  project: Project;
  open: boolean;
  onClose: () => void;
}) {
  const w = useWords();
  const rules = useRules();
  const today = useToday();
  const create = useApiMutation((body: Record<string, unknown>) =>
    answer(api.POST('/api/v1/notices', { body: body as Body<'/api/v1/notices'> })),
  );
  const defaults = (kind: NoticeKind) => ({ kind, ...NOTICE_DEFAULTS[kind] });
  return (
    <WriteModal
      open={open}
      title={w.create}
      fieldNames={['kind', 'title', 'body', ...PERIOD_FIELDS]}
      initialValues={{
        ...defaults('design_scheme'),
        title: `${project.name}${w.kinds.design_scheme}`,
        startOn: today.day,
        countStartDay: false,
      }}
      submit={(values) => create.mutateAsync({ ...formBody(values), projectId: project.id })}
      onClose={onClose}
    >
      {(form) => (
        <>
          <Typography.Paragraph type="secondary">{project.name}</Typography.Paragraph>
          <Form.Item name="kind" label={w.kind} rules={rules.choice(w.kind, { required: true })}>
            <Select
              options={NOTICE_KINDS.map((k) => ({ value: k, label: w.kinds[k] }))}
              onChange={(kind: NoticeKind) =>
                form.setFieldsValue({ ...defaults(kind), title: `${project.name}${w.kinds[kind]}` })
              }
            />
          </Form.Item>
          <TextFields />
          <PeriodFields committeeId={project.committeeId} />
        </>
      )}
    </WriteModal>
  );
}

/** A draft is edited freely until it is posted; afterwards a change restarts the notice. */
export function EditDraftModal({ notice, open, onClose }: NoticeDialogProps) {
  const w = useWords();
  const save = useApiMutation((body: Body<'/api/v1/notices/{id}', 'patch'>) =>
    answer(api.PATCH('/api/v1/notices/{id}', { params: { path: { id: notice.id } }, body })),
  );
  return (
    <WriteModal
      open={open}
      title={w.editDraft}
      fieldNames={['title', 'body', ...PERIOD_FIELDS]}
      initialValues={{
        title: notice.title,
        body: notice.body ?? '',
        startOn: dayjs(notice.startOn),
        ...periodValues(notice),
      }}
      submit={(v) => save.mutateAsync(formBody(v))}
      onClose={onClose}
    >
      <TextFields />
      <PeriodFields committeeId={notice.committeeId} />
    </WriteModal>
  );
}

export function RestartModal({ notice, open, onClose }: NoticeDialogProps) {
  const w = useWords();
  const rules = useRules();
  const today = useToday();
  const restart = useApiMutation((body: Record<string, unknown>) =>
    answer(
      api.POST('/api/v1/notices/{id}/restart', {
        params: { path: { id: notice.id } },
        body: body as Body<'/api/v1/notices/{id}/restart'>,
      }),
    ),
  );
  return (
    <WriteModal
      open={open}
      title={w.restart}
      fieldNames={['reason', 'title', ...PERIOD_FIELDS]}
      initialValues={{
        title: notice.title,
        startOn: today.day,
        ...periodValues(notice),
      }}
      submit={(v) => restart.mutateAsync(formBody(v))}
      onClose={onClose}
    >
      <Alert type="info" showIcon title={w.restartNote} className="jw-notice__alert" />
      <Form.Item
        name="reason"
        label={w.restartReason}
        rules={rules.text(w.restartReason, { required: true, max: 1000 })}
      >
        <Input.TextArea rows={2} maxLength={1000} />
      </Form.Item>
      <TitleField />
      <PeriodFields committeeId={notice.committeeId} />
    </WriteModal>
  );
}
