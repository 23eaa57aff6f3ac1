/**
 * A plan's sum as an owner checks it (issue 11): every cost and every fund of the plan as one
 * labelled line, down to the amount the owners share. The Word agreement, the staff plan view and
 * the household page all show these lines, so they cannot disagree, and the amount to share is
 * worked out here once: construction + other costs + compensations − subsidy − other funds.
 */
import { formatYuan, parseScaled, SCALE } from './decimal.ts';

type Bilingual = { zh: string; en: string };

/** The money fields of a plan, as stored (lines as staff typed them). */
export interface PlanMoney {
  constructionFen: number;
  otherCosts: readonly { label: string; fen: number }[];
  compensations: readonly { unitId: string; fen: number }[];
  /** the rule as chosen; null: no subsidy */
  subsidy: { rate: string; capFen: number | null } | null;
  subsidyFen: number;
  otherFunds: readonly { label: string; fen: number }[];
}

export const COST_LINE_KEYS = [
  'construction',
  'other-cost',
  'compensation',
  'total-cost',
  'subsidy',
  'other-fund',
  'owners-share',
] as const;
export type CostLineKey = (typeof COST_LINE_KEYS)[number];
export const COST_LINE_SIGNS = ['add', 'subtract', 'total'] as const;

/**
 * One line of the sum. `fen` is never negative: an `add` line adds it to the running sum, a
 * `subtract` line takes it off, and a `total` line shows the running sum so far.
 */
export interface CostLine {
  key: CostLineKey;
  label: Bilingual;
  /** how the figure was reached, when the plan says (the subsidy's rate and cap) */
  note: Bilingual | null;
  fen: number;
  sign: (typeof COST_LINE_SIGNS)[number];
}

const sumFen = (lines: readonly { fen: number }[]) => lines.reduce((s, l) => s + l.fen, 0);

/** What the owners share between them; negative when subsidy and funds exceed the costs. */
export function amountToShareFen(m: {
  constructionFen: number;
  otherCosts: readonly { fen: number }[];
  compensations: readonly { fen: number }[];
  subsidyFen: number;
  otherFunds: readonly { fen: number }[];
}): number {
  return (
    m.constructionFen + sumFen(m.otherCosts) + sumFen(m.compensations) - m.subsidyFen - sumFen(m.otherFunds)
  );
}

/** "0.40" → "40", "0.3333" → "33.33" (a rate has at most 4 decimals, so a percentage at most 2). */
function percentText(rate: string): string {
  const scaled = parseScaled(rate);
  if (scaled === null) return rate;
  const perHundred = SCALE / 100n;
  const whole = scaled / perHundred;
  const hundredths = scaled % perHundred;
  return hundredths === 0n
    ? String(whole)
    : `${whole}.${String(hundredths).padStart(2, '0').replace(/0$/, '')}`;
}

function subsidyNote(rule: { rate: string; capFen: number | null }): Bilingual {
  const pct = percentText(rule.rate);
  if (rule.capFen === null) return { zh: `施工金额的 ${pct}%`, en: `${pct}% of construction` };
  const cap = formatYuan(rule.capFen);
  return {
    zh: `施工金额的 ${pct}%，最高 ${cap} 元`,
    en: `${pct}% of construction, at most ${cap} yuan`,
  };
}

/**
 * The plan's lines in the agreement's order: construction, each other cost, the compensations,
 * the total cost (when it sums more than one line), the subsidy, each other fund, and what the
 * owners share. A part the plan does not have gets no line.
 */
export function costLines(m: PlanMoney): CostLine[] {
  const add = (key: CostLineKey, label: Bilingual, fen: number): CostLine => ({
    key,
    label,
    note: null,
    fen,
    sign: 'add',
  });
  const households = new Set(m.compensations.map((c) => c.unitId)).size;
  const costs = [
    add('construction', { zh: '施工金额', en: 'Construction' }, m.constructionFen),
    ...m.otherCosts.map((l) =>
      add('other-cost', { zh: `其他费用（${l.label}）`, en: `Other costs (${l.label})` }, l.fen),
    ),
    ...(m.compensations.length
      ? [
          add(
            'compensation',
            { zh: `住户补偿（${households} 户）`, en: `Compensation to households (${households})` },
            sumFen(m.compensations),
          ),
        ]
      : []),
  ];
  const lines: CostLine[] = [...costs];
  if (costs.length > 1)
    lines.push({
      key: 'total-cost',
      label: { zh: '总费用', en: 'Total cost' },
      note: null,
      fen: sumFen(costs),
      sign: 'total',
    });
  // a stored plan without a rule has no subsidy; the amount is still checked so the sum holds
  if (m.subsidy !== null || m.subsidyFen !== 0)
    lines.push({
      key: 'subsidy',
      label: { zh: '政府补贴', en: 'Government subsidy' },
      note: m.subsidy ? subsidyNote(m.subsidy) : null,
      fen: m.subsidyFen,
      sign: 'subtract',
    });
  for (const l of m.otherFunds)
    lines.push({
      key: 'other-fund',
      label: { zh: `其他资金（${l.label}）`, en: `Other funds (${l.label})` },
      note: null,
      fen: l.fen,
      sign: 'subtract',
    });
  lines.push({
    key: 'owners-share',
    label: { zh: '全体业主共同分摊', en: 'Shared by all owners' },
    note: null,
    fen: amountToShareFen(m),
    sign: 'total',
  });
  return lines;
}

/** What the lift costs in all: the lines added (construction, other costs, compensations). */
export const totalCostFen = (lines: readonly CostLine[]) =>
  lines.filter((l) => l.sign === 'add').reduce((s, l) => s + l.fen, 0);

/** The label as printed: 加：/ 减： before what is added to or taken off the sum above it. */
export function lineLabel(line: CostLine): Bilingual {
  if (line.sign === 'subtract') return { zh: `减：${line.label.zh}`, en: `Less: ${line.label.en}` };
  if (line.sign === 'add' && line.key !== 'construction')
    return { zh: `加：${line.label.zh}`, en: `Plus: ${line.label.en}` };
  return line.label;
}
