/**
 * Household codes at rest (issue 9 item 9): after codes are issued, printed and used, no code is
 * in the database in clear (every column of every table read as text); verifying and reprinting
 * still work; the same database with another server secret verifies nothing and is refused at
 * start; a lost secret is replaced by reissuing every code; the key file is private.
 */
import { mkdtempSync, readFileSync, statSync, writeFileSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildApp, redactUrl } from '../../src/server/app.ts';
import { normaliseCode } from '../../src/core/consent/codes.ts';
import { CodeKeys } from '../../src/server/platform/code-keys.ts';
import { replaceLostKey } from '../../src/server/modules/consent/key-lost.ts';
import { systemActor } from '../../src/server/platform/actor.ts';
import { StartupRefusal } from '../../src/server/platform/refusal.ts';
import { openDatabase } from '../../src/server/platform/db/client.ts';
import { checkServerSecret, loadServerSecret, ServerSecret } from '../../src/server/platform/secret.ts';
import { DEMO_PASSWORD } from '../../src/server/demo/seed.ts';
import { startTestApp, TEST_SECRET, type Client, type TestApp } from '../helpers/app.ts';

let t: TestApp;
let staff: Client;
let vote: { id: string };
let codes: { groupId: string; label: string; code: string }[];

const rowsOf = <T>(r: unknown) => (r as { rows: T[] }).rows;

/** Every row of every table of the schema as text (what a copy of the database holds). */
async function everyRowAsText() {
  const tables = rowsOf<{ name: string }>(
    await t.database.db.execute(
      sql`select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'`,
    ),
  );
  const out: { table: string; text: string }[] = [];
  for (const { name } of tables) {
    for (const r of rowsOf<{ text: string }>(
      await t.database.db.execute(sql`select t::text as text from ${sql.identifier(name)} t`),
    ))
      out.push({ table: name, text: r.text });
  }
  return out;
}

/** The places a code could hide: as printed, without dashes, in lower case. */
const spellings = (code: string) => {
  const n = normaliseCode(code)!;
  return [code, n, code.toLowerCase(), n.toLowerCase()];
};

async function docxText(buf: Buffer) {
  const zip = await JSZip.loadAsync(buf);
  return (await zip.file('word/document.xml')!.async('string')).replace(/<[^>]+>/g, '');
}

beforeAll(async () => {
  t = await startTestApp();
  staff = await t.as('shengli');
  const stairwell = (await staff.get('/api/v1/stairwells?pageSize=500')).body.items.find(
    (s: any) => s.unitCount >= 10,
  );
  const project = (await staff.post('/api/v1/projects', { name: '户码存储测试', stairwellId: stairwell.id }))
    .body;
  vote = (
    await staff.post('/api/v1/consultations', {
      projectId: project.id,
      kind: 'vote',
      title: '表决',
      question: '同意加装电梯吗？',
      ruleId: 'sh-801-building',
    })
  ).body;
  expect((await staff.post(`/api/v1/consultations/${vote.id}/open`)).status).toBe(200);
  codes = (await staff.post(`/api/v1/consultations/${vote.id}/codes/reveal`)).body.items;
  expect(codes.length).toBeGreaterThan(5);
});
afterAll(() => t.close());

describe('household codes at rest', () => {
  it('stores no code in clear anywhere, after issuing, listing, printing, voting and a reissue', async () => {
    // use the codes every way there is: letters, a vote, a notice page, a reissue
    expect((await staff.post(`/api/v1/consultations/${vote.id}/letters.docx`)).status).toBe(200);
    expect((await t.anonymous.post(`/api/v1/r/${codes[0]!.code}/ballot`, { choice: 'agree' })).status).toBe(
      200,
    );
    expect((await t.anonymous.get(`/api/v1/r/${codes[1]!.code}/notices`)).status).toBe(200);
    const reissued = await staff.post(`/api/v1/consultations/${vote.id}/codes/${codes[2]!.groupId}/reissue`, {
      reason: '信件遗失',
    });
    expect(reissued.status).toBe(200);
    const all = [...codes.map((c) => c.code), reissued.body.code as string];

    const rows = await everyRowAsText();
    const codeRows = rows.filter((r) => r.table === 'household_codes');
    expect(codeRows.length).toBe(codes.length + 1);
    expect(rows.filter((r) => r.table === 'audit_events').length).toBeGreaterThan(0);
    for (const code of all)
      for (const s of spellings(code)) expect(rows.find((r) => r.text.includes(s))).toBeUndefined();

    // what is kept: a MAC (64 hex) and a sealed form, for every code
    const stored = rowsOf<{ code_mac: string; code_sealed: string }>(
      await t.database.db.execute(sql`select code_mac, code_sealed from household_codes`),
    );
    for (const r of stored) {
      expect(r.code_mac).toMatch(/^[0-9a-f]{64}$/);
      expect(r.code_sealed).toMatch(/^v1\.[A-Za-z0-9_-]+$/);
    }
    // nothing of the old layout is left
    const columns = rowsOf<{ c: string }>(
      await t.database.db.execute(
        sql`select column_name as c from information_schema.columns where table_name = 'household_codes'`,
      ),
    ).map((r) => r.c);
    expect(columns).not.toContain('code');
    expect(columns).not.toContain('code_hash');
    expect(
      rowsOf(
        await t.database.db.execute(
          sql`select 1 from information_schema.tables where table_name = 'code_failures'`,
        ),
      ),
    ).toHaveLength(0);
  });

  it('keeps no session token or password in clear either: tokens as SHA-256, passwords as argon2id', async () => {
    const login = await t.app.inject({
      method: 'POST',
      url: '/api/v1/session',
      payload: { username: 'shengli', password: DEMO_PASSWORD },
    });
    const token = /jw_session=([^;]+)/.exec(String(login.headers['set-cookie']))![1]!;
    expect(token.length).toBeGreaterThan(40);
    const rows = await everyRowAsText();
    expect(rows.find((r) => r.text.includes(token))).toBeUndefined();
    expect(rows.find((r) => r.text.includes(DEMO_PASSWORD))).toBeUndefined();
    const hashes = rowsOf<{ h: string }>(
      await t.database.db.execute(sql`select password_hash as h from users`),
    );
    for (const { h } of hashes) expect(h).toMatch(/^\$argon2id\$/);
  });

  it('verifies codes and prints the letters again from the sealed codes', async () => {
    const again = (await staff.post(`/api/v1/consultations/${vote.id}/codes/reveal`)).body
      .items as typeof codes;
    // the reissued household has its new code; every other code is the one first printed
    for (const c of codes.filter((c) => c.groupId !== codes[2]!.groupId))
      expect(again.find((a) => a.groupId === c.groupId)!.code).toBe(c.code);
    const text = await docxText((await staff.post(`/api/v1/consultations/${vote.id}/letters.docx`)).raw);
    for (const c of again) expect(text).toContain(c.code);
    const view = await t.anonymous.get(`/api/v1/r/${codes[3]!.code.toLowerCase()}`);
    expect(view.status).toBe(200);
    expect(view.body.state).toBe('open');
    // the lost letter's code is revoked, not unknown
    expect((await t.anonymous.get(`/api/v1/r/${codes[2]!.code}`)).body.state).toBe('revoked');
  });

  it('audits who read the codes, how many and what for', async () => {
    const audit = (await (await t.as('admin')).get(`/api/v1/audit?pageSize=100&entityId=${vote.id}`)).body
      .items as any[];
    const reads = audit.filter((e) => e.action === 'read_codes' && e.entityId === vote.id);
    expect(reads.map((e) => e.after.purpose).sort()).toEqual(['letters', 'letters', 'list', 'list']);
    for (const e of reads) {
      expect(e.actorName).toBe('shengli');
      expect(e.after.households).toBe(codes.length);
    }
    // the adviser and the district viewer do not get the codes, and reading nothing is not audited
    expect(
      (await (await t.as('district')).post(`/api/v1/consultations/${vote.id}/codes/reveal`)).status,
    ).toBe(403);
  });

  it('verifies nothing with another server secret, and refuses to start with it', async () => {
    const other = new CodeKeys(
      ServerSecret.fromText('another secret, as a stolen copy of the database would have'),
    );
    const stranger = await buildApp({
      db: t.database.db,
      webRoot: '/nonexistent',
      clock: t.clock,
      codeKeys: other,
    });
    try {
      const res = await stranger.inject({ method: 'GET', url: `/api/v1/r/${codes[4]!.code}` });
      expect(res.statusCode).toBe(404);
      expect(res.json().error.code).toBe('wrong_code');
      expect(
        (
          await stranger.inject({
            method: 'POST',
            url: `/api/v1/r/${codes[4]!.code}/ballot`,
            payload: { choice: 'agree' },
          })
        ).statusCode,
      ).toBe(404);
    } finally {
      await stranger.close();
    }
    // nor does the right secret open a sealed code moved to another household
    const [a, b] = rowsOf<{ id: string; code_sealed: string; consultation_id: string; group_id: string }>(
      await t.database.db.execute(
        sql`select id, code_sealed, consultation_id, group_id from household_codes where revoked_at is null limit 2`,
      ),
    );
    expect(() =>
      t.codeKeys.open(a!.code_sealed, { consultationId: b!.consultation_id, groupId: b!.group_id }),
    ).toThrow(/cannot be decrypted/);
    // the database remembers its secret by a check value and refuses another
    await checkServerSecret(t.database.db, TEST_SECRET);
    await expect(
      checkServerSecret(
        t.database.db,
        ServerSecret.fromText('another secret, as a stolen copy of the database would have'),
      ),
    ).rejects.toThrow(StartupRefusal);
    await expect(
      checkServerSecret(
        t.database.db,
        ServerSecret.fromText('another secret, as a stolen copy of the database would have'),
      ),
    ).rejects.toThrow(/does not match this database[\s\S]*key-lost/);
  });

  it('leaves household codes and searches (a name, an ID number) out of the request log', () => {
    expect(redactUrl('/api/v1/r/ABCD-EFGH-JKMN/ballot')).toBe('/api/v1/r/***/ballot');
    expect(redactUrl('/r/abcd-efgh-jkmn?x=1')).toBe('/r/***?x=1');
    expect(redactUrl('/api/v1/consultations/1/codes')).toBe('/api/v1/consultations/1/codes');
    expect(redactUrl('/api/v1/persons?q=310101199001011234&page=2')).toBe('/api/v1/persons?q=***&page=2');
    expect(redactUrl('/api/v1/units?page=1&q=%E5%BC%A0')).toBe('/api/v1/units?page=1&q=***');
  });

  it('replaces a lost secret by issuing every household a new code', async () => {
    const secret = ServerSecret.fromText('the secret configured after the old one was lost!!');
    const keys = new CodeKeys(secret);
    const before = (await staff.post(`/api/v1/consultations/${vote.id}/codes/reveal`)).body
      .items as typeof codes;
    const result = await replaceLostKey(t.database.db, secret, keys, systemActor(t.clock.now()));
    expect(result.codes).toBeGreaterThanOrEqual(before.length);
    await checkServerSecret(t.database.db, secret);
    await expect(checkServerSecret(t.database.db, TEST_SECRET)).rejects.toThrow(StartupRefusal);
    const app = await buildApp({
      db: t.database.db,
      webRoot: '/nonexistent',
      clock: t.clock,
      codeKeys: keys,
    });
    try {
      // the old letters no longer work; the new codes do, and the ledger stays whole
      expect((await app.inject({ method: 'GET', url: `/api/v1/r/${before[5]!.code}` })).statusCode).toBe(404);
      const [fresh] = rowsOf<{ code_sealed: string; group_id: string }>(
        await t.database.db.execute(
          sql`select code_sealed, group_id from household_codes where consultation_id = ${vote.id} and revoked_at is null limit 1`,
        ),
      );
      const code = keys.open(fresh!.code_sealed, { consultationId: vote.id, groupId: fresh!.group_id });
      expect(
        (await app.inject({ method: 'POST', url: `/api/v1/r/${code}/ballot`, payload: { choice: 'agree' } }))
          .statusCode,
      ).toBe(200);
      expect((await staff.get(`/api/v1/consultations/${vote.id}/ledger/verify`)).body.ok).toBe(true);
    } finally {
      await app.close();
    }
  });
});

describe('the server secret', () => {
  it('is created once in the data directory, readable by its owner only', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'jw-secret-'));
    const first = loadServerSecret({ dataDir: dir });
    const file = path.join(dir, 'jiangwan.key');
    expect(first.source).toEqual({ kind: 'file', location: file, created: true });
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readFileSync(file, 'utf8').trim()).toMatch(/^[A-Za-z0-9+/]{43}=$/);
    const second = loadServerSecret({ dataDir: dir });
    expect(second.source.created).toBe(false);
    expect(second.checkValue()).toBe(first.checkValue());
    // the material never shows in JSON or logs
    expect(JSON.stringify(first)).not.toContain(readFileSync(file, 'utf8').trim());
  });

  it('sits by default in a data directory that only its owner can enter', async () => {
    const dir = path.join(mkdtempSync(path.join(tmpdir(), 'jw-secret-')), 'data');
    const store = await openDatabase({ dataDir: dir });
    await store.close();
    expect(statSync(dir).mode & 0o777).toBe(0o700);
  });

  it('comes from JW_SECRET or JW_SECRET_FILE when set, and warns about a key file others can read', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'jw-secret-'));
    const env = loadServerSecret({ dataDir: dir, secret: 'x'.repeat(40) });
    expect(env.source).toEqual({ kind: 'env', location: 'JW_SECRET', created: false });
    expect(() => loadServerSecret({ dataDir: dir, secret: 'too short' })).toThrow(/at least 32 characters/);
    const file = path.join(dir, 'elsewhere', 'secret');
    writeFileSync(path.join(dir, 'placeholder'), '');
    const fromFile = loadServerSecret({ dataDir: dir, secretFile: file });
    expect(fromFile.source.location).toBe(file);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    chmodSync(file, 0o644);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    loadServerSecret({ dataDir: dir, secretFile: file });
    expect(warn.mock.calls[0]![0]).toMatch(/chmod 600/);
    warn.mockRestore();
  });
});
