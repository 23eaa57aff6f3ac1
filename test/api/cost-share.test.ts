/** The public cost-sharing calculator, exactly the contract of issue 5 item 8. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ seed: false });
});
afterAll(() => t.close());

const post = (body: unknown) => t.anonymous.post('/api/v1/tools/cost-share', body);
const sixStorey = [1, 2, 3, 4, 5, 6].flatMap((f) => [
  { id: `${f}01`, floor: f, areaM2: '55.20' },
  { id: `${f}02`, floor: f, areaM2: '68.35' },
]);
const coefficients = { 1: '0', 2: '0', 3: '0.7', 4: '0.8', 5: '0.9', 6: '1.0' };

describe('POST /api/v1/tools/cost-share', () => {
  it('subtracts the capped subsidy, adds compensation, and shares the rest in whole fen', async () => {
    const res = await post({
      constructionFen: 60_000_000,
      otherCostsFen: 3_000_000,
      subsidy: 'sh-2020',
      otherFundsFen: 1_000_000,
      compensations: [
        { unitId: '101', fen: 500_000 },
        { unitId: '102', fen: 500_000 },
      ],
      scheme: { kind: 'floor-coefficient-area', coefficients },
      units: sixStorey,
    });
    expect(res.status).toBe(200);
    // 600,000 yuan × 40% = 240,000 (below the 280,000 cap)
    expect(res.body.subsidyFen).toBe(24_000_000);
    expect(res.body.amountToShareFen).toBe(60_000_000 + 3_000_000 + 1_000_000 - 24_000_000 - 1_000_000);
    expect(res.body.shares.map((s: any) => s.unitId)).toEqual(sixStorey.map((u) => u.id));
    expect(res.body.shares.reduce((s: number, x: any) => s + x.shareFen, 0)).toBe(res.body.amountToShareFen);
    expect(res.body.shares.slice(0, 4).map((s: any) => s.shareFen)).toEqual([0, 0, 0, 0]);
    expect(res.body.shares[0].compensationFen).toBe(500_000);
    const sixth = res.body.shares[10].shareFen;
    expect(sixth).toBeGreaterThan(res.body.shares[4].shareFen);
  });

  it('caps the subsidy at 280,000 yuan and accepts a custom rule or none', async () => {
    const base = {
      constructionFen: 80_000_000,
      scheme: { kind: 'equal', exemptFloors: [1] },
      units: sixStorey,
    };
    expect((await post({ ...base, subsidy: 'sh-2020' })).body.subsidyFen).toBe(28_000_000);
    expect((await post({ ...base, subsidy: { rate: '0.5', capFen: null } })).body.subsidyFen).toBe(
      40_000_000,
    );
    expect((await post({ ...base, subsidy: null })).body.amountToShareFen).toBe(80_000_000);
  });

  it('answers 400 naming the field', async () => {
    const ok = {
      constructionFen: 60_000_000,
      subsidy: 'sh-2020',
      scheme: { kind: 'floor-coefficient-area', coefficients },
      units: sixStorey,
    };
    const cases: [unknown, string][] = [
      [
        { ...ok, scheme: { kind: 'floor-coefficient-area', coefficients: { 1: '0', 2: '0', 3: '1' } } },
        'scheme.coefficients.4',
      ],
      [
        { ...ok, scheme: { kind: 'floor-percent', percents: { 3: '20', 4: '20', 5: '30', 6: '29' } } },
        'scheme.percents',
      ],
      [
        {
          ...ok,
          scheme: { kind: 'floor-percent', percents: { 3: '20', 4: '20', 5: '30', 6: '20', 7: '10' } },
        },
        'scheme.percents.7',
      ],
      [
        {
          ...ok,
          scheme: {
            kind: 'floor-coefficient-area',
            coefficients: { 1: '0', 2: '0', 3: '0', 4: '0', 5: '0', 6: '0' },
          },
        },
        'scheme',
      ],
      [{ ...ok, otherFundsFen: 90_000_000 }, 'amountToShareFen'],
      [{ ...ok, units: [{ id: '101', floor: 1, areaM2: '0' }] }, 'units.0.areaM2'],
      [{ ...ok, units: [{ id: '101', floor: 1, areaM2: '55.201' }] }, 'units.0.areaM2'],
      [{ ...ok, units: [...sixStorey, { id: '101', floor: 1, areaM2: '50' }] }, 'units.12.id'],
      [
        { ...ok, units: Array.from({ length: 2001 }, (_, i) => ({ id: String(i), floor: 1, areaM2: '50' })) },
        'units',
      ],
      [{ ...ok, subsidy: 'nowhere-2030' }, 'subsidy'],
      [{ ...ok, compensations: [{ unitId: '999', fen: 100 }] }, 'compensations.0.unitId'],
    ];
    for (const [b, field] of cases) {
      const res = await post(b);
      expect(res.status, field).toBe(400);
      const fields = [res.body.error.field, ...(res.body.error.details ?? []).map((d: any) => d.field)];
      expect(
        fields.some(
          (f: string) =>
            f === field || f.startsWith(`${field}.`) || (field === 'subsidy' && f.startsWith('subsidy')),
        ),
        `${field} in ${fields.join(',')}`,
      ).toBe(true);
      expect(res.body.error.message).toMatch(/[\u4e00-\u9fff]/);
    }
  });
});
