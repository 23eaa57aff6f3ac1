/**
 * Secure cookies without a switch to forget (issue 9 item 11): the session cookie is Secure when
 * the request came over HTTPS (behind a trusted proxy, as X-Forwarded-Proto says) or when the
 * public address is https; serving other machines over plain HTTP by accident refuses to start,
 * saying which setting to set.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type BuildOptions } from '../../src/server/app.ts';
import { checkTransport, readConfig } from '../../src/server/config.ts';
import { DEMO_PASSWORD } from '../../src/server/demo/seed.ts';
import { StartupRefusal } from '../../src/server/platform/refusal.ts';
import { startTestApp, type TestApp } from '../helpers/app.ts';

let t: TestApp;
const apps: FastifyInstance[] = [];

beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  for (const a of apps) await a.close();
  await t.close();
});

/** The Set-Cookie of a login to an app built with these options, sent with these headers. */
async function loginCookie(opts: Partial<BuildOptions>, headers: Record<string, string> = {}) {
  const app = await buildApp({
    db: t.database.db,
    webRoot: '/nonexistent',
    clock: t.clock,
    codeKeys: t.codeKeys,
    ...opts,
  });
  apps.push(app);
  const res = await app.inject({
    method: 'POST',
    url: '/api/v1/session',
    headers,
    payload: { username: 'shengli', password: DEMO_PASSWORD },
  });
  expect(res.statusCode).toBe(200);
  const cookie = String(res.headers['set-cookie']);
  expect(cookie).toMatch(/^jw_session=[^;]+;.*HttpOnly.*SameSite=Lax/);
  return cookie;
}
const secure = (cookie: string) => /;\s*Secure/i.test(cookie);

describe('the session cookie', () => {
  it('is not Secure over plain HTTP, and a header from an untrusted client does not change that', async () => {
    expect(secure(await loginCookie({}))).toBe(false);
    expect(secure(await loginCookie({}, { 'x-forwarded-proto': 'https' }))).toBe(false);
  });

  it('is Secure behind a trusted proxy exactly when the request came over HTTPS', async () => {
    expect(secure(await loginCookie({ trustProxy: true }, { 'x-forwarded-proto': 'https' }))).toBe(true);
    expect(secure(await loginCookie({ trustProxy: true }, { 'x-forwarded-proto': 'http' }))).toBe(false);
    // JW_TRUST_PROXY may name the proxy's addresses: inject comes from 127.0.0.1
    expect(secure(await loginCookie({ trustProxy: '127.0.0.1' }, { 'x-forwarded-proto': 'https' }))).toBe(
      true,
    );
    expect(secure(await loginCookie({ trustProxy: '10.0.0.1' }, { 'x-forwarded-proto': 'https' }))).toBe(
      false,
    );
  });

  it('is always Secure with JW_SECURE_COOKIES=1 or an https JW_PUBLIC_URL', async () => {
    expect(secure(await loginCookie({ secureCookies: true }))).toBe(true);
    expect(readConfig({ JW_SECURE_COOKIES: '1' }).secureCookies).toBe(true);
    expect(readConfig({ JW_PUBLIC_URL: 'https://lift.example.org' }).secureCookies).toBe(true);
    expect(readConfig({ JW_PUBLIC_URL: 'HTTPS://lift.example.org/' }).secureCookies).toBe(true);
    expect(readConfig({ JW_PUBLIC_URL: 'http://192.168.1.20:3000' }).secureCookies).toBe(false);
    expect(readConfig({}).secureCookies).toBe(false);
  });

  it('reads JW_TRUST_PROXY as on, off or a list of addresses', () => {
    expect(readConfig({}).trustProxy).toBe(false);
    expect(readConfig({ JW_TRUST_PROXY: '0' }).trustProxy).toBe(false);
    expect(readConfig({ JW_TRUST_PROXY: '1' }).trustProxy).toBe(true);
    expect(readConfig({ JW_TRUST_PROXY: '127.0.0.1,10.0.0.0/8' }).trustProxy).toBe('127.0.0.1,10.0.0.0/8');
  });
});

describe('the answers', () => {
  it('keep API answers out of caches and carry the security headers; HSTS only for an https public address', async () => {
    const plain = await buildApp({
      db: t.database.db,
      webRoot: '/nonexistent',
      clock: t.clock,
      codeKeys: t.codeKeys,
    });
    const https = await buildApp({
      db: t.database.db,
      webRoot: '/nonexistent',
      clock: t.clock,
      codeKeys: t.codeKeys,
      hsts: true,
    });
    apps.push(plain, https);
    for (const url of ['/api/v1/session', '/api/v1/r/ABCD-EFGH-JKMN', '/api/health']) {
      const res = await plain.inject({ method: 'GET', url });
      expect(res.headers['cache-control'], url).toBe('no-store');
      expect(res.headers['content-security-policy']).toContain("frame-ancestors 'self'");
      expect(res.headers['content-security-policy']).toContain("object-src 'none'");
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      // a household code in the page's address never leaves in a Referer
      expect(res.headers['referrer-policy']).toBe('no-referrer');
      expect(res.headers['strict-transport-security']).toBeUndefined();
    }
    expect(
      (await https.inject({ method: 'GET', url: '/api/health' })).headers['strict-transport-security'],
    ).toMatch(/^max-age=\d{7,}/);
  });
});

describe('listening beyond this machine', () => {
  const config = (env: Record<string, string>) => readConfig(env);

  it('is refused over plain HTTP without a setting, naming the settings in Chinese and English', () => {
    for (const host of ['0.0.0.0', '::', '192.168.1.20', 'lift-server']) {
      let refusal: unknown;
      try {
        checkTransport(config({ HOST: host }));
      } catch (err) {
        refusal = err;
      }
      expect(refusal, host).toBeInstanceOf(StartupRefusal);
      const { zh, en } = refusal as StartupRefusal;
      expect(zh).toContain(`HOST=${host}`);
      expect(zh).toMatch(/拒绝启动[\s\S]*JW_TRUST_PROXY=1[\s\S]*JW_PUBLIC_URL=https:[\s\S]*JW_ALLOW_HTTP=1/);
      expect(en).toMatch(
        /Refusing to start[\s\S]*JW_TRUST_PROXY=1[\s\S]*JW_PUBLIC_URL=https:[\s\S]*JW_ALLOW_HTTP=1/,
      );
    }
  });

  it('is allowed behind a proxy, with an https address, with Secure cookies, or on purpose; loopback always', () => {
    const enough: Record<string, string>[] = [
      { JW_TRUST_PROXY: '1' },
      { JW_TRUST_PROXY: '10.0.0.2' },
      { JW_PUBLIC_URL: 'https://lift.example.org' },
      { JW_SECURE_COOKIES: '1' },
      { JW_ALLOW_HTTP: '1' },
    ];
    for (const env of enough)
      expect(() => checkTransport(config({ HOST: '0.0.0.0', ...env })), JSON.stringify(env)).not.toThrow();
    for (const host of ['127.0.0.1', 'localhost', '::1', '127.0.1.1'])
      expect(() => checkTransport(config({ HOST: host }))).not.toThrow();
    expect(() => checkTransport(config({}))).not.toThrow();
    // an http public address says where people come from, not that the cookie is protected
    expect(() =>
      checkTransport(config({ HOST: '0.0.0.0', JW_PUBLIC_URL: 'http://lift.example.org' })),
    ).toThrow(StartupRefusal);
    expect(() => checkTransport(config({ JW_PUBLIC_URL: 'lift.example.org' }))).toThrow(/JW_PUBLIC_URL/);
  });

  it('makes `jiangwan serve` exit with the message before it touches the data directory', () => {
    const dataDir = path.join(mkdtempSync(path.join(tmpdir(), 'jw-transport-')), 'data');
    const root = path.resolve(import.meta.dirname, '../..');
    const env = {
      ...process.env,
      HOST: '0.0.0.0',
      PORT: '0',
      JW_DATA_DIR: dataDir,
      JW_TRUST_PROXY: '',
      JW_SECURE_COOKIES: '',
      JW_PUBLIC_URL: '',
      JW_ALLOW_HTTP: '',
      DATABASE_URL: '',
    };
    const run = spawnSync(process.execPath, [path.join(root, 'bin/jiangwan.js'), 'serve'], {
      cwd: root,
      env,
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('拒绝启动：HOST=0.0.0.0');
    expect(run.stderr).toContain('Refusing to start: HOST=0.0.0.0');
    expect(run.stderr).not.toMatch(/\n\s+at /); // no stack trace
    expect(existsSync(dataDir)).toBe(false);
  });
});
