import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatYuan } from '../../src/core/money/decimal.ts';
import { duesOf, paymentProblem } from '../../src/core/money/payments.ts';
import {
  exactShares,
  SchemeError,
  shareCosts,
  type Scheme,
  type ShareUnit,
} from '../../src/core/money/schemes.ts';
import { findSubsidyRule, subsidyFen } from '../../src/core/money/subsidy.ts';

const SH2020 = findSubsidyRule('sh-2020')!;

describe('subsidy (Shanghai 2020: "40% of 施工金额, max 280,000 yuan per elevator")', () => {
  it('is 40% rounded down to the fen', () => {
    expect(subsidyFen(50_000_000, SH2020)).toBe(20_000_000); // 500,000 yuan → 200,000
    expect(subsidyFen(12_345, SH2020)).toBe(4_938); // 4,938.0 fen
    expect(subsidyFen(12_346, SH2020)).toBe(4_938); // 4,938.4 → down
    expect(subsidyFen(12_347, SH2020)).toBe(4_938); // 4,938.8 → down, never up
  });
  it('is capped at 280,000 yuan', () => {
    expect(subsidyFen(70_000_000, SH2020)).toBe(28_000_000); // exactly at the cap
    expect(subsidyFen(70_000_001, SH2020)).toBe(28_000_000);
    expect(subsidyFen(69_999_999, SH2020)).toBe(27_999_999);
    expect(subsidyFen(90_000_000, { rate: '0.40', capFen: null })).toBe(36_000_000);
  });
});

const unitArb = fc.record({
  floor: fc.integer({ min: 1, max: 7 }),
  areaCenti: fc.integer({ min: 3000, max: 12000 }),
});
const unitsArb = fc
  .array(unitArb, { minLength: 1, maxLength: 30 })
  .map((us) => us.map((u, i): ShareUnit => ({ ...u, id: `u${i}` })));
const coefArb = fc.constantFrom('0', '0.7', '0.8', '0.9', '1', '1.1', '1.25', '0.3333');

/** |share − num/den| < 1, exactly. */
const withinOneFen = (share: number, e: { num: bigint; den: bigint }) => {
  const diff = BigInt(share) * e.den - e.num;
  return diff < e.den && -diff < e.den;
};

function coefficientScheme(units: ShareUnit[], coefs: string[]): Scheme {
  const coefficients: Record<string, string> = {};
  for (const u of units) coefficients[String(u.floor)] = coefs[u.floor - 1]!;
  return { kind: 'floor-coefficient-area', coefficients };
}

describe('shares in whole fen (largest remainder)', () => {
  it('sum exactly, stay within one fen of the exact value, give zero coefficients nothing', () => {
    fc.assert(
      fc.property(
        unitsArb,
        fc.array(coefArb, { minLength: 7, maxLength: 7 }),
        fc.integer({ min: 0, max: 100_000_000 }),
        (units, coefs, amount) => {
          const scheme = coefficientScheme(units, coefs);
          if (units.every((u) => coefs[u.floor - 1] === '0')) return;
          const shares = shareCosts(amount, units, scheme);
          expect(shares.reduce((s, x) => s + x, 0)).toBe(amount);
          const exact = exactShares(amount, units, scheme);
          shares.forEach((s, i) => {
            expect(withinOneFen(s, exact[i]!)).toBe(true);
            if (coefs[units[i]!.floor - 1] === '0') expect(s).toBe(0);
          });
        },
      ),
      { numRuns: 500 },
    );
  });

  it('give exempt floors nothing under equal and area schemes', () => {
    fc.assert(
      fc.property(
        unitsArb,
        fc.integer({ min: 0, max: 10_000_000 }),
        fc.constantFrom<'equal' | 'area'>('equal', 'area'),
        (units, amount, kind) => {
          const exemptFloors = [...new Set(units.filter((u) => u.floor <= 2).map((u) => u.floor))];
          if (units.every((u) => u.floor <= 2)) return;
          const shares = shareCosts(amount, units, { kind, exemptFloors });
          expect(shares.reduce((s, x) => s + x, 0)).toBe(amount);
          units.forEach((u, i) => u.floor <= 2 && expect(shares[i]).toBe(0));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('never decrease for a unit whose coefficient rises', () => {
    fc.assert(
      fc.property(
        unitsArb,
        fc.array(coefArb, { minLength: 7, maxLength: 7 }),
        fc.integer({ min: 1, max: 50_000_000 }),
        fc.nat(),
        fc.integer({ min: 1, max: 5000 }),
        (units, coefs, amount, pick, bump) => {
          // give one unit a floor of its own (floor 8), then raise that floor's coefficient
          const i = pick % units.length;
          const moved = units.map((u, j) => (j === i ? { ...u, floor: 8 } : u));
          const scheme = coefficientScheme(
            moved.filter((u) => u.floor !== 8),
            coefs,
          );
          if (scheme.kind !== 'floor-coefficient-area') return;
          const low = { ...scheme, coefficients: { ...scheme.coefficients, '8': '1' } };
          const high = {
            ...scheme,
            coefficients: { ...scheme.coefficients, '8': `1.${String(bump).padStart(4, '0')}` },
          };
          const before = shareCosts(amount, moved, low)[i]!;
          const after = shareCosts(amount, moved, high)[i]!;
          expect(after).toBeGreaterThanOrEqual(before);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('breaks ties toward the higher floor, then input order', () => {
    const units: ShareUnit[] = [
      { id: 'a', floor: 3, areaCenti: 5000 },
      { id: 'b', floor: 5, areaCenti: 5000 },
      { id: 'c', floor: 4, areaCenti: 5000 },
    ];
    expect(shareCosts(100, units, { kind: 'equal' })).toEqual([33, 34, 33]);
    expect(shareCosts(101, units, { kind: 'equal' })).toEqual([33, 34, 34]);
  });

  it('splits a floor percentage by area within the floor (6-storey example 0/0/10/20/30/40)', () => {
    const units: ShareUnit[] = [1, 2, 3, 4, 5, 6].flatMap((f) => [
      { id: `${f}01`, floor: f, areaCenti: 6000 },
      { id: `${f}02`, floor: f, areaCenti: 3000 },
    ]);
    const shares = shareCosts(30_000_000, units, {
      kind: 'floor-percent',
      percents: { 1: '0', 2: '0', 3: '10', 4: '20', 5: '30', 6: '40' },
    });
    expect(shares.slice(4, 6)).toEqual([2_000_000, 1_000_000]); // 3F: 10% split 2:1
    expect(shares.slice(10, 12)).toEqual([8_000_000, 4_000_000]);
  });

  it('names the field of what is wrong', () => {
    const units: ShareUnit[] = [
      { id: '101', floor: 1, areaCenti: 5000 },
      { id: '301', floor: 3, areaCenti: 5000 },
    ];
    const err = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        return (e as SchemeError).field;
      }
      return null;
    };
    expect(
      err(() => shareCosts(100, units, { kind: 'floor-coefficient-area', coefficients: { 1: '0' } })),
    ).toBe('scheme.coefficients.3');
    expect(
      err(() => shareCosts(100, units, { kind: 'floor-percent', percents: { 1: '50', 3: '49.99' } })),
    ).toBe('scheme.percents');
    expect(
      err(() => shareCosts(100, units, { kind: 'floor-percent', percents: { 1: '50', 3: '40', 5: '10' } })),
    ).toBe('scheme.percents.5');
    expect(
      err(() => shareCosts(100, units, { kind: 'floor-coefficient-area', coefficients: { 1: '0', 3: '0' } })),
    ).toBe('scheme');
    expect(err(() => shareCosts(-1, units, { kind: 'equal' }))).toBe('amountToShareFen');
  });
});

describe('a payment', () => {
  it('may settle exactly what is owed, not a fen more, and not on a day after today', () => {
    expect(paymentProblem({ amountFen: 12_345, paidOn: '2026-11-26' }, 12_345, '2026-11-26')).toBeNull();
    expect(paymentProblem({ amountFen: 12_346, paidOn: '2026-11-26' }, 12_345, '2026-11-26')).toMatchObject({
      field: 'amountFen',
      zh: '金额超过尚欠的 123.45 元',
    });
    expect(paymentProblem({ amountFen: 1, paidOn: '2026-11-27' }, 12_345, '2026-11-26')).toMatchObject({
      field: 'paidOn',
    });
  });
  it('shows yuan from fen without floats, grouped by thousands', () => {
    expect(formatYuan(123_456_789)).toBe('1,234,567.89');
    expect(formatYuan(-5)).toBe('-0.05');
    expect(formatYuan(600_000_00, false)).toBe('600000.00');
  });
});

describe('dues and what is overdue (payments meet the earliest dues first)', () => {
  const schedule = [
    { label: '签约后', dueOn: '2026-10-31', percent: '50' },
    { label: '竣工后', dueOn: '2027-06-30', percent: '50' },
  ];
  it('splits the share over the instalments to the fen and owes what fell due, less what was paid', () => {
    const d = duesOf(1_000_001, schedule, 0, '2026-11-20');
    expect(d.dues.map((x) => x.fen).reduce((a, b) => a + b, 0)).toBe(1_000_001);
    expect(d.overdueFen).toBe(d.dues[0]!.fen);
    expect(d.overdueSince).toBe('2026-10-31');
  });
  it('owes nothing once the due part is paid, and says since when the rest is owed only when it is due', () => {
    expect(duesOf(1_000_000, schedule, 500_000, '2026-11-20')).toMatchObject({
      overdueFen: 0,
      overdueSince: null,
    });
    expect(duesOf(1_000_000, schedule, 600_000, '2027-07-01')).toMatchObject({
      overdueFen: 400_000,
      overdueSince: '2027-06-30',
    });
    expect(duesOf(1_000_000, schedule, 200_000, '2026-09-01')).toMatchObject({
      overdueFen: 0,
      overdueSince: null,
    });
  });
  it('without a schedule the whole share is due at no set date, so nothing is ever overdue', () => {
    expect(duesOf(300_000, [], 0, '2030-01-01')).toMatchObject({
      dues: [{ label: '全额', dueOn: null, fen: 300_000 }],
      overdueFen: 0,
      overdueSince: null,
    });
  });
});
