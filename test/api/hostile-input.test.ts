/**
 * Hostile input never makes the server fail (issue 9, items 5 and 6): JSON nested thousands deep on
 * every route, malformed multipart on every upload, file names that cannot be stored, and zip bombs
 * dressed as workbooks. Each is answered 4xx naming the problem in both languages, quickly, without
 * the memory a bomb asks for, and nothing is written.
 */
import { performance } from 'node:perf_hooks';
import { count } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registryTemplate } from '../../src/server/modules/registry/excel/workbook.ts';
import { holidayTemplate } from '../../src/server/modules/holidays/files.ts';
import { auditEvents } from '../../src/server/modules/audit/schema.ts';
import { unstorableTextAt } from '../../src/server/platform/text.ts';
import { startTestApp, type Client, type Reply, type TestApp } from '../helpers/app.ts';
import { multipart, PDF } from '../helpers/multipart.ts';
import { isPublic, listRoutes, type Route } from '../helpers/routes.ts';
import { workbookBomb } from '../helpers/zip-bomb.ts';

let t: TestApp;
let admin: Client;
let routes: Route[];

beforeAll(async () => {
  t = await startTestApp();
  admin = await t.as('admin');
  routes = await listRoutes(t.anonymous);
});
afterAll(() => t.close());

const audits = async () => (await t.database.db.select({ n: count() }).from(auditEvents))[0]!.n;
const send = (c: Client, r: Route, payload: string | Buffer, contentType: string) =>
  c.inject({ method: r.method, url: r.path, payload, headers: { 'content-type': contentType } });

function expectRefusal(res: Reply, status: number, field: string, what: string) {
  expect(res.status, `${what}: ${JSON.stringify(res.body)}`).toBe(status);
  expect(res.body.error.field, what).toBe(field);
  expect(res.body.error.message, what).toMatch(/[\u4e00-\u9fff]/);
  expect(res.body.error.messageEn, what).toMatch(/[A-Za-z]/);
}

describe('deeply nested JSON', () => {
  const DEEP = {
    arrays: '['.repeat(10_000) + ']'.repeat(10_000),
    objects: '{"a":'.repeat(10_000) + '1' + '}'.repeat(10_000),
  };

  it('is refused with 400 on every route that takes a body, from a stranger and from an admin, never 500', async () => {
    const writes = routes.filter((r) => r.method !== 'GET');
    expect(writes.length).toBeGreaterThan(50);
    const before = await audits();
    for (const r of writes) {
      for (const [shape, text] of Object.entries(DEEP)) {
        const what = `${r.method} ${r.template} ${shape}`;
        const asStranger = await send(t.anonymous, r, text, 'application/json');
        // a staff route may ask a stranger to log in before it reads the body
        if (asStranger.status !== 401 || isPublic(r))
          expectRefusal(asStranger, 400, 'body', `stranger ${what}`);
        const asAdmin = await send(admin, r, text, 'application/json');
        expectRefusal(asAdmin, 400, 'body', `admin ${what}`);
        expect(asAdmin.body.error).toMatchObject({
          code: 'bad_input',
          message: expect.stringContaining('32'),
          messageEn: expect.stringContaining('32'),
        });
      }
    }
    expect(await audits()).toBe(before);
  });

  it('is read up to 32 levels: the limit refuses only what is deeper', async () => {
    const consent = routes.find((r) => r.template === '/api/v1/tools/consent')!;
    const nested = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);
    const atLimit = await send(t.anonymous, consent, nested(32), 'application/json');
    expect(atLimit.status).toBe(400);
    expect(atLimit.body.error.messageEn).not.toMatch(/nested/i); // refused by validation: not an object
    const over = await send(t.anonymous, consent, nested(33), 'application/json');
    expect(over.body.error.messageEn).toMatch(/nested/i);
  });

  it('is walked by the text guard without recursion, however deep', () => {
    let value: unknown = 'a\u0000b';
    for (let i = 0; i < 100_000; i++) value = { a: value };
    expect(unstorableTextAt(value)).toBe(Array(100_000).fill('a').join('.'));
  });
});

describe('malformed multipart', () => {
  /** every route that reads an upload; found below by asking every route, so none can be missed */
  const UPLOADS = [
    'POST /api/v1/projects/{id}/documents',
    'POST /api/v1/documents/{id}/versions',
    'POST /api/v1/cost-plans/{id}/sign-offs',
    'POST /api/v1/consultations/{id}/ballots',
    'POST /api/v1/mediation/{id}/agreement',
    'POST /api/v1/notices/{id}/evidence',
    'POST /api/v1/registry/import',
    'POST /api/v1/holiday-years/{year}/import',
    'POST /api/v1/projects/{id}/works/log/{entryId}/photos',
  ].sort();
  const B = 'jwboundary';
  const filePart = (head: string) =>
    `--${B}\r\n${head}\r\nContent-Type: application/pdf\r\n\r\n${PDF.toString('latin1')}\r\n`;
  const FILE = filePart('Content-Disposition: form-data; name="file"; filename="a.pdf"');
  /** each body, and what the answer must say it is (in English; the Chinese is checked to be there) */
  const MALFORMED: Record<string, { contentType: string; body: string; says: RegExp; status?: number }> = {
    'no boundary in the content type': {
      contentType: 'multipart/form-data',
      body: `${FILE}--${B}--\r\n`,
      says: /no boundary/,
    },
    'a boundary longer than the 70 characters allowed': {
      contentType: `multipart/form-data; boundary=${'b'.repeat(300)}`,
      body: `--${'b'.repeat(300)}\r\n`,
      says: /boundary is too long/,
    },
    'a body that ends inside the file': {
      contentType: `multipart/form-data; boundary=${B}`,
      body: FILE.slice(0, -12),
      says: /incomplete/,
    },
    'a body that is not multipart at all': {
      contentType: `multipart/form-data; boundary=${B}`,
      body: 'hello, world',
      says: /incomplete/,
    },
    'a part without a name': {
      contentType: `multipart/form-data; boundary=${B}`,
      body: `${filePart('Content-Disposition: form-data; filename="a.pdf"')}--${B}--\r\n`,
      says: /no name/,
    },
    'a field named __proto__': {
      contentType: `multipart/form-data; boundary=${B}`,
      body: `--${B}\r\nContent-Disposition: form-data; name="__proto__"\r\n\r\nx\r\n${FILE}--${B}--\r\n`,
      says: /reserved name/,
    },
    'a field that says it is JSON and is not': {
      contentType: `multipart/form-data; boundary=${B}`,
      body: `--${B}\r\nContent-Disposition: form-data; name="title"\r\nContent-Type: application/json\r\n\r\n{x\r\n${FILE}--${B}--\r\n`,
      says: /not valid JSON/,
    },
    'two files': {
      contentType: `multipart/form-data; boundary=${B}`,
      body: `${FILE}${FILE}--${B}--\r\n`,
      says: /one file/,
      status: 413,
    },
    'more fields than any form has': {
      contentType: `multipart/form-data; boundary=${B}`,
      body: `${Array.from({ length: 31 }, (_, i) => `--${B}\r\nContent-Disposition: form-data; name="f${i}"\r\n\r\nx\r\n`).join('')}${FILE}--${B}--\r\n`,
      says: /Too many form fields \(at most 30\)/,
      status: 413,
    },
    'a file over the 20 MB limit': {
      contentType: `multipart/form-data; boundary=${B}`,
      body: `${FILE.replace('%PDF', '%PDF'.padEnd(20 * 1024 * 1024 + 1, ' '))}--${B}--\r\n`,
      says: /at most 20 MB/,
      status: 413,
    },
  };

  it('is refused with 400 (413 past a limit) naming the problem on every upload route, never 500', async () => {
    // every route without a JSON body, but logging out (it would, whatever the body)
    const candidates = routes.filter(
      (r) => r.method !== 'GET' && !r.body && r.template !== '/api/v1/session',
    );
    const found: string[] = [];
    for (const r of candidates) {
      const res = await send(
        admin,
        r,
        MALFORMED['no boundary in the content type']!.body,
        'multipart/form-data',
      );
      expect(res.status, `${r.method} ${r.template}`).toBeLessThan(500);
      if (res.body?.error?.field === 'file') found.push(`${r.method} ${r.template}`);
    }
    expect(found.sort()).toEqual(UPLOADS);

    for (const r of candidates.filter((r) => UPLOADS.includes(`${r.method} ${r.template}`))) {
      for (const [problem, { contentType, body, says, status }] of Object.entries(MALFORMED)) {
        const what = `${r.method} ${r.template}: ${problem}`;
        const res = await send(admin, r, body, contentType);
        expectRefusal(res, status ?? 400, 'file', what);
        expect(res.body.error.messageEn, what).toMatch(says);
      }
    }
  });

  it('refuses a file name holding a NUL like any other text, on every upload route', async () => {
    const project = (await admin.get('/api/v1/projects?pageSize=1')).body.items[0];
    const realDocument = {
      ...routes.find((r) => r.method === 'POST' && r.template === '/api/v1/projects/{id}/documents')!,
      path: `/api/v1/projects/${project.id}/documents`,
    };
    const before = await audits();
    for (const r of [realDocument, ...routes.filter((r) => UPLOADS.includes(`${r.method} ${r.template}`))]) {
      const form = multipart(
        { title: '设计方案' },
        { name: 'a\u0000b.pdf', content: PDF, type: 'application/pdf' },
      );
      const res = await admin.inject({ method: r.method, url: r.path, ...form });
      expectRefusal(res, 400, 'file', `${r.method} ${r.path}`);
    }
    expect(await audits()).toBe(before);
  });
});

describe('zip bombs dressed as workbooks', () => {
  const MB = 1024 * 1024;
  const xlsx = (content: Buffer) =>
    multipart(
      {},
      {
        name: 'bomb.xlsx',
        content,
        type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      },
    );

  /** the answer, how long it took and how far the process grew meanwhile (its peak, sampled) */
  async function measured(upload: () => Promise<Reply>) {
    const rss = process.memoryUsage.rss();
    let peak = rss;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 5);
    const started = performance.now();
    const res = await upload();
    const ms = Math.round(performance.now() - started);
    clearInterval(sampler);
    peak = Math.max(peak, process.memoryUsage.rss());
    return { res, ms, grownMb: Math.round((peak - rss) / MB) };
  }

  async function expectRefusedCheaply(url: string, bomb: Buffer, says: RegExp) {
    const before = await audits();
    const { res, ms, grownMb } = await measured(() => admin.inject({ method: 'POST', url, ...xlsx(bomb) }));
    const what = `${url}: ${bomb.length} bytes, ${ms} ms, +${grownMb} MB`;
    expectRefusal(res, 400, 'file', what);
    expect(res.body.error.message, what).toMatch(says);
    expect(res.body.error.messageEn, what).toMatch(says);
    expect(ms, what).toBeLessThan(2000);
    expect(grownMb, what).toBeLessThan(100);
    expect(await audits()).toBe(before);
  }

  it('a registry import that unpacks to 200 MB is refused before it is parsed, naming the limit', async () => {
    const bomb = await workbookBomb(await registryTemplate(), 200 * MB);
    expect(bomb.length).toBeLessThan(500 * 1024);
    await expectRefusedCheaply('/api/v1/registry/import', bomb, /100 MB/);
  });

  it('a registry import within the size limit but packed a thousand to one is refused, naming the ratio', async () => {
    await expectRefusedCheaply(
      '/api/v1/registry/import',
      await workbookBomb(await registryTemplate(), 60 * MB),
      /100 ?(倍|times)/,
    );
  });

  it('a workbook whose directory understates the sheet is caught while inflating, at the size it declared', async () => {
    await expectRefusedCheaply(
      '/api/v1/registry/import',
      await workbookBomb(await registryTemplate(), 200 * MB, { lie: true }),
      /Excel/,
    );
  });

  it('a holiday template that unpacks to 200 MB is refused before it is parsed, naming the limit', async () => {
    const bomb = await workbookBomb(await holidayTemplate(2027, []), 200 * MB);
    await expectRefusedCheaply('/api/v1/holiday-years/2027/import', bomb, /2 MB/);
  });
});
