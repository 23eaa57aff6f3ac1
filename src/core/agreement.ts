/**
 * The owners' agreement (加装电梯协议书) as a street-editable template: ordered clauses, each a
 * title and a body with named placeholders such as {项目} or {总造价}, filled from the project, its
 * adopted plan and the lift. The Word document and the household page print the text this one
 * function fills, so they cannot differ. Pure: the server gathers the facts, nothing here reads.
 */
import { formatAreaM2 } from './area.ts';
import { CONSENT_RULES } from './consent/rules.ts';
import { parseFraction, type Fraction } from './consent/fraction.ts';
import { USE_UNIT_KIND_LABELS, type UseUnitKind } from './lifts.ts';
import { costLines, lineLabel, totalCostFen, type PlanMoney } from './money/breakdown.ts';
import { formatYuan } from './money/decimal.ts';
import type { ScheduledInstalment } from './money/payments.ts';
import type { Scheme } from './money/schemes.ts';

type Bilingual = { zh: string; en: string };

export interface AgreementClause {
  title: string;
  body: string;
}

/**
 * The street's wording. `amendQuorum`: the share of the owners' area and of their heads whose
 * written consent changes the agreement. domain.md has no rule for changing an owners'
 * agreement, so the default is the consent module's 2/3 of area and 2/3 of heads (the
 * participation quorum of 801号's building vote), and the street may set another.
 */
export interface AgreementTemplate {
  clauses: AgreementClause[];
  amendQuorum: { area: string; heads: string };
}

export const CLAUSE_LIMITS = { clauses: 30, title: 60, body: 2000 } as const;

/** How a household-level placeholder reads in the whole agreement, where each household is in the table. */
const IN_TABLE = '见附表';

/** Every placeholder a clause may use, with what it stands for (the editor lists them). */
export const AGREEMENT_PLACEHOLDERS = {
  项目: { zh: '项目名称', en: 'The project’s name' },
  街道: { zh: '街道', en: 'The street' },
  居委会: { zh: '居委会', en: 'The residents’ committee' },
  方案: { zh: '费用方案名称与版本', en: 'The cost plan’s name and version' },
  户数: { zh: '本门洞房屋户数', en: 'Number of units in the stairwell' },
  出资户数: { zh: '出资户数', en: 'Number of paying units' },
  总造价: { zh: '加装电梯总费用（元）', en: 'The total cost (yuan)' },
  补贴: { zh: '政府补贴（元）', en: 'The government subsidy (yuan)' },
  业主分摊总额: { zh: '全体业主分摊额（元）', en: 'What all owners share (yuan)' },
  费用明细: { zh: '费用与资金逐项', en: 'Every cost and fund, line by line' },
  分摊办法: { zh: '分摊办法的说明', en: 'How the scheme computes a share' },
  付款安排: { zh: '分期付款的日期与比例', en: 'Instalments: due dates and percentages' },
  本户: {
    zh: '本户房屋（总协议中为“见附表”）',
    en: 'The household’s unit (whole agreement: “see the table”)',
  },
  本户应出资: { zh: '本户应出资（元）', en: 'The household’s share (yuan)' },
  本户补偿: { zh: '本户获得的补偿（元）', en: 'The household’s compensation (yuan)' },
  使用管理单位: { zh: '电梯使用管理单位（已登记时）', en: 'The body running the lift, when recorded' },
  运行费用分摊: { zh: '运行费用的分摊办法', en: 'How running costs are shared' },
  变更表决比例: { zh: '变更本协议所需的同意比例', en: 'The consent needed to change the agreement' },
  日期: { zh: '文本生成日期', en: 'The date the text was made' },
} as const satisfies Record<string, Bilingual>;
export type AgreementPlaceholder = keyof typeof AGREEMENT_PLACEHOLDERS;

const isPlaceholder = (name: string): name is AgreementPlaceholder =>
  Object.hasOwn(AGREEMENT_PLACEHOLDERS, name);

/** The 801号 building vote's participation quorum: 2/3 of the area and 2/3 of the heads. */
const CONSENT_QUORUM = CONSENT_RULES.find((r) => r.id === 'sh-801-building')!.participation!;
const fractionText = (f: Fraction) => `${f.num}/${f.den}`;

/** Our default wording (not a legal form of the city: a street edits it to its own). */
export const DEFAULT_AGREEMENT: AgreementTemplate = {
  amendQuorum: { area: fractionText(CONSENT_QUORUM.area), heads: fractionText(CONSENT_QUORUM.heads) },
  clauses: [
    {
      title: '协议各方与项目',
      body: '本协议由{项目}全体业主（共 {户数} 户，其中出资 {出资户数} 户）共同订立，{街道}{居委会}见证。各方本着自愿、公平、诚信的原则，就本门洞加装电梯事宜达成如下协议。',
    },
    {
      title: '费用与资金',
      body: '按{方案}，加装电梯总费用 {总造价}，全体业主共同分摊 {业主分摊总额}，逐项加减为：{费用明细}。',
    },
    {
      title: '费用分摊',
      body: '{分摊办法}本户（{本户}）应出资 {本户应出资}，获得补偿 {本户补偿}。各户的分摊额以附表为准。',
    },
    {
      title: '付款时间',
      body: '各户按以下时间交付应出资额：{付款安排}。逾期未交的，业主代表可以书面催告。',
    },
    {
      title: '使用管理单位',
      body: '电梯竣工验收后，由{使用管理单位}作为电梯使用管理单位，负责电梯的日常使用管理、委托维护保养、定期检验和应急处置。使用管理单位由全体出资业主推选，可以是业主自管小组、物业服务企业或其他单位；更换使用管理单位，按本协议变更的比例决定。',
    },
    {
      title: '运行费用',
      body: '电梯的维护保养费、电费、检验费、保险费及维修费等运行费用，按以下办法分摊：{运行费用分摊}。使用管理单位每年向出资业主公布一次运行费用账目。',
    },
    {
      title: '保险',
      body: '使用管理单位为电梯投保电梯安全责任保险（或“保险+服务”综合保险），保险费计入运行费用。',
    },
    {
      title: '施工期间的损害与赔偿',
      body: '施工期间，施工单位应做好安全防护，减少对住户出行和生活的影响。因施工造成房屋、管线或财物损坏的，由施工单位负责修复或赔偿；各户应配合必要的施工作业。',
    },
    {
      title: '协议的变更',
      body: '本协议的变更（包括费用分摊办法、运行费用分摊办法和使用管理单位的更换），须经{变更表决比例}，并以书面形式作出。',
    },
    {
      title: '争议解决',
      body: '因本协议发生争议的，各方先行协商；协商不成的，可以请求{居委会}或{街道}调解，也可以依法向人民法院提起诉讼。',
    },
    {
      title: '生效与签署',
      body: '本协议自全体出资业主签字之日起生效，各户与居委会各执一份。本文本生成于 {日期}。',
    },
  ],
};

/** The facts a filling needs, gathered by the server from the project, its plan and its lift. */
export interface AgreementFacts {
  project: string;
  street: string;
  committee: string;
  plan: PlanMoney & {
    name: string;
    version: number;
    scheme: Scheme;
    schedule: readonly ScheduledInstalment[];
    runningCostRule: string;
  };
  units: number;
  payingUnits: number;
  /** the household the text is for; null: the whole agreement, with every household in its table */
  household: {
    room: string;
    floor: number;
    areaCenti: number;
    shareFen: number;
    compensationFen: number;
  } | null;
  /** the lift's 使用单位 as recorded (modules/lifts); null or an empty name: not chosen yet */
  useUnit: { kind: UseUnitKind | null; name: string } | null;
  /** the latest year of running costs billed (money/upkeep.ts), used when the plan states no rule */
  runningCosts: { year: number; scheme: Scheme } | null;
  /** 'YYYY-MM-DD', from the clock */
  today: string;
}

/** How a scheme computes a share, in plain words. */
export function schemeText(s: Scheme): Bilingual {
  switch (s.kind) {
    case 'floor-coefficient-area':
      return {
        zh: `按“楼层系数 × 房屋面积”分摊：${Object.entries(s.coefficients)
          .map(([f, c]) => `${f}层 ${c}`)
          .join('，')}。系数为 0 的楼层不出资。`,
        en: `Shared by floor coefficient × area: ${Object.entries(s.coefficients)
          .map(([f, c]) => `floor ${f}: ${c}`)
          .join(', ')}. Floors with coefficient 0 pay nothing.`,
      };
    case 'floor-percent':
      return {
        zh: `按楼层比例分摊：${Object.entries(s.percents)
          .map(([f, p]) => `${f}层 ${p}%`)
          .join('，')}；同层按面积分。`,
        en: `Shared by floor percentage: ${Object.entries(s.percents)
          .map(([f, p]) => `floor ${f}: ${p}%`)
          .join(', ')}; within a floor by area.`,
      };
    case 'equal':
      return {
        zh: `出资户平均分摊${s.exemptFloors?.length ? `，${s.exemptFloors.join('、')} 层免出资` : ''}。`,
        en: `Shared equally among paying units${s.exemptFloors?.length ? `; floors ${s.exemptFloors.join(', ')} are exempt` : ''}.`,
      };
    case 'area':
      return {
        zh: `出资户按面积分摊${s.exemptFloors?.length ? `，${s.exemptFloors.join('、')} 层免出资` : ''}。`,
        en: `Shared by area among paying units${s.exemptFloors?.length ? `; floors ${s.exemptFloors.join(', ')} are exempt` : ''}.`,
      };
  }
}

const DIGITS = '零一二三四五六七八九十';
/** 2/3 → 三分之二 (up to ten, as agreements write it); larger parts stay as figures. */
export function fractionZh(f: Fraction): string {
  return f.num <= 10 && f.den <= 10 ? `${DIGITS[f.den]}分之${DIGITS[f.num]}` : `${f.num}/${f.den}`;
}

const yuan = (fen: number) => `${formatYuan(fen)} 元`;
/** A written rule ends without a full stop: the clause's own sentence closes it. */
const trimStop = (s: string) => s.trim().replace(/[。.；;]+$/, '');

/** Every placeholder's text for these facts. */
export function agreementValues(
  facts: AgreementFacts,
  quorum: AgreementTemplate['amendQuorum'],
): Record<AgreementPlaceholder, string> {
  const { plan, household: h } = facts;
  const lines = costLines(plan);
  const area = parseFraction(quorum.area) ?? CONSENT_QUORUM.area;
  const heads = parseFraction(quorum.heads) ?? CONSENT_QUORUM.heads;
  const useUnit = facts.useUnit?.name.trim()
    ? `${facts.useUnit.kind ? USE_UNIT_KIND_LABELS[facts.useUnit.kind].zh : ''}“${facts.useUnit.name.trim()}”`
    : '全体出资业主推选的单位（尚未推选）';
  const running = plan.runningCostRule.trim()
    ? trimStop(plan.runningCostRule)
    : facts.runningCosts
      ? `按 ${facts.runningCosts.year} 年的办法，${trimStop(schemeText(facts.runningCosts.scheme).zh)}`
      : '由使用电梯的住户按年分摊';
  return {
    项目: facts.project,
    街道: facts.street,
    居委会: facts.committee,
    方案: `费用方案“${plan.name}”（第 ${plan.version} 版）`,
    户数: String(facts.units),
    出资户数: String(facts.payingUnits),
    总造价: yuan(totalCostFen(lines)),
    补贴: yuan(plan.subsidyFen),
    业主分摊总额: yuan(lines.at(-1)!.fen),
    费用明细: lines.map((l) => `${lineLabel(l).zh} ${yuan(l.fen)}`).join('；'),
    分摊办法: schemeText(plan.scheme).zh,
    付款安排: plan.schedule.length
      ? plan.schedule.map((i) => `${i.label}（${i.dueOn} 前）交 ${i.percent}%`).join('；')
      : '签约后一次付清',
    本户: h ? `${h.room}室，${h.floor} 层，${formatAreaM2(h.areaCenti)} ㎡` : IN_TABLE,
    本户应出资: h ? yuan(h.shareFen) : IN_TABLE,
    本户补偿: h ? yuan(h.compensationFen) : IN_TABLE,
    使用管理单位: useUnit,
    运行费用分摊: running,
    变更表决比例: `专有部分面积占本门洞${fractionZh(area)}以上且人数占${fractionZh(heads)}以上的业主书面同意`,
    日期: facts.today,
  };
}

const PLACEHOLDER = /\{([^{}]*)\}/g;

/** 1 → 一, 12 → 十二, 30 → 三十 (clauses are at most 30). */
export function zhNumber(n: number): string {
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens > 1 ? DIGITS[tens] : ''}${tens > 0 ? '十' : ''}${ones > 0 || tens === 0 ? DIGITS[ones] : ''}`;
}

/**
 * The clauses numbered (第一条 …) with every placeholder replaced; the template is valid (see
 * `agreementProblem`), an unknown name would print as written.
 */
export function fillAgreement(template: AgreementTemplate, facts: AgreementFacts): AgreementClause[] {
  const values = agreementValues(facts, template.amendQuorum);
  const fill = (text: string) =>
    text.replace(PLACEHOLDER, (whole, name: string) => (isPlaceholder(name) ? values[name] : whole));
  return template.clauses.map((c, i) => ({
    title: `第${zhNumber(i + 1)}条\u3000${fill(c.title)}`,
    body: fill(c.body),
  }));
}

export interface AgreementProblem {
  field: string;
  zh: string;
  en: string;
}

const KNOWN = Object.keys(AGREEMENT_PLACEHOLDERS)
  .map((k) => `{${k}}`)
  .join('');

/**
 * Why a template cannot be saved, or null: a placeholder not in the list, a brace without its
 * pair (a typo would otherwise print as it is), or a quorum that is not a fraction in (0, 1].
 */
export function agreementProblem(t: AgreementTemplate): AgreementProblem | null {
  for (const [i, clause] of t.clauses.entries()) {
    for (const part of ['title', 'body'] as const) {
      const where = {
        zh: `第 ${i + 1} 条的${part === 'title' ? '标题' : '正文'}`,
        en: `the ${part} of clause ${i + 1}`,
      };
      const text = clause[part];
      for (const m of text.matchAll(PLACEHOLDER)) {
        const name = m[1]!;
        if (!isPlaceholder(name))
          return {
            field: `clauses.${i}.${part}`,
            zh: `${where.zh}中有未知的占位符“{${name}}”；可用的占位符：${KNOWN}`,
            en: `${where.en} has an unknown placeholder “{${name}}”; the placeholders are: ${KNOWN}`,
          };
      }
      if (/[{}]/.test(text.replace(PLACEHOLDER, '')))
        return {
          field: `clauses.${i}.${part}`,
          zh: `${where.zh}中的花括号“{ }”不成对`,
          en: `${where.en} has a brace “{ }” without its pair`,
        };
    }
  }
  for (const key of ['area', 'heads'] as const)
    if (!parseFraction(t.amendQuorum[key]))
      return {
        field: `amendQuorum.${key}`,
        zh: '应为不大于 1 的分数，如 2/3',
        en: 'must be a fraction no more than 1, such as 2/3',
      };
  return null;
}
