import { App, Form, Modal, type FormInstance } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useId, useRef, type ReactNode } from 'react';
import { useStaffWords } from '../words.ts';
import { useConfirmDiscard } from './confirmDiscard.ts';
import { useFormErrors } from './formErrors.tsx';

/**
 * A dialog with a form that writes once: fields as children (any antd Form.Item), the API's
 * error under the field it names or above the buttons, reset each time it opens; closing it
 * after typing asks first. Not `forceRender`: antd keeps a rendered hidden dialog on its Escape
 * stack, where the last one mounted took the Escape meant for the open one.
 */
export function WriteModal({
  open,
  title,
  okText,
  fieldNames,
  initialValues,
  submit,
  onClose,
  children,
}: {
  open: boolean;
  title: string;
  okText?: string;
  fieldNames: string[];
  initialValues?: Record<string, unknown>;
  submit: (values: Record<string, unknown>) => Promise<unknown>;
  onClose: () => void;
  children: ReactNode | ((form: FormInstance<Record<string, unknown>>) => ReactNode);
}) {
  const { common } = useStaffWords();
  const { message } = App.useApp();
  const [form] = Form.useForm<Record<string, unknown>>();
  const errors = useFormErrors(form, fieldNames);
  const close = useConfirmDiscard(onClose);
  // a form name of its own: antd prefixes the fields' ids with it, so dialogs rendered side by side never share an id
  const formName = `f${useId().replace(/[^a-zA-Z0-9]/g, '')}`;

  // what the dialog opened with: closing asks only when the values differ from it (antd counts
  // the opening setFieldsValue as "touched", so isFieldsTouched would ask every time)
  const opened = useRef('');
  const snapshot = () => JSON.stringify(form.getFieldsValue());

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue(initialValues ?? {});
    opened.current = snapshot();
    errors.clear();
    // reset only when the dialog opens
  }, [open]);

  const onOk = async () => {
    const values = await form.validateFields().catch(() => null);
    if (!values) return;
    try {
      await submit(values);
      void message.success(common.saved);
      onClose();
    } catch (err) {
      errors.show(err);
    }
  };

  return (
    <Modal
      open={open}
      title={title}
      onOk={onOk}
      onCancel={() => close(snapshot() !== opened.current)}
      okText={okText ?? common.save}
      cancelText={common.cancel}
    >
      <Form form={form} name={formName} layout="vertical" requiredMark>
        {typeof children === 'function' ? children(form) : children}
      </Form>
      {errors.alert}
    </Modal>
  );
}

/** Dayjs values of a form as "YYYY-MM-DD"; empty text and dates left out. */
export function formBody(values: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(values)) {
    if (value === undefined || value === null || value === '') continue;
    out[key] =
      typeof value === 'object' && value !== null && 'format' in value
        ? (value as Dayjs).format('YYYY-MM-DD')
        : value;
  }
  return out;
}

/** A native file input with its label (antd's Upload adds a list and drag area this form does not need). */
export function FileInput({
  label,
  required,
  onFile,
  accept = 'image/*,application/pdf',
}: {
  label: string;
  required?: boolean;
  onFile: (f: File | null) => void;
  accept?: string;
}) {
  const id = useId();
  return (
    <Form.Item label={label} htmlFor={id} required={required}>
      <input
        id={id}
        type="file"
        accept={accept}
        className="jw-file-input"
        onChange={(e) => onFile(e.target.files?.[0] ?? null)}
      />
    </Form.Item>
  );
}
