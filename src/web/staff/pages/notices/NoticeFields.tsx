/** The form fields of a notice shared by create, edit and restart. */
import { Checkbox, Flex, Form, Input, InputNumber, Select } from 'antd';
import { DatePicker } from '../../components/DatePicker.ts';
import { PeriodPreview } from './PeriodPreview.tsx';
import type { Notice } from './types.ts';
import { useWords } from './words.ts';
import { useRules } from '../../components/rules.ts';

/** The period's field names, for the dialogs' errors from the API. */
export const PERIOD_FIELDS = [
  'startOn',
  'publicityDays',
  'publicityKind',
  'feedbackDays',
  'feedbackKind',
  'countStartDay',
];

/** A notice's period as the form holds it, but for its start (a draft keeps it, a restart starts today). */
export const periodValues = (notice: Notice) => ({
  publicityDays: notice.publicityDays,
  publicityKind: notice.publicityKind,
  feedbackDays: notice.feedbackDays,
  feedbackKind: notice.feedbackKind,
  countStartDay: notice.countStartDay,
});

export function TitleField() {
  const w = useWords();
  const rules = useRules();
  return (
    <Form.Item name="title" label={w.title} rules={rules.text(w.title, { required: true, max: 200 })}>
      <Input maxLength={200} />
    </Form.Item>
  );
}

/** A notice's title and text, as created or edited. */
export function TextFields() {
  const w = useWords();
  const rules = useRules();
  return (
    <>
      <TitleField />
      <Form.Item name="body" label={w.body} rules={rules.text(w.body, { max: 20000 })}>
        <Input.TextArea rows={3} />
      </Form.Item>
    </>
  );
}

/** The period fields shared by create and restart, with the end dates previewed on the committee's street calendar. */
export function PeriodFields({ committeeId }: { committeeId: string }) {
  const w = useWords();
  const rules = useRules();
  const kindOptions = (['natural', 'working'] as const).map((k) => ({ value: k, label: w.periodKinds[k] }));
  return (
    <>
      <Form.Item name="startOn" label={w.startOn} rules={rules.choice(w.startOn, { required: true })}>
        <DatePicker style={{ width: '100%' }} />
      </Form.Item>
      <Flex gap={12} wrap>
        <Form.Item
          name="publicityDays"
          label={w.publicityDays}
          rules={rules.number(w.publicityDays, { required: true, min: 1, max: 365 })}
          className="jw-grow"
        >
          <InputNumber min={1} max={365} precision={0} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="publicityKind" label={w.publicityKind} className="jw-grow">
          <Select options={kindOptions} />
        </Form.Item>
      </Flex>
      <Flex gap={12} wrap>
        <Form.Item
          name="feedbackDays"
          label={w.feedbackDays}
          rules={rules.number(w.feedbackDays, { required: true, min: 0, max: 365 })}
          className="jw-grow"
        >
          <InputNumber min={0} max={365} precision={0} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="feedbackKind" label={w.feedbackKind} className="jw-grow">
          <Select options={kindOptions} />
        </Form.Item>
      </Flex>
      <Form.Item name="countStartDay" valuePropName="checked">
        <Checkbox>{w.countStartDay}</Checkbox>
      </Form.Item>
      <PeriodPreview committeeId={committeeId} />
    </>
  );
}
