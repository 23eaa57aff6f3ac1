/**
 * Messages a person can read (issue 11 item 8): an address with a broken %-escape is never
 * Fastify's English FST_ERR_BAD_URL — the API refuses it in both languages, a page path gets the
 * app's not-found page (HTML, 404); a refused value is a sentence naming the field by its label
 * and the limit; a malformed id in a path says the link is wrong.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app.ts';
import { startTestApp, type Client, type Reply, type TestApp } from '../helpers/app.ts';
import { call, isPublic, listRoutes, RANDOM_ID } from '../helpers/routes.ts';

let t: TestApp;
let admin: Client;
/** the same app serving a built web (two pages that say which they are) */
let web: FastifyInstance;

const STAFF_PAGE = '<!doctype html><title>staff</title>';
const RESIDENT_PAGE = '<!doctype html><title>resident</title>';

beforeAll(async () => {
  t = await startTestApp();
  admin = await t.as('admin');
  const webRoot = mkdtempSync(path.join(tmpdir(), 'jw-web-'));
  writeFileSync(path.join(webRoot, 'index.html'), STAFF_PAGE);
  writeFileSync(path.join(webRoot, 'resident.html'), RESIDENT_PAGE);
  web = await buildApp({ db: t.database.db, webRoot, clock: t.clock, codeKeys: t.codeKeys });
});
afterAll(async () => {
  await web.close();
  await t.close();
});

function expectSentences(res: Reply, status: number) {
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  expect(res.headers['content-type']).toMatch(/json/);
  expect(res.body.error.message).toMatch(/^[^A-Za-z]*[\u4e00-\u9fff][^A-Za-z]*$/); // Chinese, no English inside
  expect(res.body.error.messageEn).toMatch(/^[A-Z][^\u4e00-\u9fff]+$/); // an English sentence
}

const BROKEN = ['%E0%A4%A', '%zz', '%E0%A4', 'a%'];

describe('an address with a broken %-escape', () => {
  it('is refused by the API in both languages, on any method, never a 5xx', async () => {
    const refused = async (c: Client, method: 'GET' | 'POST', url: string) => {
      const res = await c.inject({ method, url, payload: method === 'POST' ? {} : undefined });
      expectSentences(res, 400);
      expect(res.body.error, `${method} ${url}`).toMatchObject({
        code: 'bad_url',
        field: 'url',
        message: '链接地址有误（其中的 % 编码无法识别），请检查链接',
      });
      // answered like any API answer: not stored, with the security headers
      expect(res.headers['cache-control']).toBe('no-store');
      expect(res.headers['content-security-policy']).toEqual(expect.any(String));
    };
    for (const bad of BROKEN) {
      await refused(admin, 'GET', `/api/v1/projects/${bad}`);
      await refused(admin, 'POST', `/api/v1/projects/${bad}/stage`);
      await refused(admin, 'GET', `/api/v1/${bad}/nothing`);
      // the household-code pages need no login
      await refused(t.anonymous, 'GET', `/api/v1/r/${bad}`);
      await refused(t.anonymous, 'POST', `/api/v1/r/${bad}/ballot`);
      // a stranger is told to log in first, as on every route that needs a session
      const stranger = await t.anonymous.get(`/api/v1/projects/${bad}`);
      expectSentences(stranger, 401);
    }
  });

  it('on a page path is the page’s not-found: the resident page under /r/, the staff app elsewhere, 404', async () => {
    for (const bad of BROKEN) {
      const resident = await web.inject({ method: 'GET', url: `/r/${bad}` });
      expect(resident.statusCode).toBe(404);
      expect(resident.headers['content-type']).toMatch(/text\/html/);
      expect(resident.body).toBe(RESIDENT_PAGE);
      expect(resident.headers['content-security-policy']).toEqual(expect.any(String));
      const staff = await web.inject({ method: 'GET', url: `/projects/${bad}?tab=money` });
      expect(staff.statusCode).toBe(404);
      expect(staff.body).toBe(STAFF_PAGE);
    }
    // a page path that decodes is still the app with 200 (the app decides what it shows)
    const fine = await web.inject({ method: 'GET', url: '/projects/not-a-uuid' });
    expect([fine.statusCode, fine.body]).toEqual([200, STAFF_PAGE]);
    const asset = await web.inject({ method: 'GET', url: '/assets/%E0%A4%A.js' });
    expect(asset.statusCode).toBe(404);
    expect(asset.json().error).toMatchObject({
      code: 'no_route',
      messageEn: expect.stringMatching(/^No such/),
    });
  });
});

describe('a refused value', () => {
  it('a too long username at login names 用户名 and the limit', async () => {
    const res = await t.anonymous.post('/api/v1/session', { username: 'x'.repeat(65), password: 'p' });
    expectSentences(res, 400);
    expect(res.body.error).toMatchObject({
      field: 'username',
      message: '用户名不能超过 64 个字',
      messageEn: 'Username can be at most 64 characters',
    });
  });

  it('a malformed id in any route’s path says the link is wrong', async () => {
    const routes = (await listRoutes(t.anonymous)).filter((r) => r.path.includes(RANDOM_ID) && !isPublic(r));
    expect(routes.length).toBeGreaterThan(20);
    for (const r of routes) {
      const res = await call(
        admin,
        { ...r, path: r.path.replace(RANDOM_ID, 'not-a-uuid') },
        r.body ? {} : undefined,
      );
      expectSentences(res, 400);
      expect(res.body.error.field, `${r.method} ${r.path}`).toMatch(/^params\./);
      expect(res.body.error.message, `${r.method} ${r.path}`).toMatch(/^链接中的.+无效$/);
      expect(res.body.error.messageEn).toMatch(/^The .+ in the link is not valid$/);
    }
    const project = await admin.get('/api/v1/projects/not-a-uuid');
    expect(project.body.error).toMatchObject({
      message: '链接中的编号无效',
      messageEn: 'The ID in the link is not valid',
    });
  });

  it('a query value over its limit names the filter and the limit', async () => {
    const res = await admin.get('/api/v1/estates?pageSize=501');
    expectSentences(res, 400);
    expect(res.body.error).toMatchObject({ field: 'querystring.pageSize', message: '每页条数不能大于 500' });
  });

  it('text that cannot be stored names the field by its label', async () => {
    const res = await admin.get('/api/v1/estates?q=a%00b');
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({
      field: 'q',
      message: expect.stringMatching(/^搜索内容含有无法保存的字符/),
    });
    expect(res.body.error.messageEn).toMatch(/^Search contains a character that cannot be stored/);
  });
});
