/**
 * Roles and scopes (issue 2, item 3): "Every API read and write is checked against role and
 * scope: committee staff never see another committee's data."
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type Client, type TestApp } from '../helpers/app.ts';

let t: TestApp;
let admin: Client, shengli: Client, adviser: Client, district: Client;
let shengliId: string, otherCommitteeId: string;
let ownEstate: any,
  otherEstate: any,
  otherBuilding: any,
  otherStairwell: any,
  otherUnit: any,
  otherPerson: any;

beforeAll(async () => {
  t = await startTestApp();
  [admin, shengli, adviser, district] = await Promise.all([
    t.as('admin'),
    t.as('shengli'),
    t.as('jjl'),
    t.as('district'),
  ]);
  const committees = (await admin.get('/api/v1/committees')).body.items;
  shengliId = committees.find((c: any) => c.name === '胜利居委').id;
  otherCommitteeId = committees.find((c: any) => c.name !== '胜利居委').id;
  ownEstate = (await admin.get(`/api/v1/estates?committeeId=${shengliId}`)).body.items[0];
  otherEstate = (await admin.get(`/api/v1/estates?committeeId=${otherCommitteeId}`)).body.items[0];
  otherBuilding = (await admin.get(`/api/v1/buildings?estateId=${otherEstate.id}`)).body.items[0];
  otherStairwell = (await admin.get(`/api/v1/stairwells?buildingId=${otherBuilding.id}`)).body.items[0];
  otherUnit = (await admin.get(`/api/v1/units?stairwellId=${otherStairwell.id}`)).body.items[0];
  otherPerson = otherUnit.owners[0];
});
afterAll(() => t.close());

describe('committee staff', () => {
  it('lists only their own committee', async () => {
    const committees = (await shengli.get('/api/v1/committees')).body.items;
    expect(committees.map((c: any) => c.name)).toEqual(['胜利居委']);
    for (const path of ['/api/v1/estates', '/api/v1/buildings', '/api/v1/stairwells', '/api/v1/projects']) {
      const res = await shengli.get(`${path}?pageSize=500`);
      expect(res.status).toBe(200);
      expect(res.body.items.length, path).toBeGreaterThan(0);
      expect(
        res.body.items.every((i: any) => i.committeeId === shengliId),
        path,
      ).toBe(true);
    }
    const units = await shengli.get('/api/v1/units?pageSize=500');
    expect(units.body.items.every((u: any) => u.committeeId === shengliId)).toBe(true);
  });

  it("never sees another committee's rows, even by id or filter", async () => {
    expect((await shengli.get(`/api/v1/estates/${otherEstate.id}`)).status).toBe(404);
    expect((await shengli.get(`/api/v1/buildings/${otherBuilding.id}`)).status).toBe(404);
    expect((await shengli.get(`/api/v1/stairwells/${otherStairwell.id}`)).status).toBe(404);
    expect((await shengli.get(`/api/v1/units/${otherUnit.id}`)).status).toBe(404);
    expect((await shengli.get(`/api/v1/persons/${otherPerson.id}`)).status).toBe(404);
    expect((await shengli.get(`/api/v1/estates?committeeId=${otherCommitteeId}`)).body.total).toBe(0);
    expect((await shengli.get(`/api/v1/units?stairwellId=${otherStairwell.id}`)).body.total).toBe(0);
    const persons = await shengli.get(
      `/api/v1/persons?q=${encodeURIComponent(otherPerson.name)}&pageSize=500`,
    );
    expect(persons.body.items.some((p: any) => p.id === otherPerson.id)).toBe(false);
  });

  it('cannot write into another committee', async () => {
    expect((await shengli.patch(`/api/v1/estates/${otherEstate.id}`, { name: 'x' })).status).toBe(404);
    expect((await shengli.delete(`/api/v1/units/${otherUnit.id}`)).status).toBe(404);
    const estate = await shengli.post('/api/v1/estates', { committeeId: otherCommitteeId, name: '越权小区' });
    expect(estate.status).toBe(400);
    expect(estate.body.error.field).toBe('committeeId');
    const building = await shengli.post('/api/v1/buildings', {
      estateId: otherEstate.id,
      name: '99号',
      floors: 6,
    });
    expect(building.status).toBe(400);
    expect(building.body.error.field).toBe('estateId');
    const unit = await shengli.post('/api/v1/units', {
      stairwellId: otherStairwell.id,
      floor: 1,
      room: '109',
      areaM2: '50.00',
    });
    expect(unit.body.error.field).toBe('stairwellId');
    const owner = await shengli.post(`/api/v1/units/${otherUnit.id}/owners`, { name: '张三' });
    expect(owner.status).toBe(404);
    const project = await shengli.post('/api/v1/projects', {
      name: '越权项目',
      stairwellId: otherStairwell.id,
    });
    expect(project.body.error.field).toBe('stairwellId');
  });

  it('writes in their own committee', async () => {
    const res = await shengli.patch(`/api/v1/estates/${ownEstate.id}`, {
      address: '上海市虹口区广粤路1601弄',
    });
    expect(res.status).toBe(200);
    expect(res.body.address).toBe('上海市虹口区广粤路1601弄');
  });

  it('may not browse the audit log or accounts', async () => {
    expect((await shengli.get('/api/v1/audit')).status).toBe(403);
    expect((await shengli.get('/api/v1/users')).status).toBe(403);
  });
});

describe('district viewer', () => {
  it('reads the whole district but writes nothing', async () => {
    expect((await district.get('/api/v1/committees')).body.items.length).toBe(7);
    expect((await district.get(`/api/v1/estates/${otherEstate.id}`)).status).toBe(200);
    const write = await district.patch(`/api/v1/estates/${otherEstate.id}`, { name: 'x' });
    expect(write.status).toBe(403);
    expect(write.body.error).toMatchObject({
      code: 'read_only',
      messageEn: expect.stringMatching(/read but not change/),
    });
    expect(
      (await district.post('/api/v1/estates', { committeeId: otherCommitteeId, name: '区级新建' })).status,
    ).toBe(403);
    expect((await district.post(`/api/v1/persons/${otherPerson.id}/reveal`)).status).toBe(403);
    expect((await district.get('/api/v1/audit')).status).toBe(403);
  });
});

describe('adviser', () => {
  it('sees only assigned projects and their stairwells', async () => {
    const projects = (await adviser.get('/api/v1/projects?pageSize=500')).body.items;
    expect(projects.length).toBeGreaterThan(0);
    expect(projects.every((p: any) => p.adviserName === '家加乐 顾问')).toBe(true);
    const all = (await admin.get('/api/v1/projects?pageSize=500')).body.items;
    const unassigned = all.find((p: any) => p.adviserUserId === null);
    expect((await adviser.get(`/api/v1/projects/${unassigned.id}`)).status).toBe(404);
    const stairwells = (await adviser.get('/api/v1/stairwells?pageSize=500')).body.items;
    expect(new Set(stairwells.map((s: any) => s.id))).toEqual(
      new Set(projects.map((p: any) => p.stairwellId)),
    );
    expect((await adviser.get(`/api/v1/stairwells/${projects[0].stairwellId}`)).status).toBe(200);
  });

  it('updates an assigned project but cannot reassign it or edit the registry', async () => {
    const mine = (await adviser.get('/api/v1/projects')).body.items[0];
    const ok = await adviser.patch(`/api/v1/projects/${mine.id}`, { note: '已与施工单位对接' });
    expect(ok.status).toBe(200);
    expect(ok.body.note).toBe('已与施工单位对接');
    expect((await adviser.patch(`/api/v1/projects/${mine.id}`, { adviserUserId: null })).status).toBe(403);
    const stairwell = (await adviser.get(`/api/v1/stairwells/${mine.stairwellId}`)).body;
    expect((await adviser.patch(`/api/v1/units/${stairwell.units[0].id}`, { room: '999' })).status).toBe(403);
  });
});

describe('street admin', () => {
  it('sees the street, reveals personal data with an audit trail', async () => {
    expect((await admin.get('/api/v1/committees')).body.items.length).toBe(7);
    const masked = (await admin.get(`/api/v1/persons/${otherPerson.id}`)).body;
    expect(masked.idNumber).toMatch(/^\d{4}\*{10}\d{3}[\dX]$/);
    expect(masked.phone).toMatch(/^1\d{2}\*{4}\d{4}$/);
    const full = (await admin.post(`/api/v1/persons/${otherPerson.id}/reveal`)).body;
    expect(full.idNumber).toMatch(/^\d{17}[\dX]$/);
    const audit = await admin.get(`/api/v1/audit?action=reveal&entityId=${otherPerson.id}`);
    expect(audit.body.total).toBe(1);
    expect(audit.body.items[0].actorName).toBe('admin');
  });

  it('manages accounts of the street only', async () => {
    const users = (await admin.get('/api/v1/users')).body.items.map((u: any) => u.username);
    expect(users).toEqual(expect.arrayContaining(['admin', 'shengli', 'jjl']));
    expect(users).not.toContain('district');
    const created = await admin.post('/api/v1/users', {
      username: 'shengli2',
      displayName: '胜利居委 新同事',
      password: 'a-long-password',
      role: 'committee_staff',
      scopeId: shengliId,
    });
    expect(created.status).toBe(201);
    expect(created.body.passwordHash).toBeUndefined();
    const me = (await admin.get('/api/v1/session')).body.user;
    const viewer = await admin.post('/api/v1/users', {
      username: 'viewer2',
      displayName: 'x',
      password: 'a-long-password',
      role: 'district_viewer',
      scopeId: me.streetId,
    });
    expect(viewer.status).toBe(403);
    const dup = await admin.post('/api/v1/users', {
      username: 'shengli2',
      displayName: 'x',
      password: 'a-long-password',
      role: 'committee_staff',
      scopeId: shengliId,
    });
    expect(dup.status).toBe(409);
    expect(dup.body.error.field).toBe('username');
  });
});

describe('login', () => {
  it('rejects a wrong password in both languages and throttles guessing', async () => {
    const bad = await t.anonymous.post('/api/v1/session', { username: 'district', password: 'wrong' });
    expect(bad.status).toBe(401);
    expect(bad.body.error.message).toBe('用户名或密码错误');
    for (let i = 0; i < 5; i++)
      await t.anonymous.post('/api/v1/session', { username: 'district', password: 'wrong' });
    const throttled = await t.anonymous.post('/api/v1/session', {
      username: 'district',
      password: 'jiangwan2026',
    });
    expect(throttled.status).toBe(429);
    expect(throttled.body.error.messageEn).toMatch(/Too many failed logins/);
  });

  it('sets an HttpOnly SameSite session cookie', async () => {
    const res = await t.anonymous.post('/api/v1/session', { username: 'shengli', password: 'jiangwan2026' });
    const cookie = String(res.headers['set-cookie']);
    expect(cookie).toMatch(/jw_session=/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
  });
});
