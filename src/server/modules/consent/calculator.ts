/** The public consent calculator: a rule applied to units and ballots as given; nothing is read or stored. */
import { formatAreaM2 } from '../../../core/area.ts';
import {
  additionalAgreeNeeded,
  countBallots,
  evaluate,
  groupUnits,
  ownerGroupKey,
  type Ballot,
} from '../../../core/consent/tally.ts';
import { badInput } from '../../../core/errors.ts';
import type { CalculatorAnswer, CalculatorInput } from './contract.ts';

export function calculateConsent({ rule, units }: CalculatorInput): CalculatorAnswer {
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
      throw badInput(
        `units.${i}.ballot`,
        `同一业主（组）的房屋选票不一致：${u.id}`,
        `Units of one owner group have different ballots: ${u.id}`,
      );
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
    areaM2: {
      total: formatAreaM2(c.totalArea),
      participating: formatAreaM2(c.participatingArea),
      agreeing: formatAreaM2(c.agreeingArea),
    },
    additionalAgreeNeeded: needed.count,
    candidates: needed.groups.map((g) => ({
      units: g.unitIds,
      owners: g.owners,
      areaM2: formatAreaM2(g.areaCenti),
    })),
    rule: { id: rule.id, version: rule.version, name: rule.name },
  };
}
