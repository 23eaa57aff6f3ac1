import { parseScaled, SCALE } from './decimal.ts';

/**
 * Subsidy rules as data. Shanghai (市财政局 + 市房管局, reported 2020-04-16): 40% of the
 * construction amount (施工金额), at most 280,000 yuan per lift; earlier 240,000 (domain.md §2).
 */
export interface SubsidyRule {
  id: string;
  name: { zh: string; en: string };
  /** share of the construction amount, as a decimal string */
  rate: string;
  /** cap in fen per lift; null for none */
  capFen: number | null;
  source: string;
}

export const SUBSIDY_RULES: readonly SubsidyRule[] = [
  {
    id: 'sh-2020',
    name: {
      zh: '上海 2020：施工金额的 40%，每台最高 28 万元',
      en: 'Shanghai 2020: 40% of construction, at most 280,000 yuan per lift',
    },
    rate: '0.40',
    capFen: 28_000_000,
    source: '《关于本市既有多层住宅加装电梯办理政府补贴资金有关事项的通知》（2020）',
  },
  {
    id: 'sh-2018',
    name: {
      zh: '上海 2018（历史）：每台最高 24 万元',
      en: 'Shanghai 2018 (historic): at most 240,000 yuan per lift',
    },
    rate: '0.40',
    capFen: 24_000_000,
    source: 'China Daily 2018-09-22',
  },
];

export const findSubsidyRule = (id: string) => SUBSIDY_RULES.find((r) => r.id === id);

/** rate × construction, rounded down to the fen, then capped. */
export function subsidyFen(constructionFen: number, rule: { rate: string; capFen: number | null }): number {
  const rate = parseScaled(rule.rate);
  if (rate === null || rate > SCALE) throw new Error(`bad subsidy rate ${rule.rate}`);
  const raw = Number((BigInt(constructionFen) * rate) / SCALE); // BigInt division rounds toward zero: down for positives
  return rule.capFen === null ? raw : Math.min(raw, rule.capFen);
}
