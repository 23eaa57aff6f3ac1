/**
 * Issue 12 item 3: keeping a lift running — the maintenance contract, visits at most 15 days apart,
 * the yearly inspection (alternating with self-inspection where configured), the insurance; the
 * lift's page and the list of lifts with what is overdue; scope, bad input, audit.
 */
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../src/core/calendar.ts';
import { auditEvents } from '../../src/server/modules/audit/schema.ts';
import { startTestApp, STAFF_PASSWORD, TEST_TODAY, type Client, type TestApp } from '../helpers/app.ts';

let t: TestApp;
let staff: Client;
let admin: Client;
let lift: any;
let otherLift: any;

beforeAll(async () => {
  t = await startTestApp();
  staff = await t.as('shengli');
  admin = await t.as('admin');
  const mine = (await staff.get('/api/v1/projects?pageSize=100')).body.items;
  const all = (await admin.get('/api/v1/projects?pageSize=100')).body.items;
  const inService = (p: any) => p.stage === 'in_service';
  const project = mine.find(inService);
  const other = all.find((p: any) => inService(p) && !mine.some((m: any) => m.id === p.id));
  lift = (
    await staff.put(`/api/v1/projects/${project.id}/lift`, {
      enteredUseOn: '2026-01-05',
      inspectionPlan: 'alternate_self_inspection',
    })
  ).body;
  otherLift = (await admin.put(`/api/v1/projects/${other.id}/lift`, { enteredUseOn: '2026-02-01' })).body;
});
afterAll(() => t.close());

const CONTRACT = {
  company: '某电梯维保有限公司',
  companyPhone: '021-65000000',
  startsOn: '2026-01-05',
  endsOn: '2027-01-04',
  yearlyFeeFen: 600_000,
  faultResponseMinutes: 120,
  entrapmentResponseMinutes: 30,
};

describe('the maintenance contract and the insurance', () => {
  it('are recorded with their terms; one ending within 60 days says so', async () => {
    const res = await staff.post(`/api/v1/lifts/${lift.id}/contracts`, CONTRACT);
    expect(res.status).toBe(201);
    // TEST_TODAY 2026-11-20: 45 days before the end
    expect(res.body).toMatchObject({ ...CONTRACT, state: 'ending' });
    const policy = await staff.post(`/api/v1/lifts/${lift.id}/insurance`, {
      insurer: '某保险公司',
      policyNo: 'PICC-2026-001',
      startsOn: '2026-01-05',
      endsOn: '2027-06-30',
      premiumFen: 80_000,
    });
    expect(policy.status).toBe(201);
    expect(policy.body.state).toBe('active');
  });

  it('refuse a term that ends before it starts, naming the field, and write nothing', async () => {
    const res = await staff.post(`/api/v1/lifts/${lift.id}/contracts`, {
      ...CONTRACT,
      endsOn: '2025-12-31',
    });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain('结束日期');
    expect(res.body.error.messageEn).toMatch(/end date/i);
    const page = (await staff.get(`/api/v1/lifts/${lift.id}`)).body;
    expect(page.contracts).toHaveLength(1);
  });
});

describe('maintenance visits', () => {
  it('"at most 15 days apart (TSG T5002)": each visit shows its gap, a late one is flagged, and the next is due', async () => {
    const visit = (on: string, kind = 'half_monthly') =>
      staff.post(`/api/v1/lifts/${lift.id}/visits`, {
        on,
        kind,
        technician: '李师傅',
        itemsDone: ['machine_room', 'car', 'doors', 'pit'],
        signedBy: '王志强',
      });
    expect((await visit('2026-10-20', 'quarterly')).body).toMatchObject({ gapDays: 288, late: true });
    expect((await visit('2026-11-04')).body).toMatchObject({ gapDays: 15, late: false });
    const page = (await staff.get(`/api/v1/lifts/${lift.id}`)).body;
    expect(page.visits.map((v: any) => [v.on, v.late])).toEqual([
      ['2026-11-04', false],
      ['2026-10-20', true],
    ]);
    // the half-monthly was due 2026-11-19 (today is 2026-11-20); no half-yearly visit since the lift
    // entered use on 2026-01-05, so that one, due 2026-07-05, is the visit to make now
    expect(page.visitsDue.find((d: any) => d.kind === 'half_monthly')).toMatchObject({
      due: '2026-11-19',
      daysOverdue: 1,
    });
    expect(page.status.nextVisit).toMatchObject({ kind: 'half_yearly', due: '2026-07-05', daysOverdue: 138 });
    const overdue = (await staff.get('/api/v1/lifts?attention=overdue')).body;
    expect(overdue.items.map((l: any) => l.id)).toContain(lift.id);
  });

  it('cannot be dated after today', async () => {
    const res = await staff.post(`/api/v1/lifts/${lift.id}/visits`, {
      on: addDays(TEST_TODAY, 1),
      kind: 'half_monthly',
      technician: '李师傅',
      itemsDone: [],
    });
    expect(res.status).toBe(400);
    expect(res.body.error.field).toBe('on');
  });
});

describe('the yearly check', () => {
  it('is due a year after entering use, then alternates with self-inspection where configured', async () => {
    let page = (await staff.get(`/api/v1/lifts/${lift.id}`)).body;
    expect(page.status.nextInspection).toEqual({ kind: 'periodic', due: '2027-01-05', state: 'ok' });
    const res = await staff.post(`/api/v1/lifts/${lift.id}/inspections`, {
      kind: 'periodic',
      on: '2026-11-10',
      inspector: '上海市特种设备监督检验技术研究院',
      reportNo: 'DT-2026-1234',
      result: 'pass',
    });
    expect(res.status).toBe(201);
    page = (await staff.get(`/api/v1/lifts/${lift.id}`)).body;
    expect(page.status.nextInspection).toEqual({ kind: 'self', due: '2027-11-10', state: 'ok' });
  });
});

describe("the owners' view", () => {
  it("the car's QR page tells anyone who maintains the lift, when it was last maintained and inspected, and until when", async () => {
    const res = await t.anonymous.get(`/api/v1/lift-codes/${lift.publicCode}`);
    expect(res.status).toBe(200);
    expect(res.body.upkeep).toEqual({
      registrationCode: lift.registrationCode,
      maintainer: { company: CONTRACT.company, phone: CONTRACT.companyPhone },
      lastVisitOn: '2026-11-04',
      // 16 days since the last visit: "at most 15 days apart"
      visitOverdue: true,
      lastInspection: { kind: 'periodic', on: '2026-11-10', result: 'pass' },
      inspectionValidUntil: '2027-11-10',
      useUnit: lift.useUnitName ? { name: lift.useUnitName, phone: lift.useUnitPhone } : null,
    });
    // nothing of the technician or the person who signed
    expect(JSON.stringify(res.body)).not.toMatch(/李师傅|王志强/);
  });
});

describe('the work list', () => {
  it('asks for the overdue visit and the contract ending, on the lift, and only of its own committee', async () => {
    const mine = (await staff.get('/api/v1/worklist')).body.items.filter((i: any) => i.kind === 'upkeep_due');
    const ofLift = mine.filter((i: any) => i.refId === lift.id);
    expect(ofLift.map((i: any) => [i.title, i.date])).toEqual([
      // the half-yearly items, due 2026-07-05, are the visit to make; the contract ends 2027-01-04
      ['visit', '2026-07-05'],
      ['contract', '2027-01-04'],
    ]);
    expect(mine.map((i: any) => i.refId)).not.toContain(otherLift.id);
    // the other lift, in use since 2026-02-01 with nothing recorded: every kind of upkeep is due
    const theirs = (await admin.get('/api/v1/worklist')).body.items.filter(
      (i: any) => i.kind === 'upkeep_due' && i.refId === otherLift.id,
    );
    expect(theirs.map((i: any) => i.title).sort()).toEqual(['contract', 'insurance', 'visit']);
  });
});

describe('scope and audit', () => {
  it("another committee's lift is not found; the district viewer reads but does not write", async () => {
    expect((await staff.get(`/api/v1/lifts/${otherLift.id}`)).status).toBe(404);
    expect(
      (
        await staff.post(`/api/v1/lifts/${otherLift.id}/visits`, {
          on: TEST_TODAY,
          kind: 'yearly',
          technician: 'x',
          itemsDone: [],
        })
      ).status,
    ).toBe(404);
    const list = (await staff.get('/api/v1/lifts?pageSize=500')).body;
    expect(list.items.map((l: any) => l.id)).not.toContain(otherLift.id);
    const district = await t.as('district');
    expect((await district.get(`/api/v1/lifts/${otherLift.id}`)).status).toBe(200);
    expect(
      (
        await district.post(`/api/v1/lifts/${otherLift.id}/insurance`, {
          insurer: 'x',
          policyNo: 'y',
          startsOn: TEST_TODAY,
          endsOn: TEST_TODAY,
          premiumFen: 1,
        })
      ).status,
    ).toBe(403);
  });

  it('every write is audited on the lift', async () => {
    const rows = await t.database.db
      .select({ action: auditEvents.action })
      .from(auditEvents)
      .where(and(eq(auditEvents.entity, 'lift'), eq(auditEvents.entityId, lift.id)));
    expect(rows.map((r) => r.action).sort()).toEqual([
      'lift_create',
      'lift_inspection_add',
      'lift_insurance_add',
      'maintenance_contract_add',
      'maintenance_visit_add',
      'maintenance_visit_add',
    ]);
  });
});

describe('the maintenance company', () => {
  it('has no account unless the street creates one; then it records its visits under its own name', async () => {
    const visit = {
      on: TEST_TODAY,
      kind: 'half_monthly',
      technician: '赵师傅',
      itemsDone: ['machine_room', 'car', 'doors', 'pit'],
    };
    // the contract names the company; no account is theirs, and without one nothing writes
    const users = (await admin.get('/api/v1/users?pageSize=500')).body.items;
    expect(users.some((u: any) => u.displayName === CONTRACT.company)).toBe(false);
    expect((await t.anonymous.post(`/api/v1/lifts/${lift.id}/visits`, visit)).status).toBe(401);
    // the street admin creates one, as staff of the lift's committee
    const created = await admin.post('/api/v1/users', {
      username: 'weibao1',
      displayName: CONTRACT.company,
      password: STAFF_PASSWORD,
      role: 'committee_staff',
      scopeId: lift.committeeId,
    });
    expect(created.status).toBe(201);
    const company = await t.as('weibao1', STAFF_PASSWORD);
    // the password the admin set is temporary: the company's person sets their own first
    expect(
      (
        await company.post('/api/v1/me/password', {
          currentPassword: STAFF_PASSWORD,
          newPassword: 'lift keeper walks the shaft 15',
        })
      ).status,
    ).toBe(200);
    const res = await company.post(`/api/v1/lifts/${lift.id}/visits`, visit);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.byName).toBe(CONTRACT.company);
  });
});
