/**
 * Every route, read from the OpenAPI document so a new route cannot slip past: unauthenticated
 * calls get 401, writes without the CSRF token get 403, and bad input (missing fields, wrong
 * types, oversized strings, malformed ids) gets 400 naming the field, in Chinese and English.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type Client, type TestApp } from '../helpers/app.ts';

interface JsonSchema {
  type?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  maxLength?: number;
  anyOf?: JsonSchema[];
}
interface Route {
  method: string;
  path: string;
  template: string;
  body?: JsonSchema;
}

/** Routes anyone may call: login, the household-code pages (the code is the credential), public tools. */
const PUBLIC = new Set(['POST /api/v1/session', 'GET /api/v1/r/{code}', 'POST /api/v1/r/{code}/ballot', 'POST /api/v1/tools/consent', 'POST /api/v1/tools/cost-share', 'GET /api/v1/r/{code}/cost-share', 'POST /api/v1/r/{code}/cost-share/sign', 'POST /api/v1/tools/notice-period', 'GET /api/v1/r/{code}/notices', 'POST /api/v1/r/{code}/objections']);
const isPublic = (r: Route) => PUBLIC.has(`${r.method} ${r.template}`);
const RANDOM_ID = '0b7a4a5e-8f3c-4a53-9a41-1f9d7b5c2e10';

let t: TestApp;
let admin: Client;
let routes: Route[];

beforeAll(async () => {
  t = await startTestApp();
  admin = await t.as('admin');
  const doc = (await t.anonymous.get('/api/openapi.json')).body as {
    paths: Record<string, Record<string, { requestBody?: { content?: Record<string, { schema: JsonSchema }> } }>>;
  };
  routes = Object.entries(doc.paths).flatMap(([path, ops]) =>
    Object.entries(ops).map(([method, op]) => ({
      method: method.toUpperCase(),
      // numeric parameters (a document version) get a number, the others an id nobody has
      path: path.replace(/\{version\}/g, '1').replace(/\{[^}]+\}/g, RANDOM_ID),
      template: path,
      body: op.requestBody?.content?.['application/json']?.schema,
    })),
  );
});
afterAll(() => t.close());

function expectBilingualError(res: { status: number; body: any }, status: number) {
  expect(res.status).toBe(status);
  expect(res.body.error.code).toEqual(expect.any(String));
  expect(res.body.error.message).toMatch(/[\u4e00-\u9fff]/); // Chinese
  expect(res.body.error.messageEn).toMatch(/[A-Za-z]/);
}

const call = (c: Client, r: Route, body?: unknown) =>
  c.inject({ method: r.method, url: r.path, ...(body !== undefined ? { payload: body as object } : {}) });

describe('every route', () => {
  it('the OpenAPI document lists the API', () => {
    expect(routes.length).toBeGreaterThan(20);
  });

  it('refuses unauthenticated calls with 401', async () => {
    for (const r of routes.filter((r) => !isPublic(r))) {
      const res = await call(t.anonymous, r, r.body ? {} : undefined);
      // a body that fails validation may answer 400 before authentication; never 2xx or 500
      expect([400, 401], `${r.method} ${r.path}`).toContain(res.status);
      if (!r.body) expectBilingualError(res, 401);
    }
  });

  it('refuses writes that carry a session but no CSRF token', async () => {
    const noCsrf = admin.withWrongCsrf();
    for (const r of routes.filter((r) => r.method !== 'GET' && !isPublic(r))) {
      const res = await call(noCsrf, r, r.body ? {} : undefined);
      expectBilingualError(res, 403);
      expect(res.body.error.code, `${r.method} ${r.path}`).toBe('csrf');
    }
  });

  it('answers 400 naming a missing required field', async () => {
    for (const r of routes.filter((r) => r.body?.required?.length)) {
      const res = await call(admin, r, {});
      expectBilingualError(res, 400);
      expect(r.body!.required, `${r.method} ${r.path}`).toContain(res.body.error.field);
    }
  });

  it('answers 400 naming an oversized string or a wrong type', async () => {
    let checked = 0;
    for (const r of routes.filter((r) => r.body?.properties)) {
      for (const [name, prop] of Object.entries(r.body!.properties!)) {
        const max = prop.maxLength ?? prop.anyOf?.find((s) => s.maxLength)?.maxLength;
        if (max) {
          const res = await call(admin, r, { [name]: 'x'.repeat(max + 1) });
          expectBilingualError(res, 400);
          expect(res.body.error.details.map((d: { field: string }) => d.field), `${r.method} ${r.path} ${name}`).toContain(name);
          checked++;
        }
        if (prop.type === 'integer' || prop.type === 'number' || prop.type === 'boolean') {
          const res = await call(admin, r, { [name]: 'not-a-number' });
          expectBilingualError(res, 400);
          expect(res.body.error.details.map((d: { field: string }) => d.field), `${r.method} ${r.path} ${name}`).toContain(name);
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(10);
  });

  it('answers 400 for a malformed id in the path', async () => {
    for (const r of routes.filter((r) => r.path.includes(RANDOM_ID) && !isPublic(r))) {
      const res = await call(admin, { ...r, path: r.path.replace(RANDOM_ID, 'not-an-id') }, r.body ? {} : undefined);
      expectBilingualError(res, 400);
    }
  });

  it('answers 400 for a body that is not JSON, and 404 for an unknown API path', async () => {
    const res = await admin.inject({ method: 'POST', url: '/api/v1/estates', payload: '{broken', headers: { 'content-type': 'application/json' } });
    expectBilingualError(res, 400);
    expect(res.body.error.field).toBe('body');
    expectBilingualError(await admin.get('/api/v1/nothing-here'), 404);
  });

  it('never answers 500 to a random id', async () => {
    for (const r of routes.filter((r) => r.method === 'GET' && r.path.includes(RANDOM_ID) && !isPublic(r))) {
      const res = await call(admin, r);
      expectBilingualError(res, 404);
    }
  });
});
