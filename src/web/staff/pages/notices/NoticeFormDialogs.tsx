/** The dialogs that write a notice's text and periods: create, edit a draft, restart after a change. */
import { Alert, Form, Input, Select, Typography } from 'antd';
import dayjs from 'dayjs';
import { answer, api, type Body } from '../../../shared/api.ts';
import type { Project } from '../../../shared/types.ts';
import { WriteModal } from '../../components/WriteModal.tsx';
import { useApiMutation } from '../../data.ts';
import { useToday } from '../../session.tsx';
import {
  fieldsOfKind,
  KindFields,
  noticeBody,
  PERIOD_FIELDS,
  periodValues,
  TextFields,
  WORKS_FIELDS,
  TitleField,
  worksValues,
} from './NoticeFields.tsx';
import { NOTICE_DEFAULTS, NOTICE_KINDS, noticeKindAllowed, noticeStage } from '../../../../core/notices.ts';
import type { NoticeKind, NoticeDialogProps } from './types.ts';
import { useWords } from './words.ts';
import { useRules } from '../../components/rules.ts';

/**
 * A new notice of the kinds the project's stage allows (a works notice from the works on); `kind`
 * opens it on that kind (the works tab opens a works notice).
 */
export function CreateNoticeModal({
  project,
  open,
  onClose,
  kind: firstKind = 'design_scheme',
}: {
  project: Project;
  open: boolean;
  onClose: () => void;
  kind?: NoticeKind;
}) {
  const w = useWords();
  const rules = useRules();
  const today = useToday();
  const create = useApiMutation((body: Record<string, unknown>) =>
    answer(api.POST('/api/v1/notices', { body: body as Body<'/api/v1/notices'> })),
  );
  const kinds = NOTICE_KINDS.filter((k) => noticeKindAllowed(k, noticeStage(project)));
  const defaults = (kind: NoticeKind) =>
    kind === 'works'
      ? { kind, title: w.worksTitle(project.name), endOn: dayjs(today.day).add(13, 'day') }
      : { kind, title: `${project.name}${w.kinds[kind]}`, ...NOTICE_DEFAULTS[kind], countStartDay: false };
  return (
    <WriteModal
      open={open}
      title={firstKind === 'works' ? w.newWorksNotice : w.create}
      fieldNames={['kind', 'title', 'body', ...new Set([...PERIOD_FIELDS, ...WORKS_FIELDS])]}
      initialValues={{ ...defaults(firstKind), startOn: today.day }}
      submit={(values) =>
        create.mutateAsync({ ...noticeBody(values.kind as NoticeKind, values), projectId: project.id })
      }
      onClose={onClose}
    >
      {(form) => (
        <>
          <Typography.Paragraph type="secondary">{project.name}</Typography.Paragraph>
          <Form.Item name="kind" label={w.kind} rules={rules.choice(w.kind, { required: true })}>
            <Select
              options={kinds.map((k) => ({ value: k, label: w.kinds[k] }))}
              onChange={(kind: NoticeKind) => form.setFieldsValue(defaults(kind))}
            />
          </Form.Item>
          <TextFields />
          <Form.Item noStyle dependencies={['kind']}>
            {() => (
              <KindFields kind={form.getFieldValue('kind') as NoticeKind} committeeId={project.committeeId} />
            )}
          </Form.Item>
        </>
      )}
    </WriteModal>
  );
}

const kindValues = (notice: NoticeDialogProps['notice']) =>
  notice.kind === 'works' ? worksValues(notice) : periodValues(notice);

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
      fieldNames={['title', 'body', ...fieldsOfKind(notice.kind)]}
      initialValues={{
        title: notice.title,
        body: notice.body ?? '',
        startOn: dayjs(notice.startOn),
        ...kindValues(notice),
      }}
      submit={(v) => save.mutateAsync(noticeBody(notice.kind, v))}
      onClose={onClose}
    >
      <TextFields />
      <KindFields kind={notice.kind} committeeId={notice.committeeId} />
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
      fieldNames={['reason', 'title', ...fieldsOfKind(notice.kind)]}
      initialValues={{
        title: notice.title,
        startOn: today.day,
        ...kindValues(notice),
      }}
      submit={(v) => restart.mutateAsync(noticeBody(notice.kind, v))}
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
      <KindFields kind={notice.kind} committeeId={notice.committeeId} />
    </WriteModal>
  );
}
