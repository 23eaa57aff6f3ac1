/** Issue 12 item 6: the agreement's clauses, filled from one function for Word and the owner's page. */
import { describe, expect, it } from 'vitest';
import {
  AGREEMENT_PLACEHOLDERS,
  agreementProblem,
  agreementValues,
  DEFAULT_AGREEMENT,
  fillAgreement,
  fractionZh,
  zhNumber,
  type AgreementFacts,
  type AgreementPlaceholder,
} from '../../src/core/agreement.ts';

const facts: AgreementFacts = {
  project: '广粤路1601弄26号加装电梯',
  street: '江湾镇街道',
  committee: '胜利居委会',
  plan: {
    name: '协商方案',
    version: 2,
    constructionFen: 60_000_001,
    otherCosts: [{ label: '管线迁移', fen: 3_000_000 }],
    compensations: [{ unitId: 'u1', fen: 500_000 }],
    subsidy: { rate: '0.40', capFen: 28_000_000 },
    subsidyFen: 24_000_000,
    otherFunds: [{ label: '街道支持', fen: 1_000_099 }],
    scheme: { kind: 'area', exemptFloors: [1, 2] },
    schedule: [
      { label: '签约后', dueOn: '2026-12-31', percent: '50' },
      { label: '竣工后', dueOn: '2027-06-30', percent: '50' },
    ],
    runningCostRule: '',
  },
  units: 12,
  payingUnits: 8,
  household: { room: '501', floor: 5, areaCenti: 7520, shareFen: 4_812_345, compensationFen: 0 },
  useUnit: { kind: 'property_company', name: '江湾物业' },
  runningCosts: null,
  today: '2026-12-02',
};

const quorum = DEFAULT_AGREEMENT.amendQuorum;

describe('filling the agreement', () => {
  it('fills every placeholder, with money in fen printed as exact yuan', () => {
    const v = agreementValues(facts, quorum);
    expect(Object.keys(v).sort()).toEqual(Object.keys(AGREEMENT_PLACEHOLDERS).sort());
    const expected: Record<AgreementPlaceholder, string> = {
      项目: '广粤路1601弄26号加装电梯',
      街道: '江湾镇街道',
      居委会: '胜利居委会',
      方案: '费用方案“协商方案”（第 2 版）',
      户数: '12',
      出资户数: '8',
      // 600,000.01 + 30,000.00 + 5,000.00: added in fen, never rounded
      总造价: '635,000.01 元',
      补贴: '240,000.00 元',
      // 635,000.01 − 240,000.00 − 10,000.99
      业主分摊总额: '384,999.02 元',
      费用明细:
        '施工金额 600,000.01 元；加：其他费用（管线迁移） 30,000.00 元；加：住户补偿（1 户） 5,000.00 元；总费用 635,000.01 元；减：政府补贴 240,000.00 元；减：其他资金（街道支持） 10,000.99 元；全体业主共同分摊 384,999.02 元',
      分摊办法: '出资户按面积分摊，1、2 层免出资。',
      付款安排: '签约后（2026-12-31 前）交 50%；竣工后（2027-06-30 前）交 50%',
      本户: '501室，5 层，75.20 ㎡',
      本户应出资: '48,123.45 元',
      本户补偿: '0.00 元',
      使用管理单位: '物业服务企业“江湾物业”',
      运行费用分摊: '由使用电梯的住户按年分摊',
      变更表决比例: '专有部分面积占本门洞三分之二以上且人数占三分之二以上的业主书面同意',
      日期: '2026-12-02',
    };
    expect(v).toEqual(expected);
  });

  it('says "see the table" for the household in the whole agreement, and "not chosen" without a use unit', () => {
    const v = agreementValues({ ...facts, household: null, useUnit: null }, quorum);
    expect([v.本户, v.本户应出资, v.本户补偿]).toEqual(['见附表', '见附表', '见附表']);
    expect(v.使用管理单位).toBe('全体出资业主推选的单位（尚未推选）');
    expect(agreementValues({ ...facts, useUnit: { kind: null, name: '  ' } }, quorum).使用管理单位).toBe(
      '全体出资业主推选的单位（尚未推选）',
    );
  });

  // domain.md §5: "Running costs usually shared by users only; ground floor often exempt"
  it('takes the running-cost split from the plan, else from the latest year billed, else among the users', () => {
    const ruled = { ...facts, plan: { ...facts.plan, runningCostRule: '三层及以上住户按户均摊。' } };
    expect(agreementValues(ruled, quorum).运行费用分摊).toBe('三层及以上住户按户均摊');
    const billed = {
      ...facts,
      runningCosts: { year: 2027, scheme: { kind: 'equal' as const, exemptFloors: [1] } },
    };
    expect(agreementValues(billed, quorum).运行费用分摊).toBe('按 2027 年的办法，出资户平均分摊，1 层免出资');
    expect(agreementValues(facts, quorum).运行费用分摊).toBe('由使用电梯的住户按年分摊');
  });

  it('uses the quorum the street sets to change the agreement', () => {
    expect(agreementValues(facts, { area: '3/4', heads: '1/2' }).变更表决比例).toBe(
      '专有部分面积占本门洞四分之三以上且人数占二分之一以上的业主书面同意',
    );
    expect(fractionZh({ num: 67, den: 100 })).toBe('67/100');
  });

  it('numbers the clauses and fills title and body the same way', () => {
    const filled = fillAgreement(
      { clauses: [{ title: '{项目}', body: '总造价 {总造价}，{未知}不在此列' }], amendQuorum: quorum },
      facts,
    );
    expect(filled).toEqual([
      { title: '第一条　广粤路1601弄26号加装电梯', body: '总造价 635,000.01 元，{未知}不在此列' },
    ]);
    expect([1, 9, 10, 11, 20, 23, 30].map(zhNumber)).toEqual([
      '一',
      '九',
      '十',
      '十一',
      '二十',
      '二十三',
      '三十',
    ]);
  });

  it('fills the default clauses: parties, cost, split, dates, use unit, running costs, insurance, damage, changes, disputes, signatures', () => {
    const text = fillAgreement(DEFAULT_AGREEMENT, facts);
    expect(text.map((c) => c.title)).toEqual([
      '第一条　协议各方与项目',
      '第二条　费用与资金',
      '第三条　费用分摊',
      '第四条　付款时间',
      '第五条　使用管理单位',
      '第六条　运行费用',
      '第七条　保险',
      '第八条　施工期间的损害与赔偿',
      '第九条　协议的变更',
      '第十条　争议解决',
      '第十一条　生效与签署',
    ]);
    const all = text.map((c) => c.title + c.body).join('');
    expect(all).not.toMatch(/[{}]/);
    expect(all).toContain('由物业服务企业“江湾物业”作为电梯使用管理单位');
  });
});

describe('checking a template', () => {
  it('accepts the default', () => {
    expect(agreementProblem(DEFAULT_AGREEMENT)).toBeNull();
  });

  it('rejects an unknown placeholder, naming the clause and the field in both languages', () => {
    const bad = {
      ...DEFAULT_AGREEMENT,
      clauses: [...DEFAULT_AGREEMENT.clauses, { title: '附则', body: '造价 {造价}' }],
    };
    const p = agreementProblem(bad)!;
    expect(p.field).toBe('clauses.11.body');
    expect(p.zh).toContain('第 12 条的正文中有未知的占位符“{造价}”');
    expect(p.en).toContain('the body of clause 12 has an unknown placeholder “{造价}”');
    expect(p.zh).toContain('{总造价}');
    expect(agreementProblem({ ...DEFAULT_AGREEMENT, clauses: [{ title: '{}', body: 'x' }] })!.field).toBe(
      'clauses.0.title',
    );
  });

  it('rejects a brace without its pair', () => {
    const p = agreementProblem({ ...DEFAULT_AGREEMENT, clauses: [{ title: 'a', body: '总造价 {总造价' }] })!;
    expect(p).toMatchObject({ field: 'clauses.0.body', zh: '第 1 条的正文中的花括号“{ }”不成对' });
  });

  it('rejects a quorum that is not a fraction up to 1', () => {
    for (const area of ['4/3', '0/3', '两成', ''])
      expect(agreementProblem({ ...DEFAULT_AGREEMENT, amendQuorum: { area, heads: '2/3' } })?.field).toBe(
        'amendQuorum.area',
      );
  });

  it('defaults the quorum to the consent module’s 2/3 of area and of heads (domain.md has no rule for changing the agreement)', () => {
    // domain.md §1: "owners with ≥2/3 of 专有部分面积 AND ≥2/3 of 人数 participate"
    expect(DEFAULT_AGREEMENT.amendQuorum).toEqual({ area: '2/3', heads: '2/3' });
  });
});
