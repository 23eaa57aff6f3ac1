import type { FastifyInstance, InjectOptions } from 'fastify';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { buildApp } from '../../src/server/app.ts';
import { openDatabase, type Database } from '../../src/server/platform/db/client.ts';
import { DEMO_PASSWORD, seedDemo } from '../../src/server/demo/seed.ts';
import { clockStartingAt, shanghaiDate, type Clock } from '../../src/core/clock.ts';
import { CodeKeys } from '../../src/server/platform/code-keys.ts';
import { ServerSecret } from '../../src/server/platform/secret.ts';

/**
 * The instant every test app starts at (a Friday morning late in 2026, so open votes and notices
 * run into 2027): tests never read the system's date, and pass whatever year the machine says.
 */
export const TEST_START = '2026-11-20T10:00:00+08:00';
/** TEST_START's date in Shanghai. */
export const TEST_TODAY = '2026-11-20';

/** A password that passes the rules of new passwords, for accounts the tests create. */
export const STAFF_PASSWORD = 'quiet harbour lantern 47';

/** A clock that starts at TEST_START and runs on (a test of a few minutes stays on its day). */
export const testClock = (): Clock => clockStartingAt(TEST_START);

/** The test apps' server secret (production reads JW_SECRET or a key file, platform/secret.ts). */
export const TEST_SECRET_TEXT = 'the test server secret, never used in production';
export const TEST_SECRET = ServerSecret.fromText(TEST_SECRET_TEXT);
export const testCodeKeys = new CodeKeys(TEST_SECRET);

/**
 * On PostgreSQL each vitest worker has its own database, DATABASE_URL's name with the worker's
 * number (jiangwan_test_w1, _w2, …), created on first use: files run side by side, each resetting
 * only its worker's database. The role needs CREATEDB (.ci/run grants it).
 */
async function workerDatabaseUrl(url: string): Promise<string> {
  const worker = process.env.VITEST_POOL_ID ?? '1';
  const target = new URL(url);
  const name = `${target.pathname.slice(1)}_w${worker}`;
  target.pathname = `/${name}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    const found = await admin.query('select 1 from pg_database where datname = $1', [name]);
    if (!found.rowCount)
      await admin.query(`create database "${name}"`).catch((err: { code?: string }) => {
        // another process created it first
        if (err.code !== '42P04' && err.code !== '23505') throw err;
      });
  } finally {
    await admin.end();
  }
  return target.toString();
}

/**
 * A real store with nothing in it: an in-memory PGlite, or the worker's PostgreSQL database with
 * its schemas dropped (then migrated by the caller).
 */
export async function openEmptyTestDatabase(): Promise<Database> {
  const url = process.env.DATABASE_URL;
  const database = await openDatabase(
    url ? { databaseUrl: await workerDatabaseUrl(url) } : { dataDir: 'memory://' },
  );
  if (url) {
    await database.db.execute(sql`drop schema if exists public cascade`);
    await database.db.execute(sql`drop schema if exists drizzle cascade`);
    await database.db.execute(sql`create schema public`);
  }
  return database;
}

/** A real app's store, migrated: see openEmptyTestDatabase. */
export async function openTestDatabase(): Promise<Database> {
  const database = await openEmptyTestDatabase();
  await database.migrate();
  return database;
}

export interface TestApp {
  app: FastifyInstance;
  database: Database;
  /** the app's clock: tests read "today" from it, never from the system */
  clock: Clock;
  /** the keys household codes are looked up and sealed with */
  codeKeys: CodeKeys;
  /** a logged-in client for one of the demo accounts, or for another account with its password */
  as(username: string, password?: string): Promise<Client>;
  anonymous: Client;
  close(): Promise<void>;
}

export interface Reply {
  status: number;
  body: any; // tests read any JSON; the assertions check its shape
  headers: Record<string, unknown>;
  raw: Buffer;
}

export interface Client {
  get(url: string): Promise<Reply>;
  post(url: string, body?: unknown): Promise<Reply>;
  put(url: string, body?: unknown): Promise<Reply>;
  patch(url: string, body?: unknown): Promise<Reply>;
  delete(url: string): Promise<Reply>;
  inject(opts: InjectOptions): Promise<Reply>;
  csrfToken: string | null;
  /** the same session sending a wrong CSRF token */
  withWrongCsrf(): Client;
}

function client(app: FastifyInstance, cookie: string | null, csrfToken: string | null): Client {
  const inject = async (opts: InjectOptions): Promise<Reply> => {
    const headers: Record<string, string> = { ...(opts.headers as Record<string, string>) };
    if (cookie) headers.cookie = cookie;
    if (csrfToken && opts.method !== 'GET') headers['x-csrf-token'] = csrfToken;
    const res = await app.inject({ ...opts, headers });
    const raw = res.rawPayload;
    let body: unknown = null;
    if (String(res.headers['content-type'] ?? '').includes('json')) body = JSON.parse(raw.toString('utf8'));
    return { status: res.statusCode, body, headers: res.headers, raw };
  };
  const withBody = (method: 'POST' | 'PUT' | 'PATCH') => (url: string, body?: unknown) =>
    inject({ method, url, ...(body === undefined ? {} : { payload: body as object }) });
  return {
    get: (url) => inject({ method: 'GET', url }),
    post: withBody('POST'),
    put: withBody('PUT'),
    patch: withBody('PATCH'),
    delete: (url) => inject({ method: 'DELETE', url }),
    inject,
    csrfToken,
    withWrongCsrf: () => client(app, cookie, 'wrong-token'),
  };
}

/**
 * The app with the demo street seeded (accounts admin, shengli, jjl, district). The projects'
 * histories (votes run through the services, ~10 s) only where a test asks for them.
 */
export async function startTestApp(
  opts: { seed?: boolean; histories?: boolean; clock?: Clock; rateLimit?: boolean; publicUrl?: string } = {},
): Promise<TestApp> {
  const clock = opts.clock ?? testClock();
  const database = await openTestDatabase();
  if (opts.seed !== false)
    await seedDemo(database.db, {
      today: shanghaiDate(clock.now()),
      histories: opts.histories ?? false,
      codeKeys: testCodeKeys,
    });
  const app = await buildApp({
    db: database.db,
    webRoot: '/nonexistent',
    clock,
    rateLimit: opts.rateLimit,
    codeKeys: testCodeKeys,
    publicUrl: opts.publicUrl,
  });
  await app.ready();
  return {
    app,
    database,
    clock,
    codeKeys: testCodeKeys,
    anonymous: client(app, null, null),
    async as(username: string, password = DEMO_PASSWORD) {
      const res = await app.inject({
        method: 'POST',
        url: '/api/v1/session',
        payload: { username, password },
      });
      if (res.statusCode !== 200) throw new Error(`login ${username}: ${res.statusCode} ${res.body}`);
      const setCookie = res.headers['set-cookie'];
      const cookie = String(Array.isArray(setCookie) ? setCookie[0] : setCookie).split(';')[0]!;
      return client(app, cookie, res.json<{ csrfToken: string }>().csrfToken);
    },
    async close() {
      await app.close();
      await database.close();
    },
  };
}
