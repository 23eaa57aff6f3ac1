/**
 * A staff app that opens on a phone (issue 11, item 6): the build writes brotli and gzip copies
 * beside each file (scripts/precompress.ts, run by `vite build`), and the server sends the one the
 * browser accepts; files named by their content's hash are cached for a year, the pages are checked
 * on every load, and API answers stay out of every cache. On a web root of its own (a page, a
 * hashed script and stylesheet), so the test does not depend on a build.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { precompress } from '../../scripts/precompress.ts';
import { buildApp } from '../../src/server/app.ts';
import { startTestApp, type TestApp } from '../helpers/app.ts';

const SCRIPT = `export const words = ${JSON.stringify('加装电梯 lift retrofit '.repeat(200))};\n`;
const STYLE = `.jw-card { color: #0958d9; padding: 16px; }\n`.repeat(60);
const PAGE = `<!doctype html><html lang="zh-CN"><head><title>江湾</title><script type="module" src="/assets/index-Bq3xY7_k.js"></script></head><body><div id="root"></div>${'<!-- padding -->'.repeat(80)}</body></html>\n`;
const IMMUTABLE = 'public, max-age=31536000, immutable';

let t: TestApp;
let app: FastifyInstance;
let webRoot: string;
let compressed: number;

beforeAll(async () => {
  t = await startTestApp({ seed: false });
  webRoot = mkdtempSync(path.join(tmpdir(), 'jw-web-'));
  mkdirSync(path.join(webRoot, 'assets'));
  writeFileSync(path.join(webRoot, 'index.html'), PAGE);
  writeFileSync(path.join(webRoot, 'login.html'), PAGE.replace('index-', 'login-'));
  writeFileSync(path.join(webRoot, 'resident.html'), PAGE.replace('index-', 'resident-'));
  writeFileSync(path.join(webRoot, 'assets', 'index-Bq3xY7_k.js'), SCRIPT);
  writeFileSync(path.join(webRoot, 'assets', 'index-C4fT0a9e.css'), STYLE);
  // too small to be worth compressing: served as it is
  writeFileSync(path.join(webRoot, 'assets', 'rolldown-runtime-XKyaHtl9.js'), 'export {};\n');
  compressed = await precompress(webRoot);
  app = await buildApp({ db: t.database.db, webRoot, clock: t.clock, codeKeys: t.codeKeys });
  await app.ready();
});
afterAll(async () => {
  await app.close();
  await t.close();
  rmSync(webRoot, { recursive: true, force: true });
});

const get = (url: string, acceptEncoding?: string) =>
  app.inject({ method: 'GET', url, headers: acceptEncoding ? { 'accept-encoding': acceptEncoding } : {} });

describe('the build step', () => {
  it('writes a brotli and a gzip copy of every text file worth compressing', () => {
    // index.html, login.html, resident.html, the script and the stylesheet; not the tiny runtime
    expect(compressed).toBe(5);
  });
});

describe('a hashed asset', () => {
  it('comes as brotli to a browser that accepts it, cached for a year', async () => {
    const res = await get('/assets/index-Bq3xY7_k.js', 'gzip, deflate, br, zstd');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers['content-type']).toMatch(/javascript/);
    expect(res.headers['cache-control']).toBe(IMMUTABLE);
    expect(res.headers.vary).toMatch(/accept-encoding/i);
    expect(brotliDecompressSync(res.rawPayload).toString('utf8')).toBe(SCRIPT);
    expect(res.rawPayload.length).toBeLessThan(Buffer.byteLength(SCRIPT) / 10);
  });

  it('comes as gzip to a browser that accepts only gzip, and as it is to one that accepts neither', async () => {
    const gz = await get('/assets/index-C4fT0a9e.css', 'gzip');
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gz.headers['content-type']).toMatch(/text\/css/);
    expect(gz.headers['cache-control']).toBe(IMMUTABLE);
    expect(gunzipSync(gz.rawPayload).toString('utf8')).toBe(STYLE);

    const plain = await get('/assets/index-Bq3xY7_k.js');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.headers['cache-control']).toBe(IMMUTABLE);
    expect(plain.headers.vary).toMatch(/accept-encoding/i);
    expect(plain.body).toBe(SCRIPT);
  });

  it('is served as it is when no compressed copy was written (too small)', async () => {
    const res = await get('/assets/rolldown-runtime-XKyaHtl9.js', 'br, gzip');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-encoding']).toBeUndefined();
    expect(res.body).toBe('export {};\n');
    expect(res.headers['cache-control']).toBe(IMMUTABLE);
  });

  it('that does not exist is a 404 nobody caches for a year', async () => {
    const res = await get('/assets/index-Zz9zZz9z.js', 'br');
    expect(res.statusCode).toBe(404);
    expect(String(res.headers['cache-control'] ?? '')).not.toContain('immutable');
  });
});

describe('the pages', () => {
  it('are checked on every load (they name the current assets), and come compressed', async () => {
    for (const url of ['/', '/index.html', '/worklist', '/projects/abc']) {
      const res = await get(url, 'br');
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['cache-control'], url).toBe('no-cache');
      expect(res.headers['content-type'], url).toMatch(/text\/html/);
      expect(res.headers['content-encoding'], url).toBe('br');
      expect(brotliDecompressSync(res.rawPayload).toString('utf8'), url).toBe(PAGE);
    }
    // the login page is a page of its own, without antd, with the demo accounts written into it
    for (const url of ['/login', '/login?x=1']) {
      const login = await get(url, 'br');
      expect(login.statusCode, url).toBe(200);
      expect(login.headers['cache-control'], url).toBe('no-cache');
      expect(login.headers['content-type'], url).toMatch(/text\/html/);
      expect(login.body, url).toContain('/assets/login-');
      expect(login.body, url).toContain('<script type="application/json" id="jw-demo-accounts">[]</script>');
    }
    // the resident page without a code (the entry, the calculator, a receipt) comes as built
    for (const url of ['/r/', '/r/calculator', '/r/receipt/AB12']) {
      const resident = await get(url, 'gzip');
      expect(resident.headers['cache-control'], url).toBe('no-cache');
      expect(resident.headers['content-encoding'], url).toBe('gzip');
      const html = gunzipSync(resident.rawPayload).toString('utf8');
      expect(html, url).toContain('/assets/resident-');
      expect(html, url).not.toContain('rel="preload"');
    }
  });

  it("the resident page for a code names the household's answer as a preload, only for a well-formed code", async () => {
    // typed as an owner might: lower case, spaces; the preload names the code as the page asks for it
    for (const url of ['/r/ABCD-EFGH-JKMN', '/r/abcd%20efgh%20jkmn']) {
      const res = await get(url, 'br');
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['cache-control'], url).toBe('no-cache');
      expect(res.body, url).toContain('/assets/resident-');
      expect(res.body, url).toContain(
        '<title>江湾</title><link rel="preload" href="/api/v1/r/ABCD-EFGH-JKMN" as="fetch" crossorigin>',
      );
    }
    // not a code: nothing of the address is written into the page
    for (const url of [
      '/r/ABCD-EFGH-JKM0',
      `/r/${encodeURIComponent('"><script>alert(1)</script>')}`,
      '/r/ABCD-EFGH',
    ]) {
      const res = await get(url);
      expect(res.statusCode, url).toBe(200);
      expect(res.body, url).toBe(PAGE.replace('index-', 'resident-'));
    }
  });
});

describe('the API', () => {
  it('is still never cached, whatever the browser accepts', async () => {
    for (const url of ['/api/health', '/api/v1/session', '/api/v1/demo-accounts', '/api/v1/nothing-here']) {
      const res = await get(url, 'br, gzip');
      expect(res.headers['cache-control'], url).toBe('no-store');
      expect(res.headers['content-type'], url).toMatch(/json/);
    }
  });
});
