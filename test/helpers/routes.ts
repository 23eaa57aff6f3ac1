/** Every API route, read from the OpenAPI document so a new route cannot slip past the route tests. */
import type { InjectOptions } from 'fastify';
import { TEST_TODAY, type Client } from './app.ts';
import { multipart, PDF } from './multipart.ts';

export interface JsonSchema {
  type?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  format?: string;
  enum?: unknown[];
  items?: JsonSchema;
  minItems?: number;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
}

export interface Route {
  method: string;
  /** the template with every parameter filled: ids nobody has, a version number 1 */
  path: string;
  /** as OpenAPI writes it: /api/v1/projects/{id} */
  template: string;
  body?: JsonSchema;
}

/** Routes anyone may call: login, the household-code pages (the code is the credential), the receipt check, public tools. */
export const PUBLIC = new Set([
  'POST /api/v1/session',
  'GET /api/v1/demo-accounts',
  'GET /api/v1/r/{code}',
  'POST /api/v1/r/{code}/ballot',
  'POST /api/v1/tools/consent',
  'GET /api/v1/receipts/{receipt}',
  'POST /api/v1/tools/cost-share',
  'GET /api/v1/r/{code}/cost-share',
  'GET /api/v1/r/{code}/materials/{documentId}',
  'POST /api/v1/r/{code}/cost-share/sign',
  'POST /api/v1/tools/notice-period',
  'GET /api/v1/r/{code}/notices',
  'POST /api/v1/r/{code}/objections',
  // lift faults: the car's QR code (a lift's public code) and the household page
  'GET /api/v1/lift-codes/{liftCode}',
  'POST /api/v1/lift-codes/{liftCode}/faults',
  'GET /api/v1/lift-codes/{liftCode}/faults/{ref}',
  'GET /api/v1/r/{code}/faults',
  'POST /api/v1/r/{code}/faults',
  // the lift's follow-up survey, answered with any of the project's household codes
  'GET /api/v1/r/{code}/follow-up',
  'POST /api/v1/r/{code}/follow-up',
]);
export const isPublic = (r: Route) => PUBLIC.has(`${r.method} ${r.template}`);
export const RANDOM_ID = '0b7a4a5e-8f3c-4a53-9a41-1f9d7b5c2e10';

export async function listRoutes(anonymous: Client): Promise<Route[]> {
  const doc = (await anonymous.get('/api/openapi.json')).body as {
    paths: Record<
      string,
      Record<string, { requestBody?: { content?: Record<string, { schema: JsonSchema }> } }>
    >;
  };
  return Object.entries(doc.paths).flatMap(([template, ops]) =>
    Object.entries(ops).map(([method, op]) => ({
      method: method.toUpperCase(),
      // numeric parameters get a number (a document version, a holiday year nobody entered), the others an id nobody has
      path: template
        .replace(/\{version\}/g, '1')
        .replace(/\{year\}/g, '2090')
        .replace(/\{[^}]+\}/g, RANDOM_ID),
      template,
      body: op.requestBody?.content?.['application/json']?.schema,
    })),
  );
}

export const call = (c: Client, r: Route, body?: unknown) =>
  c.inject({ method: r.method, url: r.path, ...(body !== undefined ? { payload: body as object } : {}) });

// ---------------------------------------------------------------- valid requests

/** Text the schema cannot describe (dates and areas checked by a refinement), by field name. */
const BY_NAME: [RegExp, string][] = [
  [/On$|^(start|end|workdays)$/, TEST_TODAY],
  [/^areaM2$/, '50.00'],
];

/** A value that passes `schema`: required fields only, each plausible for its type and format; the first of any choice. */
export function plausible(schema: JsonSchema, name = ''): unknown {
  const named = BY_NAME.find(([pattern]) => pattern.test(name));
  if (named) return named[1];
  const choice = schema.anyOf ?? schema.oneOf;
  if (choice) return plausible(choice[0]!, name);
  if (schema.enum) return schema.enum[0];
  switch (schema.type) {
    case 'object':
      return Object.fromEntries(
        (schema.required ?? []).map((key) => [key, plausible(schema.properties?.[key] ?? {}, key)]),
      );
    case 'array':
      return Array.from({ length: schema.minItems ?? 0 }, () => plausible(schema.items ?? {}, name));
    case 'integer':
    case 'number':
      return Math.min(Math.max(1, schema.minimum ?? 1), schema.maximum ?? Infinity);
    case 'boolean':
      return false;
    case 'string':
      if (schema.format === 'uuid') return RANDOM_ID;
      if (schema.format === 'date') return TEST_TODAY;
      return 'route-check'.padEnd(schema.minLength ?? 0, '-').slice(0, schema.maxLength);
    default:
      return null;
  }
}

const ICS = Buffer.from(
  'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//jiangwan//test//CN\r\nBEGIN:VEVENT\r\nUID:1@test\r\nDTSTAMP:20261120T000000Z\r\nDTSTART;VALUE=DATE:20270101\r\nDTEND;VALUE=DATE:20270102\r\nSUMMARY:元旦\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n',
);
const pdf = { name: 'scan.pdf', content: PDF, type: 'application/pdf' };

/** Upload routes take a multipart form, which the OpenAPI document does not describe: their valid forms. */
export const UPLOADS: Record<
  string,
  { fields: Record<string, string>; file: { name: string; content: Buffer; type: string } }
> = {
  'POST /api/v1/projects/{id}/documents': {
    fields: { title: '竣工验收报告', category: 'acceptance' },
    file: pdf,
  },
  'POST /api/v1/documents/{id}/versions': { fields: {}, file: pdf },
  'POST /api/v1/consultations/{id}/ballots': {
    fields: { groupId: RANDOM_ID, channel: 'paper', choice: 'agree' },
    file: pdf,
  },
  'POST /api/v1/cost-plans/{id}/sign-offs': { fields: { unitId: RANDOM_ID }, file: pdf },
  'POST /api/v1/notices/{id}/evidence': { fields: { where: '楼道公告栏' }, file: pdf },
  'POST /api/v1/mediation/{id}/agreement': { fields: {}, file: pdf },
  'POST /api/v1/projects/{id}/works/log/{entryId}/photos': {
    fields: { caption: '井道吊装' },
    // a PNG's signature and header: all the type check reads
    file: {
      name: 'site.png',
      content: Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'),
      type: 'image/png',
    },
  },
  'POST /api/v1/holiday-years/{year}/import': {
    fields: {},
    file: { name: 'holidays.ics', content: ICS, type: 'text/calendar' },
  },
};

/**
 * Routes whose valid request is not built here, and why. Every other route's is: a plausible JSON
 * body from its schema, its upload form, or none.
 */
export const NO_VALID_REQUEST: Record<string, string> = {
  'POST /api/v1/registry/import':
    'a workbook of registry rows (registry-excel.test.ts builds them); it has no id to be out of scope, and a read-only role is refused before the input is read',
};

/** The route's valid request: its upload form, a plausible JSON body, or no body. */
export function validRequest(r: Route): Pick<InjectOptions, 'payload' | 'headers'> {
  const upload = UPLOADS[`${r.method} ${r.template}`];
  if (upload) return multipart(upload.fields, upload.file);
  return r.body ? { payload: plausible(r.body) as object } : {};
}

/** Calls `r` at `path` (its own by default) with a request that passes validation. */
export const callValid = (c: Client, r: Route, path = r.path) =>
  c.inject({ method: r.method, url: path, ...validRequest(r) });
