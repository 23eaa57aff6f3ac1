/**
 * Every route, read from the OpenAPI document so a new route cannot slip past: calls without a
 * valid session get 401 whatever they send (the session is checked before the input is read),
 * writes without the CSRF token get 403, and bad input (missing fields, wrong types, oversized
 * strings, malformed ids) gets 400 naming the field, in Chinese and English.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type Client, type TestApp } from '../helpers/app.ts';
import { multipart, PDF } from '../helpers/multipart.ts';
import { call, isPublic, listRoutes, RANDOM_ID, validRequest, type Route } from '../helpers/routes.ts';

let t: TestApp;
let admin: Client;
let routes: Route[];

beforeAll(async () => {
  t = await startTestApp();
  admin = await t.as('admin');
  routes = await listRoutes(t.anonymous);
});
afterAll(() => t.close());

function expectBilingualError(res: { status: number; body: any }, status: number) {
  expect(res.status).toBe(status);
  expect(res.body.error.code).toEqual(expect.any(String));
  expect(res.body.error.message).toMatch(/[\u4e00-\u9fff]/); // Chinese
  expect(res.body.error.messageEn).toMatch(/[A-Za-z]/);
}

describe('every route', () => {
  it('the OpenAPI document lists the API', () => {
    expect(routes.length).toBeGreaterThan(20);
  });

  it('refuses every call without a valid session with 401 before it reads the input, never a validation message', async () => {
    const requests = (r: Route) => ({
      'an invalid body': { payload: {} },
      'a valid request': validRequest(r),
      'a body that is not JSON': { payload: '{broken', headers: { 'content-type': 'application/json' } },
      'a forged session cookie': { payload: {}, headers: { cookie: 'jw_session=forged' } },
    });
    for (const r of routes.filter((r) => !isPublic(r))) {
      for (const [what, request] of Object.entries(requests(r))) {
        const res = await t.anonymous.inject({ method: r.method, url: r.path, ...request });
        expect(res.status, `${r.method} ${r.path} with ${what}`).toBe(401);
        expectBilingualError(res, 401);
        expect(res.body.error.code).toBe('unauthenticated');
      }
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
          expect(
            res.body.error.details.map((d: { field: string }) => d.field),
            `${r.method} ${r.path} ${name}`,
          ).toContain(name);
          checked++;
        }
        if (prop.type === 'integer' || prop.type === 'number' || prop.type === 'boolean') {
          const res = await call(admin, r, { [name]: 'not-a-number' });
          expectBilingualError(res, 400);
          expect(
            res.body.error.details.map((d: { field: string }) => d.field),
            `${r.method} ${r.path} ${name}`,
          ).toContain(name);
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(10);
  });

  it('answers 400 naming the field for text that cannot be stored (a NUL, a lone surrogate), never a database error', async () => {
    let checked = 0;
    for (const r of routes.filter((r) => r.body?.properties)) {
      const [name] =
        Object.entries(r.body!.properties!).find(
          ([, p]) => p.type === 'string' || p.anyOf?.some((a) => a.type === 'string'),
        ) ?? [];
      if (!name) continue;
      const res = await call(isPublic(r) ? t.anonymous : admin, r, { [name]: 'a\u0000b' });
      expectBilingualError(res, 400);
      expect(res.body.error.field, `${r.method} ${r.template}`).toBe(name);
      checked++;
    }
    expect(checked).toBeGreaterThan(20);
    const nested = await t.anonymous.post('/api/v1/r/ABCD-EFGH-JKMN/ballot', {
      answers: { comment: 'x\ud800' },
    });
    expect(nested.body.error).toMatchObject({ code: 'bad_input', field: 'answers.comment' });
    expect((await admin.get('/api/v1/estates?q=%00')).body.error.field).toBe('q');
    const form = await admin.inject({
      method: 'POST',
      url: `/api/v1/projects/${RANDOM_ID}/documents`,
      ...multipart({ title: 'a\u0000b' }, { name: 'a.pdf', content: PDF, type: 'application/pdf' }),
    });
    expect(form.body.error).toMatchObject({ code: 'bad_input', field: 'title' });
  });

  it('answers 400 for a malformed id in the path', async () => {
    for (const r of routes.filter((r) => r.path.includes(RANDOM_ID) && !isPublic(r))) {
      const res = await call(
        admin,
        { ...r, path: r.path.replace(RANDOM_ID, 'not-an-id') },
        r.body ? {} : undefined,
      );
      expectBilingualError(res, 400);
    }
  });

  it('answers 400 for a body that is not JSON, and 404 for an unknown API path', async () => {
    const res = await admin.inject({
      method: 'POST',
      url: '/api/v1/estates',
      payload: '{broken',
      headers: { 'content-type': 'application/json' },
    });
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
