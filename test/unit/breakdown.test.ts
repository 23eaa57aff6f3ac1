/**
 * The plan's sum as the owner sees it (issue 11 item 1): the lines add back, to the fen, to what
 * the households pay, whatever the scheme.
 *
 * domain.md §5: "share = coefficient × flat area × (total cost ÷ paying area)", and in Minhang
 * Jinming Fudi "1F and 2F households each received 5,000 yuan": the owners share the costs,
 * compensation to households included, after the subsidy and other funds; their shares together
 * are exactly that amount.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { costLines, lineLabel, type CostLine, type PlanMoney } from '../../src/core/money/breakdown.ts';
import { shareCosts, type Scheme, type ShareUnit } from '../../src/core/money/schemes.ts';
import { findSubsidyRule, subsidyFen } from '../../src/core/money/subsidy.ts';

const SH2020 = findSubsidyRule('sh-2020')!;

/** Walks the lines as a reader does: every total line must be the running sum above it. */
function addUp(lines: readonly CostLine[]) {
  let running = 0;
  for (const l of lines) {
    expect(Number.isSafeInteger(l.fen) && l.fen >= 0, `${l.key} ${l.fen}`).toBe(true);
    if (l.sign === 'add') running += l.fen;
    else if (l.sign === 'subtract') running -= l.fen;
    else expect(l.fen, l.label.zh).toBe(running);
  }
  return running;
}

describe('the lines of the issue’s plan', () => {
  // 640,000 construction, 50,000 pipe relocation, 4 × 5,000 to ground-floor households, Shanghai 2020 subsidy
  const plan: PlanMoney = {
    constructionFen: 64_000_000,
    otherCosts: [{ label: '管线迁移', fen: 5_000_000 }],
    compensations: ['101', '102', '103', '104'].map((unitId) => ({ unitId, fen: 500_000 })),
    subsidy: SH2020,
    subsidyFen: subsidyFen(64_000_000, SH2020),
    otherFunds: [],
  };

  it('are every part of the plan, in the agreement’s order, and nothing it does not have', () => {
    const lines = costLines(plan);
    expect(lines.map((l) => [lineLabel(l).zh, l.fen])).toEqual([
      ['施工金额', 64_000_000],
      ['加：其他费用（管线迁移）', 5_000_000],
      ['加：住户补偿（4 户）', 2_000_000],
      ['总费用', 71_000_000],
      ['减：政府补贴', 25_600_000],
      ['全体业主共同分摊', 45_400_000],
    ]);
    expect(lines.find((l) => l.key === 'subsidy')!.note).toEqual({
      zh: '施工金额的 40%，最高 280,000.00 元',
      en: '40% of construction, at most 280,000.00 yuan',
    });
    expect(lines.some((l) => l.key === 'other-fund')).toBe(false);
    expect(addUp(lines)).toBe(45_400_000);
  });

  it('count a household compensated twice once, and show a plan without a subsidy without one', () => {
    const lines = costLines({
      ...plan,
      compensations: [...plan.compensations, { unitId: '101', fen: 100 }],
      subsidy: null,
      subsidyFen: 0,
      otherFunds: [{ label: '街道支持', fen: 1_000_000 }],
    });
    expect(lines.map((l) => lineLabel(l).zh)).toEqual([
      '施工金额',
      '加：其他费用（管线迁移）',
      '加：住户补偿（4 户）',
      '总费用',
      '减：其他资金（街道支持）',
      '全体业主共同分摊',
    ]);
    expect(addUp(lines)).toBe(64_000_000 + 5_000_000 + 2_000_100 - 1_000_000);
  });

  it('need no total cost when construction is the only cost; a rate shows as a percentage', () => {
    const lines = costLines({
      ...plan,
      otherCosts: [],
      compensations: [],
      subsidy: { rate: '0.3333', capFen: null },
      subsidyFen: subsidyFen(64_000_000, { rate: '0.3333', capFen: null }),
    });
    expect(lines.map((l) => l.key)).toEqual(['construction', 'subsidy', 'owners-share']);
    expect(lines[1]!.note).toEqual({ zh: '施工金额的 33.33%', en: '33.33% of construction' });
    expect(addUp(lines)).toBe(64_000_000 - 21_331_200);
  });
});

// ---------------------------------------------------------------- every scheme

const unitsArb = fc
  .array(
    fc.record({ floor: fc.integer({ min: 1, max: 7 }), areaCenti: fc.integer({ min: 3000, max: 12000 }) }),
    { minLength: 1, maxLength: 24 },
  )
  .map((us) => us.map((u, i): ShareUnit => ({ ...u, id: `u${i}` })));
const linesArb = fc.array(
  fc.record({
    label: fc.constantFrom('管线迁移', '设计费', '街道支持'),
    fen: fc.integer({ min: 0, max: 5_000_000 }),
  }),
  { maxLength: 3 },
);

const lowFloors = (units: ShareUnit[], upTo: number) =>
  units.some((u) => u.floor > upTo)
    ? [...new Set(units.filter((u) => u.floor <= upTo).map((u) => u.floor))]
    : [];

/** A scheme of each kind on these units where someone pays; a new kind fails the typecheck here. */
const SCHEMES: Record<Scheme['kind'], (units: ShareUnit[], seed: number) => Scheme> = {
  'floor-coefficient-area': (units, seed) => {
    const floors = [...new Set(units.map((u) => u.floor))].sort((a, b) => a - b);
    const coefs = ['0', '0.7', '0.8', '0.9', '1', '1.1', '0.3333'];
    // the top floor always pays, so the weights are never all zero
    return {
      kind: 'floor-coefficient-area',
      coefficients: Object.fromEntries(
        floors.map((f, i) => [
          String(f),
          i === floors.length - 1 ? '1.0' : coefs[(seed + f) % coefs.length]!,
        ]),
      ),
    };
  },
  'floor-percent': (units, seed) => {
    const floors = [...new Set(units.map((u) => u.floor))].sort((a, b) => a - b);
    let left = 100;
    const percents: Record<string, string> = {};
    floors.forEach((f, i) => {
      const p = i === floors.length - 1 ? left : (seed * (f + 3)) % (left + 1);
      percents[String(f)] = String(p);
      left -= p;
    });
    return { kind: 'floor-percent', percents };
  },
  // the low floors that have units are exempt, when someone above them pays
  equal: (units) => ({ kind: 'equal', exemptFloors: lowFloors(units, 1) }),
  area: (units) => ({ kind: 'area', exemptFloors: lowFloors(units, 2) }),
};

describe('for every scheme, the page’s lines add back to the total', () => {
  for (const [kind, schemeOf] of Object.entries(SCHEMES)) {
    it(`${kind}: costs = subsidy + other funds + owners’ share, and the owners’ share = every household’s share`, () => {
      fc.assert(
        fc.property(
          unitsArb,
          fc.nat(),
          fc.integer({ min: 0, max: 100_000_000 }),
          linesArb,
          linesArb,
          fc.array(fc.integer({ min: 0, max: 1_000_000 }), { maxLength: 6 }),
          fc.boolean(),
          (units, seed, constructionFen, otherCosts, otherFunds, compensationFen, subsidised) => {
            const compensations = compensationFen.map((fen, i) => ({
              unitId: units[i % units.length]!.id,
              fen,
            }));
            const plan: PlanMoney = {
              constructionFen,
              otherCosts,
              compensations,
              subsidy: subsidised ? SH2020 : null,
              subsidyFen: subsidised ? subsidyFen(constructionFen, SH2020) : 0,
              otherFunds,
            };
            const lines = costLines(plan);
            const owners = lines.at(-1)!;
            fc.pre(owners.fen >= 0); // a plan whose funds exceed its costs is refused before it is stored
            expect(owners.key).toBe('owners-share');
            expect(lines[0]).toMatchObject({ key: 'construction', fen: constructionFen, sign: 'add' });
            expect(addUp(lines)).toBe(owners.fen);

            const sum = (xs: readonly { fen: number }[]) => xs.reduce((s, x) => s + x.fen, 0);
            const costs = sum(lines.filter((l) => l.sign === 'add'));
            const taken = sum(lines.filter((l) => l.sign === 'subtract'));
            expect(costs).toBe(constructionFen + sum(otherCosts) + sum(compensations));
            expect(taken).toBe(plan.subsidyFen + sum(otherFunds));
            expect(costs).toBe(plan.subsidyFen + sum(otherFunds) + owners.fen);

            const shares = shareCosts(owners.fen, units, schemeOf(units, seed));
            expect(shares.reduce((s, x) => s + x, 0)).toBe(owners.fen);
          },
        ),
        { numRuns: 300 },
      );
    });
  }
});
