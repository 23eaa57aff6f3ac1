import { meets } from './fraction.ts';
import type { ConsentRule } from './rules.ts';

export type Ballot = 'agree' | 'disagree' | 'abstain';

export interface ElectorUnit {
  id: string;
  /** registered area in hundredths of m² */
  areaCenti: number;
  /** person ids of the unit's owners; empty for an unsold unit */
  owners: string[];
}

/**
 * An owner group is one head (法释〔2009〕7号 第九条): the set of owners of a unit. Units with
 * the same owner set count once (one buyer of several units); a co-owned unit counts once; unsold
 * units together count as one. A group's area is the sum of its units' registered areas.
 */
export interface OwnerGroup {
  key: string;
  unitIds: string[];
  owners: string[];
  areaCenti: number;
}

export const UNSOLD_GROUP_KEY = 'unsold';

export function ownerGroupKey(owners: readonly string[]): string {
  return owners.length ? [...new Set(owners)].sort().join('|') : UNSOLD_GROUP_KEY;
}

export function groupUnits(units: readonly ElectorUnit[]): OwnerGroup[] {
  const groups = new Map<string, OwnerGroup>();
  for (const u of units) {
    const key = ownerGroupKey(u.owners);
    const g = groups.get(key);
    if (g) {
      g.unitIds.push(u.id);
      g.areaCenti += u.areaCenti;
    } else {
      groups.set(key, {
        key,
        unitIds: [u.id],
        owners: [...new Set(u.owners)].sort(),
        areaCenti: u.areaCenti,
      });
    }
  }
  return [...groups.values()];
}

export interface Counts {
  totalHeads: number;
  totalArea: number;
  participatingHeads: number;
  participatingArea: number;
  agreeingHeads: number;
  agreeingArea: number;
}

export interface Outcome {
  participationMet: boolean;
  approvalMet: boolean;
  passed: boolean;
}

/** Applies a rule to counts: integer cross-multiplication only. */
export function evaluate(rule: ConsentRule, c: Counts): Outcome {
  const p = rule.participation;
  const participationMet = p
    ? meets(c.participatingArea, c.totalArea, p.area) && meets(c.participatingHeads, c.totalHeads, p.heads)
    : c.totalHeads > 0;
  const a = rule.approval;
  const baseHeads = a.base === 'total' ? c.totalHeads : c.participatingHeads;
  const baseArea = a.base === 'total' ? c.totalArea : c.participatingArea;
  const approvalMet =
    meets(c.agreeingArea, baseArea, a.area, a.strict) && meets(c.agreeingHeads, baseHeads, a.heads, a.strict);
  return { participationMet, approvalMet, passed: participationMet && approvalMet };
}

export interface GroupBallot {
  group: OwnerGroup;
  ballot: Ballot | null;
}

export function countBallots(ballots: readonly GroupBallot[]): Counts {
  const c: Counts = {
    totalHeads: 0,
    totalArea: 0,
    participatingHeads: 0,
    participatingArea: 0,
    agreeingHeads: 0,
    agreeingArea: 0,
  };
  for (const { group, ballot } of ballots) {
    c.totalHeads += 1;
    c.totalArea += group.areaCenti;
    // abstain and disagree take part; no ballot does not
    if (ballot) {
      c.participatingHeads += 1;
      c.participatingArea += group.areaCenti;
    }
    if (ballot === 'agree') {
      c.agreeingHeads += 1;
      c.agreeingArea += group.areaCenti;
    }
  }
  return c;
}

export interface NeededAnswer {
  /** the fewest not-yet-agreeing owner groups whose agreement would pass the vote; 0 when passed; null when even all cannot */
  count: number | null;
  /** one such set of groups, largest area first */
  groups: OwnerGroup[];
}

const byAreaDesc = (a: OwnerGroup, b: OwnerGroup) => b.areaCenti - a.areaCenti || a.key.localeCompare(b.key);

/**
 * How many more owner groups must agree. A group that already took part (disagree/abstain) adds
 * only to agreement; one that did not adds to participation too. For a fixed number j of the
 * first kind and m of the second, taking the largest areas of each kind is best (more area never
 * hurts any threshold). One more agreeing group never hurts either, so the smallest k is found by
 * binary search, trying every split j + m = k.
 */
export function additionalAgreeNeeded(rule: ConsentRule, ballots: readonly GroupBallot[]): NeededAnswer {
  const base = countBallots(ballots);
  if (evaluate(rule, base).passed) return { count: 0, groups: [] };
  const voted = ballots
    .filter((b) => b.ballot && b.ballot !== 'agree')
    .map((b) => b.group)
    .sort(byAreaDesc);
  const silent = ballots
    .filter((b) => !b.ballot)
    .map((b) => b.group)
    .sort(byAreaDesc);
  const votedArea = prefixSums(voted);
  const silentArea = prefixSums(silent);

  /** the j of a split of k that passes, or null */
  const passingSplit = (k: number): number | null => {
    for (let j = Math.min(k, voted.length); j >= 0 && k - j <= silent.length; j--) {
      const m = k - j;
      const c: Counts = {
        ...base,
        participatingHeads: base.participatingHeads + m,
        participatingArea: base.participatingArea + silentArea[m]!,
        agreeingHeads: base.agreeingHeads + k,
        agreeingArea: base.agreeingArea + votedArea[j]! + silentArea[m]!,
      };
      if (evaluate(rule, c).passed) return j;
    }
    return null;
  };

  let lo = 1;
  let hi = voted.length + silent.length;
  if (hi === 0 || passingSplit(hi) === null) return { count: null, groups: [] };
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (passingSplit(mid) !== null) hi = mid;
    else lo = mid + 1;
  }
  const j = passingSplit(lo)!;
  return { count: lo, groups: [...voted.slice(0, j), ...silent.slice(0, lo - j)].sort(byAreaDesc) };
}

function prefixSums(groups: readonly OwnerGroup[]): number[] {
  const sums = [0];
  for (const g of groups) sums.push(sums[sums.length - 1]! + g.areaCenti);
  return sums;
}
