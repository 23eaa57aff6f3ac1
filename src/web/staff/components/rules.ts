import type { Rule } from 'antd/es/form';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, passwordLength } from '../../../core/accounts.ts';
import { typeName } from '../../../core/fields.ts';
import { SAY, type Sentence } from '../../../core/sentences.ts';
import { useLang } from '../../shared/words.ts';

interface TextCheck {
  required?: boolean;
  /** spaces alone are a value (a password), not a blank */
  spaces?: boolean;
  /** characters, after trimming, as the server counts them */
  min?: number;
  max?: number;
  pattern?: { regex: RegExp; message: string };
}

interface NumberCheck {
  required?: boolean;
  min?: number;
  max?: number;
}

/** Nothing given: no value, only spaces, an empty list. */
const isBlank = (v: unknown, spaces = false) =>
  v === undefined ||
  v === null ||
  (typeof v === 'string' && (spaces ? v : v.trim()) === '') ||
  (Array.isArray(v) && v.length === 0);

/**
 * The checks of every staff form field: each field gets one rule that gives one message, for the
 * first thing wrong, as a sentence naming the field by its label in the page's language — said
 * as the server says it (core/sentences.ts). What is typed asks 请填写, what is chosen (a select,
 * a date, a radio, a file) asks 请选择. antd's own messages are never shown: they repeat a rule
 * per problem (an emptied number said both "required" and "not a number") and name the field by
 * its key in English.
 */
export function useRules() {
  const { isEn } = useLang();
  const put = <A extends unknown[]>(s: Sentence<A>, label: string, ...args: A) =>
    (isEn ? s.en : s.zh)(label, ...args);
  /** `required` also marks the label with antd's asterisk */
  const rule = (required: boolean | undefined, problem: (v: unknown) => string | null): Rule[] => [
    {
      required,
      validator: async (_: unknown, v: unknown) => {
        const message = problem(v);
        if (message) throw new Error(message);
      },
    },
  ];
  return {
    text: (label: string, check: TextCheck = {}) =>
      rule(check.required, (v) => {
        if (isBlank(v, check.spaces)) return check.required ? put(SAY.required, label) : null;
        const text = String(v);
        const length = text.trim().length;
        if (check.max !== undefined && length > check.max) return put(SAY.tooLong, label, check.max);
        if (check.min !== undefined && length < check.min) return put(SAY.tooShort, label, check.min);
        if (check.pattern && !check.pattern.regex.test(text)) return check.pattern.message;
        return null;
      }),
    number: (label: string, check: NumberCheck = {}) =>
      rule(check.required, (v) => {
        if (isBlank(v)) return check.required ? put(SAY.required, label) : null;
        if (typeof v !== 'number' || !Number.isFinite(v)) return put(SAY.notA, label, typeName('number'));
        if (check.min !== undefined && v < check.min) return put(SAY.atLeast, label, check.min);
        if (check.max !== undefined && v > check.max) return put(SAY.atMost, label, check.max);
        return null;
      }),
    /** a new password: its length as the server counts it (code points, spaces too); the server checks the rest */
    password: (label: string, check: { required?: boolean } = {}) =>
      rule(check.required, (v) => {
        if (typeof v !== 'string' || v === '') return check.required ? put(SAY.required, label) : null;
        const n = passwordLength(v);
        if (n < PASSWORD_MIN_LENGTH) return put(SAY.tooShort, label, PASSWORD_MIN_LENGTH);
        if (n > PASSWORD_MAX_LENGTH) return put(SAY.tooLong, label, PASSWORD_MAX_LENGTH);
        return null;
      }),
    /** a select, a date, radio buttons, check boxes (at least one), a file */
    choice: (label: string, check: { required?: boolean } = {}) =>
      rule(check.required, (v) => (check.required && isBlank(v) ? put(SAY.choose, label) : null)),
  };
}

export type Rules = ReturnType<typeof useRules>;
