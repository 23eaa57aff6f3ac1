import { Checkbox, Form, Input, InputNumber, Select } from 'antd';
import type { CheckboxGroupProps } from 'antd/es/checkbox';
import { DatePicker } from './DatePicker.ts';
import type { Rule } from 'antd/es/form';
import type { ReactNode } from 'react';
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
 * A required checkbox group in a form. antd marks a required field's control `aria-required`,
 * which ARIA does not allow on a group (axe: aria-allowed-attr); the asterisk and the message
 * say it is required instead.
 */
export function RequiredCheckboxGroup({
  'aria-required': _required,
  ...props
}: CheckboxGroupProps & { 'aria-required'?: unknown }) {
  return <Checkbox.Group {...props} />;
}
