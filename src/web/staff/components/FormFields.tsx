import { Alert, Form, Input, InputNumber, Select, type FormInstance } from 'antd';
import { DatePicker } from './DatePicker.ts';
import type { Rule } from 'antd/es/form';
import { useState, type ReactNode } from 'react';
import { ApiError } from '../../shared/api.ts';
import { useErrorText } from '../data.ts';
import { useRules, type Rules } from './rules.ts';

export interface FieldSpec {
  name: string;
  label: string;
  kind?: 'text' | 'textarea' | 'number' | 'select' | 'date' | 'password';
  required?: boolean;
  /** characters for text, value for numbers */
  max?: number;
  min?: number;
  pattern?: { regex: RegExp; message: string };
  options?: { value: string; label: ReactNode }[];
  placeholder?: string;
  help?: ReactNode;
  autoComplete?: string;
}

function rulesOf(f: FieldSpec, rules: Rules): Rule[] {
  const kind = f.kind ?? 'text';
  // numbers, choices and dates are checked as what they are; text must not be blank
  if (kind === 'number') return rules.number(f.label, f);
  if (kind === 'select' || kind === 'date') return rules.choice(f.label, f);
  return rules.text(f.label, { required: f.required, max: f.max, pattern: f.pattern });
}

function control(f: FieldSpec) {
  switch (f.kind) {
    case 'textarea':
      return (
        <Input.TextArea rows={3} maxLength={f.max} showCount={Boolean(f.max)} placeholder={f.placeholder} />
      );
    case 'number':
      return (
        <InputNumber
          min={f.min}
          max={f.max}
          precision={0}
          style={{ width: '100%' }}
          placeholder={f.placeholder}
        />
      );
    case 'select':
      return (
        <Select
          options={f.options}
          allowClear={!f.required}
          placeholder={f.placeholder}
          showSearch={{ optionFilterProp: 'label' }}
        />
      );
    case 'date':
      return <DatePicker style={{ width: '100%' }} placeholder={f.placeholder} />;
    case 'password':
      return <Input.Password autoComplete={f.autoComplete} placeholder={f.placeholder} />;
    default:
      return <Input maxLength={f.max} autoComplete={f.autoComplete ?? 'off'} placeholder={f.placeholder} />;
  }
}

/** The fields of a form, from a list of specs, so create and edit forms share one definition. */
export function FormFields({ fields }: { fields: FieldSpec[] }) {
  const rules = useRules();
  return (
    <>
      {fields.map((f) => (
        <Form.Item key={f.name} name={f.name} label={f.label} rules={rulesOf(f, rules)} extra={f.help}>
          {control(f)}
        </Form.Item>
      ))}
    </>
  );
}

/**
 * Puts an API failure where the user looks: under the field it names when the form has that
 * field, otherwise in an alert above the buttons. Returns the alert and the handler.
 */
export function useFormErrors(form: FormInstance, fieldNames: string[]) {
  const [formError, setFormError] = useState<string | null>(null);
  const text = useErrorText();
  const show = (err: unknown) => {
    const field = err instanceof ApiError ? err.info.field : undefined;
    if (field && fieldNames.includes(field)) {
      form.setFields([{ name: field, errors: [text(err)] }]);
      setFormError(null);
    } else {
      setFormError(text(err));
    }
  };
  const alert = formError ? (
    <Alert type="error" showIcon title={formError} style={{ marginBottom: 16 }} />
  ) : null;
  return { show, clear: () => setFormError(null), alert };
}
