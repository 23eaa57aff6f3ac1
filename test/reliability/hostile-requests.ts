/**
 * Hostile requests generated from the OpenAPI document: for every operation, its valid request
 * and then each way a careless or malicious client can break it — wrong types, missing fields,
 * 1 MB strings, deep JSON, bad UTF-8, NUL, SQL and script text, broken multipart, a zip bomb —
 * in the path, the query and the body. Deterministic: the same seed gives the same requests.
 */
import type { InjectOptions } from 'fastify';
import { prng } from '../../src/server/demo/prng.ts';
import { multipart } from '../helpers/multipart.ts';
import { plausible, RANDOM_ID, UPLOADS, type JsonSchema } from '../helpers/routes.ts';

export interface Operation {
  method: string;
  template: string;
  body?: JsonSchema;
  query: { name: string; schema: JsonSchema }[];
}

export interface HostileRequest extends Pick<InjectOptions, 'payload' | 'headers' | 'query'> {
  method: string;
  url: string;
  /** what was broken, for the failure message */
  label: string;
}

interface OpenApiDoc {
  paths: Record<
    string,
    Record<
      string,
      {
        requestBody?: { content?: Record<string, { schema: JsonSchema }> };
        parameters?: { in: string; name: string; schema: JsonSchema }[];
      }
    >
  >;
}

export function operationsOf(doc: OpenApiDoc): Operation[] {
  return Object.entries(doc.paths).flatMap(([template, ops]) =>
    Object.entries(ops).map(([method, op]) => ({
      method: method.toUpperCase(),
      template,
      body: op.requestBody?.content?.['application/json']?.schema,
      query: (op.parameters ?? [])
        .filter((p) => p.in === 'query')
        .map((p) => ({ name: p.name, schema: p.schema })),
    })),
  );
}

/** The demo's deterministic generator: the fuzz is reproducible from its seed. */
export const random = prng;

const MB = 'x'.repeat(1024 * 1024);
/** Strings that have broken servers before: injection, markup, control and odd Unicode. */
export const HOSTILE_TEXT = [
  "' OR '1'='1' --",
  "'; DROP TABLE units; --",
  '%_\\%',
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  'a\u0000b',
  '\u0000',
  '\ud800',
  '\u202e\u202d',
  '=HYPERLINK("http://evil")',
  '../../../../etc/passwd',
  '${7*7}{{7*7}}',
  ' ',
  '',
  '９９',
  '2026-02-30',
  '99999-01-01',
  '-1',
  '1e309',
  'NaN',
  MB,
];
/** Values of the wrong type for any field. */
export const WRONG_TYPES: unknown[] = [
  null,
  true,
  0,
  -1,
  1.5,
  2 ** 53 + 1,
  1e308,
  -1e308,
  [],
  [1, 2],
  {},
  { $gt: '' },
  'x',
];

const deepJson = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);

/** Path parameters that are not what the route expects. */
export const HOSTILE_IDS = [
  'not-an-id',
  "1' OR '1'='1",
  '%00',
  'a%00b',
  '..%2F..%2Fetc%2Fpasswd',
  '9'.repeat(400),
  '-1',
  '0',
  '%E0%A4%A',
  '%F0%9F%98%80',
  RANDOM_ID,
  '00000000-0000-0000-0000-000000000000',
];

export interface Upload {
  fields: Record<string, string>;
  file: { name: string; content: Buffer; type: string };
}

/** What the generator cannot make itself: upload forms beyond UPLOADS (a real workbook), and a zip bomb. */
export interface Materials {
  uploads: Record<string, Upload>;
  zipBomb: Buffer;
}

/** Every request this generator knows for one operation, at one filled path. */
export function* hostileRequests(
  op: Operation,
  path: string,
  rnd: ReturnType<typeof random>,
  materials: Materials,
): Generator<HostileRequest> {
  const key = `${op.method} ${op.template}`;
  const upload = materials.uploads[key] ?? UPLOADS[key];
  const valid = op.body ? (plausible(op.body) as Record<string, unknown>) : undefined;
  const at = (label: string, extra: Partial<HostileRequest> = {}): HostileRequest => ({
    method: op.method,
    url: path,
    label: `${key} ${label}`,
    ...extra,
  });

  // the valid request, then the path broken in each way
  if (upload) yield at('valid upload', multipart(upload.fields, upload.file));
  else yield at('valid', valid !== undefined ? { payload: valid as object } : {});
  const params = [...op.template.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]!);
  if (params.length > 0) {
    for (const id of HOSTILE_IDS) {
      const broken = path.split('/');
      const templateParts = op.template.split('/');
      const index = templateParts.findIndex((part) => part === `{${rnd.pick(params)}}`);
      broken[index] = id;
      yield at(`path=${id.slice(0, 20)}`, {
        url: broken.join('/'),
        ...(valid !== undefined ? { payload: valid as object } : {}),
      });
    }
  }

  // the query: each parameter with wrong and hostile values, and one nobody declared
  for (const q of op.query) {
    for (const value of [
      '-1',
      '0',
      '1e9',
      'abc',
      "' OR 1=1 --",
      '%',
      '\u0000',
      'x'.repeat(10_000),
      '2026-13-45',
      '[]',
    ]) {
      yield at(`?${q.name}=${value.slice(0, 20)}`, { query: { [q.name]: value } });
    }
    yield at(`?${q.name} twice`, { url: `${path}?${q.name}=1&${q.name}=2` });
  }
  if (op.method === 'GET') yield at('?unknown', { query: { __proto__x: '1', constructor: 'x' } });

  // the body as a whole: not JSON, bad UTF-8, too deep, the wrong shape, the wrong type
  const json = { 'content-type': 'application/json' };
  if (op.method !== 'GET') {
    yield at('body not JSON', { payload: '{"a":', headers: json });
    yield at('body bad UTF-8', {
      payload: Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0xc3, 0x28, 0x22, 0x7d]),
      headers: json,
    });
    yield at('body deep', { payload: deepJson(10_000), headers: json });
    yield at('body array', { payload: '[]', headers: json });
    yield at('body string', { payload: '"x"', headers: json });
    yield at('body null', { payload: 'null', headers: json });
    yield at('body empty JSON', { payload: '', headers: json });
    yield at('body text/plain', { payload: 'hello', headers: { 'content-type': 'text/plain' } });
    yield at('body xml', {
      payload: '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><x>&e;</x>',
      headers: { 'content-type': 'application/xml' },
    });
    yield at('body proto', {
      payload: '{"__proto__":{"admin":true},"constructor":{"prototype":{"x":1}}}',
      headers: json,
    });
  }

  // each field of the body: missing, of each wrong type, each hostile text
  if (valid && op.body?.type === 'object') {
    for (const field of Object.keys(op.body.properties ?? {})) {
      const without = { ...valid };
      delete without[field];
      yield at(`${field} missing`, { payload: without });
      for (const value of WRONG_TYPES)
        yield at(`${field}=${JSON.stringify(value)}`, { payload: { ...valid, [field]: value } });
      for (const text of HOSTILE_TEXT)
        yield at(`${field}="${text.slice(0, 20)}"`, { payload: { ...valid, [field]: text } });
      // one level down: arrays of objects and nested objects get a hostile member too
      const inner = op.body.properties?.[field];
      const item = inner?.type === 'array' ? inner.items : inner?.type === 'object' ? inner : undefined;
      if (item?.type === 'object') {
        const base = plausible(item) as Record<string, unknown>;
        for (const sub of Object.keys(item.properties ?? {})) {
          const broken = { ...base, [sub]: rnd.pick([...WRONG_TYPES, ...HOSTILE_TEXT]) };
          yield at(`${field}.${sub} hostile`, {
            payload: { ...valid, [field]: inner?.type === 'array' ? [broken] : broken },
          });
        }
        if (inner?.type === 'array')
          yield at(`${field} 10000 items`, {
            payload: { ...valid, [field]: Array.from({ length: 10_000 }, () => base) },
          });
      }
    }
    yield at('unknown field', {
      payload: { ...valid, unknownField: 'x', id: RANDOM_ID, streetId: RANDOM_ID },
    });
  }

  // uploads: broken multipart, hostile file names and fields, the wrong file, a zip bomb
  if (upload) {
    const form = (
      label: string,
      fields: Record<string, string>,
      file: { name: string; content: Buffer; type: string },
    ) => at(label, multipart(fields, file));
    yield at('multipart no boundary', { payload: 'x', headers: { 'content-type': 'multipart/form-data' } });
    const good = multipart(upload.fields, upload.file);
    const raw = good.payload as Buffer;
    yield at('multipart truncated', {
      payload: raw.subarray(0, Math.floor(raw.length / 2)),
      headers: good.headers,
    });
    yield at('multipart wrong boundary', {
      payload: raw,
      headers: { 'content-type': 'multipart/form-data; boundary=nope' },
    });
    for (const name of ['a\u0000.pdf', '../../etc/passwd', '<script>.pdf', 'x'.repeat(5000) + '.pdf', '']) {
      yield form(`file name "${name.slice(0, 20)}"`, upload.fields, { ...upload.file, name });
    }
    yield form('file empty', upload.fields, { ...upload.file, content: Buffer.alloc(0) });
    yield form('file not what it says', upload.fields, {
      ...upload.file,
      content: Buffer.from('MZ\x90\x00 not a pdf'),
    });
    yield form('file zip bomb', upload.fields, {
      name: 'bomb.xlsx',
      content: materials.zipBomb,
      type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    });
    for (const field of Object.keys(upload.fields)) {
      yield form(`${field}="NUL"`, { ...upload.fields, [field]: 'a\u0000b' }, upload.file);
      yield form(`${field}=1MB`, { ...upload.fields, [field]: MB }, upload.file);
    }
  }
}
