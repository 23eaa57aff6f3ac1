/** The form fields of a notice shared by create, edit and restart. */
import { Alert, Checkbox, Flex, Form, Input, InputNumber, Select, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { WORKS_EFFECTS, worksNoticeDays } from '../../../../core/notices.ts';
import { DatePicker } from '../../components/DatePicker.ts';
import { formBody } from '../../components/WriteModal.tsx';
import { PeriodPreview } from './PeriodPreview.tsx';
import type { Notice, NoticeKind } from './types.ts';
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

/** A works notice's fields, for the dialogs' errors from the API. */
export const WORKS_FIELDS = ['startOn', 'endOn', 'worksEffects', 'hoursFrom', 'hoursTo'];

/** The fields of a notice's period for its kind: a works notice's own, or the legal periods'. */
export const fieldsOfKind = (kind: NoticeKind) => (kind === 'works' ? WORKS_FIELDS : PERIOD_FIELDS);

/** The body of a notice's form: empty hours of a works notice sent as null, so an edit can drop them. */
export function noticeBody(kind: NoticeKind, values: Record<string, unknown>) {
  const body = formBody(values);
  if (kind === 'works') for (const k of ['hoursFrom', 'hoursTo']) body[k] = body[k] ?? null;
  return body;
}

/** A works notice's details as the form holds them (its end and hours; the start is the caller's). */
export const worksValues = (notice: Notice) => ({
  endOn: dayjs(notice.endsOn),
  worksEffects: notice.works?.effects ?? [],
  hoursFrom: notice.works?.hoursFrom ?? '',
  hoursTo: notice.works?.hoursTo ?? '',
});

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

/** The period fields of the notice's kind: the works' days and effects, or the legal periods. */
export function KindFields({ kind, committeeId }: { kind: NoticeKind; committeeId: string }) {
  return kind === 'works' ? <WorksFields /> : <PeriodFields committeeId={committeeId} />;
}

/**
 * A works notice (施工公告): the days the works affect residents, what they affect and the daily
 * hours. Sent as they are; empty hours are sent as null, so a draft can drop them.
 */
function WorksFields() {
  const w = useWords();
  const rules = useRules();
  const form = Form.useFormInstance();
  const start = Form.useWatch<Dayjs | undefined>('startOn', form);
  const end = Form.useWatch<Dayjs | undefined>('endOn', form);
  const days =
    start && end && !end.isBefore(start, 'day')
      ? worksNoticeDays(start.format('YYYY-MM-DD'), end.format('YYYY-MM-DD'))
      : null;
  const hour = (name: 'hoursFrom' | 'hoursTo', label: string) => (
    <Form.Item
      name={name}
      label={label}
      className="jw-grow"
      rules={rules.text(label, { max: 5 })}
      normalize={(v: string) => v.trim()}
    >
      <Input maxLength={5} placeholder={w.hoursExample} inputMode="numeric" />
    </Form.Item>
  );
  return (
    <>
      <Alert type="info" showIcon title={w.worksNote} className="jw-notice__alert" />
      <Flex gap={12} wrap>
        <Form.Item
          name="startOn"
          label={w.worksStartOn}
          rules={rules.choice(w.worksStartOn, { required: true })}
          className="jw-grow"
        >
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item
          name="endOn"
          label={w.worksEndOn}
          rules={rules.choice(w.worksEndOn, { required: true })}
          className="jw-grow"
        >
          <DatePicker
            style={{ width: '100%' }}
            disabledDate={(d) => Boolean(start && d.isBefore(start, 'day'))}
          />
        </Form.Item>
      </Flex>
      {days && <Typography.Paragraph type="secondary">{w.worksDays(days)}</Typography.Paragraph>}
      <Form.Item
        name="worksEffects"
        label={w.worksEffects}
        rules={rules.choice(w.worksEffects, { required: true })}
      >
        <Checkbox.Group options={WORKS_EFFECTS.map((e) => ({ value: e, label: w.worksEffectLabels[e] }))} />
      </Form.Item>
      <Flex gap={12} wrap>
        {hour('hoursFrom', w.hoursFrom)}
        {hour('hoursTo', w.hoursTo)}
      </Flex>
      <Typography.Paragraph type="secondary">
        {w.hours}：{w.hoursHelp}
      </Typography.Paragraph>
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
