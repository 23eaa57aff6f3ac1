/** Every API route, read from the OpenAPI document so a new route cannot slip past the route tests. */
import type { Client } from './app.ts';

export interface JsonSchema {
  type?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  maxLength?: number;
  anyOf?: JsonSchema[];
}

export interface Route {
  method: string;
  /** the template with every parameter filled: ids nobody has, a version number 1 */
  path: string;
  /** as OpenAPI writes it: /api/v1/projects/{id} */
  template: string;
  body?: JsonSchema;
}

/** Routes anyone may call: login, the household-code pages (the code is the credential), public tools. */
export const PUBLIC = new Set([
  'POST /api/v1/session',
  'GET /api/v1/r/{code}',
  'POST /api/v1/r/{code}/ballot',
  'POST /api/v1/tools/consent',
  'POST /api/v1/tools/cost-share',
  'GET /api/v1/r/{code}/cost-share',
  'POST /api/v1/r/{code}/cost-share/sign',
  'POST /api/v1/tools/notice-period',
  'GET /api/v1/r/{code}/notices',
  'POST /api/v1/r/{code}/objections',
]);
export const isPublic = (r: Route) => PUBLIC.has(`${r.method} ${r.template}`);
export const RANDOM_ID = '0b7a4a5e-8f3c-4a53-9a41-1f9d7b5c2e10';

export async function listRoutes(anonymous: Client): Promise<Route[]> {
  const doc = (await anonymous.get('/api/openapi.json')).body as {
    paths: Record<string, Record<string, { requestBody?: { content?: Record<string, { schema: JsonSchema }> } }>>;
  };
  return Object.entries(doc.paths).flatMap(([template, ops]) =>
    Object.entries(ops).map(([method, op]) => ({
      method: method.toUpperCase(),
      // numeric parameters get a number (a document version, a holiday year nobody entered), the others an id nobody has
      path: template.replace(/\{version\}/g, '1').replace(/\{year\}/g, '2090').replace(/\{[^}]+\}/g, RANDOM_ID),
      template,
      body: op.requestBody?.content?.['application/json']?.schema,
    })),
  );
}

export const call = (c: Client, r: Route, body?: unknown) =>
  c.inject({ method: r.method, url: r.path, ...(body !== undefined ? { payload: body as object } : {}) });
