/**
 * The lifts module's contract: a lift once built (its equipment record, who is responsible for its
 * use, how it is inspected) and the lifts of the caller's scope.
 */
import { z } from 'zod';
import { INSPECTION_PLANS, USE_UNIT_KINDS } from '../../../core/lifts.ts';
import { day, instant } from '../../platform/contract.ts';
import { bilingualIssue, optionalText, pageQuery, shortText } from '../../platform/http.ts';
import {
  surveyAnswers,
  surveyQuestion,
  surveyQuestionResults,
  surveyQuestionsInput,
} from '../consent/contract.ts';
import { INSPECTION_KINDS, INSPECTION_RESULTS, TERM_STATES, VISIT_KINDS } from '../../../core/upkeep.ts';

/** "1.00" or "1.5" m/s → 100 or 150 hundredths: an exact decimal, never a float. */
const speed = z
  .string()
  .trim()
  .superRefine((s, ctx) => {
    if (!/^\d{1,2}(\.\d{1,2})?$/.test(s))
      bilingualIssue(
        ctx,
        '应为最多两位小数的数字，如 1.00',
        'must be a number with at most two decimals, like 1.00',
        true,
      );
  });

export const liftBody = z.object({
  registrationCode: optionalText(40).optional(),
  useRegistrationNo: optionalText(40).optional(),
  maker: optionalText(100).optional(),
  model: optionalText(100).optional(),
  ratedLoadKg: z.number().int().min(1).max(5000).nullable().optional(),
  speed: speed.nullable().optional(),
  stops: z.number().int().min(2).max(60).nullable().optional(),
  floorsServed: z.array(z.string().trim().min(1).max(10)).max(60).optional(),
  useUnitKind: z.enum(USE_UNIT_KINDS).nullable().optional(),
  useUnitName: optionalText(100).optional(),
  useUnitContact: optionalText(50).optional(),
  useUnitPhone: optionalText(30).optional(),
  enteredUseOn: z.iso.date().nullable().optional(),
  warrantyStartsOn: z.iso.date().nullable().optional(),
  warrantyMonths: z.number().int().min(0).max(240).nullable().optional(),
  inspectionPlan: z.enum(INSPECTION_PLANS).optional(),
});
export type LiftInput = z.infer<typeof liftBody>;

export const lift = z.object({
  id: z.uuid(),
  projectId: z.uuid(),
  projectName: z.string(),
  committeeId: z.uuid(),
  registrationCode: z.string().nullable(),
  useRegistrationNo: z.string().nullable(),
  maker: z.string(),
  model: z.string(),
  ratedLoadKg: z.number().int().nullable(),
  /** "1.00": hundredths of m/s as written */
  speed: z.string().nullable(),
  stops: z.number().int().nullable(),
  floorsServed: z.array(z.string()),
  useUnitKind: z.enum(USE_UNIT_KINDS).nullable(),
  useUnitName: z.string(),
  useUnitContact: z.string(),
  useUnitPhone: z.string(),
  enteredUseOn: day.nullable(),
  warrantyStartsOn: day.nullable(),
  warrantyMonths: z.number().int().nullable(),
  inspectionPlan: z.enum(INSPECTION_PLANS),
  publicCode: z
    .string()
    .meta({ description: '电梯公开码（轿厢二维码，报修用）The car QR code for fault reports' }),
  createdAt: instant,
  updatedAt: instant,
});
export type Lift = z.infer<typeof lift>;

export const liftOfProject = z.object({ lift: lift.nullable() });

// ---------------------------------------------------------------- upkeep (运维保养)

const fen = z.number().int().min(0).max(100_000_000_000);
const term = { startsOn: z.iso.date(), endsOn: z.iso.date() };
/** a term that ends on or after it starts */
const orderedTerm = <T extends { startsOn: string; endsOn: string }>(t: T, ctx: z.RefinementCtx) => {
  if (t.endsOn < t.startsOn)
    ctx.addIssue({
      code: 'custom',
      path: ['endsOn'],
      message: 'must not be before the start',
      params: { zh: '不能早于开始日期', en: 'must not be before the start', aboutField: true },
    });
};

export const contractBody = z
  .object({
    company: shortText(100),
    companyPhone: optionalText(30).optional(),
    licence: optionalText(60).optional(),
    ...term,
    yearlyFeeFen: fen,
    faultResponseMinutes: z
      .number()
      .int()
      .min(5)
      .max(7 * 24 * 60),
    entrapmentResponseMinutes: z
      .number()
      .int()
      .min(5)
      .max(24 * 60),
    note: optionalText(500).optional(),
  })
  .superRefine(orderedTerm);

export const maintenanceContract = z.object({
  id: z.uuid(),
  liftId: z.uuid(),
  company: z.string(),
  companyPhone: z.string(),
  licence: z.string(),
  startsOn: day,
  endsOn: day,
  yearlyFeeFen: z.number().int(),
  faultResponseMinutes: z.number().int(),
  entrapmentResponseMinutes: z.number().int(),
  note: z.string(),
  state: z.enum(TERM_STATES),
  createdAt: instant,
});

export const visitBody = z.object({
  on: z.iso.date(),
  kind: z.enum(VISIT_KINDS),
  technician: shortText(50),
  itemsDone: z.array(z.string().max(40)).max(40),
  findings: optionalText(1000).optional(),
  signedBy: optionalText(50).optional(),
});

export const maintenanceVisit = z.object({
  id: z.uuid(),
  liftId: z.uuid(),
  on: day,
  kind: z.enum(VISIT_KINDS),
  technician: z.string(),
  itemsDone: z.array(z.string()),
  findings: z.string(),
  signedBy: z.string(),
  byName: z.string(),
  gapDays: z.number().int().meta({ description: '距上次保养的天数 Days since the visit before' }),
  late: z.boolean().meta({ description: '超过 15 日 More than 15 days after the one before' }),
  createdAt: instant,
});

export const inspectionBody = z.object({
  kind: z.enum(INSPECTION_KINDS),
  on: z.iso.date(),
  inspector: shortText(100),
  reportNo: optionalText(60).optional(),
  result: z.enum(INSPECTION_RESULTS),
  nextDueOn: z.iso.date().nullable().optional(),
  note: optionalText(500).optional(),
});

export const inspection = z.object({
  id: z.uuid(),
  liftId: z.uuid(),
  kind: z.enum(INSPECTION_KINDS),
  on: day,
  inspector: z.string(),
  reportNo: z.string(),
  result: z.enum(INSPECTION_RESULTS),
  nextDueOn: day.nullable(),
  note: z.string(),
  byName: z.string(),
  createdAt: instant,
});

export const insuranceBody = z
  .object({ insurer: shortText(100), policyNo: shortText(60), ...term, premiumFen: fen })
  .superRefine(orderedTerm);

export const insurancePolicy = z.object({
  id: z.uuid(),
  liftId: z.uuid(),
  insurer: z.string(),
  policyNo: z.string(),
  startsOn: day,
  endsOn: day,
  premiumFen: z.number().int(),
  state: z.enum(TERM_STATES),
  createdAt: instant,
});

const visitDue = z.object({
  kind: z.enum(VISIT_KINDS),
  lastOn: day.nullable(),
  due: day,
  daysOverdue: z.number().int(),
});
const inspectionDue = z.object({
  kind: z.enum(INSPECTION_KINDS),
  due: day,
  state: z.enum(['ok', 'due_soon', 'overdue']),
});

/** Where a lift's upkeep stands today: what the list shows per lift and the lift's page on top. */
export const upkeepStatus = z.object({
  /** null until the lift entered use */
  nextVisit: visitDue.nullable(),
  nextInspection: inspectionDue.nullable(),
  contract: z.enum(TERM_STATES),
  insurance: z.enum(TERM_STATES),
});

/**
 * What owners see of their lift's upkeep on the household page, and anyone at the car on the QR
 * page: who maintains it and how to call them, the last visit and inspection, until when the
 * inspection holds. Nothing personal: the use unit is an organisation or the owners' group.
 */
export const ownersUpkeep = z.object({
  registrationCode: z.string().nullable(),
  maintainer: z.object({ company: z.string(), phone: z.string() }).nullable(),
  lastVisitOn: day.nullable(),
  /** a visit is overdue (more than 15 days since the last) */
  visitOverdue: z.boolean(),
  lastInspection: z
    .object({ kind: z.enum(INSPECTION_KINDS), on: day, result: z.enum(INSPECTION_RESULTS) })
    .nullable(),
  /** the next yearly check is due on this day: the inspection holds until then */
  inspectionValidUntil: day.nullable(),
  useUnit: z.object({ name: z.string(), phone: z.string() }).nullable(),
});
export type OwnersUpkeep = z.infer<typeof ownersUpkeep>;

// ---------------------------------------------------------------- the follow-up (回访)

export const followUpBody = z.object({
  title: shortText(100).optional(),
  question: shortText(2000).optional(),
  /** the last day to answer; a month from today when omitted */
  closesOn: z.iso.date().optional(),
  /** the questions; the satisfaction questions of core/followup.ts when omitted */
  questions: surveyQuestionsInput.optional(),
});

const share = z
  .object({
    part: z.number().int(),
    whole: z.number().int(),
    percentTenths: z
      .number()
      .int()
      .meta({ description: '百分比×10，四舍五入 Percent × 10, rounded half up' }),
  })
  .nullable();

export const followUp = z.object({
  id: z.uuid().meta({ description: '回访所用的意向征询 The survey consultation carrying it' }),
  title: z.string(),
  round: z.enum(['completion', 'yearly']),
  status: z.enum(['draft', 'open', 'closed']),
  openedAt: instant.nullable(),
  closesOn: day.nullable(),
  closedAt: instant.nullable(),
  households: z.number().int().meta({ description: '征询的户数 Households asked' }),
  replies: z.number().int(),
  responseRate: share.meta({ description: '答复的户数 ÷ 征询的户数 Replies of households asked' }),
  satisfaction: share.meta({
    description:
      '总体评价为满意或基本满意的户数 ÷ 回答该题的户数 Satisfied or mostly satisfied, of those answering the overall question',
  }),
  questions: surveyQuestionResults,
});

export const followUpState = z.object({
  next: z
    .object({ round: z.enum(['completion', 'yearly']), dueOn: day, due: z.boolean() })
    .nullable()
    .meta({
      description: '下次回访；电梯投用前为 null The next follow-up; null before the lift entered use',
    }),
  items: z.array(followUp).meta({ description: '新的在前 Most recent first' }),
});

export const liftPage = z.object({
  lift,
  status: upkeepStatus,
  followUp: followUpState,
  visitsDue: z.array(visitDue),
  contracts: z.array(maintenanceContract),
  visits: z
    .array(maintenanceVisit)
    .meta({ description: '最近的 100 次，新的在前 The latest 100, newest first' }),
  inspections: z.array(inspection),
  insurance: z.array(insurancePolicy),
});
export type LiftPage = z.infer<typeof liftPage>;

export const liftListQuery = z.object({
  ...pageQuery,
  /** only lifts with something overdue (visit, inspection, contract or insurance ended) */
  attention: z.enum(['overdue']).optional(),
  /** only lifts whose project is in service (those a fault can be reported on) */
  inService: z.enum(['true']).optional(),
});

export const liftListItem = z.object({
  id: z.uuid(),
  projectId: z.uuid(),
  projectName: z.string(),
  committeeId: z.uuid(),
  registrationCode: z.string().nullable(),
  enteredUseOn: day.nullable(),
  status: upkeepStatus,
});
export const liftList = z.object({
  items: z.array(liftListItem),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});

/** The follow-up a household's code shows (any of its project's codes), and its answer so far. */
export const residentFollowUp = z.object({
  followUp: z
    .object({
      title: z.string(),
      question: z.string(),
      closesOn: day.nullable(),
      questions: z.array(surveyQuestion),
      ballot: z
        .object({ answers: surveyAnswers.nullable(), castAt: instant, receipt: z.string() })
        .nullable(),
    })
    .nullable()
    .meta({
      description:
        '进行中的回访；没有或本户不在其中为 null The open follow-up; null when none, or the household is not asked',
    }),
});
export const followUpAnswer = z.object({ answers: surveyAnswers });
