/**
 * The money module's contract: what each route takes and what it answers (cost plans, sign-offs,
 * payments, the subsidy claim, running costs, the household's share, the public calculator).
 * Every amount is integer fen; areas are m² as text ("65.40"). Owners' names appear only in the
 * payment status, masked unless the caller sees personal data.
 */
import { z } from 'zod';
import { CLAUSE_LIMITS } from '../../../core/agreement.ts';
import { PAYMENT_METHODS } from '../../../core/money/payments.ts';
import { COST_LINE_KEYS, COST_LINE_SIGNS } from '../../../core/money/breakdown.ts';
import { parseScaled, SCALE } from '../../../core/money/decimal.ts';
import { findSubsidyRule } from '../../../core/money/subsidy.ts';
import { STAGES } from '../../../core/stages.ts';
import { day, instant } from '../../platform/contract.ts';
import { bilingualIssue, optionalText, shortText } from '../../platform/http.ts';
import { projectDocument, schemeInput } from '../projects/contract.ts';
import { areaM2 } from '../registry/contract.ts';

/** Units (and compensations) the public calculator takes at most. */
export const MAX_COST_SHARE_UNITS = 2000;

// ---------------------------------------------------------------- request pieces

/** An amount in fen, up to a billion yuan. */
const fen = z.number().int().min(0).max(100_000_000_000);
const decimalText = z.string().max(20);
const lines = z.array(z.object({ label: shortText(60), fen })).max(20);

// ---------------------------------------------------------------- requests

const planBase = z.object({
  constructionFen: fen,
  otherCosts: lines.optional(),
  subsidy: z
    .union([
      z.object({ ruleId: z.string().max(40) }),
      z.object({ rate: z.string().max(20), capFen: fen.nullable() }),
      z.null(),
    ])
    .optional(),
  otherFunds: lines.optional(),
  compensations: z
    .array(z.object({ unitId: z.uuid(), fen, note: optionalText(200).optional() }))
    .max(100)
    .optional(),
  schedule: z
    .array(z.object({ label: shortText(40), dueOn: z.iso.date(), percent: z.string().max(10) }))
    .max(12)
    .optional(),
  runningCostRule: optionalText(500).optional(),
});
export const planCreate = planBase.extend({ name: shortText(60), scheme: schemeInput });
export const whatIfBody = planBase.extend({
  schemes: z
    .array(z.object({ name: shortText(60), scheme: schemeInput }))
    .min(2)
    .max(4),
});

/** A plan and one unit of its stairwell. */
export const planUnitParams = z.object({ id: z.uuid(), unitId: z.uuid() });
/** The text field of a paper sign-off (multipart, beside the scan `file`). */
export const signOffFields = z.object({ unitId: z.uuid() });
const paymentMethod = z.enum(PAYMENT_METHODS);
export const paymentBody = z.object({
  unitId: z.uuid(),
  amountFen: fen.min(1),
  paidOn: z.iso.date(),
  method: paymentMethod,
  receiptNo: shortText(40),
  providentFund: z.boolean().optional(),
  note: optionalText(200).optional(),
});

const claimStatus = z.enum(['prepared', 'submitted', 'approved', 'received']);
export const claimBody = z.object({
  status: claimStatus,
  preparedOn: z.iso.date().nullable().optional(),
  submittedOn: z.iso.date().nullable().optional(),
  approvedOn: z.iso.date().nullable().optional(),
  receivedOn: z.iso.date().nullable().optional(),
  grantedFen: fen.nullable().optional(),
  note: optionalText(500).optional(),
});

export const runningYearBody = z.object({
  year: z.number().int().min(2000).max(2100),
  items: lines.min(1),
  scheme: schemeInput,
});
export const billPaymentBody = z.object({
  amountFen: fen.min(1),
  paidOn: z.iso.date(),
  method: paymentMethod,
  receiptNo: shortText(40),
});

/** A household code as typed or scanned from the letter (the code is the credential). */
export const residentSignBody = z.object({ unitId: z.uuid() });

const subsidyInput = z.union([
  z
    .string()
    .max(40)
    .transform((id, ctx) => {
      const rule = findSubsidyRule(id);
      if (!rule) {
        bilingualIssue(ctx, `没有这个补贴规则：${id}`, `There is no subsidy rule ${id}`);
        return z.NEVER;
      }
      return rule;
    }),
  z.object({ rate: decimalText, capFen: fen.nullable() }).transform((r, ctx) => {
    const rate = parseScaled(r.rate);
    if (rate === null || rate > SCALE) {
      bilingualIssue(
        ctx,
        '补贴比例应在 0 到 1 之间，如 0.40',
        'The subsidy rate must be between 0 and 1, e.g. 0.40',
      );
      return z.NEVER;
    }
    return r;
  }),
  z.null(),
]);

export const costShareBody = z
  .object({
    constructionFen: fen,
    otherCostsFen: fen.default(0),
    subsidy: subsidyInput.meta({
      description:
        '补贴规则 id（如 sh-2020）、{rate, capFen} 或 null A subsidy rule id (e.g. sh-2020), {rate, capFen}, or null',
    }),
    otherFundsFen: fen.default(0),
    compensations: z
      .array(z.object({ unitId: z.string().min(1).max(40), fen }))
      .max(MAX_COST_SHARE_UNITS)
      .default([]),
    scheme: schemeInput,
    units: z
      .array(z.object({ id: z.string().min(1).max(40), floor: z.number().int().min(1).max(99), areaM2 }))
      .min(1)
      .max(MAX_COST_SHARE_UNITS),
  })
  // zod leaves `examples` out of a transforming schema's input; @fastify/swagger puts `x-examples` on the media type
  .meta({
    'x-examples': {
      sixStoreys: {
        summary:
          '六层一个门洞：60 万元施工、上海 2020 补贴、楼层系数 × 面积，101 获 5000 元补偿 Six storeys: 600,000 yuan of works, the Shanghai 2020 subsidy, floor coefficient × area, 5,000 yuan compensation to 101',
        value: {
          constructionFen: 60_000_000,
          otherCostsFen: 3_000_000,
          subsidy: 'sh-2020',
          otherFundsFen: 0,
          compensations: [{ unitId: '101', fen: 500_000 }],
          scheme: {
            kind: 'floor-coefficient-area',
            coefficients: { 1: '0', 2: '0', 3: '0.7', 4: '0.8', 5: '0.9', 6: '1.0' },
          },
          units: [
            { id: '101', floor: 1, areaM2: '52.30' },
            { id: '201', floor: 2, areaM2: '52.30' },
            { id: '301', floor: 3, areaM2: '61.00' },
            { id: '401', floor: 4, areaM2: '61.00' },
            { id: '501', floor: 5, areaM2: '61.00' },
            { id: '601', floor: 6, areaM2: '48.10' },
          ],
        },
      },
    },
  });
export type CostShareInput = z.output<typeof costShareBody>;

// ---------------------------------------------------------------- answer pieces

const int = z.number().int();
const amount = (what: string) => int.meta({ description: `${what}（分）in fen` });
/** An area in m² as the API writes it: "65.40". */
const area = z.string().meta({ description: '面积（平方米，两位小数）Area in m²', examples: ['65.40'] });
const bilingual = z.object({ zh: z.string(), en: z.string() });
const line = z.object({ label: z.string(), fen: int });
const signedChannel = z.enum(['paper', 'online']);

export const costPlan = z.object({
  id: z.uuid(),
  projectId: z.uuid(),
  committeeId: z.uuid(),
  version: int,
  name: z.string(),
  status: z.enum(['draft', 'adopted', 'superseded']),
  constructionFen: amount('施工金额 Construction'),
  otherCosts: z.array(line),
  subsidy: z
    .object({ ruleId: z.string().nullable(), rate: z.string(), capFen: int.nullable() })
    .nullable()
    .meta({
      description: '选定时的补贴规则（null：无补贴）The subsidy rule as it stood when chosen; null for none',
    }),
  otherFunds: z.array(line),
  compensations: z.array(z.object({ unitId: z.uuid(), fen: int, note: z.string() })),
  scheme: schemeInput,
  schedule: z.array(z.object({ label: z.string(), dueOn: day, percent: z.string() })).meta({
    description:
      '分期（比例合计 100；空：一次付清）Instalments, percentages summing to 100; none: paid at once',
  }),
  runningCostRule: z.string(),
  consultationId: z.uuid().nullable().meta({
    description: '交付表决的征询：表决期间业主看到按此方案“我家要出多少” The vote this plan is put to',
  }),
  subsidyFen: amount('补贴 Subsidy'),
  amountToShareFen: amount('业主分摊 Shared by the owners'),
  adoptedAt: instant.nullable(),
  adoptedByName: z.string().nullable(),
  createdByName: z.string(),
  createdAt: instant,
});

/** A unit's share as a scheme computes it. */
export const plannedShare = z.object({
  unitId: z.uuid(),
  floor: int,
  room: z.string(),
  areaM2: area,
  shareFen: amount('应出资 The share'),
  compensationFen: amount('获得的补偿 Compensation received'),
});
/** A unit's share in a plan: computed live for a draft, frozen once adopted, signed off by the owner. */
export const shareRow = plannedShare.extend({
  signedAt: instant
    .nullable()
    .meta({ description: '业主签认时间（草稿为 null）When the owner signed off; null for a draft' }),
  signedChannel: signedChannel.nullable(),
});

/** What a scheme gives on the stairwell: subsidy, amount to share, each unit's share. */
export const planFigures = z.object({
  subsidy: costPlan.shape.subsidy,
  subsidyFen: amount('补贴 Subsidy'),
  amountToShareFen: amount('业主分摊 Shared by the owners'),
  shares: z.array(plannedShare),
  perFloor: z.array(z.object({ floor: int, fen: int })),
  spreadFen: amount('出资户中最高与最低分摊额之差 The spread between the largest and smallest paying share'),
});

// ---------------------------------------------------------------- answers: cost plans

export const costPlansResponse = z.object({ items: z.array(costPlan) });
export const planCreateResponse = planFigures.extend({ plan: costPlan });
export const whatIfResponse = z.object({
  units: z.array(z.object({ id: z.uuid(), floor: int, room: z.string(), areaM2: area })),
  schemes: z.array(planFigures.extend({ name: z.string(), scheme: schemeInput })),
});
export const planDetailResponse = z.object({
  plan: costPlan,
  project: z.object({ id: z.uuid(), name: z.string() }),
  shares: z.array(shareRow),
  computed: planFigures.nullable().meta({
    description:
      '草稿按现在的登记实时计算（已通过的方案为 null）A draft’s figures on the registry as it is now; null once adopted',
  }),
});
export type PlanDetail = z.infer<typeof planDetailResponse>;
export const planVoteBody = z.object({
  consultationId: z.uuid().nullable().meta({
    description: '本项目的一次征询；null：不再交付表决 A consultation of the project; null to withdraw',
  }),
});
export const signOffResponse = z.object({ unitId: z.uuid(), signedChannel: z.literal('paper') });

export const payment = z.object({
  id: z.uuid(),
  planId: z.uuid(),
  unitId: z.uuid(),
  amountFen: int,
  paidOn: day,
  method: paymentMethod,
  receiptNo: z.string(),
  providentFund: z.boolean().meta({ description: '公积金支付 Paid from the housing provident fund' }),
  note: z.string(),
  recordedByName: z.string(),
  createdAt: instant,
});

const payState = z.enum(['exempt', 'paid', 'partial', 'unpaid']);
export const paymentUnit = z.object({
  unitId: z.uuid(),
  floor: int,
  room: z.string(),
  owners: z.array(z.string()).meta({
    description:
      '业主姓名（无权查看个人信息时脱敏）Owners’ names, masked unless the caller sees personal data',
  }),
  shareFen: int,
  dues: z
    .array(z.object({ label: z.string(), dueOn: day.nullable(), fen: int }))
    .meta({ description: '按分期拆分的应缴额 The share over the instalments' }),
  paidFen: int,
  outstandingFen: int,
  overdueFen: amount('已到期未缴 Fallen due and not paid'),
  signed: z.boolean(),
  state: payState,
});
export type PaymentUnit = z.infer<typeof paymentUnit>;
export const paymentStatusResponse = z.object({
  plan: costPlan,
  units: z.array(paymentUnit),
  arrears: z.array(paymentUnit).meta({ description: '尚有欠款的房屋 The units still owing' }),
  totals: z.object({ shareFen: int, paidFen: int }),
});
export type PaymentStatus = z.infer<typeof paymentStatusResponse>;

// ---------------------------------------------------------------- answers: subsidy claim and running costs

export const subsidyClaim = z.object({
  projectId: z.uuid(),
  committeeId: z.uuid(),
  status: claimStatus,
  preparedOn: day.nullable(),
  submittedOn: day.nullable(),
  approvedOn: day.nullable(),
  receivedOn: day.nullable(),
  grantedFen: int.nullable().meta({
    description: '实际拨付（与计算金额不同时）What was granted, when it differs from the computed amount',
  }),
  note: z.string(),
  updatedAt: instant,
});
export const subsidyClaimResponse = z.object({
  projectId: z.uuid(),
  stage: z.enum(STAGES),
  amountFen: int.nullable().meta({
    description:
      '按已通过方案计算的补贴（无已通过方案时为 null）The subsidy of the adopted plan; null before one is adopted',
  }),
  planVersion: int.nullable(),
  claim: subsidyClaim
    .nullable()
    .meta({ description: '尚未开始申请时为 null null until the claim is started' }),
  // lazily: projects/contract.ts takes the scheme from this module, so this file may be read first
  documents: z
    .array(z.lazy(() => projectDocument))
    .meta({ description: '项目文件中“补贴”类的材料 The project’s documents of the category subsidy' }),
});
export type SubsidyClaimAnswer = z.infer<typeof subsidyClaimResponse>;

const runningBillRow = z.object({
  id: z.uuid(),
  yearId: z.uuid(),
  unitId: z.uuid(),
  floor: int,
  room: z.string(),
  amountFen: int,
  paidFen: int,
  lastPaidOn: day.nullable(),
  lastReceiptNo: z.string().nullable(),
});
export const runningBill = runningBillRow.extend({
  payments: z
    .array(z.object({ amountFen: int, paidOn: day, method: paymentMethod, receiptNo: z.string() }))
    .meta({ description: '各次缴款，先早后晚 Its payments, oldest first' }),
});
export const runningYear = z.object({
  id: z.uuid(),
  projectId: z.uuid(),
  committeeId: z.uuid(),
  year: int,
  items: z.array(line),
  scheme: schemeInput,
  totalFen: int,
  createdByName: z.string(),
  createdAt: instant,
  bills: z.array(runningBill),
  collectedFen: amount('已收 Collected'),
});
export const runningCostsResponse = z.object({ years: z.array(runningYear) });
export const billPaymentResponse = runningBillRow.extend({
  payment: z.object({
    id: z.uuid(),
    billId: z.uuid(),
    amountFen: int,
    paidOn: day,
    method: paymentMethod,
    receiptNo: z.string(),
    recordedByName: z.string(),
    createdAt: instant,
  }),
});

// ---------------------------------------------------------------- answers: the household-code page

/** One line of the plan's sum (core/money/breakdown.ts). */
const costLine = z.object({
  key: z.enum(COST_LINE_KEYS),
  label: bilingual,
  note: bilingual.nullable().meta({ description: '金额的依据（补贴比例与上限）How the figure was reached' }),
  fen: amount('金额，不为负 The amount, never negative'),
  sign: z.enum(COST_LINE_SIGNS).meta({
    description: '加入、减去，或到此为止的合计 Added, taken off, or the running sum so far',
  }),
});

/** The clauses filled for one household: the same text its Word agreement prints. */
export const filledClauses = z.array(z.object({ title: z.string(), body: z.string() })).meta({
  description: '协议条款（已填入本项目与本户的数据）The agreement’s clauses, filled for this household',
});

export const residentCostShareResponse = z.object({
  project: z.string(),
  plan: z.object({
    name: z.string(),
    version: int,
    status: z.enum(['draft', 'adopted', 'superseded']).meta({
      description:
        'draft：表决中的方案（“将要出多少”，不能签认）；adopted：已通过 draft: the plan being voted on (what the household would pay; no sign-off yet)',
    }),
    subsidyPolicy: z
      .object({ name: bilingual, source: z.string() })
      .nullable()
      .meta({ description: '补贴依据 The subsidy rule and where it comes from' }),
    schemeText: bilingual.meta({
      description: '分摊办法的白话说明 How the scheme computes a share, in plain words',
    }),
    lines: z.array(costLine).meta({
      description:
        '方案的费用与资金逐项，与协议书同序同名；逐行加减即得全体业主分摊额 Every cost and fund of the plan, in the agreement’s order and words; adding and taking off line by line gives what all owners share',
    }),
    constructionFen: int,
    subsidyFen: int,
    amountToShareFen: int,
  }),
  units: z.array(
    plannedShare.extend({
      signedAt: instant.nullable(),
      signedChannel: signedChannel.nullable(),
      explanation: bilingual.meta({
        description: '本户应出资的白话说明 The household’s share explained in plain words',
      }),
      clauses: filledClauses,
    }),
  ),
});
export const residentSignResponse = z.object({
  unitId: z.uuid(),
  signedAt: instant,
  already: z.boolean().meta({
    description:
      '此前已签认（两部手机同时签、重复点按）It was signed off before (two phones at once, a double tap)',
  }),
});

// ---------------------------------------------------------------- answers: the public calculator

export const costShareResponse = z.object({
  subsidyFen: int,
  amountToShareFen: int,
  shares: z.array(z.object({ unitId: z.string(), shareFen: int, compensationFen: int })),
});
export type CostShareAnswer = z.infer<typeof costShareResponse>;

// ---------------------------------------------------------------- the agreement's wording

const clause = z.object({
  title: shortText(CLAUSE_LIMITS.title),
  body: shortText(CLAUSE_LIMITS.body).meta({
    description: '正文，可含占位符如 {项目}、{总造价} The text, with placeholders such as {项目}',
  }),
});
const fractionText = z.string().trim().max(20).meta({ description: '分数，如 2/3 A fraction such as 2/3' });

export const agreementTemplateBody = z.object({
  clauses: z.array(clause).min(1).max(CLAUSE_LIMITS.clauses),
  amendQuorum: z.object({ area: fractionText, heads: fractionText }).meta({
    description: '变更协议所需同意的面积与人数比例 Area and heads whose consent changes the agreement',
  }),
});

export const agreementTemplateResponse = agreementTemplateBody.extend({
  isDefault: z.boolean().meta({ description: '系统默认文本（未修改或已恢复）The default wording' }),
  version: int.meta({ description: '修改次数（含恢复默认）How many saves and resets' }),
  updatedAt: instant.nullable(),
  updatedByName: z.string().nullable(),
  placeholders: z
    .array(z.object({ name: z.string(), label: bilingual }))
    .meta({ description: '可用的占位符 The placeholders a clause may use' }),
});
