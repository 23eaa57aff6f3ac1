import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { formatAreaM2 } from '../../../core/area.ts';
import { findRule } from '../../../core/consent/rules.ts';
import { additionalAgreeNeeded, countBallots, evaluate, groupUnits, ownerGroupKey, type Ballot } from '../../../core/consent/tally.ts';
import { badInput } from '../../../core/errors.ts';
import type { AppContext } from '../../platform/context.ts';
import { bilingualIssue, publicRoute } from '../../platform/http.ts';
import { areaM2 } from '../registry/inputs.ts';
import { customRuleInput, toCustomRule } from './routes.ts';

export const MAX_CALCULATOR_UNITS = 2000;

const ruleInput = z.union([
  z.string().max(60).transform((id, ctx) => {
    const rule = findRule(id);
    if (!rule) {
      bilingualIssue(ctx, `未知的表决规则 ${id}`, `unknown rule ${id}`);
      return z.NEVER;
    }
    return rule;
  }),
  customRuleInput.transform(toCustomRule),
]);

const calculatorBody = z.object({
  rule: ruleInput,
  units: z
    .array(
      z.object({
        id: z.string().min(1).max(40),
        areaM2,
        owners: z.array(z.string().min(1).max(80)).max(20),
        ballot: z.enum(['agree', 'disagree', 'abstain']).nullable(),
      }),
    )
    .min(1)
    .max(MAX_CALCULATOR_UNITS),
});

/** Public tools: no login, nothing stored. */
export function consentToolsRoutes(app: FastifyInstance, _ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.post('/api/v1/tools/consent', {
    schema: { tags: ['tools'], summary: '表决计算器（公开）Public consent calculator', body: calculatorBody },
    config: publicRoute(120),
  }, async (req) => {
    const { rule, units } = req.body;
    const ids = new Set<string>();
    for (const [i, u] of units.entries()) {
      if (ids.has(u.id)) throw badInput(`units.${i}.id`, `房屋编号 ${u.id} 重复`, `Duplicate unit id ${u.id}`);
      ids.add(u.id);
    }
    // one ballot per owner group: its units must agree with each other
    const ballotOf = new Map<string, Ballot | null>();
    for (const [i, u] of units.entries()) {
      const key = ownerGroupKey(u.owners);
      if (ballotOf.has(key) && ballotOf.get(key) !== u.ballot)
        throw badInput(`units.${i}.ballot`, `同一业主（组）的房屋选票不一致：${u.id}`, `Units of one owner group have different ballots: ${u.id}`);
      ballotOf.set(key, u.ballot);
    }
    const groups = groupUnits(units.map((u) => ({ id: u.id, areaCenti: u.areaM2, owners: u.owners })));
    const ballots = groups.map((g) => ({ group: g, ballot: ballotOf.get(g.key) ?? null }));
    const c = countBallots(ballots);
    const outcome = evaluate(rule, c);
    const needed = additionalAgreeNeeded(rule, ballots);
    return {
      ...outcome,
      heads: { total: c.totalHeads, participating: c.participatingHeads, agreeing: c.agreeingHeads },
      areaM2: { total: formatAreaM2(c.totalArea), participating: formatAreaM2(c.participatingArea), agreeing: formatAreaM2(c.agreeingArea) },
      additionalAgreeNeeded: needed.count,
      candidates: needed.groups.map((g) => ({ units: g.unitIds, owners: g.owners, areaM2: formatAreaM2(g.areaCenti) })),
      rule: { id: rule.id, version: rule.version, name: rule.name },
    };
  });
}
