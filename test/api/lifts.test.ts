/**
 * Issue 12 item 2: a project's lift as equipment — recorded once the works start, with its public
 * code for the car's QR sticker; exact speed; scoped to the committee; audited.
 */
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '../../src/server/modules/audit/schema.ts';
import { startTestApp, type Client, type TestApp } from '../helpers/app.ts';

let t: TestApp;
let staff: Client;
let admin: Client;
let building: any;
let early: any;

beforeAll(async () => {
  t = await startTestApp();
  staff = await t.as('shengli');
  admin = await t.as('admin');
  const mine = (await staff.get('/api/v1/projects?pageSize=100')).body.items;
  early = mine.find((p: any) => ['mobilisation', 'consultation', 'agreement'].includes(p.stage));
  const all = (await admin.get('/api/v1/projects?pageSize=100')).body.items;
  // another committee's, so the scope test below has something to be refused
  building = all.find((p: any) => p.stage === 'construction' && !mine.some((m: any) => m.id === p.id));
});
afterAll(() => t.close());

const EQUIPMENT = {
  registrationCode: '31103101142026110001',
  useRegistrationNo: '梯11沪H0001(26)',
  maker: '某电梯有限公司',
  model: 'JW-630',
  ratedLoadKg: 630,
  speed: '1.0',
  stops: 6,
  floorsServed: ['1', '2', '3', '4', '5', '6'],
  useUnitKind: 'owners_group',
  useUnitName: '13号1单元业主自管小组',
  useUnitContact: '王志强',
  useUnitPhone: '13800000000',
  inspectionPlan: 'alternate_self_inspection',
};

describe("a project's lift", () => {
  it('is null until recorded, and cannot be recorded before the works start', async () => {
    expect((await staff.get(`/api/v1/projects/${early.id}/lift`)).body).toEqual({ lift: null });
    const refused = await staff.put(`/api/v1/projects/${early.id}/lift`, EQUIPMENT);
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('wrong_stage');
    expect(refused.body.error.messageEn).toContain('once the works start');
    expect((await staff.get(`/api/v1/projects/${early.id}/lift`)).body).toEqual({ lift: null });
  });

  it('is recorded from the works on with a public code, its speed kept exact, and audited', async () => {
    const res = await admin.put(`/api/v1/projects/${building.id}/lift`, EQUIPMENT);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ ...EQUIPMENT, speed: '1.00', projectId: building.id });
    expect(res.body.publicCode).toMatch(/^[2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{4}$/);
    const again = await admin.put(`/api/v1/projects/${building.id}/lift`, { speed: '1.75', stops: 7 });
    expect(again.body).toMatchObject({
      speed: '1.75',
      stops: 7,
      publicCode: res.body.publicCode,
      maker: EQUIPMENT.maker,
    });
    const audit = await t.database.db
      .select({ action: auditEvents.action, after: auditEvents.after })
      .from(auditEvents)
      .where(and(eq(auditEvents.entity, 'lift'), eq(auditEvents.entityId, res.body.id)));
    expect(audit.map((a) => a.action)).toEqual(['lift_create', 'lift_update']);
    expect(audit[1]!.after).toEqual({ speedCentiMps: 175, stops: 7 });
  });

  it('is listed with the lifts, and left out of those a fault can be reported on until in service', async () => {
    const projects = (await admin.get('/api/v1/projects?pageSize=100')).body.items;
    const running = projects.find((p: any) => p.stage === 'in_service');
    const lift = (await admin.put(`/api/v1/projects/${running.id}/lift`, { maker: '某电梯有限公司' })).body;
    const all = (await admin.get('/api/v1/lifts?pageSize=500')).body.items;
    const inService = (await admin.get('/api/v1/lifts?inService=true&pageSize=500')).body.items;
    expect(all.map((l: any) => l.projectId)).toEqual(expect.arrayContaining([building.id, running.id]));
    expect(inService.map((l: any) => l.id)).toContain(lift.id);
    expect(inService.some((l: any) => l.projectId === building.id)).toBe(false);
    const stageOf = new Map(projects.map((p: any) => [p.id, p.stage]));
    expect(inService.every((l: any) => stageOf.get(l.projectId) === 'in_service')).toBe(true);
  });

  it('refuses a bad value naming the field in both languages, and writes nothing', async () => {
    for (const [body, zh] of [
      [{ speed: '1.005' }, '额定速度'],
      [{ ratedLoadKg: 0 }, '额定载重量'],
      [{ inspectionPlan: 'never' }, '年度检验方式'],
    ] as const) {
      const res = await admin.put(`/api/v1/projects/${building.id}/lift`, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error.message).toContain(zh);
      expect(res.body.error.messageEn.length).toBeGreaterThan(5);
    }
    expect((await admin.get(`/api/v1/projects/${building.id}/lift`)).body.lift.speed).toBe('1.75');
  });

  it("is another committee's business: not found, not written", async () => {
    const seen = await staff.get(`/api/v1/projects/${building.id}/lift`);
    expect(seen.status).toBe(404);
    expect((await staff.put(`/api/v1/projects/${building.id}/lift`, { maker: 'x' })).status).toBe(404);
    const district = await t.as('district');
    expect((await district.put(`/api/v1/projects/${building.id}/lift`, { maker: 'x' })).status).toBe(403);
  });
});
