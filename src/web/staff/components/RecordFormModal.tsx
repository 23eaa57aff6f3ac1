import { App, Form, Modal } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { FormFields, useFormErrors, type FieldSpec } from './FormFields.tsx';

export interface RecordFormModalProps {
  open: boolean;
  title: string;
  fields: FieldSpec[];
  initialValues?: Record<string, unknown>;
  /** sends the values; a rejected promise shows its API error on the field it names */
  submit: (values: Record<string, unknown>) => Promise<unknown>;
  onClose: () => void;
}

/** A create or edit form in a dialog. */
export function RecordFormModal({ open, title, fields, initialValues, submit, onClose }: RecordFormModalProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Record<string, unknown>>();
  const errors = useFormErrors(
    form,
    fields.map((f) => f.name),
  );

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue(initialValues ?? {});
    errors.clear();
    // reset only when the dialog opens, not when the caller re-renders
  }, [open]);

  const onOk = async () => {
    const values = await form.validateFields().catch(() => null);
    if (!values) return;
    try {
      await submit(values);
      void message.success(t('common.saved'));
      onClose();
    } catch (err) {
      errors.show(err);
    }
  };

  return (
    <Modal open={open} title={title} onOk={onOk} onCancel={onClose} okText={t('common.save')} cancelText={t('common.cancel')} forceRender>
      <Form form={form} layout="vertical" requiredMark>
        <FormFields fields={fields} />
      </Form>
      {errors.alert}
    </Modal>
  );
}
