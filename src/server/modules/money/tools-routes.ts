import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { parseScaled, SCALE } from '../../../core/money/decimal.ts';
import { SchemeError, shareCosts } from '../../../core/money/schemes.ts';
import { findSubsidyRule, subsidyFen } from '../../../core/money/subsidy.ts';
import { badInput } from '../../../core/errors.ts';
import type { AppContext } from '../../platform/context.ts';
import { bilingualIssue, publicRoute } from '../../platform/http.ts';
import { areaM2 } from '../registry/inputs.ts';

export const MAX_COST_SHARE_UNITS = 2000;
const fen = z.number().int().min(0).max(1_000_000_000_00); // up to a billion yuan
const decimalText = z.string().max(20);
const floors = z.record(z.string().regex(/^\d{1,2}$/), decimalText);

/** The four schemes of core/money/schemes.ts. */
export const schemeInput = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('floor-coefficient-area'), coefficients: floors }),
  z.object({ kind: z.literal('floor-percent'), percents: floors }),
  z.object({ kind: z.literal('equal'), exemptFloors: z.array(z.number().int().min(1).max(99)).max(99).optional() }),
  z.object({ kind: z.literal('area'), exemptFloors: z.array(z.number().int().min(1).max(99)).max(99).optional() }),
]);

const subsidyInput = z.union([
  z.string().max(40).transform((id, ctx) => {
    const rule = findSubsidyRule(id);
    if (!rule) {
      bilingualIssue(ctx, `未知的补贴规则 ${id}`, `unknown subsidy rule ${id}`);
      return z.NEVER;
    }
    return rule;
  }),
  z.object({ rate: decimalText, capFen: fen.nullable() }).transform((r, ctx) => {
    const rate = parseScaled(r.rate);
    if (rate === null || rate > SCALE) {
      bilingualIssue(ctx, '补贴比例应在 0 到 1 之间，如 0.40', 'the rate must be between 0 and 1, e.g. 0.40');
      return z.NEVER;
    }
    return r;
  }),
  z.null(),
]);

const body = z.object({
  constructionFen: fen,
  otherCostsFen: fen.default(0),
  subsidy: subsidyInput,
  otherFundsFen: fen.default(0),
  compensations: z.array(z.object({ unitId: z.string().min(1).max(40), fen })).max(MAX_COST_SHARE_UNITS).default([]),
  scheme: schemeInput,
  units: z.array(z.object({ id: z.string().min(1).max(40), floor: z.number().int().min(1).max(99), areaM2 })).min(1).max(MAX_COST_SHARE_UNITS),
});

/** Public tools: no login, nothing stored. */
export function moneyToolsRoutes(app: FastifyInstance, _ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.post('/api/v1/tools/cost-share', {
    schema: { tags: ['tools'], summary: '费用分摊计算器（公开）Public cost-sharing calculator', body },
    config: publicRoute(120),
  }, async (req) => {
    const b = req.body;
    const ids = new Map<string, number>();
    b.units.forEach((u, i) => {
      if (ids.has(u.id)) throw badInput(`units.${i}.id`, `房屋编号 ${u.id} 重复`, `Duplicate unit id ${u.id}`);
      ids.set(u.id, i);
    });
    const compensation = new Map<string, number>();
    b.compensations.forEach((c, i) => {
      if (!ids.has(c.unitId)) throw badInput(`compensations.${i}.unitId`, `补偿对象 ${c.unitId} 不在房屋列表中`, `Compensated unit ${c.unitId} is not among the units`);
      compensation.set(c.unitId, (compensation.get(c.unitId) ?? 0) + c.fen);
    });
    const subsidy = b.subsidy ? subsidyFen(b.constructionFen, b.subsidy) : 0;
    const totalCompensation = [...compensation.values()].reduce((s, x) => s + x, 0);
    const amountToShareFen = b.constructionFen + b.otherCostsFen + totalCompensation - subsidy - b.otherFundsFen;
    let shares: number[];
    try {
      shares = shareCosts(amountToShareFen, b.units.map((u) => ({ id: u.id, floor: u.floor, areaCenti: u.areaM2 })), b.scheme);
    } catch (err) {
      if (err instanceof SchemeError) throw badInput(err.field, err.zh, err.en);
      throw err;
    }
    return {
      subsidyFen: subsidy,
      amountToShareFen,
      shares: b.units.map((u, i) => ({ unitId: u.id, shareFen: shares[i]!, compensationFen: compensation.get(u.id) ?? 0 })),
    };
  });
}
