/**
 * The notices module's contract: what its routes take (body, query, params) and what they answer,
 * staff and household-code side. Fastify serialises each answer from these schemas, so a field not
 * named here never leaves.
 */
import { z } from 'zod';
import { day, instant } from '../../platform/contract.ts';
import { optionalText, pageQuery, shortText } from '../../platform/http.ts';
import { calendarDate, dayCount, periodKind } from '../calendar/contract.ts';
import {
  NOTICE_KINDS,
  OBJECTION_MAX_CHARS,
  OBJECTION_STATUSES,
  WORKS_EFFECTS,
} from '../../../core/notices.ts';

const bilingual = z.object({ zh: z.string(), en: z.string() });
const noticeKind = z.enum(NOTICE_KINDS);
const objectionStatus = z.enum(OBJECTION_STATUSES);

// ---------------------------------------------------------------- requests

const START_ON = { zh: '开始日期', en: 'start date' };
const noticeFields = {
  title: shortText(200),
  body: optionalText(20_000).optional(),
  startOn: calendarDate(START_ON),
  publicityDays: dayCount({ zh: '公示天数', en: 'publicity period' }, 1, 365).optional(),
  publicityKind: periodKind.optional(),
  feedbackDays: dayCount({ zh: '书面意见期天数', en: 'feedback period' }, 0, 365).optional(),
  feedbackKind: periodKind.optional(),
  countStartDay: z.boolean().optional(),
  // a works notice (施工公告): its last day, what the works affect and the daily hours
  endOn: calendarDate({ zh: '结束日期', en: 'last day' })
    .optional()
    .meta({ description: '施工公告的最后一天 A works notice’s last day' }),
  worksEffects: z.array(z.enum(WORKS_EFFECTS)).min(1).max(WORKS_EFFECTS.length).optional(),
  hoursFrom: z
    .string()
    .max(5)
    .nullable()
    .optional()
    .meta({ description: '每天施工开始时间 08:00 Daily start' }),
  hoursTo: z.string().max(5).nullable().optional().meta({ description: '每天施工结束时间 18:00 Daily end' }),
};
export const noticeCreate = z.object({ projectId: z.uuid(), kind: noticeKind, ...noticeFields });
export const noticePatch = z.object(noticeFields).partial();
export const noticeRestart = z.object({
  reason: shortText(1000),
  ...noticeFields,
  title: noticeFields.title.optional(),
});
export const noticePost = z.object({ postedWhere: optionalText(200).optional() }).nullish();
/** The fields of a posting-evidence upload besides its file (multipart). */
export const evidenceFields = z.object({
  where: optionalText(200).optional(),
  note: optionalText(1000).optional(),
});
export const evidenceParams = z.object({ id: z.uuid(), evidenceId: z.uuid() });

export const staffObjection = z.object({
  text: shortText(5000),
  fromUnitId: z.uuid().optional(),
  fromName: optionalText(100).optional(),
  receivedOn: calendarDate({ zh: '收到日期', en: 'date received' }).optional(),
});
export const objectionListQuery = z.object({
  ...pageQuery,
  projectId: z.uuid().optional(),
  committeeId: z.uuid().optional(),
  status: objectionStatus.optional(),
});
export const objectionAnswer = z.object({ answer: shortText(5000), settled: z.boolean() });

export const residentObjectionBody = z.object({ noticeId: z.uuid(), text: shortText(OBJECTION_MAX_CHARS) });

// ---------------------------------------------------------------- notices

const phase = z.enum(['draft', 'upcoming', 'publicity', 'feedback', 'ended', 'superseded']);
const noticeStatus = z.enum(['draft', 'posted', 'ended', 'superseded']).meta({
  description: '草稿、已张贴、已结束（按日期）或已被取代 Draft, posted, ended (by its dates) or superseded',
});
const provisional = z.boolean().meta({
  description:
    '截止日按尚未确认的放假安排算出，确认后重算 Computed over a year whose holiday arrangement is not confirmed yet: recomputed when it is',
});

/** A works notice's details, with the effects' labels; null for the other kinds. */
const worksDetails = z
  .object({
    effects: z.array(z.enum(WORKS_EFFECTS)),
    effectLabels: z.array(bilingual),
    hoursFrom: z.string().nullable(),
    hoursTo: z.string().nullable(),
  })
  .nullable()
  .meta({ description: '施工公告：影响与每天施工时间 A works notice: what it affects and the daily hours' });

/** The dates of a notice's periods, as every side shows them. */
const noticeDates = {
  startOn: day,
  publicityEnd: day,
  feedbackEnd: day.nullable().meta({
    description:
      '书面意见期的最后一天；无意见期为 null The written-feedback period’s last day; null without one',
  }),
  endsOn: day.meta({ description: '接受异议的最后一天 The last day objections are taken' }),
  provisional,
};

/** A notice as staff see it. */
export const notice = z.object({
  id: z.uuid(),
  projectId: z.uuid(),
  committeeId: z.uuid(),
  kind: noticeKind,
  kindLabel: bilingual,
  objectionNoun: bilingual.meta({
    description: '对本公示的意见的称呼：异议，施工公告为施工投诉 What its objections are called',
  }),
  title: z.string(),
  body: z.string(),
  works: worksDetails,
  publicityDays: z.number().int(),
  publicityKind: periodKind,
  feedbackDays: z.number().int(),
  feedbackKind: periodKind,
  countStartDay: z.boolean(),
  ...noticeDates,
  status: noticeStatus,
  phase,
  acceptingObjections: z.boolean(),
  postedAt: instant.nullable(),
  postedByName: z.string().nullable(),
  postedWhere: z.string(),
  supersedesId: z.uuid().nullable(),
  restartReason: z.string().nullable(),
  supersededById: z.uuid().nullable(),
  supersededAt: instant.nullable(),
  createdByName: z.string(),
  createdAt: instant,
  updatedAt: instant,
});
export type Notice = z.infer<typeof notice>;

export const noticeListItem = notice.extend({
  objectionCount: z.number().int(),
  unresolvedObjections: z.number().int(),
});
export const noticeListResponse = z.object({ items: z.array(noticeListItem) });
export type NoticeListItem = z.infer<typeof noticeListItem>;

/** A notice's ends, as a holiday arrangement left them before and after it moved them. */
const periodEnds = z.object({
  publicityEnd: day,
  feedbackEnd: day.nullable(),
  endsOn: day,
  provisional: z.boolean(),
});

export const evidence = z.object({
  id: z.uuid(),
  fileId: z.uuid(),
  name: z.string(),
  mime: z.string(),
  size: z.number().int(),
  sha256: z.string(),
  where: z.string(),
  note: z.string(),
  byName: z.string(),
  createdAt: instant,
});
export const evidenceResponse = evidence.extend({ noticeId: z.uuid() });
export type EvidenceUpload = z.infer<typeof evidenceResponse>;

/** An objection as staff see it: the objector's names masked for roles that do not contact residents. */
export const objection = z.object({
  id: z.uuid(),
  noticeId: z.uuid(),
  projectId: z.uuid(),
  channel: z.enum(['household', 'staff']).meta({
    description: '住户通过户码提出，或工作人员登记 From a household through its code, or entered by staff',
  }),
  fromUnitId: z.uuid().nullable(),
  fromLabel: z.string(),
  fromName: z.string(),
  text: z.string(),
  receivedOn: day,
  status: objectionStatus,
  answer: z.string().nullable(),
  answeredAt: instant.nullable(),
  answeredByName: z.string().nullable(),
  settledAt: instant.nullable(),
  createdByName: z.string(),
  createdAt: instant,
});
export type Objection = z.infer<typeof objection>;

export const noticeDetailResponse = notice.extend({
  periodChanges: z
    .array(
      z.object({
        id: z.uuid(),
        year: z.number().int(),
        before: periodEnds,
        after: periodEnds,
        byName: z.string(),
        at: instant,
      }),
    )
    .meta({
      description:
        '放假安排录入或更正后截止日的变动，最早在前 How holiday arrangements moved its ends, oldest first',
    }),
  evidence: z.array(evidence),
  objections: z.array(objection).meta({
    description:
      '异议；转入调解的案件见 GET /projects/{id}/mediation 的 sourceObjectionId Objections; the cases they went to are those of GET /projects/{id}/mediation with their sourceObjectionId',
  }),
});
export type NoticeDetail = z.infer<typeof noticeDetailResponse>;

export const objectionListItem = objection.extend({
  noticeTitle: z.string(),
  projectName: z.string(),
});
export const objectionListResponse = z.object({
  items: z.array(objectionListItem),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type ObjectionListItem = z.infer<typeof objectionListItem>;

// ---------------------------------------------------------------- the household's side

/** What the household-code page lists: the project's posted notices and the household's own objections. */
export const residentNoticesResponse = z.object({
  project: z.string().meta({ description: '项目名称 The project’s name' }),
  household: z.object({ label: z.string() }),
  notices: z.array(
    z.object({
      id: z.uuid(),
      kind: noticeKind,
      kindLabel: bilingual,
      objectionNoun: bilingual,
      title: z.string(),
      body: z.string(),
      works: worksDetails,
      ...noticeDates,
      status: noticeStatus,
      phase,
      acceptingObjections: z.boolean(),
      postedWhere: z.string(),
    }),
  ),
  objections: z.array(
    z.object({
      id: z.uuid(),
      noticeId: z.uuid(),
      noticeTitle: z.string(),
      fromLabel: z.string(),
      text: z.string(),
      receivedOn: day,
      status: objectionStatus,
      answer: z.string().nullable(),
      answeredAt: instant.nullable(),
      createdAt: instant,
    }),
  ),
});
export type ResidentNotices = z.infer<typeof residentNoticesResponse>;

/** What a household's objection answers: what it recorded. */
export const residentObjectionResponse = z.object({
  id: z.uuid(),
  noticeId: z.uuid(),
  fromLabel: z.string(),
  text: z.string(),
  receivedOn: day,
  status: objectionStatus,
  createdAt: instant,
});
export type ResidentObjection = z.infer<typeof residentObjectionResponse>;
