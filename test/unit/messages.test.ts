/**
 * Messages a person can read (issue 11 item 8): every refusal of a value is one sentence in
 * Chinese and one in English, naming the field by its label (never its key), from the zod issue
 * the contract raised; a path parameter is a wrong link; every field of the contract has a label.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { FIELD_LABELS, fieldLabel } from '../../src/core/fields.ts';
import { say, SAY } from '../../src/core/sentences.ts';
import { loginBody } from '../../src/server/modules/accounts/contract.ts';
import { customRuleInput } from '../../src/server/modules/consent/contract.ts';
import { describeIssue } from '../../src/server/platform/errors.ts';
import { idParam, pageQuery } from '../../src/server/platform/http.ts';

/** The sentence of the first issue `schema` raises on `value` (as the error handler says it). */
function refusal(schema: z.ZodType, value: unknown, prefix = '') {
  const parsed = schema.safeParse(value);
  expect(parsed.success, JSON.stringify(value)).toBe(false);
  return describeIssue(parsed.error!.issues[0] as never, prefix);
}

describe('a refused value', () => {
  it('is a sentence naming the field by its label, with the limit', () => {
    expect(refusal(loginBody, { username: 'x'.repeat(65), password: 'p' })).toEqual({
      field: 'username',
      zh: '用户名不能超过 64 个字',
      en: 'Username can be at most 64 characters',
    });
    const tooLarge = refusal(z.object(pageQuery), { pageSize: '501' }, 'querystring');
    expect(tooLarge).toEqual({
      field: 'querystring.pageSize',
      zh: '每页条数不能大于 500',
      en: 'Page size can be at most 500',
    });
  });

  it('asks for what is missing or blank, once', () => {
    const missing = { field: 'password', zh: '请填写密码', en: 'Password is required' };
    expect(refusal(loginBody, { username: 'admin' })).toEqual(missing);
    expect(refusal(loginBody, { username: 'admin', password: '' })).toEqual(missing);
    // text is trimmed first: spaces alone are blank
    expect(refusal(loginBody, { username: '   ', password: 'p' })).toMatchObject({ zh: '请填写用户名' });
  });

  it('says a wrong id in a path is a wrong link, whatever the check', () => {
    expect(refusal(idParam, { id: 'not-a-uuid' }, 'params')).toEqual({
      field: 'params.id',
      zh: '链接中的编号无效',
      en: 'The ID in the link is not valid',
    });
  });

  it('says what kind of value a field takes', () => {
    expect(refusal(z.object(pageQuery), { page: 'abc' }, 'querystring')).toMatchObject({
      zh: '页码应为数字',
      en: 'Page must be a number',
    });
    expect(refusal(z.object({ floors: z.number().int() }), { floors: 2.5 })).toMatchObject({
      zh: '层数应为整数',
      en: 'Number of floors must be a whole number',
    });
    expect(refusal(z.object({ role: z.enum(['a', 'b']) }), { role: 'c' })).toMatchObject({
      zh: '角色不是可选的值',
      en: 'Role is not one of the choices',
    });
    expect(refusal(z.object({ startOn: z.iso.date() }), { startOn: '20.11.2026' })).toMatchObject({
      zh: '开始日期应为日期，如 2026-05-01',
    });
    expect(refusal(z.object({ amountFen: z.number().positive() }), { amountFen: 0 })).toMatchObject({
      zh: '金额应大于 0',
      en: 'Amount must be more than 0',
    });
  });

  it('names a field inside a list by its place in the list', () => {
    const parties = z.object({ parties: z.array(z.object({ name: z.string().max(3) })) });
    expect(refusal(parties, { parties: [{ name: 'ok' }, { name: 'too long' }] })).toEqual({
      field: 'parties.1.name',
      zh: '第 2 个当事人的名称不能超过 3 个字',
      en: 'The name of party 2 can be at most 3 characters',
    });
    const floors = z.object({ exemptFloors: z.array(z.number().max(9)) });
    expect(refusal(floors, { exemptFloors: [1, 12] })).toMatchObject({ zh: '第 2 个免出资楼层不能大于 9' });
    expect(
      refusal(z.object({ parties: z.array(z.string()).max(2) }), { parties: ['a', 'b', 'c'] }),
    ).toMatchObject({
      zh: '当事人最多 2 项',
      en: 'Party can have at most 2 entries',
    });
  });

  it('says a rule of the field’s own after its label', () => {
    const rule = { approval: { area: '3/2', heads: '2/3' } };
    expect(refusal(customRuleInput, rule)).toEqual({
      field: 'approval.area',
      zh: '面积比例应为真分数，如 2/3',
      en: 'Share of the area must be a proper fraction such as 2/3',
    });
  });

  it('names the request itself when the fields it does not take are sent', () => {
    expect(refusal(z.strictObject({ name: z.string() }), { name: 'a', nmae: 'b' })).toEqual({
      field: 'body',
      zh: '请求内容含有不认识的字段：nmae',
      en: 'The request has fields it does not take: nmae',
    });
  });
});

describe('the labels', () => {
  it('name a key by its place first (the audit filter’s “to” is a date, a stage change’s is a stage)', () => {
    expect(fieldLabel(['querystring', 'to']).zh).toBe('截止日期');
    expect(fieldLabel(['to']).zh).toBe('目标阶段');
    expect(fieldLabel(['params', 'id'])).toEqual({ zh: '编号', en: 'ID' });
  });

  it('exist for every field the API takes, so no message names a key', () => {
    const doc = JSON.parse(readFileSync('docs/openapi.json', 'utf8')) as {
      paths: Record<string, Record<string, Operation>>;
      components: { schemas: Record<string, Schema> };
    };
    interface Schema {
      $ref?: string;
      properties?: Record<string, Schema>;
      items?: Schema;
      additionalProperties?: Schema | boolean;
      anyOf?: Schema[];
      oneOf?: Schema[];
      allOf?: Schema[];
    }
    interface Operation {
      parameters?: { name: string; in: string }[];
      requestBody?: { content: Record<string, { schema: Schema }> };
    }
    const keys = new Set<string>();
    const seen = new Set<Schema>();
    const walk = (s: Schema | boolean | undefined): void => {
      if (!s || s === true) return;
      const schema = s.$ref ? doc.components.schemas[s.$ref.split('/').pop()!] : s;
      if (!schema || seen.has(schema)) return;
      seen.add(schema);
      for (const [key, child] of Object.entries(schema.properties ?? {})) {
        keys.add(key);
        walk(child);
      }
      [schema.items, schema.additionalProperties, ...(schema.anyOf ?? []), ...(schema.oneOf ?? [])].forEach(
        walk,
      );
      (schema.allOf ?? []).forEach(walk);
    };
    for (const operations of Object.values(doc.paths))
      for (const op of Object.values(operations)) {
        for (const p of op.parameters ?? []) if (p.in !== 'header') keys.add(p.name);
        for (const { schema } of Object.values(op.requestBody?.content ?? {})) walk(schema);
      }
    expect(keys.size).toBeGreaterThan(100);
    expect([...keys].filter((k) => !FIELD_LABELS[k])).toEqual([]);
  });

  it('are words, not keys: no Chinese label holds a Latin letter, no English one a camelCase key', () => {
    for (const [key, label] of Object.entries(FIELD_LABELS)) {
      expect(label.zh, key).not.toMatch(/[A-Za-z]/);
      expect(label.en, key).not.toMatch(/[a-z][A-Z]/);
    }
  });
});

describe('the sentences', () => {
  it('start the English with a capital and keep an acronym as it is inside one', () => {
    expect(say(SAY.required, { zh: '显示名称', en: 'display name' })).toEqual({
      zh: '请填写显示名称',
      en: 'Display name is required',
    });
    expect(SAY.choose.en('Role')).toBe('Please choose role');
    expect(SAY.choose.zh('角色')).toBe('请选择角色');
    expect(SAY.inLink.en('ID')).toBe('The ID in the link is not valid');
  });
});
