/** The housing registry (issue 2, items 4 and 5): create, edit, list, search, guarded delete, audit. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, TEST_TODAY, type Client, type TestApp } from '../helpers/app.ts';

let t: TestApp;
let staff: Client;
let admin: Client;
let committeeId: string;

beforeAll(async () => {
  t = await startTestApp();
  staff = await t.as('shengli');
  admin = await t.as('admin');
  committeeId = (await staff.get('/api/v1/committees')).body.items[0].id;
});
afterAll(() => t.close());

describe('registry', () => {
  let estateId: string, buildingId: string, stairwellId: string, unitId: string;

  it('creates estate → building → stairwell → unit, each audited with its values', async () => {
    const estate = await staff.post('/api/v1/estates', {
      committeeId,
      name: '测试新村',
      address: '广粤路1号',
    });
    expect(estate.status).toBe(201);
    estateId = estate.body.id;
    const building = await staff.post('/api/v1/buildings', {
      estateId,
      name: '1号',
      floors: 6,
      address: '广粤路1号1号楼',
    });
    expect(building.status).toBe(201);
    expect(building.body.committeeId).toBe(committeeId);
    buildingId = building.body.id;
    const stairwell = await staff.post('/api/v1/stairwells', { buildingId, name: '1单元' });
    stairwellId = stairwell.body.id;
    const unit = await staff.post('/api/v1/units', { stairwellId, floor: 6, room: '601', areaM2: '65.40' });
    expect(unit.status).toBe(201);
    expect(unit.body).toMatchObject({ floor: 6, room: '601', areaCenti: 6540, areaM2: '65.40' });
    unitId = unit.body.id;

    const audit = (await admin.get(`/api/v1/audit?entity=unit&entityId=${unitId}`)).body.items;
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'create', actorName: 'shengli', committeeId });
    expect(audit[0].after.areaCenti).toBe(6540);
  });

  it('keeps areas exact to the hundredth of a square metre', async () => {
    for (const [input, centi] of [
      ['0.01', 1],
      ['89.99', 8999],
      [72.5, 7250],
      ['100', 10000],
    ] as const) {
      const res = await staff.patch(`/api/v1/units/${unitId}`, { areaM2: input });
      expect(res.body.areaCenti, String(input)).toBe(centi);
    }
    for (const bad of ['65.401', '-3', '0', 'abc', '1e3', '']) {
      const res = await staff.patch(`/api/v1/units/${unitId}`, { areaM2: bad });
      expect(res.status, bad).toBe(400);
      expect(res.body.error.field).toBe('areaM2');
      expect(res.body.error.message).toContain('两位小数');
    }
  });

  it('records before and after of an edit', async () => {
    await staff.patch(`/api/v1/units/${unitId}`, { areaM2: '70.00' });
    const res = await staff.patch(`/api/v1/units/${unitId}`, { areaM2: '71.25', room: '602' });
    expect(res.status).toBe(200);
    const [last] = (await admin.get(`/api/v1/audit?entity=unit&entityId=${unitId}&action=update`)).body.items;
    expect(last.before).toEqual({ areaCenti: 7000, room: '601' });
    expect(last.after).toEqual({ areaCenti: 7125, room: '602' });
  });

  it('refuses a floor above the building', async () => {
    const res = await staff.post('/api/v1/units', { stairwellId, floor: 7, room: '701', areaM2: '50' });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ field: 'floor', message: '楼层 7 超过楼幢层数 6' });
    const fewer = await staff.patch(`/api/v1/buildings/${buildingId}`, { floors: 5 });
    expect(fewer.body.error.field).toBe('floors');
  });

  it('refuses duplicates with 409', async () => {
    const res = await staff.post('/api/v1/units', { stairwellId, floor: 6, room: '602', areaM2: '50' });
    expect(res.status).toBe(409);
    expect(res.body.error.messageEn).toMatch(/already exists/);
  });

  it('keeps one person across units (one head) and co-owners on one unit', async () => {
    const second = (
      await staff.post('/api/v1/units', { stairwellId, floor: 5, room: '501', areaM2: '55.20' })
    ).body;
    const idNumber = '31010919500101001X'.slice(0, 17);
    const { idCheckDigit } = await import('../../src/core/privacy.ts');
    const id = idNumber + idCheckDigit(idNumber);
    const a = await staff.post(`/api/v1/units/${unitId}/owners`, {
      name: '顾阿婆',
      idNumber: id,
      phone: '13812345678',
    });
    expect(a.status).toBe(201);
    expect(a.body.owners[0]).toMatchObject({
      name: '顾阿婆',
      idNumber: `${id.slice(0, 4)}**********${id.slice(-4)}`,
      phone: '138****5678',
    });
    const b = await staff.post(`/api/v1/units/${second.id}/owners`, { name: '顾阿婆', idNumber: id });
    expect(b.body.owners[0].id).toBe(a.body.owners[0].id);
    const spouse = await staff.post(`/api/v1/units/${unitId}/owners`, { name: '顾老伯' });
    expect(spouse.body.owners.map((o: any) => o.name)).toEqual(['顾阿婆', '顾老伯']);
    const wrongName = await staff.post(`/api/v1/units/${second.id}/owners`, { name: '别人', idNumber: id });
    expect(wrongName.status).toBe(409);
    expect(wrongName.body.error.field).toBe('idNumber');
    const badId = await staff.post(`/api/v1/units/${second.id}/owners`, {
      name: '别人',
      idNumber: '310109195001010010',
    });
    expect(badId.status).toBe(400);
    expect(badId.body.error.field).toBe('idNumber');

    const person = (await staff.get(`/api/v1/persons/${a.body.owners[0].id}`)).body;
    expect(person.units.map((u: any) => u.label).sort()).toEqual([
      '测试新村 1号 1单元 501室',
      '测试新村 1号 1单元 602室',
    ]);
    const removed = await staff.delete(`/api/v1/units/${unitId}/owners/${spouse.body.owners[1].id}`);
    expect(removed.body.owners).toHaveLength(1);
  });

  it('lists with filters and search', async () => {
    const found = await staff.get(`/api/v1/estates?q=${encodeURIComponent('测试')}`);
    expect(found.body.items.map((e: any) => e.name)).toEqual(['测试新村']);
    const byOwner = await staff.get(`/api/v1/units?q=${encodeURIComponent('顾阿婆')}`);
    expect(byOwner.body.total).toBe(2);
    const paged = await staff.get('/api/v1/units?pageSize=5&page=2');
    expect(paged.body.items).toHaveLength(5);
    expect(paged.body.total).toBeGreaterThan(10);
  });

  it('serves the stairwell with the data of its elevation diagram', async () => {
    const res = await staff.get(`/api/v1/stairwells/${stairwellId}`);
    expect(res.body).toMatchObject({ name: '1单元', buildingName: '1号', estateName: '测试新村', floors: 6 });
    expect(res.body.units.map((u: any) => `${u.floor}:${u.room}`)).toEqual(['5:501', '6:602']);
  });

  it('deletes only where nothing depends on it', async () => {
    const blocked = await staff.delete(`/api/v1/estates/${estateId}`);
    expect(blocked.status).toBe(409);
    expect(blocked.body.error.message).toMatch(/仍有 1 个楼幢/);
    const swBlocked = await staff.delete(`/api/v1/stairwells/${stairwellId}`);
    expect(swBlocked.body.error.message).toMatch(/仍有 2 个房屋/);
    const units = (await staff.get(`/api/v1/units?stairwellId=${stairwellId}`)).body.items;
    for (const u of units) expect((await staff.delete(`/api/v1/units/${u.id}`)).status).toBe(200);
    expect((await staff.delete(`/api/v1/stairwells/${stairwellId}`)).status).toBe(200);
    expect((await staff.delete(`/api/v1/buildings/${buildingId}`)).status).toBe(200);
    expect((await staff.delete(`/api/v1/estates/${estateId}`)).status).toBe(200);
    const audit = (await admin.get(`/api/v1/audit?entity=estate&entityId=${estateId}&action=delete`)).body
      .items;
    expect(audit[0].before.name).toBe('测试新村');
  });

  it('a stairwell with a project cannot be deleted', async () => {
    const project = (await staff.get('/api/v1/projects')).body.items[0];
    const units = (await staff.get(`/api/v1/units?stairwellId=${project.stairwellId}&pageSize=500`)).body
      .items;
    expect(units.length).toBeGreaterThan(0);
    const res = await staff.delete(`/api/v1/stairwells/${project.stairwellId}`);
    expect(res.status).toBe(409);
  });
});

describe('audit browsing', () => {
  it('filters by entity, action, actor and date', async () => {
    const today = TEST_TODAY;
    const res = await admin.get(`/api/v1/audit?actor=shengli&action=create&from=${today}&to=${today}`);
    expect(res.body.total).toBeGreaterThan(3);
    expect(res.body.items.every((e: any) => e.actorName === 'shengli' && e.action === 'create')).toBe(true);
    const none = await admin.get('/api/v1/audit?from=2001-01-01&to=2001-01-02');
    expect(none.body.total).toBe(0);
  });
});
