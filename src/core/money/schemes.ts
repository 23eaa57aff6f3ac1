/**
 * Cost-sharing schemes (domain.md §5): who pays how much of the amount owners share.
 * - floor-coefficient-area: a coefficient per floor (≥ 0) × the unit's area (Guangzhou-style
 *   example: floors 1–2 pay 0, 3F 0.7 … 6F 1.0);
 * - floor-percent: a percentage of the amount per floor, summing to exactly 100, split within a
 *   floor by area (6-storey example: 0, 0, 10, 20, 30, 40);
 * - equal: equal among paying units; area: by area among paying units (both with exempt floors).
 * Shares are whole fen, sum exactly to the amount, each within one fen of its exact value.
 */
import { largestRemainder, type Claim } from './apportion.ts';
import { parseScaled, SCALE } from './decimal.ts';

export type Scheme =
  | { kind: 'floor-coefficient-area'; coefficients: Record<string, string> }
  | { kind: 'floor-percent'; percents: Record<string, string> }
  | { kind: 'equal'; exemptFloors?: number[] }
  | { kind: 'area'; exemptFloors?: number[] };

export interface ShareUnit {
  id: string;
  floor: number;
  /** hundredths of m² */
  areaCenti: number;
}

export class SchemeError extends Error {
  constructor(
    readonly field: string,
    readonly zh: string,
    readonly en: string,
  ) {
    super(en);
  }
}

const HUNDRED = 100n * SCALE;

function scaledMap(values: Record<string, string>, field: string, floors: Set<number>): Map<number, bigint> {
  const out = new Map<number, bigint>();
  for (const [key, text] of Object.entries(values)) {
    const floor = Number(key);
    if (!Number.isInteger(floor) || floor < 1)
      throw new SchemeError(`${field}.${key}`, `楼层 ${key} 无效`, `Floor ${key} is not valid`);
    if (!floors.has(floor))
      throw new SchemeError(`${field}.${key}`, `${floor} 层没有房屋`, `No unit is on floor ${floor}`);
    const v = parseScaled(text);
    if (v === null)
      throw new SchemeError(
        `${field}.${key}`,
        '应为不小于 0 的数，最多 4 位小数',
        'must be a number ≥ 0 with at most 4 decimals',
      );
    out.set(floor, v);
  }
  return out;
}

/** The exact share of each unit as a fraction of the amount (num/den of the whole amount). */
function claimsOf(amountFen: number, units: readonly ShareUnit[], scheme: Scheme): Claim[] {
  const floors = new Set(units.map((u) => u.floor));
  const amount = BigInt(amountFen);
  const byWeight = (weight: (u: ShareUnit) => bigint) => {
    const w = units.map(weight);
    const total = w.reduce((s, x) => s + x, 0n);
    if (total === 0n)
      throw new SchemeError(
        'scheme',
        '没有需要分摊的房屋（权重全部为 0）',
        'No unit pays: every weight is zero',
      );
    return units.map((u, i) => ({ num: amount * w[i]!, den: total, floor: u.floor }));
  };
  switch (scheme.kind) {
    case 'floor-coefficient-area': {
      const coef = scaledMap(scheme.coefficients, 'scheme.coefficients', floors);
      for (const f of floors)
        if (!coef.has(f))
          throw new SchemeError(
            `scheme.coefficients.${f}`,
            `${f} 层没有系数`,
            `Floor ${f} has no coefficient`,
          );
      return byWeight((u) => coef.get(u.floor)! * BigInt(u.areaCenti));
    }
    case 'floor-percent': {
      const pct = scaledMap(scheme.percents, 'scheme.percents', floors);
      const sum = [...pct.values()].reduce((s, x) => s + x, 0n);
      if (sum !== HUNDRED)
        throw new SchemeError(
          'scheme.percents',
          '各层比例之和须恰好为 100',
          'The floor percentages must add up to exactly 100',
        );
      const floorArea = new Map<number, bigint>();
      for (const u of units) floorArea.set(u.floor, (floorArea.get(u.floor) ?? 0n) + BigInt(u.areaCenti));
      // a floor's percentage of the amount, split within the floor by area
      return units.map((u) => {
        const p = pct.get(u.floor) ?? 0n;
        return {
          num: amount * p * BigInt(u.areaCenti),
          den: HUNDRED * floorArea.get(u.floor)!,
          floor: u.floor,
        };
      });
    }
    case 'equal':
    case 'area': {
      const exempt = new Set(scheme.exemptFloors ?? []);
      for (const f of exempt)
        if (!floors.has(f))
          throw new SchemeError('scheme.exemptFloors', `${f} 层没有房屋`, `No unit is on floor ${f}`);
      return byWeight((u) => (exempt.has(u.floor) ? 0n : scheme.kind === 'equal' ? 1n : BigInt(u.areaCenti)));
    }
  }
}

/** Whole-fen shares of `amountFen`, in the order of `units`. */
export function shareCosts(amountFen: number, units: readonly ShareUnit[], scheme: Scheme): number[] {
  if (amountFen < 0)
    throw new SchemeError(
      'amountToShareFen',
      '需分摊的金额为负数：补贴和其他资金超过了费用',
      'The amount to share is negative: subsidy and other funds exceed the costs',
    );
  return largestRemainder(amountFen, claimsOf(amountFen, units, scheme));
}

/** The exact share of each unit in fen, as num/den, for tests and explanations. */
export function exactShares(amountFen: number, units: readonly ShareUnit[], scheme: Scheme) {
  return claimsOf(amountFen, units, scheme).map(({ num, den }) => ({ num, den }));
}

/** A household's share over the instalments of a payment schedule, in whole fen summing to the share. */
export function splitByPercents(amountFen: number, percents: readonly string[]): number[] {
  const scaled = percents.map((p) => parseScaled(p));
  if (scaled.some((p) => p === null))
    throw new SchemeError('schedule', '分期比例无效', 'An instalment percentage is not valid');
  if (scaled.reduce((s, p) => s! + p!, 0n) !== HUNDRED)
    throw new SchemeError(
      'schedule',
      '各期比例之和须为 100',
      'The instalment percentages must add up to 100',
    );
  return largestRemainder(
    amountFen,
    scaled.map((p, i) => ({ num: BigInt(amountFen) * p!, den: HUNDRED, floor: -i })),
  );
}

/** A named scheme offered to staff as a starting point. */
export interface SchemePreset {
  key: string;
  name: { zh: string; en: string };
  scheme: Scheme;
}

/** Examples from domain.md §5 (Guangzhou-style coefficients; a 6-storey percentage table). */
export const DEFAULT_SCHEME_PRESETS: SchemePreset[] = [
  {
    key: 'coef-6',
    name: { zh: '六层：楼层系数 × 面积（示例）', en: 'Six storeys: coefficient × area (example)' },
    scheme: {
      kind: 'floor-coefficient-area',
      coefficients: { 1: '0', 2: '0', 3: '0.7', 4: '0.8', 5: '0.9', 6: '1.0' },
    },
  },
  {
    key: 'coef-7',
    name: { zh: '七层：楼层系数 × 面积（示例）', en: 'Seven storeys: coefficient × area (example)' },
    scheme: {
      kind: 'floor-coefficient-area',
      coefficients: { 1: '0', 2: '0', 3: '0.7', 4: '0.8', 5: '0.9', 6: '1.0', 7: '1.1' },
    },
  },
  {
    key: 'percent-6',
    name: {
      zh: '六层：各层固定比例 0/0/10/20/30/40（示例）',
      en: 'Six storeys: floor percentages 0/0/10/20/30/40 (example)',
    },
    scheme: { kind: 'floor-percent', percents: { 1: '0', 2: '0', 3: '10', 4: '20', 5: '30', 6: '40' } },
  },
];
