/**
 * Accounts managed without SQL (issue 9, item 3): a street admin lists, creates, edits, disables
 * and enables the accounts of their street, resets a password (to be changed at the next login)
 * and ends an account's sessions; every user changes their own password under the rules of new
 * passwords (OWASP ASVS 2.1) and sees and ends their other sessions. Each route both ways: the
 * street admin of the street, and refused for other roles and for the admin of another street;
 * every write audited with its actor, bad input answered 400 naming the field with nothing
 * written; two admins disabling each other at once leave one enabled admin.
 */
import { sql } from 'drizzle-orm';
import { PassThrough, Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../../src/server/modules/accounts/manage.ts';
import { hashPassword } from '../../src/server/platform/passwords.ts';
import { systemActor } from '../../src/server/platform/actor.ts';
import { cliManager, printUsers, readNewPassword } from '../../src/cli/users.ts';
import { resetPassword, setDisabled } from '../../src/server/modules/accounts/manage.ts';
import { startTestApp, STAFF_PASSWORD, type Client, type TestApp } from '../helpers/app.ts';

let t: TestApp;
let admin: Client;
let shengli: Client;
let jjl: Client;
let district: Client;
/** the admin of a second street, who must reach nothing of the first */
let otherAdmin: Client;

const rowsOf = <T>(result: unknown) => (result as { rows: T[] }).rows;
const query = async <T>(q: ReturnType<typeof sql>) => rowsOf<T>(await t.database.db.execute(q));
const idOf = async (username: string) =>
  (await query<{ id: string }>(sql`select id from users where username = ${username}`))[0]!.id;
const auditCount = async () =>
  (await query<{ n: number }>(sql`select count(*)::int as n from audit_events`))[0]!.n;
const lastAudit = async (action: string) =>
  (
    await query<{
      actor_name: string;
      entity_id: string;
      street_id: string | null;
      summary: string;
      before: any;
      after: any;
    }>(
      sql`select actor_name, entity_id, street_id, summary, before, after from audit_events where action = ${action} order by at desc, id desc limit 1`,
    )
  )[0];
const sessionCount = async (username: string) =>
  (
    await query<{ n: number }>(
      sql`select count(*)::int as n from sessions s join users u on u.id = s.user_id where u.username = ${username}`,
    )
  )[0]!.n;
const userRow = async (username: string) =>
  (
    await query<{
      disabled: boolean;
      disabled_by: string | null;
      must_change_password: boolean;
      role: string;
      display_name: string;
      committee_id: string | null;
      street_id: string | null;
    }>(
      sql`select disabled, disabled_by, must_change_password, role, display_name, committee_id, street_id from users where username = ${username}`,
    )
  )[0]!;

let streetId: string;
let shengliCommittee: string;
let otherCommittee: string;
let foreignCommittee: string;

beforeAll(async () => {
  // many logins from one address: the per-address request limit is off, the login throttle in the database stays
  t = await startTestApp({ rateLimit: false });
  [admin, shengli, jjl, district] = (await Promise.all(
    ['admin', 'shengli', 'jjl', 'district'].map((u) => t.as(u)),
  )) as [Client, Client, Client, Client];
  streetId = (
    await query<{ id: string }>(sql`select street_id as id from users where username = 'admin'`)
  )[0]!.id;
  shengliCommittee = (
    await query<{ id: string }>(sql`select committee_id as id from users where username = 'shengli'`)
  )[0]!.id;
  otherCommittee = (
    await query<{ id: string }>(
      sql`select id from committees where street_id = ${streetId} and id <> ${shengliCommittee} order by name limit 1`,
    )
  )[0]!.id;
  // a second street of the district, with a committee and its own street admin
  const districtId = (
    await query<{ id: string }>(sql`select district_id as id from streets where id = ${streetId}`)
  )[0]!.id;
  const other = (
    await query<{ id: string }>(
      sql`insert into streets (district_id, name) values (${districtId}, '嘉兴路街道') returning id`,
    )
  )[0]!.id;
  foreignCommittee = (
    await query<{ id: string }>(
      sql`insert into committees (street_id, name) values (${other}, '瑞虹居委') returning id`,
    )
  )[0]!.id;
  await createUser(
    t.database.db,
    {
      username: 'jiaxing',
      displayName: '嘉兴路街道管理员',
      password: STAFF_PASSWORD,
      role: 'street_admin',
      scopeId: other,
    },
    systemActor(t.clock.now()),
  );
  otherAdmin = await t.as('jiaxing', STAFF_PASSWORD);
}, 120_000);
afterAll(() => t.close());

/** Creates a committee-staff account of 胜利居委 as the admin and returns its id. */
async function staff(username: string, extra: Record<string, unknown> = {}) {
  const res = await admin.post('/api/v1/users', {
    username,
    displayName: `测试 ${username}`,
    password: STAFF_PASSWORD,
    role: 'committee_staff',
    scopeId: shengliCommittee,
    ...extra,
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.id as string;
}

describe('the user list', () => {
  it('shows the street admin the accounts of the street with state, demo mark, last login and sessions', async () => {
    const res = await admin.get('/api/v1/users');
    expect(res.status).toBe(200);
    const byName = Object.fromEntries(res.body.items.map((u: any) => [u.username, u]));
    expect(Object.keys(byName)).toEqual(expect.arrayContaining(['admin', 'shengli', 'jjl']));
    // the district viewer belongs to no street, and the other street's admin to another
    expect(byName.district).toBeUndefined();
    expect(byName.jiaxing).toBeUndefined();
    expect(byName.shengli).toMatchObject({
      demo: true,
      disabled: false,
      mustChangePassword: false,
      role: 'committee_staff',
      scopeName: '胜利居委',
      sessions: 1,
      failedLogins: 0,
      lockedSeconds: 0,
    });
    expect(byName.shengli.lastLoginAt).toEqual(expect.any(String));
    expect(byName.admin.scopeName).toBe('江湾镇街道');
    expect(JSON.stringify(res.body)).not.toMatch(/passwordHash|argon2/);
  });

  it('is refused to every other role', async () => {
    for (const c of [shengli, jjl, district]) expect((await c.get('/api/v1/users')).status).toBe(403);
  });

  it('names the demo accounts still enabled to anyone, by username only', async () => {
    const res = await t.anonymous.get('/api/v1/demo-accounts');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ usernames: ['admin', 'district', 'jjl', 'shengli'] });
  });
});

describe('creating an account', () => {
  it('applies the rules of new passwords, naming the field in both languages, and writes nothing when refused', async () => {
    const before = await auditCount();
    const refused: [string, RegExp][] = [
      ['short-11-ch', /至少 12 个字符/],
      ['x'.repeat(129), /最多 128 个字符/],
      // one of the most common passwords, and one that appears in breaches
      ['qwertyuiop12', /常见密码或已在数据泄露中出现过/],
      ['Password123!', /常见密码或已在数据泄露中出现过/],
      // the published demo password and the product's name
      ['jiangwan2026', /太容易被猜到/],
      ['iloveyou2026', /太容易被猜到/],
      ['abcabcabcabc', /太容易被猜到/],
      // the username and the display name
      ['wangfang quiet harbour', /不能包含用户名/],
      ['王芳的 quiet harbour', /不能包含姓名/],
    ];
    for (const [password, message] of refused) {
      const res = await admin.post('/api/v1/users', {
        username: 'wangfang',
        displayName: '王芳',
        password,
        role: 'committee_staff',
        scopeId: shengliCommittee,
      });
      expect(res.status, password).toBe(400);
      expect(res.body.error).toMatchObject({
        code: 'bad_input',
        field: 'password',
        message: expect.stringMatching(message),
        messageEn: expect.stringMatching(/password/i),
      });
    }
    expect(await auditCount()).toBe(before);
    expect(await query(sql`select 1 from users where username = 'wangfang'`)).toHaveLength(0);
  });

  it('takes a long passphrase with spaces and any characters, and makes the password temporary by default', async () => {
    const passphrase =
      '春眠不觉晓 处处闻啼鸟 夜来风雨声 花落知多少 — a long passphrase of sixty-four or more chars';
    expect([...passphrase].length).toBeGreaterThan(64);
    const res = await admin.post('/api/v1/users', {
      username: 'wangfang',
      displayName: '王芳',
      password: passphrase,
      role: 'committee_staff',
      scopeId: shengliCommittee,
      organisation: '胜利居委',
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      username: 'wangfang',
      mustChangePassword: true,
      demo: false,
      disabled: false,
    });
    expect(res.body.passwordHash).toBeUndefined();
    expect(await lastAudit('create')).toMatchObject({
      actor_name: 'admin',
      entity_id: res.body.id,
      street_id: streetId,
    });
    const login = await t.anonymous.post('/api/v1/session', { username: 'wangfang', password: passphrase });
    expect(login.status).toBe(200);
    expect(login.body.mustChangePassword).toBe(true);
  });

  it('is refused to other roles and outside the street', async () => {
    const body = {
      username: 'intruder',
      displayName: '越权',
      password: STAFF_PASSWORD,
      role: 'committee_staff',
      scopeId: shengliCommittee,
    };
    for (const c of [shengli, jjl]) expect((await c.post('/api/v1/users', body)).status).toBe(403);
    expect((await district.post('/api/v1/users', body)).body.error.code).toBe('read_only');
    expect((await otherAdmin.post('/api/v1/users', body)).status).toBe(403);
    expect(await query(sql`select 1 from users where username = 'intruder'`)).toHaveLength(0);
  });
});

describe('editing an account', () => {
  it('changes name, organisation, role and scope within the street, audited with before and after', async () => {
    const id = await staff('editme', { mustChangePassword: false });
    const res = await admin.patch(`/api/v1/users/${id}`, { displayName: '李四', organisation: '胜利居委会' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      displayName: '李四',
      organisation: '胜利居委会',
      committeeId: shengliCommittee,
    });
    expect(await lastAudit('update')).toMatchObject({
      actor_name: 'admin',
      entity_id: id,
      before: { displayName: '测试 editme', organisation: '' },
      after: { displayName: '李四', organisation: '胜利居委会' },
    });
    // another committee of the street
    expect((await admin.patch(`/api/v1/users/${id}`, { scopeId: otherCommittee })).body.committeeId).toBe(
      otherCommittee,
    );
    // an adviser is bound to the street itself
    const adviser = await admin.patch(`/api/v1/users/${id}`, { role: 'adviser' });
    expect(adviser.body).toMatchObject({ role: 'adviser', streetId, committeeId: null });
    // and back to committee staff needs the committee
    const noCommittee = await admin.patch(`/api/v1/users/${id}`, { role: 'committee_staff' });
    expect(noCommittee.status).toBe(400);
    expect(noCommittee.body.error).toMatchObject({
      field: 'scopeId',
      message: expect.stringMatching(/居委会/),
      messageEn: expect.stringMatching(/committee/),
    });
    expect(
      (await admin.patch(`/api/v1/users/${id}`, { role: 'committee_staff', scopeId: shengliCommittee }))
        .status,
    ).toBe(200);
  });

  it('refuses a scope outside the street, a district role and bad input, writing nothing', async () => {
    const id = await idOf('editme');
    const before = await auditCount();
    const foreign = await admin.patch(`/api/v1/users/${id}`, { scopeId: foreignCommittee });
    expect(foreign.status).toBe(400);
    expect(foreign.body.error.field).toBe('scopeId');
    const viewer = await admin.patch(`/api/v1/users/${id}`, { role: 'district_viewer' });
    expect(viewer.status).toBe(400);
    expect(viewer.body.error).toMatchObject({ field: 'role', message: expect.stringMatching(/区级/) });
    const blank = await admin.patch(`/api/v1/users/${id}`, { displayName: '   ' });
    expect(blank.status).toBe(400);
    expect(blank.body.error).toMatchObject({
      field: 'displayName',
      message: expect.stringMatching(/显示名称/),
      messageEn: expect.stringMatching(/display name/i),
    });
    const badRole = await admin.patch(`/api/v1/users/${id}`, { role: 'mayor' });
    expect(badRole.body.error.field).toBe('role');
    expect(await auditCount()).toBe(before);
    expect((await userRow('editme')).committee_id).toBe(shengliCommittee);
  });

  it('is refused to other roles (403) and to the admin of another street (404)', async () => {
    const id = await idOf('editme');
    for (const c of [shengli, jjl])
      expect((await c.patch(`/api/v1/users/${id}`, { displayName: '越权' })).status).toBe(403);
    expect((await district.patch(`/api/v1/users/${id}`, { displayName: '越权' })).body.error.code).toBe(
      'read_only',
    );
    expect((await otherAdmin.patch(`/api/v1/users/${id}`, { displayName: '越权' })).status).toBe(404);
    expect((await userRow('editme')).display_name).toBe('李四');
  });

  it('never leaves the street without an enabled street admin', async () => {
    const me = await idOf('admin');
    const res = await admin.patch(`/api/v1/users/${me}`, {
      role: 'committee_staff',
      scopeId: shengliCommittee,
    });
    expect(res.status).toBe(409);
    expect(res.body.error).toMatchObject({
      code: 'last_admin',
      message: expect.stringMatching(/至少要保留一名/),
      messageEn: expect.stringMatching(/at least one enabled street administrator/),
    });
    expect((await userRow('admin')).role).toBe('street_admin');
  });
});

describe('disabling and enabling', () => {
  it('disables an account: its sessions end at once, it cannot log in, the list and the audit say who did it', async () => {
    const id = await staff('leaver', { mustChangePassword: false });
    const leaver = await t.as('leaver', STAFF_PASSWORD);
    expect((await leaver.get('/api/v1/estates')).status).toBe(200);
    const res = await admin.post(`/api/v1/users/${id}/disable`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ disabled: true, sessionsEnded: 1 });
    expect((await leaver.get('/api/v1/estates')).status).toBe(401);
    expect(await sessionCount('leaver')).toBe(0);
    // the right password learns only that the account is disabled; a wrong one learns nothing
    const login = await t.anonymous.post('/api/v1/session', { username: 'leaver', password: STAFF_PASSWORD });
    expect(login.status).toBe(403);
    expect(login.body.error).toMatchObject({
      code: 'account_disabled',
      message: expect.stringMatching(/停用/),
    });
    expect(
      (await t.anonymous.post('/api/v1/session', { username: 'leaver', password: 'not the password at all' }))
        .status,
    ).toBe(401);
    const listed = (await admin.get('/api/v1/users')).body.items.find((u: any) => u.username === 'leaver');
    expect(listed).toMatchObject({
      disabled: true,
      disabledBy: 'admin',
      disabledAt: expect.any(String),
      sessions: 0,
    });
    expect(await lastAudit('disable')).toMatchObject({
      actor_name: 'admin',
      entity_id: id,
      street_id: streetId,
      after: { disabled: true, sessionsEnded: 1 },
    });
    // twice is refused
    expect((await admin.post(`/api/v1/users/${id}/disable`)).status).toBe(409);
  });

  it('enables it again', async () => {
    const id = await idOf('leaver');
    const res = await admin.post(`/api/v1/users/${id}/enable`);
    expect(res.status).toBe(200);
    expect(await userRow('leaver')).toMatchObject({ disabled: false, disabled_by: null });
    expect(await lastAudit('enable')).toMatchObject({ actor_name: 'admin', entity_id: id });
    expect(
      (await t.anonymous.post('/api/v1/session', { username: 'leaver', password: STAFF_PASSWORD })).status,
    ).toBe(200);
    expect((await admin.post(`/api/v1/users/${id}/enable`)).status).toBe(409);
  });

  it('refuses disabling oneself, other roles and another street', async () => {
    const before = await auditCount();
    const self = await admin.post(`/api/v1/users/${await idOf('admin')}/disable`);
    expect(self.status).toBe(409);
    expect(self.body.error.message).toMatch(/不能停用自己/);
    const id = await idOf('leaver');
    for (const c of [shengli, jjl]) expect((await c.post(`/api/v1/users/${id}/disable`)).status).toBe(403);
    expect((await district.post(`/api/v1/users/${id}/disable`)).body.error.code).toBe('read_only');
    expect((await otherAdmin.post(`/api/v1/users/${id}/disable`)).status).toBe(404);
    expect((await otherAdmin.post(`/api/v1/users/${id}/enable`)).status).toBe(404);
    expect(await auditCount()).toBe(before);
    expect((await userRow('leaver')).disabled).toBe(false);
  });

  it('takes a disabled demo account off the login page', async () => {
    const jjlId = await idOf('jjl');
    expect((await admin.post(`/api/v1/users/${jjlId}/disable`)).status).toBe(200);
    expect((await t.anonymous.get('/api/v1/demo-accounts')).body.usernames).toEqual([
      'admin',
      'district',
      'shengli',
    ]);
    expect((await admin.post(`/api/v1/users/${jjlId}/enable`)).status).toBe(200);
    jjl = await t.as('jjl');
  });
});

describe('resetting a password', () => {
  it('generates a temporary password shown once, ends the sessions, and the user must change it before anything else', async () => {
    const id = await staff('forgetful', { mustChangePassword: false });
    const before = await t.as('forgetful', STAFF_PASSWORD);
    const res = await admin.post(`/api/v1/users/${id}/password`, {});
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      mustChangePassword: true,
      sessionsEnded: 1,
      password: expect.stringMatching(/^[2-9a-km-z]{4}(-[2-9a-km-z]{4}){3}$/),
    });
    const temporary = res.body.password as string;
    expect((await before.get('/api/v1/session')).status).toBe(401);
    expect(
      (await t.anonymous.post('/api/v1/session', { username: 'forgetful', password: STAFF_PASSWORD })).status,
    ).toBe(401);
    const audit = await lastAudit('reset_password');
    expect(audit).toMatchObject({
      actor_name: 'admin',
      entity_id: id,
      after: { mustChangePassword: true, generated: true, sessionsEnded: 1 },
    });
    expect(JSON.stringify(audit)).not.toContain(temporary);

    // the gate: only the session and the password change until a new password is chosen
    const login = await t.anonymous.post('/api/v1/session', { username: 'forgetful', password: temporary });
    expect(login.body.mustChangePassword).toBe(true);
    const user = await t.as('forgetful', temporary);
    expect((await user.get('/api/v1/session')).body.mustChangePassword).toBe(true);
    for (const res of [
      await user.get('/api/v1/estates'),
      await user.get('/api/v1/worklist'),
      await user.post('/api/v1/estates', { committeeId: shengliCommittee, name: '新小区' }),
    ]) {
      expect(res.status).toBe(403);
      expect(res.body.error).toMatchObject({
        code: 'must_change_password',
        message: expect.stringMatching(/请先修改密码/),
        messageEn: expect.stringMatching(/Change your password first/),
      });
    }
    expect((await user.get('/api/v1/me/sessions')).status).toBe(200);
    const changed = await user.post('/api/v1/me/password', {
      currentPassword: temporary,
      newPassword: 'a quiet harbour lantern at dusk',
    });
    expect(changed.status).toBe(200);
    expect((await user.get('/api/v1/session')).body.mustChangePassword).toBe(false);
    expect((await user.get('/api/v1/estates')).status).toBe(200);
    expect((await userRow('forgetful')).must_change_password).toBe(false);
  });

  it('sets a given temporary password when it passes the rules, and refuses one that does not, writing nothing', async () => {
    const id = await idOf('forgetful');
    const user = await t.as('forgetful', 'a quiet harbour lantern at dusk');
    const before = await auditCount();
    const weak = await admin.post(`/api/v1/users/${id}/password`, { password: 'password1234' });
    expect(weak.status).toBe(400);
    expect(weak.body.error.field).toBe('password');
    expect(await auditCount()).toBe(before);
    expect((await user.get('/api/v1/session')).status).toBe(200);
    const given = await admin.post(`/api/v1/users/${id}/password`, {
      password: 'lantern harbour quiet 2027',
    });
    expect(given.status).toBe(200);
    expect(given.body.password).toBeUndefined();
    expect(await lastAudit('reset_password')).toMatchObject({ after: { generated: false } });
    expect(
      (
        await t.anonymous.post('/api/v1/session', {
          username: 'forgetful',
          password: 'lantern harbour quiet 2027',
        })
      ).body.mustChangePassword,
    ).toBe(true);
  });

  it('is refused to other roles and another street', async () => {
    const id = await idOf('forgetful');
    const before = await auditCount();
    for (const c of [shengli, jjl])
      expect((await c.post(`/api/v1/users/${id}/password`, {})).status).toBe(403);
    expect((await otherAdmin.post(`/api/v1/users/${id}/password`, {})).status).toBe(404);
    expect(await auditCount()).toBe(before);
  });
});

describe('ending an account’s sessions', () => {
  it('ends every session of an account of the street, audited', async () => {
    const id = await idOf('leaver');
    const a = await t.as('leaver', STAFF_PASSWORD);
    const b = await t.as('leaver', STAFF_PASSWORD);
    const res = await admin.delete(`/api/v1/users/${id}/sessions`);
    expect(res.status).toBe(200);
    expect(res.body.sessionsEnded).toBeGreaterThanOrEqual(2);
    for (const c of [a, b]) expect((await c.get('/api/v1/session')).status).toBe(401);
    expect(await lastAudit('end_sessions')).toMatchObject({ actor_name: 'admin', entity_id: id });
    // and it logs in again as before
    expect(
      (await t.anonymous.post('/api/v1/session', { username: 'leaver', password: STAFF_PASSWORD })).status,
    ).toBe(200);
  });

  it('is refused to other roles and another street', async () => {
    const id = await idOf('leaver');
    const c = await t.as('leaver', STAFF_PASSWORD);
    for (const other of [shengli, jjl])
      expect((await other.delete(`/api/v1/users/${id}/sessions`)).status).toBe(403);
    expect((await otherAdmin.delete(`/api/v1/users/${id}/sessions`)).status).toBe(404);
    expect((await c.get('/api/v1/session')).status).toBe(200);
  });
});

describe('one’s own password', () => {
  it('needs the current password and a new one that passes the rules', async () => {
    const me = await t.as('leaver', STAFF_PASSWORD);
    const wrong = await me.post('/api/v1/me/password', {
      currentPassword: 'not my password',
      newPassword: 'a quiet harbour lantern',
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error).toMatchObject({
      field: 'currentPassword',
      message: '当前密码不正确',
      messageEn: 'The current password is not correct',
    });
    const same = await me.post('/api/v1/me/password', {
      currentPassword: STAFF_PASSWORD,
      newPassword: STAFF_PASSWORD,
    });
    expect(same.body.error).toMatchObject({
      field: 'newPassword',
      message: expect.stringMatching(/不能与当前密码相同/),
    });
    const short = await me.post('/api/v1/me/password', {
      currentPassword: STAFF_PASSWORD,
      newPassword: 'abc',
    });
    expect(short.body.error).toMatchObject({
      field: 'newPassword',
      message: expect.stringMatching(/至少 12/),
    });
    const breached = await me.post('/api/v1/me/password', {
      currentPassword: STAFF_PASSWORD,
      newPassword: '1qaz2wsx3edc',
    });
    expect(breached.body.error).toMatchObject({
      field: 'newPassword',
      message: expect.stringMatching(/数据泄露/),
      messageEn: expect.stringMatching(/breaches/),
    });
    const missing = await me.post('/api/v1/me/password', { newPassword: 'a quiet harbour lantern' });
    expect(missing.body.error).toMatchObject({
      field: 'currentPassword',
      message: '请填写当前密码',
      messageEn: 'Current password is required',
    });
    expect(
      await query(sql`select 1 from audit_events where action = 'change_password' and actor_name = 'leaver'`),
    ).toHaveLength(0);
  });

  it('ends the other sessions and keeps this one', async () => {
    const me = await t.as('leaver', STAFF_PASSWORD);
    const elsewhere = await t.as('leaver', STAFF_PASSWORD);
    const res = await me.post('/api/v1/me/password', {
      currentPassword: STAFF_PASSWORD,
      newPassword: 'tea by the window at four',
    });
    expect(res.status).toBe(200);
    expect(res.body.otherSessionsEnded).toBeGreaterThanOrEqual(1);
    expect((await elsewhere.get('/api/v1/session')).status).toBe(401);
    expect((await me.get('/api/v1/session')).status).toBe(200);
    expect(await sessionCount('leaver')).toBe(1);
    expect(await lastAudit('change_password')).toMatchObject({
      actor_name: 'leaver',
      entity_id: await idOf('leaver'),
      street_id: streetId,
    });
    expect(
      (
        await t.anonymous.post('/api/v1/session', {
          username: 'leaver',
          password: 'tea by the window at four',
        })
      ).status,
    ).toBe(200);
  });

  it('is open to a read-only role, whose other writes stay refused', async () => {
    const viewer = await t.as('district');
    const res = await viewer.post('/api/v1/me/password', {
      currentPassword: 'jiangwan2026',
      newPassword: 'the figures are read each monday',
    });
    expect(res.status).toBe(200);
    expect(
      (await viewer.post('/api/v1/estates', { committeeId: shengliCommittee, name: 'x' })).body.error.code,
    ).toBe('read_only');
    // put back, so the demo account logs in as the other tests expect
    await t.database.db.execute(
      sql`update users set password_hash = ${await hashPassword('jiangwan2026')} where username = 'district'`,
    );
  });

  it('slows guessing the current password from an open session as logins are slowed', async () => {
    const me = await t.as('editme', STAFF_PASSWORD);
    const replies = [];
    for (let i = 0; i < 5; i++)
      replies.push(
        await me.post('/api/v1/me/password', {
          currentPassword: `guess number ${i}`,
          newPassword: 'a quiet harbour lantern',
        }),
      );
    expect(replies.slice(0, 3).map((r) => r.status)).toEqual([400, 400, 400]);
    expect(replies.at(-1)!.status).toBe(429);
    expect(replies.at(-1)!.body.error).toMatchObject({ code: 'login_throttled', field: 'currentPassword' });
    await admin.post(`/api/v1/users/${await idOf('editme')}/unlock`);
  });

  it('keeps older passwords shorter than the new rule working until they are changed', async () => {
    await t.database.db.execute(
      sql`update users set password_hash = ${await hashPassword('old8char')} where username = 'editme'`,
    );
    const res = await t.anonymous.post('/api/v1/session', { username: 'editme', password: 'old8char' });
    expect(res.status).toBe(200);
    expect(res.body.mustChangePassword).toBe(false);
  });
});

describe('one’s own sessions', () => {
  it('lists them with when, where and which browser, marking this one; ends another but not this one', async () => {
    const login = async (agent: string) => {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/v1/session',
        payload: { username: 'leaver', password: 'tea by the window at four' },
        headers: { 'user-agent': agent },
        remoteAddress: '10.1.2.3',
      });
      expect(res.statusCode).toBe(200);
      return res;
    };
    await admin.delete(`/api/v1/users/${await idOf('leaver')}/sessions`);
    const phone = await login('Mozilla/5.0 (iPhone) 手机');
    const desk = await login('Mozilla/5.0 (Windows NT 10.0) 办公室电脑');
    const cookieOf = (res: typeof phone) => String(res.headers['set-cookie']).split(';')[0]!;
    const deskHeaders = { cookie: cookieOf(desk), 'x-csrf-token': desk.json().csrfToken };
    const list = await t.app.inject({ method: 'GET', url: '/api/v1/me/sessions', headers: deskHeaders });
    const items = list.json().items as any[];
    expect(items).toHaveLength(2);
    expect(items.find((s) => s.current)).toMatchObject({
      userAgent: 'Mozilla/5.0 (Windows NT 10.0) 办公室电脑',
      address: '10.1.2.3',
      createdAt: expect.any(String),
      lastSeenAt: expect.any(String),
      expiresAt: expect.any(String),
    });
    const other = items.find((s) => !s.current);
    expect(other.userAgent).toMatch(/iPhone/);
    expect(JSON.stringify(items)).not.toMatch(/tokenHash|csrf/i);

    // this one cannot be ended here (log out instead); another user's cannot be named at all
    const self = await t.app.inject({
      method: 'DELETE',
      url: `/api/v1/me/sessions/${items.find((s) => s.current).id}`,
      headers: deskHeaders,
    });
    expect(self.statusCode).toBe(409);
    const adminSessions = (await admin.get('/api/v1/me/sessions')).body.items;
    const foreign = await t.app.inject({
      method: 'DELETE',
      url: `/api/v1/me/sessions/${adminSessions[0].id}`,
      headers: deskHeaders,
    });
    expect(foreign.statusCode).toBe(404);
    expect((await admin.get('/api/v1/session')).status).toBe(200);

    const ended = await t.app.inject({
      method: 'DELETE',
      url: `/api/v1/me/sessions/${other.id}`,
      headers: deskHeaders,
    });
    expect(ended.statusCode).toBe(200);
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/v1/session', headers: { cookie: cookieOf(phone) } }))
        .statusCode,
    ).toBe(401);
    expect(await lastAudit('end_session')).toMatchObject({ actor_name: 'leaver' });
  });

  it('ends all the others at once', async () => {
    const a = await t.as('leaver', 'tea by the window at four');
    const b = await t.as('leaver', 'tea by the window at four');
    const res = await a.delete('/api/v1/me/sessions');
    expect(res.status).toBe(200);
    expect(res.body.sessionsEnded).toBeGreaterThanOrEqual(1);
    expect((await b.get('/api/v1/session')).status).toBe(401);
    expect((await a.get('/api/v1/me/sessions')).body.items).toHaveLength(1);
  });
});

describe('two street admins at once', () => {
  it('disabling each other leaves exactly one enabled admin, round after round', async () => {
    const admin2Id = await staff('admin2', {
      role: 'street_admin',
      scopeId: streetId,
      mustChangePassword: false,
    });
    const adminId = await idOf('admin');
    const enabledAdmins = async () =>
      (
        await query<{ n: number }>(
          sql`select count(*)::int as n from users where role = 'street_admin' and street_id = ${streetId} and not disabled`,
        )
      )[0]!.n;
    for (let round = 0; round < 8; round++) {
      const [a, b] = await Promise.all([t.as('admin'), t.as('admin2', STAFF_PASSWORD)]);
      const [one, two] = await Promise.all([
        a.post(`/api/v1/users/${admin2Id}/disable`),
        b.post(`/api/v1/users/${adminId}/disable`),
      ]);
      const statuses = [one.status, two.status].sort();
      // the loser is refused as the last admin, or finds its own session already ended by the winner
      expect(statuses[0], JSON.stringify([one.body, two.body])).toBe(200);
      expect([401, 409]).toContain(statuses[1]);
      expect(await enabledAdmins()).toBe(1);
      // put both back for the next round, as the command line would
      await t.database.db.execute(
        sql`update users set disabled = false, disabled_at = null, disabled_by = null where id in (${adminId}, ${admin2Id})`,
      );
    }
    admin = await t.as('admin');
  });
});

describe('the command line', () => {
  const output = () => {
    const chunks: string[] = [];
    const out = new Writable({ write: (chunk, _enc, done) => (chunks.push(String(chunk)), done()) });
    return { out, text: () => chunks.join('') };
  };

  it('lists every account with its state and demo mark', async () => {
    const { out, text } = output();
    await printUsers(t.database.db, out, t.clock.now());
    expect(text()).toMatch(/^用户名 username/);
    expect(text()).toMatch(
      /shengli\s+胜利居委 工作人员\s+居委会工作人员\s+胜利居委\s+在用 enabled\s+演示 demo/,
    );
    expect(text()).toMatch(/district .*区级查看/);
    expect(text()).toMatch(/jiaxing/);
    const street = output();
    await printUsers(t.database.db, street.out, t.clock.now(), '嘉兴路街道');
    expect(street.text()).toMatch(/jiaxing/);
    expect(street.text()).not.toMatch(/shengli/);
  });

  it('disables, enables and resets by username, audited as the command line', async () => {
    const now = t.clock.now();
    const shengliClient = await t.as('shengli');
    expect(
      (await setDisabled(t.database.db, cliManager(now), { username: 'shengli' }, true)).sessionsEnded,
    ).toBeGreaterThanOrEqual(1);
    expect((await shengliClient.get('/api/v1/session')).status).toBe(401);
    expect((await lastAudit('disable'))!.actor_name).toMatch(/^cli:/);
    await setDisabled(t.database.db, cliManager(now), { username: 'shengli' }, false);
    const reset = await resetPassword(t.database.db, cliManager(now), { username: 'shengli' });
    expect(reset.password).toMatch(/^[2-9a-z-]{19}$/);
    expect((await lastAudit('reset_password'))!.actor_name).toMatch(/^cli:/);
    await expect(
      setDisabled(t.database.db, cliManager(now), { username: 'nobody' }, true),
    ).rejects.toMatchObject({ status: 404 });
    // the demo account back as the other tests know it
    await t.database.db.execute(
      sql`update users set password_hash = ${await hashPassword('jiangwan2026')}, must_change_password = false where username = 'shengli'`,
    );
    shengli = await t.as('shengli');
  });

  it('reads a new password from piped standard input, never from the command line', async () => {
    const piped = new PassThrough();
    piped.end('a piped passphrase here\nignored\n');
    expect(await readNewPassword(piped, output().out)).toBe('a piped passphrase here');
    const empty = new PassThrough();
    empty.end('');
    await expect(readNewPassword(empty, output().out)).rejects.toMatchObject({
      messageEn: 'No password on standard input',
    });
  });
});
