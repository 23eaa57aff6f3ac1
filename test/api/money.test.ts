/** Issue 5 (first part): plan, what-if, adoption with a new version, sign-offs, payments and arrears. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type Client, type TestApp } from '../helpers/app.ts';
import { multipart } from '../helpers/multipart.ts';

let t: TestApp;
let staff: Client;
let project: any;
let units: any[];

const coefficients = (floors: number) => Object.fromEntries(Array.from({ length: floors }, (_, i) => [String(i + 1), ['0', '0', '0.7', '0.8', '0.9', '1.0', '1.1'][i]!]));

beforeAll(async () => {
  t = await startTestApp();
  staff = await t.as('shengli');
  const stairwell = (await staff.get('/api/v1/stairwells?pageSize=500')).body.items.find((s: any) => s.unitCount >= 10);
  project = (await staff.post('/api/v1/projects', { name: '费用测试项目', stairwellId: stairwell.id })).body;
  units = (await staff.get(`/api/v1/stairwells/${stairwell.id}`)).body.units;
});
afterAll(() => t.close());

describe('the money of one project', () => {
  let planId: string;
  const floors = () => Math.max(...units.map((u) => u.floor));

  it('compares schemes side by side on the real stairwell', async () => {
    const res = await staff.post(`/api/v1/projects/${project.id}/cost-plans/what-if`, {
      constructionFen: 60_000_000, subsidy: { ruleId: 'sh-2020' },
      schemes: [
        { name: '系数×面积', scheme: { kind: 'floor-coefficient-area', coefficients: coefficients(floors()) } },
        { name: '按面积（一二层免）', scheme: { kind: 'area', exemptFloors: [1, 2] } },
        { name: '平均', scheme: { kind: 'equal', exemptFloors: [1] } },
      ],
    });
    expect(res.status).toBe(200);
    expect(res.body.schemes).toHaveLength(3);
    for (const s of res.body.schemes) {
      expect(s.subsidyFen).toBe(24_000_000);
      expect(s.shares.reduce((a: number, x: any) => a + x.shareFen, 0)).toBe(36_000_000);
      expect(s.perFloor.reduce((a: number, x: any) => a + x.fen, 0)).toBe(36_000_000);
    }
    expect(res.body.schemes[0].spreadFen).toBeGreaterThan(0);
    const bad = await staff.post(`/api/v1/projects/${project.id}/cost-plans/what-if`, { constructionFen: 1, schemes: [{ name: 'x', scheme: { kind: 'equal' } }] });
    expect(bad.body.error.field).toBe('schemes');
  });

  it('drafts a plan with compensation, adopts it and freezes the shares; a change is a new version', async () => {
    const low = units.filter((u) => u.floor === 1);
    const draft = await staff.post(`/api/v1/projects/${project.id}/cost-plans`, {
      name: '协商方案', constructionFen: 60_000_000, otherCosts: [{ label: '管线迁移', fen: 3_000_000 }], subsidy: { ruleId: 'sh-2020' }, otherFunds: [{ label: '街道支持', fen: 1_000_000 }],
      compensations: low.map((u) => ({ unitId: u.id, fen: 500_000, note: '底层补偿' })),
      scheme: { kind: 'floor-coefficient-area', coefficients: coefficients(floors()) },
      schedule: [{ label: '签约后', dueOn: '2026-12-31', percent: '50' }, { label: '竣工后', dueOn: '2027-06-30', percent: '50' }],
      runningCostRule: '使用电梯的三层及以上住户按户均摊',
    });
    expect(draft.status).toBe(201);
    expect(draft.body.amountToShareFen).toBe(60_000_000 + 3_000_000 + low.length * 500_000 - 24_000_000 - 1_000_000);
    planId = draft.body.plan.id;
    const adopted = (await staff.post(`/api/v1/cost-plans/${planId}/adopt`)).body;
    expect(adopted.plan.status).toBe('adopted');
    expect(adopted.shares.filter((s: any) => s.floor <= 2).every((s: any) => s.shareFen === 0)).toBe(true);
    expect(adopted.shares.reduce((a: number, s: any) => a + s.shareFen, 0)).toBe(draft.body.amountToShareFen);
    // a registry change does not move frozen shares
    await staff.patch(`/api/v1/units/${units.at(-1).id}`, { areaM2: '120.00' });
    const again = (await staff.get(`/api/v1/cost-plans/${planId}`)).body;
    expect(again.shares.map((s: any) => s.shareFen)).toEqual(adopted.shares.map((s: any) => s.shareFen));
    const v2 = (await staff.post(`/api/v1/projects/${project.id}/cost-plans`, { name: '调整方案', constructionFen: 62_000_000, subsidy: { ruleId: 'sh-2020' }, scheme: { kind: 'area', exemptFloors: [1, 2] } })).body;
    expect(v2.plan.version).toBe(2);
    await staff.post(`/api/v1/cost-plans/${v2.plan.id}/adopt`);
    const versions = (await staff.get(`/api/v1/projects/${project.id}/cost-plans`)).body.items.map((p: any) => [p.version, p.status]);
    expect(versions).toEqual([[2, 'adopted'], [1, 'superseded']]);
    expect((await staff.get(`/api/v1/cost-plans/${planId}`)).body.shares).toHaveLength(units.length); // old version still readable
    planId = v2.plan.id;
  });

  it('records sign-offs with a scan, payments, and lists arrears', async () => {
    const payer = (await staff.get(`/api/v1/cost-plans/${planId}`)).body.shares.find((s: any) => s.shareFen > 0);
    const signed = await staff.inject({ method: 'POST', url: `/api/v1/cost-plans/${planId}/sign-offs`, ...multipart({ unitId: payer.unitId }, { name: 'sign.pdf', content: Buffer.from('%PDF-1.4\n%%EOF\n'), type: 'application/pdf' }) });
    expect(signed.status).toBe(201);
    const half = Math.floor(payer.shareFen / 2);
    expect((await staff.post(`/api/v1/cost-plans/${planId}/payments`, { unitId: payer.unitId, amountFen: half, paidOn: '2026-11-20', method: 'bank', receiptNo: 'R-001' })).status).toBe(201);
    expect((await staff.post(`/api/v1/cost-plans/${planId}/payments`, { unitId: payer.unitId, amountFen: 100, paidOn: '2026-11-20', method: 'cash', receiptNo: 'R-001' })).status).toBe(409);
    expect((await staff.post(`/api/v1/cost-plans/${planId}/payments`, { unitId: payer.unitId, amountFen: 0, paidOn: '2026-11-20', method: 'cash', receiptNo: 'R-002' })).body.error.field).toBe('amountFen');
    const status = (await staff.get(`/api/v1/cost-plans/${planId}/payments`)).body;
    const row = status.units.find((u: any) => u.unitId === payer.unitId);
    expect(row).toMatchObject({ paidFen: half, outstandingFen: payer.shareFen - half, signed: true, state: 'partial' });
    expect(status.arrears.length).toBe(status.units.filter((u: any) => u.shareFen > 0).length);
    expect(status.units.filter((u: any) => u.floor <= 2).every((u: any) => u.state === 'exempt')).toBe(true);
    const district = await t.as('district');
    const masked = (await district.get(`/api/v1/cost-plans/${planId}/payments`)).body.units.find((u: any) => u.owners.length);
    expect(masked.owners[0]).toContain('*');
    expect((await district.post(`/api/v1/cost-plans/${planId}/payments`, { unitId: payer.unitId, amountFen: 1, paidOn: '2026-11-20', method: 'cash', receiptNo: 'R-9' })).status).toBe(403);
  });
});
