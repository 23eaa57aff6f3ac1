import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkCode, CODE_ALPHABET, CODE_BITS, codeFromPath } from '../../src/core/consent/codes.ts';
import { meets, parseFraction } from '../../src/core/consent/fraction.ts';
import { formatReceipt, readReceipt, receiptOf } from '../../src/core/consent/receipts.ts';
import { CONSENT_RULES, findRule, type ConsentRule } from '../../src/core/consent/rules.ts';
import {
  additionalAgreeNeeded,
  countBallots,
  evaluate,
  groupUnits,
  type Ballot,
  type GroupBallot,
} from '../../src/core/consent/tally.ts';

const rule = (id: string) => findRule(id)!;

/** n groups of equal area (100 = 1 m²) with the given ballots, in order. */
function equalGroups(ballots: (Ballot | null)[], area = 100): GroupBallot[] {
  return ballots.map((ballot, i) => ({
    group: { key: `g${i}`, unitIds: [`u${i}`], owners: [`p${i}`], areaCenti: area },
    ballot,
  }));
}
const times = (n: number, v: Ballot | null): (Ballot | null)[] => Array<Ballot | null>(n).fill(v);

describe('fractions (民法典第一千二百五十九条: "以上" includes the number itself; "过半数" excludes one half)', () => {
  it('compares by integer cross-multiplication', () => {
    expect(meets(3, 4, parseFraction('3/4')!)).toBe(true); // exactly 3/4 is "四分之三以上"
    expect(meets(2, 4, parseFraction('1/2')!, true)).toBe(false); // exactly 1/2 is not "过半数"
    expect(meets(3, 5, parseFraction('1/2')!, true)).toBe(true);
    expect(meets(0, 0, parseFraction('1/2')!)).toBe(false);
    // no float rounding: 2/3 of 300000001 centi needs 200000001 (200000000.67 rounded up)
    expect(meets(200_000_000, 300_000_001, parseFraction('2/3')!)).toBe(false);
    expect(meets(200_000_001, 300_000_001, parseFraction('2/3')!)).toBe(true);
  });
  it('parses only proper fractions', () => {
    expect(parseFraction('2/3')).toEqual({ num: 2, den: 3 });
    for (const bad of ['3/2', '0/3', '2/0', '0.75', 'x', '1/']) expect(parseFraction(bad), bad).toBeNull();
  });
});

describe('sh-801-building: "≥2/3 area & ≥2/3 heads participate; ≥3/4 participating area & ≥3/4 participating heads agree" (沪建房管联〔2020〕801号)', () => {
  const r = rule('sh-801-building');
  it('passes at exactly 3/4 of the participants agreeing', () => {
    // 12 heads, 8 take part (exactly 2/3), 6 agree (exactly 3/4 of 8)
    const b = equalGroups([...times(6, 'agree'), ...times(2, 'disagree'), ...times(4, null)]);
    expect(evaluate(r, countBallots(b))).toEqual({ participationMet: true, approvalMet: true, passed: true });
  });
  it('fails one short of 3/4, and one short of the 2/3 quorum', () => {
    const short = equalGroups([...times(5, 'agree'), ...times(2, 'disagree'), 'abstain', ...times(4, null)]);
    expect(evaluate(r, countBallots(short))).toMatchObject({
      participationMet: true,
      approvalMet: false,
      passed: false,
    });
    const noQuorum = equalGroups([...times(7, 'agree'), ...times(5, null)]);
    expect(evaluate(r, countBallots(noQuorum))).toMatchObject({
      participationMet: false,
      approvalMet: true,
      passed: false,
    });
  });
  it('needs both heads and area: many small flats agreeing do not carry a large one', () => {
    const b: GroupBallot[] = [
      ...equalGroups(times(3, 'agree'), 4000),
      { group: { key: 'big', unitIds: ['x'], owners: ['big'], areaCenti: 20000 }, ballot: 'disagree' },
    ];
    const c = countBallots(b);
    expect(c.agreeingHeads * 4).toBeGreaterThanOrEqual(3 * c.participatingHeads); // heads 3/4 ✓
    expect(evaluate(r, c).passed).toBe(false); // area 12000/32000 < 3/4
  });
  it('counts abstain as taking part, not agreeing', () => {
    const b = equalGroups([...times(3, 'agree'), 'abstain']);
    expect(countBallots(b)).toMatchObject({ participatingHeads: 4, agreeingHeads: 3 });
    expect(evaluate(r, countBallots(b)).passed).toBe(true);
  });
});

describe('sh-801-estate and civil-code-278-general: "more than 1/2" (过半数) of the participants', () => {
  for (const id of ['sh-801-estate', 'civil-code-278-general']) {
    it(`${id}: exactly half fails, one more passes`, () => {
      const half = equalGroups([...times(3, 'agree'), ...times(3, 'disagree')]);
      expect(evaluate(rule(id), countBallots(half)).passed).toBe(false);
      const more = equalGroups([...times(4, 'agree'), ...times(3, 'disagree')]);
      expect(evaluate(rule(id), countBallots(more)).passed).toBe(true);
    });
  }
});

describe('civil-code-278-major: as sh-801-building ("双三分之二参与、双四分之三同意")', () => {
  it('has the same thresholds', () => {
    expect(rule('civil-code-278-major').participation).toEqual(rule('sh-801-building').participation);
    expect(rule('civil-code-278-major').approval).toEqual(rule('sh-801-building').approval);
  });
});

describe('sh-2011-building: "90% of the building\'s residents" agree (historic, of all owners)', () => {
  const r = rule('sh-2011-building');
  it('measures against all owners: exactly 9 of 10 passes, 8 of 10 with everyone else silent fails', () => {
    expect(evaluate(r, countBallots(equalGroups([...times(9, 'agree'), null]))).passed).toBe(true);
    expect(evaluate(r, countBallots(equalGroups([...times(8, 'agree'), 'disagree', null]))).passed).toBe(
      false,
    );
  });
});

describe('owner groups (法释〔2009〕7号 第九条: several units of one buyer count as one; unsold units as one)', () => {
  it('merges units with the same owner set and keeps co-owned units as one head', () => {
    const groups = groupUnits([
      { id: '101', areaCenti: 5000, owners: ['a'] },
      { id: '102', areaCenti: 6000, owners: ['a'] }, // same buyer → same head, areas add
      { id: '201', areaCenti: 7000, owners: ['b', 'c'] }, // co-owned → one head
      { id: '202', areaCenti: 7100, owners: ['c', 'b'] }, // same set in another order → same head
      { id: '301', areaCenti: 5500, owners: ['b'] }, // b alone is another owner set
      { id: '401', areaCenti: 4000, owners: [] },
      { id: '402', areaCenti: 4100, owners: [] }, // unsold units together → one head
    ]);
    expect(groups.map((g) => [g.unitIds.join('+'), g.areaCenti])).toEqual([
      ['101+102', 11000],
      ['201+202', 14100],
      ['301', 5500],
      ['401+402', 8100],
    ]);
  });
});

describe('how many more owner groups must agree', () => {
  it('is 0 when passed and counts silent owners as also joining the quorum', () => {
    const r = rule('sh-801-building');
    expect(additionalAgreeNeeded(r, equalGroups(times(4, 'agree'))).count).toBe(0);
    // 12 heads, 4 agree, 8 silent: need 8 participating (2/3) with ≥3/4 agreeing → 4 more silent agree
    const ans = additionalAgreeNeeded(r, equalGroups([...times(4, 'agree'), ...times(8, null)]));
    expect(ans.count).toBe(4);
    expect(ans.groups).toHaveLength(4);
  });
  it('lists the largest flats first', () => {
    const b: GroupBallot[] = [
      ...equalGroups(times(2, 'agree'), 5000),
      { group: { key: 'small', unitIds: ['s'], owners: ['s'], areaCenti: 4000 }, ballot: 'disagree' },
      { group: { key: 'large', unitIds: ['l'], owners: ['l'], areaCenti: 9000 }, ballot: 'disagree' },
    ];
    const ans = additionalAgreeNeeded(rule('sh-801-building'), b);
    expect(ans.count).toBe(1);
    expect(ans.groups.map((g) => g.key)).toEqual(['large']);
  });

  /** the fewest groups by trying every subset of the not-yet-agreeing groups */
  function bruteForce(r: ConsentRule, ballots: GroupBallot[]): number | null {
    const open = ballots.map((b, i) => [b, i] as const).filter(([b]) => b.ballot !== 'agree');
    let best: number | null = null;
    for (let mask = 0; mask < 1 << open.length; mask++) {
      const size = open.filter((_, bit) => mask & (1 << bit)).length;
      if (best !== null && size >= best) continue;
      const flipped = ballots.map((b) => ({ ...b }));
      open.forEach(([, i], bit) => {
        if (mask & (1 << bit)) flipped[i]!.ballot = 'agree';
      });
      if (evaluate(r, countBallots(flipped)).passed) best = size;
    }
    return best;
  }

  it('equals a brute-force search on random small stairwells, for every rule', () => {
    const group = fc.record({
      areaCenti: fc.integer({ min: 3000, max: 12000 }),
      ballot: fc.constantFrom<Ballot | null>('agree', 'disagree', 'abstain', null),
    });
    fc.assert(
      fc.property(
        fc.array(group, { minLength: 1, maxLength: 10 }),
        fc.constantFrom(...CONSENT_RULES),
        (gs, r) => {
          const ballots: GroupBallot[] = gs.map((g, i) => ({
            group: { key: `g${i}`, unitIds: [`u${i}`], owners: [`p${i}`], areaCenti: g.areaCenti },
            ballot: g.ballot,
          }));
          const ans = additionalAgreeNeeded(r, ballots);
          expect(ans.count).toBe(bruteForce(r, ballots));
          if (ans.count) {
            // the listed groups really pass it
            const keys = new Set(ans.groups.map((g) => g.key));
            const flipped = ballots.map((b) =>
              keys.has(b.group.key) ? { ...b, ballot: 'agree' as const } : b,
            );
            expect(evaluate(r, countBallots(flipped)).passed).toBe(true);
          }
        },
      ),
      { numRuns: 400 },
    );
  });
});

describe('household codes', () => {
  it('carry more than the 50 bits of entropy asked for (31 symbols × 12 characters ≈ 59.4 bits)', () => {
    expect(CODE_ALPHABET).not.toMatch(/[01ILO]/);
    expect(new Set(CODE_ALPHABET).size).toBe(CODE_ALPHABET.length);
    expect(CODE_BITS).toBeGreaterThan(59);
    expect(CODE_BITS).toBeGreaterThanOrEqual(50);
  });
});

describe('receipt numbers (the first 16 hex digits of a ballot’s ledger hash)', () => {
  const hash = '9f3a1c2b77de0a41' + 'c'.repeat(48);

  it('are written as four groups of four capitals, from a hash or a receipt number', () => {
    expect(receiptOf(hash)).toBe('9f3a1c2b77de0a41');
    expect(formatReceipt(hash)).toBe('9F3A 1C2B 77DE 0A41');
    expect(formatReceipt('9f3a1c2b77de0a41')).toBe('9F3A 1C2B 77DE 0A41');
  });

  it('read what people type: any case, spaces and dashes of any width, O for 0, I and L for 1, full-width digits', () => {
    for (const typed of [
      '9F3A 1C2B 77DE 0A41',
      '9f3a-1c2b-77de-0a41',
      '9F3A　1C2B　77DE　OA4l',
      '９F3A1C2B77DE0A41',
    ])
      expect(readReceipt(typed, { whole: true })).toEqual({ ok: true, hex: '9f3a1c2b77de0a41' });
    expect(readReceipt(hash.toUpperCase(), { whole: true })).toEqual({ ok: true, hex: hash });
  });

  it('say what is wrong with what cannot be one, naming the character as typed', () => {
    expect(readReceipt('  ', { whole: true })).toEqual({ ok: false, reason: 'empty' });
    expect(readReceipt('9F3A 1C2B 77DE 0AXZ', { whole: true })).toEqual({
      ok: false,
      reason: 'char',
      char: 'X',
    });
    expect(readReceipt('9F3A 1C2B', { whole: true })).toEqual({ ok: false, reason: 'length', length: 8 });
    expect(readReceipt('9F3A', { whole: false })).toEqual({ ok: true, hex: '9f3a' });
    expect(readReceipt('a'.repeat(65), { whole: false })).toEqual({
      ok: false,
      reason: 'length',
      length: 65,
    });
  });
});

describe('a household code as typed or in the address', () => {
  it('reads full-width letters, any case and any dash or space, and groups it as the page asks for it', () => {
    for (const typed of [
      'abcd efgh jkmn',
      'ＡＢＣＤ－ＥＦＧＨ－ＪＫＭＮ',
      'ABCD—EFGH·JKMN',
      ' abcdefghjkmn ',
    ])
      expect(checkCode(typed), typed).toEqual({ ok: true, code: 'ABCD-EFGH-JKMN' });
  });

  it('names what is wrong: nothing, a look-alike character, or the length', () => {
    expect(checkCode(' - ')).toEqual({ ok: false, reason: 'empty' });
    expect(checkCode('ABCD-EFGH-JKM0')).toEqual({ ok: false, reason: 'char', char: '0' });
    expect(checkCode('ABCD-EFGH-JKM')).toEqual({ ok: false, reason: 'length', length: 11 });
  });

  it('takes the code from /r/<code>, decoded, and nothing from /r/', () => {
    expect(codeFromPath('/r/ABCD-EFGH-JKMN/')).toBe('ABCD-EFGH-JKMN');
    expect(codeFromPath('/r/abcd%20efgh%20jkmn')).toBe('abcd efgh jkmn');
    expect(codeFromPath('/r/%E0%A4%A')).toBe('%E0%A4%A');
    expect(codeFromPath('/r/')).toBeNull();
    expect(codeFromPath('/r')).toBeNull();
  });
});
