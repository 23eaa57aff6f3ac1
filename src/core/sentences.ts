import type { Label } from './fields.ts';

/**
 * How a problem with a field is said: one sentence naming the field by its label, in Chinese and
 * in English. The server's validation errors (platform/errors.ts) and the staff forms' own checks
 * (web/staff/components/rules.ts) say it the same way.
 */
export interface Sentence<A extends unknown[] = []> {
  zh: (label: string, ...args: A) => string;
  en: (label: string, ...args: A) => string;
}

/** "display name" → "Display name" at the start of a sentence. */
const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
/** "Display name" → "display name" inside one; "ID number" stays. */
const low = (s: string) => (/^[A-Z][a-z]/.test(s) ? s.charAt(0).toLowerCase() + s.slice(1) : s);

const sentence = <A extends unknown[]>(s: Sentence<A>) => s;

export const SAY = {
  /** nothing given (text, or a value the server needs) */
  required: sentence({ zh: (l) => `请填写${l}`, en: (l) => `${cap(l)} is required` }),
  /** nothing chosen (a select, a date, a file) */
  choose: sentence({ zh: (l) => `请选择${l}`, en: (l) => `Please choose ${low(l)}` }),
  tooLong: sentence<[number]>({
    zh: (l, n) => `${l}不能超过 ${n} 个字`,
    en: (l, n) => `${cap(l)} can be at most ${n} characters`,
  }),
  tooShort: sentence<[number]>({
    zh: (l, n) => `${l}至少要 ${n} 个字`,
    en: (l, n) => `${cap(l)} needs at least ${n} characters`,
  }),
  atMost: sentence<[number]>({
    zh: (l, n) => `${l}不能大于 ${n}`,
    en: (l, n) => `${cap(l)} can be at most ${n}`,
  }),
  atLeast: sentence<[number]>({
    zh: (l, n) => `${l}不能小于 ${n}`,
    en: (l, n) => `${cap(l)} must be at least ${n}`,
  }),
  below: sentence<[number]>({
    zh: (l, n) => `${l}应小于 ${n}`,
    en: (l, n) => `${cap(l)} must be less than ${n}`,
  }),
  above: sentence<[number]>({
    zh: (l, n) => `${l}应大于 ${n}`,
    en: (l, n) => `${cap(l)} must be more than ${n}`,
  }),
  tooMany: sentence<[number]>({
    zh: (l, n) => `${l}最多 ${n} 项`,
    en: (l, n) => `${cap(l)} can have at most ${n} entries`,
  }),
  tooFew: sentence<[number]>({
    zh: (l, n) => `${l}至少要有 ${n} 项`,
    en: (l, n) => `${cap(l)} needs at least ${n} entries`,
  }),
  /** of another kind: `what` is "数字" / "a number" */
  notA: sentence<[what: Label]>({
    zh: (l, what) => `${l}应为${what.zh}`,
    en: (l, what) => `${cap(l)} must be ${what.en}`,
  }),
  notAChoice: sentence({ zh: (l) => `${l}不是可选的值`, en: (l) => `${cap(l)} is not one of the choices` }),
  notValid: sentence({ zh: (l) => `${l}无效`, en: (l) => `${cap(l)} is not valid` }),
  notADate: sentence({
    zh: (l) => `${l}应为日期，如 2026-05-01`,
    en: (l) => `${cap(l)} must be a date such as 2026-05-01`,
  }),
  badFormat: sentence({ zh: (l) => `${l}的格式不正确`, en: (l) => `${cap(l)} is not in the right format` }),
  unknownKeys: sentence<[keys: string[]]>({
    zh: (l, keys) => `${l}含有不认识的字段：${keys.join('、')}`,
    en: (l, keys) => `${cap(l)} has fields it does not take: ${keys.join(', ')}`,
  }),
  /** a path parameter: the link itself is wrong, whatever the value */
  inLink: sentence({ zh: (l) => `链接中的${l}无效`, en: (l) => `The ${low(l)} in the link is not valid` }),
  /** a rule of the field's own, said by the rule (`{zh, en}`) */
  rule: sentence<[what: Label]>({
    zh: (l, what) => `${l}${what.zh}`,
    en: (l, what) => `${cap(l)} ${what.en}`,
  }),
  /** text that cannot be stored (a NUL, a lone surrogate) */
  unstorable: sentence({
    zh: (l) => `${l}含有无法保存的字符（如空字符），请删除后重试`,
    en: (l) =>
      `${cap(l)} contains a character that cannot be stored (such as a NUL); remove it and try again`,
  }),
};

/** A sentence about a field, in both languages. */
export function say<A extends unknown[]>(s: Sentence<A>, label: Label, ...args: A): Label {
  return { zh: s.zh(label.zh, ...args), en: s.en(label.en, ...args) };
}
