/** The public consent calculator, exactly the contract of issue 3 item 9. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ seed: false });
});
afterAll(() => t.close());

const post = (body: unknown) => t.anonymous.post('/api/v1/tools/consent', body);
const unit = (id: string, areaM2: string, owners: string[], ballot: string | null) => ({
  id,
  areaM2,
  owners,
  ballot,
});

describe('POST /api/v1/tools/consent', () => {
  it('answers the contract with exact areas and heads counted by owner group', async () => {
    const res = await post({
      rule: 'sh-801-building',
      units: [
        unit('101', '65.40', ['p1'], 'agree'),
        unit('102', '70.00', ['p1'], 'agree'), // same owner: one head
        unit('201', '55.20', ['p2', 'p3'], 'agree'), // co-owned: one head
        unit('202', '60.05', ['p4'], 'disagree'),
        unit('301', '80.00', ['p5'], null),
      ],
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      passed: false,
      participationMet: true,
      approvalMet: false,
      heads: { total: 4, participating: 3, agreeing: 2 },
      areaM2: { total: '330.65', participating: '250.65', agreeing: '190.60' },
      additionalAgreeNeeded: 1,
    });
  });

  it('is 0 more when passed; accepts a custom rule with base total', async () => {
    const units = [
      unit('1', '50', ['a'], 'agree'),
      unit('2', '50', ['b'], 'agree'),
      unit('3', '50', ['c'], 'agree'),
      unit('4', '50', ['d'], null),
    ];
    const passed = await post({ rule: 'sh-801-building', units });
    expect(passed.body).toMatchObject({ passed: true, additionalAgreeNeeded: 0 });
    const total = await post({
      rule: {
        participation: { area: '2/3', heads: '2/3' },
        approval: { area: '3/4', heads: '3/4', strict: false, base: 'total' },
      },
      units,
    });
    expect(total.body).toMatchObject({ passed: true, heads: { total: 4, agreeing: 3 } });
    const strict = await post({
      rule: { approval: { area: '3/4', heads: '3/4', strict: true, base: 'total' } },
      units,
    });
    expect(strict.body).toMatchObject({ passed: false, additionalAgreeNeeded: 1 });
  });

  it('answers 400 naming the field for each bad input', async () => {
    const cases: [unknown, string][] = [
      [
        {
          rule: 'sh-801-building',
          units: [unit('1', '50', ['a'], 'agree'), unit('2', '50', ['a'], 'disagree')],
        },
        'units.1.ballot',
      ],
      [{ rule: 'sh-801-building', units: [unit('1', '0', ['a'], 'agree')] }, 'units.0.areaM2'],
      [{ rule: 'sh-801-building', units: [unit('1', '50.123', ['a'], 'agree')] }, 'units.0.areaM2'],
      [{ rule: 'no-such-rule', units: [unit('1', '50', ['a'], 'agree')] }, 'rule'],
      [
        {
          rule: 'sh-801-building',
          units: Array.from({ length: 2001 }, (_, i) => unit(String(i), '50', [`p${i}`], null)),
        },
        'units',
      ],
      [{ rule: 'sh-801-building', units: [unit('1', '50', ['a'], 'maybe')] }, 'units.0.ballot'],
      [
        { rule: { approval: { area: '4/3', heads: '3/4' } }, units: [unit('1', '50', ['a'], 'agree')] },
        'rule',
      ],
      [
        {
          rule: 'sh-801-building',
          units: [unit('1', '50', ['a'], 'agree'), unit('1', '60', ['b'], 'agree')],
        },
        'units.1.id',
      ],
    ];
    for (const [body, field] of cases) {
      const res = await post(body);
      expect(res.status, field).toBe(400);
      const fields = [res.body.error.field, ...(res.body.error.details ?? []).map((d: any) => d.field)];
      expect(
        fields.some((f: string) => f.startsWith(field)),
        `${field} in ${fields.join(',')}`,
      ).toBe(true);
      expect(res.body.error.message).toMatch(/[\u4e00-\u9fff]/);
    }
  });
});
