import { parseFraction, type Fraction } from './fraction.ts';

/**
 * A legal voting rule as versioned data. Participation is measured against all owners of the
 * electorate; approval against those taking part (or, for the historic rule, against all).
 * Sources and wording: shared/docs/domain.md §1 and §11.
 */
export interface ConsentRule {
  id: string;
  version: number;
  name: { zh: string; en: string };
  source: string;
  /** owners holding ≥ this share of area and of heads must take part ("以上" is inclusive); null: no quorum */
  participation: { area: Fraction; heads: Fraction } | null;
  approval: {
    area: Fraction;
    heads: Fraction;
    /** true: more than ("过半数"); false: at least ("以上") */
    strict: boolean;
    base: 'participating' | 'total';
  };
}

const f = (text: string) => parseFraction(text)!;
const TWO_THIRDS = { area: f('2/3'), heads: f('2/3') };

export const CONSENT_RULES: readonly ConsentRule[] = [
  {
    id: 'sh-801-building',
    version: 1,
    name: {
      zh: '沪建房管联〔2020〕801号 楼幢表决（双三分之二参与、双四分之三同意）',
      en: 'Shanghai 801/2020 building vote (2/3 take part, 3/4 agree)',
    },
    source:
      '沪建房管联〔2020〕801号《关于调整本市既有多层住宅加装电梯业主表决比例的通知》，2021-01-01 起施行',
    participation: TWO_THIRDS,
    approval: { area: f('3/4'), heads: f('3/4'), strict: false, base: 'participating' },
  },
  {
    id: 'sh-801-estate',
    version: 1,
    name: {
      zh: '沪建房管联〔2020〕801号 占用小区共有部分表决（双三分之二参与、过半数同意）',
      en: 'Shanghai 801/2020 estate vote for common land (2/3 take part, more than 1/2 agree)',
    },
    source: '沪建房管联〔2020〕801号：拟占用小区业主共有部分的，应当征询建筑区划内全体业主意见',
    participation: TWO_THIRDS,
    approval: { area: f('1/2'), heads: f('1/2'), strict: true, base: 'participating' },
  },
  {
    id: 'civil-code-278-major',
    version: 1,
    name: {
      zh: '民法典第二百七十八条 重大事项（改建、重建等）',
      en: 'Civil Code art. 278, major matters (rebuilding etc.)',
    },
    source:
      '《民法典》第二百七十八条第二款：应当经参与表决专有部分面积四分之三以上的业主且参与表决人数四分之三以上的业主同意',
    participation: TWO_THIRDS,
    approval: { area: f('3/4'), heads: f('3/4'), strict: false, base: 'participating' },
  },
  {
    id: 'civil-code-278-general',
    version: 1,
    name: { zh: '民法典第二百七十八条 一般事项', en: 'Civil Code art. 278, other matters' },
    source:
      '《民法典》第二百七十八条第二款：应当经参与表决专有部分面积过半数的业主且参与表决人数过半数的业主同意',
    participation: TWO_THIRDS,
    approval: { area: f('1/2'), heads: f('1/2'), strict: true, base: 'participating' },
  },
  {
    id: 'sh-2011-building',
    version: 1,
    name: {
      zh: '上海 2011 年试点规则（历史：本幢 90% 以上业主同意）',
      en: 'Shanghai 2011 pilot rule (historic: 90% of all owners agree)',
    },
    source: '《关于本市既有多层住宅增设电梯的指导意见》（2011），约 2019 年前适用',
    participation: null,
    approval: { area: f('9/10'), heads: f('9/10'), strict: false, base: 'total' },
  },
];

export const RULE_IDS = CONSENT_RULES.map((r) => r.id);

export function findRule(id: string): ConsentRule | undefined {
  return CONSENT_RULES.find((r) => r.id === id);
}
