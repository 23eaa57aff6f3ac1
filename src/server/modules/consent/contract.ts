/**
 * The consent module's contract: what each route takes and what it answers (staff consultations,
 * the household-code page, the public calculator). Owners' names leave only masked
 * (`ownersMasked`); household codes only to the committee's staff (`/codes`, a reissue).
 */
import { z } from 'zod';
import { parseFraction } from '../../../core/consent/fraction.ts';
import { DOCUMENT_CATEGORIES } from '../../../core/documents.ts';
import { BALLOT_KINDS, LEDGER_KINDS } from '../../../core/consent/ledger.ts';
import { readReceipt, RECEIPT_DIGITS } from '../../../core/consent/receipts.ts';
import { findRule, RULE_IDS, type ConsentRule } from '../../../core/consent/rules.ts';
import { SURVEY_PURPOSES } from '../../../core/followup.ts';
import { bilingualIssue, optionalText, shortText } from '../../platform/http.ts';
import { day, instant } from '../../platform/contract.ts';
import { areaM2 } from '../registry/contract.ts';

/** Units a calculator takes at most. */
export const MAX_CALCULATOR_UNITS = 2000;

// ---------------------------------------------------------------- request pieces

/** "2/3" as a proper fraction, with a bilingual message when it is not. */
export const fractionText = z
  .string()
  .max(20)
  .transform((v, ctx) => {
    const f = parseFraction(v);
    if (!f) {
      bilingualIssue(ctx, '应为真分数，如 2/3', 'must be a proper fraction such as 2/3', true);
      return z.NEVER;
    }
    return f;
  });

/** A rule of one's own ("2/3" thresholds), read as a ConsentRule with the id `custom`. */
export const customRuleInput = z
  .object({
    participation: z.object({ area: fractionText, heads: fractionText }).nullable().optional(),
    approval: z.object({
      area: fractionText,
      heads: fractionText,
      strict: z.boolean().default(false),
      base: z.enum(['participating', 'total']).default('participating'),
    }),
  })
  .transform((r): ConsentRule => ({
    id: 'custom',
    version: 1,
    name: { zh: '自定义规则', en: 'Custom rule' },
    source: '自定义 custom',
    participation: r.participation ?? null,
    approval: r.approval,
  }));

export const ballotChoice = z.enum(['agree', 'disagree', 'abstain']);
export const ballotChannel = z.enum(['online', 'paper', 'assisted', 'proxy']);
/** A survey's replies: question id → the option chosen, the options chosen, or the text. */
export const surveyAnswers = z.record(
  z.string().max(40),
  z.union([z.string().max(1000), z.array(z.string().max(40)).max(20)]),
);

const bilingualInput = z.object({ zh: shortText(300), en: shortText(400) });
const questionId = z.string().regex(/^[a-z0-9_-]{1,40}$/);
export const surveyQuestionsInput = z
  .array(
    z.object({
      id: questionId,
      kind: z.enum(['single', 'multi', 'text']),
      text: bilingualInput,
      options: z
        .array(z.object({ id: questionId, zh: shortText(100), en: shortText(150) }))
        .min(2)
        .max(12)
        .optional(),
    }),
  )
  .min(1)
  .max(20);

// ---------------------------------------------------------------- requests

export const consultationCreate = z.object({
  projectId: z.uuid(),
  kind: z.enum(['survey', 'vote']),
  title: shortText(100),
  question: shortText(2000),
  documentsSummary: optionalText(4000).optional(),
  ruleId: z.enum(RULE_IDS as [string, ...string[]]).optional(),
  customRule: customRuleInput.optional(),
  /** survey questions; the defaults of core/consent/survey.ts when omitted */
  questions: surveyQuestionsInput.optional(),
  scopeKind: z.enum(['stairwell', 'building', 'estate']).default('stairwell'),
  opensOn: z.iso.date().optional(),
  closesOn: z.iso.date().optional(),
  doubleEntry: z.boolean().optional(),
});
export const consultationPatch = consultationCreate.omit({ projectId: true, kind: true }).partial();

/** A consultation and one of its households (owner groups). */
export const groupParams = z.object({ id: z.uuid(), groupId: z.uuid() });
export const reissueBody = z.object({ reason: shortText(200) });
export const confirmBody = z.object({ choice: ballotChoice.optional() });

/** The text fields of a staff-entered ballot (multipart, beside the scan `file`). */
export const staffBallotFields = z.object({
  groupId: z.uuid(),
  channel: z.enum(['paper', 'assisted', 'proxy']),
  choice: ballotChoice.optional(),
  /** a survey's replies as JSON text (a form field) */
  answers: z
    .string()
    .max(20_000)
    .transform((text, ctx) => {
      let value: unknown = null;
      try {
        value = JSON.parse(text);
      } catch {
        // not JSON: refused below
      }
      const parsed = surveyAnswers.safeParse(value);
      if (!parsed.success) {
        bilingualIssue(ctx, '问卷回答与问卷的题目不符', 'The answers do not fit the survey’s questions');
        return z.NEVER;
      }
      return parsed.data;
    })
    .optional(),
  witness: z.string().trim().max(50).optional(),
  proxyName: z.string().trim().max(50).optional(),
});

/** A household code as typed or scanned from the letter (the code is the credential). */
export const onlineBallot = z.object({ choice: ballotChoice.optional(), answers: surveyAnswers.optional() });

/**
 * A receipt number as typed (core/consent/receipts.ts), as lower-case hex: a whole one (16 digits,
 * or a whole hash) for the public check, the first digits or more for a staff search.
 */
const receiptInput = (whole: boolean) =>
  z
    .string()
    .max(200)
    .transform((typed, ctx) => {
      const r = readReceipt(typed, { whole });
      if (r.ok) return r.hex;
      if (r.reason === 'empty') bilingualIssue(ctx, '不能为空', 'must not be empty', true);
      else if (r.reason === 'char')
        bilingualIssue(
          ctx,
          `中没有“${r.char}”，回执号只有数字 0–9 和字母 A–F`,
          `has no “${r.char}”: receipt numbers have only the digits 0–9 and the letters A–F`,
          true,
        );
      else
        bilingualIssue(
          ctx,
          `共 ${RECEIPT_DIGITS} 位，这里有 ${r.length} 位，请核对`,
          `has ${RECEIPT_DIGITS} characters; this has ${r.length}. Please check it`,
          true,
        );
      return z.NEVER;
    })
    .meta({ description: '回执号，如 9F3A 1C2B 77DE 0A41 The receipt number, e.g. 9F3A 1C2B 77DE 0A41' });

/** A page of a consultation's ledger, newest first; `receipt` finds the events whose receipt starts so. */
export const ledgerQuery = z.object({
  receipt: receiptInput(false).optional(),
  before: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export const receiptParams = z.object({ receipt: receiptInput(true) });

const ruleInput = z.union([
  z
    .string()
    .max(60)
    .transform((id, ctx) => {
      const rule = findRule(id);
      if (!rule) {
        bilingualIssue(ctx, `没有这个表决规则：${id}`, `There is no rule ${id}`);
        return z.NEVER;
      }
      return rule;
    }),
  customRuleInput,
]);

export const calculatorBody = z
  .object({
    rule: ruleInput,
    units: z
      .array(
        z.object({
          id: z.string().min(1).max(40),
          areaM2,
          /** anything naming each owner; units with the same owners are one owner group (one head) */
          owners: z.array(z.string().min(1).max(80)).max(20),
          ballot: ballotChoice.nullable(),
        }),
      )
      .min(1)
      .max(MAX_CALCULATOR_UNITS),
  })
  // zod leaves `examples` out of a transforming schema's input; @fastify/swagger puts `x-examples` on the media type
  .meta({
    'x-examples': {
      stairwell: {
        summary:
          '一个门洞：张家两套房一票，501 未售 One stairwell: one owner’s two flats vote once, 501 is unsold',
        value: {
          rule: 'sh-801-building',
          units: [
            { id: '101', areaM2: '52.30', owners: ['王'], ballot: 'disagree' },
            { id: '201', areaM2: '52.30', owners: ['李'], ballot: 'agree' },
            { id: '301', areaM2: '61.00', owners: ['张'], ballot: 'agree' },
            { id: '302', areaM2: '48.10', owners: ['张'], ballot: 'agree' },
            { id: '401', areaM2: '61.00', owners: ['赵', '钱'], ballot: null },
            { id: '501', areaM2: '61.00', owners: [], ballot: null },
          ],
        },
      },
    },
  });
export type CalculatorInput = z.output<typeof calculatorBody>;

// ---------------------------------------------------------------- answer pieces

const int = z.number().int();
const count = (what: string) => int.meta({ description: what });
/** An area in m² as the API writes it: "65.40". */
const area = z.string().meta({ description: '面积（平方米，两位小数）Area in m²', examples: ['65.40'] });
const sha256 = z.string().meta({ description: 'SHA-256（十六进制）hex' });
export const bilingual = z.object({ zh: z.string(), en: z.string() });

const fraction = z.object({ num: int, den: int });
const thresholds = z.object({ area: fraction, heads: fraction });
export const consentRule = z.object({
  id: z.string(),
  version: int,
  name: bilingual,
  source: z.string(),
  participation: thresholds.nullable().meta({
    description:
      '参与门槛（null：无）Quorum: owners holding this share of area and of heads take part; null for none',
  }),
  approval: thresholds.extend({
    strict: z.boolean().meta({ description: 'true：过（more than）；false：以上（at least）' }),
    base: z
      .enum(['participating', 'total'])
      .meta({ description: '同意比例的分母 Approval counted against those taking part, or all owners' }),
  }),
});

export const surveyQuestion = z.object({
  id: z.string(),
  kind: z.enum(['single', 'multi', 'text']),
  text: bilingual,
  options: z.array(z.object({ id: z.string(), zh: z.string(), en: z.string() })).optional(),
});

export const counts = z.object({
  totalHeads: count('全体业主（户）All owner groups'),
  totalArea: count('全体面积（0.01 平方米）Total area in hundredths of m²'),
  participatingHeads: int,
  participatingArea: int,
  agreeingHeads: int,
  agreeingArea: int,
});
export const outcome = z.object({
  participationMet: z.boolean(),
  approvalMet: z.boolean(),
  passed: z.boolean(),
});

/** One household (owner group) of the frozen electorate, names masked. */
const household = z.object({
  id: z.uuid(),
  label: z.string().meta({ description: '房屋，如“601室、602室” The units, e.g. 601室、602室' }),
  ownersMasked: z.array(z.string()),
});
export const needed = z.object({
  count: int.nullable().meta({
    description:
      '至少还需多少户同意才能通过（0：已通过；null：全部同意也不能）The fewest more households whose agreement passes the vote; null when even all cannot',
  }),
  candidates: z.array(household.extend({ areaM2: area, ballot: ballotChoice.nullable() })),
});

/** The tally frozen when the consultation closed. */
export const closedResult = z.object({
  counts,
  answered: count('已答复的户数 Households that answered'),
  outcome: outcome.nullable(),
  needed: needed.nullable(),
  pendingUnconfirmed: count(
    '结束时仍待第二人核对的纸质选票 Paper ballots still awaiting their second entry at closing',
  ),
  ruleId: z.string().nullable(),
  ledgerHeadHash: sha256,
});
export type ClosedResult = z.infer<typeof closedResult>;

// ---------------------------------------------------------------- answers

export const consultation = z.object({
  id: z.uuid(),
  projectId: z.uuid(),
  committeeId: z.uuid(),
  kind: z.enum(['survey', 'vote']),
  purpose: z.enum(SURVEY_PURPOSES).meta({
    description:
      'willingness 意向征询与表决；follow_up 电梯投用后的满意度回访 willingness (and votes), or a follow-up of the lift in service',
  }),
  title: z.string(),
  question: z.string(),
  documentsSummary: z.string(),
  rule: consentRule.nullable().meta({
    description: '表决规则（意向征询为 null）The voting rule as it stood when chosen; null for a survey',
  }),
  questions: z
    .array(surveyQuestion)
    .nullable()
    .meta({ description: '意向征询的问题（表决为 null）The survey questions; null for a vote' }),
  scopeKind: z.enum(['stairwell', 'building', 'estate']),
  scopeId: z.uuid(),
  status: z.enum(['draft', 'open', 'closed']),
  opensOn: day.nullable(),
  closesOn: day.nullable(),
  doubleEntry: z.boolean().meta({
    description: '纸质选票须第二人核对 Paper ballots count once a second staff member confirms them',
  }),
  openedAt: instant.nullable(),
  closedAt: instant.nullable(),
  result: closedResult.nullable(),
});
export type ConsultationDetail = z.infer<typeof consultation>;

export const consultationListItem = consultation.extend({
  electors: count('业主（户）Households in the electorate'),
  ballotsCast: count('已计入的选票 Ballots counted'),
});
export const consultationsResponse = z.object({ items: z.array(consultationListItem) });

export const tallyGroup = household.extend({
  areaCenti: int,
  areaM2: area,
  ballot: ballotChoice.nullable().meta({ description: '计入的表决选择 The counted choice (a vote)' }),
  pending: z.boolean().meta({ description: '纸质选票待第二人核对 A paper ballot awaits its second entry' }),
  answered: z.boolean(),
  channel: ballotChannel.nullable(),
});
export type TallyGroup = z.infer<typeof tallyGroup>;
export const tallyUnit = z.object({
  unitId: z.uuid(),
  stairwellId: z.uuid(),
  groupId: z.uuid(),
  floor: int,
  room: z.string(),
  areaM2: area,
  ballot: ballotChoice.nullable(),
  pending: z.boolean(),
  answered: z.boolean(),
});
export const tallyResponse = z.object({
  consultation,
  counts,
  answered: int,
  outcome: outcome.nullable(),
  needed: needed.nullable(),
  groups: z.array(tallyGroup),
  units: z.array(tallyUnit),
});

/** Replies counted per question and option, free texts listed. */
export const surveyQuestionResults = z.array(
  z.union([
    z.object({ id: z.string(), kind: z.literal('text'), text: bilingual, texts: z.array(z.string()) }),
    z.object({
      id: z.string(),
      kind: z.enum(['single', 'multi']),
      text: bilingual,
      options: surveyQuestion.shape.options,
      counts: z
        .record(z.string(), int)
        .meta({ description: '选项 id → 选择的户数 Option id → households choosing it' }),
    }),
  ]),
);
export const surveyResultsResponse = z.object({
  replies: count('已答复的户数 Households that answered'),
  questions: surveyQuestionResults,
});

export const householdCode = z.object({
  groupId: z.uuid(),
  label: z.string(),
  ownersMasked: z.array(z.string()),
  code: z.string().meta({ description: '户码 The household code (12 characters)' }),
});
export const codesResponse = z.object({ items: z.array(householdCode) });
export const reissueResponse = z.object({ groupId: z.uuid(), code: z.string() });

export const staffBallotResponse = z.object({
  receipt: sha256.meta({ description: '选票账本中该条记录的哈希 The hash of the ballot’s ledger event' }),
  seq: int,
  changed: z
    .boolean()
    .meta({ description: '替换了该户此前的选票 It replaced the household’s earlier ballot' }),
  confirmed: z.boolean().meta({ description: 'false：待第二人核对 false while it awaits a second entry' }),
  documentId: z.uuid().meta({ description: '扫描件 The stored scan' }),
});
export const confirmResponse = z.object({ receipt: sha256 });

/** A receipt number in an answer: lower-case hex, shown in groups of four capitals. */
const receiptNumber = z.string().meta({
  description: `回执号：选票账本记录哈希的前 ${RECEIPT_DIGITS} 位 The receipt number: the first ${RECEIPT_DIGITS} hex digits of the ledger event's hash`,
  examples: ['9f3a1c2b77de0a41'],
});
const ballotKind = z.enum(BALLOT_KINDS).meta({
  description:
    'cast 网上投票、changed 网上改票、staff_entry 工作人员录入、confirmed 第二人核对 cast or changed online, entered by staff, confirmed by a second staff member',
});

export const ledgerEntry = z.object({
  seq: int,
  at: instant,
  kind: z.enum(LEDGER_KINDS),
  receipt: receiptNumber,
  hash: sha256,
  household: household.omit({ id: true }).nullable().meta({
    description: '该记录涉及的户（姓名已脱敏）；开始、结束为 null The household concerned, names masked',
  }),
  choice: ballotChoice
    .nullable()
    .meta({ description: '表决的选择，与计票所示相同 The vote’s choice, as the tally shows it' }),
  channel: ballotChannel.nullable(),
  needsCheck: z.boolean().meta({
    description: '录入时须第二人核对才计入 Entered to count once a second staff member confirms it',
  }),
  earlier: receiptNumber.nullable().meta({
    description:
      '被替换（改票、重新录入）或被核对的回执号 The receipt this event replaced (a changed vote, a new entry) or confirmed',
  }),
});
export type LedgerEntry = z.infer<typeof ledgerEntry>;
export const ledgerPage = z.object({
  items: z.array(ledgerEntry),
  nextBefore: int.nullable().meta({
    description:
      '下一页的 before 参数；没有更早的记录为 null The `before` of the next page; null when nothing older',
  }),
});
export type LedgerPage = z.infer<typeof ledgerPage>;

/** What the public receipt check tells anyone holding a receipt number: nothing of who voted. */
export const receiptCheck = z.object({
  receipt: receiptNumber,
  project: z.string(),
  consultation: z.object({
    kind: z.enum(['survey', 'vote']),
    title: z.string(),
    status: z.enum(['draft', 'open', 'closed']),
    closesOn: day.nullable(),
    closedAt: instant.nullable(),
  }),
  entry: z.object({
    seq: int.meta({ description: '账本中的序号 The event’s place in the ledger' }),
    at: instant,
    kind: ballotKind,
    channel: ballotChannel,
    choice: ballotChoice
      .nullable()
      .meta({ description: '表决的选择；意向征询为 null The vote’s choice; null for a survey' }),
  }),
  standing: z.enum(['current', 'awaiting_check', 'confirmed', 'replaced']).meta({
    description:
      'current：该户现在的选票；awaiting_check：待第二人核对；confirmed：已由第二人核对（later 为核对记录）；replaced：之后另有选票（later） current: the household’s ballot now; awaiting_check: a paper ballot awaiting its second entry; confirmed: confirmed since (later is the confirmation); replaced: a later ballot replaced it (later)',
  }),
  later: z.object({ at: instant, kind: ballotKind, channel: ballotChannel }).nullable().meta({
    description: '该户现在的选票，若不是这一条 The household’s ballot now, when it is another event',
  }),
});
export type ReceiptCheck = z.infer<typeof receiptCheck>;

export const ledgerVerdict = z.object({
  ok: z.boolean(),
  events: int,
  headHash: sha256,
  firstBad: z
    .object({ seq: int, reason: z.enum(['hash_mismatch', 'broken_link', 'gap']) })
    .optional()
    .meta({
      description:
        '第一条不符的记录（仅在 ok 为 false 时）The first event that does not match, only when ok is false',
    }),
});

export const certificateResponse = z.object({
  consultation: consultation.pick({
    id: true,
    title: true,
    question: true,
    kind: true,
    status: true,
    openedAt: true,
    closedAt: true,
    rule: true,
    result: true,
  }),
  project: z.string(),
  ballots: z.array(
    z.object({
      household: z.string(),
      owners: z.array(z.string()).meta({ description: '业主姓名（已脱敏）Owners, masked' }),
      areaM2: area,
      choice: z
        .enum([...ballotChoice.options, 'answered'])
        .nullable()
        .meta({
          description:
            '计入的选择；意向征询为 answered；未参与为 null The counted choice; answered for a survey; null when none counts',
        }),
      channel: ballotChannel.nullable(),
      castAt: instant.nullable(),
      receipt: receiptNumber
        .nullable()
        .meta({ description: '计入的选票的回执号；不计入为 null The counted ballot’s receipt number' }),
    }),
  ),
  ledger: ledgerVerdict,
});
export type Certificate = z.infer<typeof certificateResponse>;

// ---------------------------------------------------------------- what the owners read first

/** A document of the project's library put before the owners, pinned at a version. */
export const material = z.object({
  documentId: z.uuid(),
  version: z.int(),
  title: z.string(),
  category: z.enum(DOCUMENT_CATEGORIES),
  name: z.string().meta({ description: '文件名 The file name' }),
  mime: z.string(),
  size: z.int(),
});
export type Material = z.infer<typeof material>;
export const materialsResponse = z.object({ items: z.array(material) });
export const materialsBody = z.object({
  documentIds: z
    .array(z.uuid())
    .max(12)
    .meta({ description: '按顺序给业主看的文件 The project documents the owners read, in order' }),
});

// ---------------------------------------------------------------- the household-code page

export const residentViewResponse = z.object({
  state: z.enum(['open', 'closed', 'revoked']),
  project: z.string(),
  consultation: z.object({
    kind: z.enum(['survey', 'vote']),
    title: z.string(),
    question: z.string(),
    documentsSummary: z.string(),
    materials: z.array(material).meta({
      description: '投票前请先阅读的材料（打开：/r/{code}/materials/{documentId}）What to read first',
    }),
    opensOn: day.nullable(),
    closesOn: day.nullable(),
    questions: z.array(surveyQuestion).nullable(),
    ruleName: bilingual.nullable(),
  }),
  household: z.object({ label: z.string(), areaM2: area }).nullable().meta({
    description:
      '作废的户码不显示住户 null for a revoked code: whoever holds a lost letter may not be the owner',
  }),
  ballot: z
    .object({
      choice: ballotChoice.nullable(),
      answers: surveyAnswers.nullable(),
      channel: ballotChannel,
      confirmed: z.boolean(),
      castAt: instant,
      receipt: sha256,
    })
    .nullable(),
  explanation: bilingual
    .nullable()
    .meta({ description: '已结束或已作废时的说明 What the state means, when closed or revoked' }),
});
export type ResidentView = z.infer<typeof residentViewResponse>;

export const ballotResponse = z.object({
  receipt: sha256,
  seq: int,
  changed: z.boolean().meta({ description: '改票 It changed an earlier ballot' }),
  castAt: instant,
});
export type OnlineReceipt = z.infer<typeof ballotResponse>;

// ---------------------------------------------------------------- the public calculator

export const calculatorResponse = outcome.extend({
  heads: z.object({ total: int, participating: int, agreeing: int }),
  areaM2: z.object({ total: area, participating: area, agreeing: area }),
  additionalAgreeNeeded: needed.shape.count,
  candidates: z
    .array(z.object({ units: z.array(z.string()), owners: z.array(z.string()), areaM2: area }))
    .meta({
      description:
        '一组能使表决通过的尚未同意的业主（面积大者优先）One set of not-yet-agreeing owner groups whose agreement passes the vote, largest area first',
    }),
  rule: consentRule.pick({ id: true, version: true, name: true }),
});
export type CalculatorAnswer = z.infer<typeof calculatorResponse>;
