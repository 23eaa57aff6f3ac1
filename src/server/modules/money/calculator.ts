/** The public cost-sharing calculator: a scheme applied to units as given; nothing is read or stored. */
import { badInput } from '../../../core/errors.ts';
import { amountToShareFen as amountToShare } from '../../../core/money/breakdown.ts';
import { SchemeError, shareCosts } from '../../../core/money/schemes.ts';
import { subsidyFen } from '../../../core/money/subsidy.ts';
import type { CostShareAnswer, CostShareInput } from './contract.ts';

export function calculateCostShare(b: CostShareInput): CostShareAnswer {
  const ids = new Map<string, number>();
  b.units.forEach((u, i) => {
    if (ids.has(u.id)) throw badInput(`units.${i}.id`, `房屋编号 ${u.id} 重复`, `Duplicate unit id ${u.id}`);
    ids.set(u.id, i);
  });
  const compensation = new Map<string, number>();
  b.compensations.forEach((c, i) => {
    if (!ids.has(c.unitId))
      throw badInput(
        `compensations.${i}.unitId`,
        `补偿对象 ${c.unitId} 不在房屋列表中`,
        `Compensated unit ${c.unitId} is not among the units`,
      );
    compensation.set(c.unitId, (compensation.get(c.unitId) ?? 0) + c.fen);
  });
  const subsidy = b.subsidy ? subsidyFen(b.constructionFen, b.subsidy) : 0;
  const amountToShareFen = amountToShare({
    constructionFen: b.constructionFen,
    otherCosts: [{ fen: b.otherCostsFen }],
    compensations: b.compensations,
    subsidyFen: subsidy,
    otherFunds: [{ fen: b.otherFundsFen }],
  });
  let shares: number[];
  try {
    shares = shareCosts(
      amountToShareFen,
      b.units.map((u) => ({ id: u.id, floor: u.floor, areaCenti: u.areaM2 })),
      b.scheme,
    );
  } catch (err) {
    if (err instanceof SchemeError) throw badInput(err.field, err.zh, err.en);
    throw err;
  }
  return {
    subsidyFen: subsidy,
    amountToShareFen,
    shares: b.units.map((u, i) => ({
      unitId: u.id,
      shareFen: shares[i]!,
      compensationFen: compensation.get(u.id) ?? 0,
    })),
  };
}
