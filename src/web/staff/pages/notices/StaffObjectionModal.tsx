import { Form, Input, Typography } from 'antd';
import { answer, api, type Body } from '../../../shared/api.ts';
import { DatePicker } from '../../components/DatePicker.ts';
import { formBody, WriteModal } from '../../components/WriteModal.tsx';
import { useApiMutation } from '../../data.ts';
import { useToday } from '../../session.tsx';
import type { NoticeDialogProps } from './types.ts';
import { useWords } from './words.ts';
import { useRules } from '../../components/rules.ts';

/** An objection received on paper or in person (a works notice's complaint, often by phone), entered by staff for the resident. */
export function StaffObjectionModal({ notice, open, onClose }: NoticeDialogProps) {
  const w = useWords();
  const rules = useRules();
  const today = useToday();
  const text = notice.kind === 'works' ? w.complaintText : w.text;
  const add = useApiMutation((body: Record<string, unknown>) =>
    answer(
      api.POST('/api/v1/notices/{id}/objections', {
        params: { path: { id: notice.id } },
        body: body as Body<'/api/v1/notices/{id}/objections'>,
      }),
    ),
  );
  return (
    <WriteModal
      open={open}
      title={notice.kind === 'works' ? w.addComplaintTitle : w.addObjectionTitle}
      fieldNames={['text', 'fromName', 'receivedOn']}
      initialValues={{ receivedOn: today.day }}
      submit={(v) => add.mutateAsync(formBody(v))}
      onClose={onClose}
    >
      <Typography.Paragraph>{notice.title}</Typography.Paragraph>
      <Form.Item name="fromName" label={w.fromName} rules={rules.text(w.fromName, { max: 100 })}>
        <Input maxLength={100} autoComplete="off" />
      </Form.Item>
      <Form.Item name="text" label={text} rules={rules.text(text, { required: true, max: 5000 })}>
        <Input.TextArea rows={4} maxLength={5000} />
      </Form.Item>
      <Form.Item name="receivedOn" label={w.receivedOn}>
        <DatePicker
          style={{ width: '100%' }}
          disabledDate={(d) => today.isAfterToday(d) || d.isBefore(notice.startOn, 'day')}
        />
      </Form.Item>
    </WriteModal>
  );
}
