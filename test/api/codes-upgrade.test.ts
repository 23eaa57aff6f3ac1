/**
 * The upgrade to sealed household codes (migration 0014 and the first start after it): a store
 * left by the previous version, with codes in clear beside their SHA-256, is migrated; the first
 * start seals every code with the server secret, and the codes still verify, the letters still
 * print, and no code is left in clear.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { eq, sql } from 'drizzle-orm';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app.ts';
import { normaliseCode } from '../../src/core/consent/codes.ts';
import { shanghaiDate } from '../../src/core/clock.ts';
import { seedDemo, DEMO_PASSWORD } from '../../src/server/demo/seed.ts';
import { unlockCodeKeys } from '../../src/server/main.ts';
import { users } from '../../src/server/modules/accounts/schema.ts';
import { electorGroups } from '../../src/server/modules/consent/schema.ts';
import { findRule } from '../../src/core/consent/rules.ts';
import { createProject } from '../../src/server/modules/projects/service.ts';
import { newHouseholdCode } from '../../src/server/modules/consent/service.ts';
import { loadAccess } from '../../src/server/modules/projects/access.ts';
import { toSessionUser } from '../../src/server/modules/accounts/sessions.ts';
import type { Database } from '../../src/server/platform/db/client.ts';
import { StartupRefusal } from '../../src/server/platform/refusal.ts';
import { openEmptyTestDatabase, testClock, testCodeKeys, TEST_SECRET_TEXT } from '../helpers/app.ts';
import type { FastifyInstance } from 'fastify';

const MIGRATIONS = path.resolve(import.meta.dirname, '../../db/migrations');
const LAST_BEFORE = '0013_account_management';
const rowsOf = <T>(r: unknown) => (r as { rows: T[] }).rows;

let database: Database;
let app: FastifyInstance;
let consultationId: string;
const oldCodes: { groupId: string; code: string; revoked: boolean }[] = [];
const clock = testClock();

/** The migrations as the previous version shipped them (through 0013). */
function migrationsThrough(tag: string) {
  const dir = mkdtempSync(path.join(tmpdir(), 'jw-migrations-'));
  mkdirSync(path.join(dir, 'meta'));
  const journal = JSON.parse(readFileSync(path.join(MIGRATIONS, 'meta/_journal.json'), 'utf8')) as {
    entries: { tag: string }[];
  };
  const upTo = journal.entries.findIndex((e) => e.tag === tag);
  expect(upTo).toBeGreaterThan(0);
  journal.entries = journal.entries.slice(0, upTo + 1);
  writeFileSync(path.join(dir, 'meta/_journal.json'), JSON.stringify(journal));
  for (const e of journal.entries)
    cpSync(path.join(MIGRATIONS, `${e.tag}.sql`), path.join(dir, `${e.tag}.sql`));
  return dir;
}

beforeAll(async () => {
  database = await openEmptyTestDatabase();
  const old = migrationsThrough(LAST_BEFORE);
  await (database.kind === 'postgres'
    ? migratePg(database.db as never, { migrationsFolder: old })
    : migratePglite(database.db as never, { migrationsFolder: old }));
  // the previous version's store: the demo street, and an open vote whose codes are kept in clear
  await seedDemo(database.db, { today: shanghaiDate(clock.now()), histories: false, codeKeys: testCodeKeys });
  const [admin] = await database.db.select().from(users).where(eq(users.username, 'admin'));
  const access = await loadAccess(database.db, toSessionUser(admin!), clock.now());
  const stairwell = rowsOf<{ id: string }>(
    await database.db.execute(sql`select id from stairwells limit 1`),
  )[0]!;
  const project = await createProject(database.db, access, {
    name: '旧版本的表决',
    stairwellId: stairwell.id,
  });
  // written in the old version's columns: this version's code would write columns added since
  const rule = findRule('sh-801-building')!;
  consultationId = rowsOf<{ id: string }>(
    await database.db.execute(
      sql`insert into consultations (project_id, committee_id, kind, title, question, rule, scope_kind, scope_id)
          values (${project.id}, ${project.committeeId}, 'vote', '表决', '同意吗？', ${JSON.stringify(rule)}::jsonb,
                  'stairwell', ${stairwell.id}) returning id`,
    ),
  )[0]!.id;
  await database.db.execute(
    sql`update consultations set status = 'open', opened_at = now() where id = ${consultationId}`,
  );
  for (let i = 0; i < 4; i++) {
    const [g] = await database.db
      .insert(electorGroups)
      .values({ consultationId, groupKey: `g${i}`, owners: [], areaCenti: 6000, label: `${101 + i}室` })
      .returning();
    const code = newHouseholdCode();
    const revoked = i === 3;
    oldCodes.push({ groupId: g!.id, code, revoked });
    const hash = createHash('sha256')
      .update(`jw-code:${normaliseCode(code)}`)
      .digest('hex');
    await database.db.execute(
      sql`insert into household_codes (consultation_id, group_id, code_hash, code, revoked_at) values (${consultationId}, ${g!.id}, ${hash}, ${code}, ${revoked ? sql`now()` : null})`,
    );
  }
  // the new version starts: migrates, then seals the codes with its secret
  await database.migrate();
});
afterAll(async () => {
  await app?.close();
  await database.close();
});

describe('a store of the previous version, started by this one', () => {
  it('is migrated: the clear code waits in code_sealed for the first start, and code_failures is gone', async () => {
    const rows = rowsOf<{ code_sealed: string }>(
      await database.db.execute(sql`select code_sealed from household_codes order by issued_at`),
    );
    expect(rows.map((r) => r.code_sealed).sort()).toEqual(oldCodes.map((c) => c.code).sort());
    expect(
      rowsOf(
        await database.db.execute(
          sql`select 1 from information_schema.tables where table_name = 'code_failures'`,
        ),
      ),
    ).toHaveLength(0);
  });

  it('seals every code at the first start, once, with the secret it then insists on', async () => {
    const settings = {
      secret: TEST_SECRET_TEXT,
      secretFile: undefined,
      dataDir: mkdtempSync(path.join(tmpdir(), 'jw-upgrade-')),
    };
    const keys = await unlockCodeKeys(database.db, settings);
    const rows = rowsOf<{ code_mac: string; code_sealed: string; group_id: string }>(
      await database.db.execute(sql`select code_mac, code_sealed, group_id from household_codes`),
    );
    expect(rows).toHaveLength(oldCodes.length);
    for (const r of rows) {
      const old = oldCodes.find((c) => c.groupId === r.group_id)!;
      expect(r.code_sealed).toMatch(/^v1\./);
      expect(r.code_mac).toBe(keys.mac(normaliseCode(old.code)!));
      expect(keys.open(r.code_sealed, { consultationId, groupId: r.group_id })).toBe(old.code);
    }
    // a second start has nothing to convert; a start with another secret is refused
    await unlockCodeKeys(database.db, settings);
    expect(
      rowsOf<{ code_sealed: string }>(await database.db.execute(sql`select code_sealed from household_codes`))
        .map((r) => r.code_sealed)
        .sort(),
    ).toEqual(rows.map((r) => r.code_sealed).sort());
    await expect(
      unlockCodeKeys(database.db, { ...settings, secret: 'a different secret of at least 32 characters' }),
    ).rejects.toThrow(StartupRefusal);
  });

  it('keeps the old letters working: codes verify, the lost one stays revoked, letters print', async () => {
    app = await buildApp({ db: database.db, webRoot: '/nonexistent', clock, codeKeys: testCodeKeys });
    for (const c of oldCodes) {
      const res = await app.inject({ method: 'GET', url: `/api/v1/r/${c.code}` });
      expect(res.statusCode).toBe(200);
      expect(res.json().state).toBe(c.revoked ? 'revoked' : 'open');
    }
    expect(
      (
        await app.inject({
          method: 'POST',
          url: `/api/v1/r/${oldCodes[0]!.code}/ballot`,
          payload: { choice: 'agree' },
        })
      ).statusCode,
    ).toBe(200);
    const login = await app.inject({
      method: 'POST',
      url: '/api/v1/session',
      payload: { username: 'admin', password: DEMO_PASSWORD },
    });
    const cookie = String(login.headers['set-cookie']).split(';')[0]!;
    const listed = (
      await app.inject({
        method: 'POST',
        url: `/api/v1/consultations/${consultationId}/codes/reveal`,
        headers: { cookie, 'x-csrf-token': login.json().csrfToken },
      })
    ).json().items as { groupId: string; code: string }[];
    expect(listed.map((c) => c.code).sort()).toEqual(
      oldCodes
        .filter((c) => !c.revoked)
        .map((c) => c.code)
        .sort(),
    );
    expect(
      (
        await app.inject({
          method: 'POST',
          url: `/api/v1/consultations/${consultationId}/letters.docx`,
          headers: { cookie, 'x-csrf-token': login.json().csrfToken },
        })
      ).statusCode,
    ).toBe(200);
  });

  it('leaves no code in clear in any table', async () => {
    const tables = rowsOf<{ name: string }>(
      await database.db.execute(
        sql`select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'`,
      ),
    );
    for (const { name } of tables) {
      const texts = rowsOf<{ text: string }>(
        await database.db.execute(sql`select t::text as text from ${sql.identifier(name)} t`),
      ).map((r) => r.text);
      for (const c of oldCodes)
        for (const s of [c.code, normaliseCode(c.code)!])
          expect(
            texts.find((x) => x.includes(s)),
            `${name} holds ${s}`,
          ).toBeUndefined();
    }
  });
});
